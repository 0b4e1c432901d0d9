/* The claim form, in place: a new claim for the selected passage (speaker from the
 * transcript turn, date from the document, figures read from the passage), or an
 * edit of a claim. An edit sends the version and values it started from, so the
 * server can merge it with changes made meanwhile; a conflict keeps the user's
 * input, shows both versions and offers to apply the user's changes. */
import { request, submissionKey } from "./api.js";
import { announce, debounce, el, showErrors } from "./dom.js";
import { paint } from "./paint.js";
import { closePopover, openPopover } from "./popover.js";
import { turnAt } from "./selection.js";
import { config, state } from "./state.js";

function field(label, control, hint) {
  return el("label", { class: "field" }, el("span", { text: label }), control, hint ? el("small", { text: hint }) : null);
}

function options(pairs, selected) {
  return pairs.map(([value, label]) => el("option", { value, selected: String(value) === String(selected), text: label }));
}

const NO_ROLE = () => el("option", { value: "", text: "— as the document names none —" });

function initialValues(selector, card) {
  if (card) return { ...card.edit.values, speakerName: card.speaker ? card.speaker.name : "", roleLabel: card.role ? card.role.label : "" };
  const turn = turnAt(selector.start);
  return {
    speaker: turn && turn.speakerId ? turn.speakerId : null, speakerName: turn && turn.speakerId ? turn.speakerName : "",
    role: null, attribution: "direct", kind: "assertion", status: "unverified", said_on: config.defaultDate, summary: "", topics: [], figures: [],
  };
}

export async function openClaimForm({ selector, card, rect }) {
  const choices = config.choices;
  if (!choices) return;
  const editing = Boolean(card);
  let read = editing ? card.edit : null; // the version and values this edit started from
  const initial = initialValues(selector, card);
  const turn = selector ? turnAt(selector.start) : null;
  const speakerList = el("datalist", { id: "speaker-options" });
  const speakerInput = el("input", { type: "search", name: "speaker", list: "speaker-options", autocomplete: "off", value: initial.speakerName, placeholder: "Type to search" });
  speakerInput.dataset.id = initial.speaker || "";
  const role = el("select", { name: "role" }, NO_ROLE(), initial.role ? el("option", { value: initial.role, selected: true, text: initial.roleLabel }) : null);
  const attribution = el("select", { name: "attribution" }, options(choices.attributions, initial.attribution));
  const kind = el("select", { name: "kind" }, options(Object.entries(config.kinds), initial.kind));
  const topicIds = new Set(initial.topics.map(Number));
  const topics = el("select", { name: "topics", multiple: true, size: "6" }, choices.topics.map((t) => el("option", { value: t.id, selected: topicIds.has(t.id), text: t.label })));
  const saidOn = el("input", { type: "date", name: "said_on", value: initial.said_on || "" });
  const summary = el("textarea", { name: "summary", rows: "2", text: initial.summary || "" });
  const status = config.can.verdict ? el("select", { name: "status" }, options(choices.statuses, initial.status)) : null;
  const figureRows = el("div", { class: "figure-rows" });
  const metricList = el("datalist", { id: "metric-options" });
  const figures = el("fieldset", { class: "figures" }, el("legend", { text: "Figures" }), figureRows, metricList,
    el("button", { type: "button", text: "Add a figure", onclick: () => figureRows.append(figureRow({})) }));
  const errors = el("div", { class: "errors", role: "alert", hidden: true });
  const conflictBox = el("section", { class: "conflict", "aria-label": "Changed meanwhile", hidden: true });
  const save = el("button", { type: "submit", class: "primary", text: editing ? "Save changes" : "Save claim" });
  const quote = selector ? selector.quote : card.quote;
  const form = el("form", { class: "claim-form", novalidate: true },
    el("h3", { text: editing ? "Edit claim" : "New claim" }),
    el("blockquote", { class: "card-quote", text: quote }),
    field("Speaker", speakerInput, turn && turn.speakerName ? "From the turn: " + turn.label : null), speakerList,
    field("Attributed role", role), field("Attribution", attribution), field("Kind", kind),
    field("Topics", topics, "Ctrl-click or Shift+arrows to choose several"), field("Date said", saidOn),
    field("Summary", summary), status ? field("Status", status) : null, figures, conflictBox, errors,
    el("p", { class: "card-actions" }, save, el("button", { type: "button", text: "Cancel", onclick: closePopover })));

  const showFigures = () => { figures.hidden = kind.value !== "statistic" && !figureRows.children.length; };
  kind.addEventListener("change", showFigures);
  (initial.figures || []).forEach((f) => figureRows.append(figureRow(f)));
  if (!editing) {
    // What the passage and the text around it say: kind, figures with their periods and
    // metric, who said it and when (the server reads the sentence the passage is in).
    const place = "&document=" + config.documentId + "&start=" + selector.start + "&end=" + selector.end;
    const { ok, data } = await request("/reader/figures/?text=" + encodeURIComponent(quote) + place);
    if (ok) {
      kind.value = data.kind;
      data.figures.forEach((f) => figureRows.append(figureRow(f)));
      if (data.speaker && !speakerInput.dataset.id) {
        speakerInput.value = data.speaker.name;
        speakerInput.dataset.id = data.speaker.id; // known to wireSpeaker, which loads the roles
      }
      if (data.saidOn) saidOn.value = data.saidOn;
    }
  }
  wireSpeaker(speakerInput, speakerList, role, initial.role);
  wireMetrics(metricList, figureRows);
  showFigures();

  const values = () => ({
    speaker: speakerInput.dataset.id ? Number(speakerInput.dataset.id) : null,
    role: role.value ? Number(role.value) : null,
    attribution: attribution.value, kind: kind.value,
    topics: Array.from(topics.selectedOptions).map((o) => Number(o.value)),
    said_on: saidOn.value || null, summary: summary.value,
    ...(status ? { status: status.value } : {}),
    figures: Array.from(figureRows.children).map(readFigure),
  });
  const key = editing ? null : submissionKey(); // one per form: sent twice, it saves one claim

  async function submit() {
    const payload = values();
    if (speakerInput.value.trim() && !payload.speaker) return showErrors(errors, { speaker: ["Choose a speaker from the list, or leave it empty."] });
    if (editing) Object.assign(payload, { version: read.version, base: read.values });
    else Object.assign(payload, { start: selector.start, end: selector.end, quote: selector.quote, prefix: selector.prefix, suffix: selector.suffix, submission: key });
    save.disabled = true;
    const url = editing ? "/claims/" + card.id + "/update/" : "/documents/" + config.documentId + "/claims/";
    const { ok, status: code, data } = await request(url, payload);
    save.disabled = false;
    if (code === 409) return showConflict(data);
    if (!ok) return showErrors(errors, data.errors);
    state.claims = state.claims.filter((claim) => claim[0] !== data.claim[0]).concat([data.claim]);
    closePopover();
    window.getSelection().removeAllRanges();
    paint();
    announce(editing ? "Claim saved." : "Claim saved and highlighted.");
  }

  function showConflict(data) {
    const conflict = data.conflict;
    showErrors(errors, {});
    conflictBox.replaceChildren(
      el("h4", { text: (conflict.by || "Someone") + " changed this claim since you opened it. Your changes are not saved yet." }),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Field" }), el("th", { scope: "col", text: "Saved meanwhile" }), el("th", { scope: "col", text: "Yours" }))),
        el("tbody", {}, conflict.fields.map((f) => el("tr", {}, el("th", { scope: "row", text: f.label }), el("td", { class: "theirs", text: f.theirs }), el("td", { class: "yours", text: f.yours }))))),
      el("p", { class: "card-actions" },
        el("button", { type: "button", class: "apply-mine", text: "Apply my changes", onclick: () => {
          read = readAgain(read, conflict);
          const known = new Set(conflict.values.figures.map((f) => f.id));
          Array.from(figureRows.children).forEach((row) => { if (row.dataset.id && !known.has(Number(row.dataset.id))) delete row.dataset.id; });
          conflictBox.hidden = true;
          submit();
        } }),
        el("button", { type: "button", text: "Discard mine", onclick: closePopover })));
    conflictBox.hidden = false;
    conflictBox.querySelector("button").focus();
    announce("Someone else changed this claim meanwhile: compare, then apply your changes or discard them.");
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); submit(); });
  openPopover(form, rect || (selector && selector.rect), editing ? "Edit claim" : "New claim");
}

/* What the form read, with the conflicting fields (and figures) as they are saved now:
 * sent again, only the user's own changes replace theirs; what they alone changed stays. */
function readAgain(read, conflict) {
  const values = { ...read.values };
  const figures = new Map(read.values.figures.map((f) => [f.id, f]));
  for (const item of conflict.fields) {
    if (item.field !== "figures") { values[item.field] = conflict.values[item.field]; continue; }
    const now = conflict.values.figures.find((f) => f.id === item.figure);
    if (now) figures.set(item.figure, now); else figures.delete(item.figure);
  }
  values.figures = Array.from(figures.values());
  return { version: conflict.version, values };
}

function figureRow(f) {
  const row = el("div", { class: "figure-row" },
    field("Metric", el("input", { name: "metric", list: "metric-options", value: f.metric || "" })),
    field("Value", el("input", { name: "value", inputmode: "decimal", value: f.value || "" })),
    field("Unit", el("input", { name: "unit", value: f.unit || "", size: "10" })),
    field("Qualifier", el("select", { name: "qualifier" }, options(config.choices.qualifiers, f.qualifier || "exact"))),
    field("Period", el("input", { name: "period_label", value: f.period_label || f.periodLabel || "", size: "10" })));
  if (f.id) row.dataset.id = f.id; // an existing figure: edited in place, its other fields kept
  row.append(el("button", { type: "button", class: "remove", text: "Remove", onclick: () => row.remove() }));
  return row;
}

function readFigure(row) {
  const value = (name) => row.querySelector("[name=" + name + "]").value;
  const figure = { metric: value("metric"), value: value("value").replace(/,/g, ""), unit: value("unit"), qualifier: value("qualifier"), period_label: value("period_label") };
  return row.dataset.id ? { id: Number(row.dataset.id), ...figure } : figure;
}

function wireSpeaker(input, list, role, initialRole) {
  const known = new Map();
  const loadRoles = async (id, selected) => {
    const { ok, data } = await request("/reader/speakers/" + id + "/roles/");
    if (!ok) return;
    role.replaceChildren(NO_ROLE(), ...options(data.results.map((r) => [r.id, r.label]), selected));
  };
  const search = debounce(async () => {
    const { ok, data } = await request("/reader/speakers/?q=" + encodeURIComponent(input.value));
    if (!ok) return;
    data.results.forEach((s) => known.set(s.name, s.id));
    list.replaceChildren(...data.results.map((s) => el("option", { value: s.name })));
    resolve();
  }, 150);
  const resolve = () => {
    const id = known.get(input.value) || "";
    if (String(id) === input.dataset.id) return;
    input.dataset.id = id;
    role.replaceChildren(NO_ROLE());
    if (id) loadRoles(id, null);
  };
  input.addEventListener("input", () => { resolve(); search(); });
  input.addEventListener("change", resolve);
  if (input.dataset.id) { known.set(input.value, Number(input.dataset.id)); loadRoles(input.dataset.id, initialRole); }
}

function wireMetrics(list, rows) {
  rows.addEventListener("input", debounce(async (event) => {
    if (event.target.name !== "metric") return;
    const { ok, data } = await request("/reader/metrics/?q=" + encodeURIComponent(event.target.value));
    if (ok) list.replaceChildren(...data.results.map((m) => el("option", { value: m.name })));
  }, 150));
}
