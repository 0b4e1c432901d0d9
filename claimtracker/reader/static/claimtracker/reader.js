/* Claimtracker reader: highlights, claim cards and select-to-claim.
 *
 * Safety: the document text and every field reach the page through
 * createTextNode / textContent / setAttribute only; no HTML is built from
 * strings anywhere in this file.
 * Offsets: the server speaks Unicode code points (W3C TextPositionSelector);
 * the DOM speaks UTF-16 code units. `Offsets` converts between them.
 */
"use strict";

(function () {
  const config = JSON.parse(document.getElementById("reader-config").textContent);
  const container = document.getElementById("reader-text");
  const liveStatus = document.getElementById("reader-status");
  const text = config.text;
  const CONTEXT = 32;
  const state = { claims: config.claims.slice(), reanchorId: null, popover: null, returnFocus: null };

  // --- Offsets: code points <-> UTF-16 units -----------------------------

  const Offsets = (function () {
    const astral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
    let unitsAt = null; // unitsAt[cp] = UTF-16 index of code point cp
    if (astral) {
      unitsAt = [0];
      for (let i = 0; i < text.length; ) {
        i += text.codePointAt(i) > 0xffff ? 2 : 1;
        unitsAt.push(i);
      }
    }
    return {
      toUnits: (cp) => (astral ? unitsAt[Math.min(cp, unitsAt.length - 1)] : cp),
      toCodePoints: function (units) {
        if (!astral) return units;
        let low = 0, high = unitsAt.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (unitsAt[mid] <= units) low = mid; else high = mid - 1;
        }
        return low;
      },
    };
  })();

  // --- Small DOM helpers ---------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function announce(message) {
    liveStatus.textContent = message;
  }

  async function request(url, body) {
    const options = { headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (body !== undefined) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRFToken"] = config.csrfToken;
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    let data = {};
    try { data = await response.json(); } catch (error) { data = { errors: { __all__: ["The server answered " + response.status + "."] } }; }
    return { ok: response.ok, status: response.status, data };
  }

  // --- Painting the text ---------------------------------------------------

  function paint() {
    const starts = new Map(), ends = new Map(), cuts = new Set([0, text.length]);
    const add = (map, key, item) => { if (!map.has(key)) map.set(key, []); map.get(key).push(item); };
    for (const claim of state.claims) {
      const item = { id: claim[0], start: Offsets.toUnits(claim[1]), end: Offsets.toUnits(claim[2]), kind: claim[3], anchor: claim[4] };
      add(starts, item.start, item); add(ends, item.end, item); cuts.add(item.start); cuts.add(item.end);
    }
    const turns = config.turns.map((turn) => ({ ...turn, from: Offsets.toUnits(turn.start), to: Offsets.toUnits(turn.labelEnd) }));
    for (const turn of turns) { cuts.add(turn.from); cuts.add(turn.to); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const active = new Set();
    const fragment = document.createDocumentFragment();
    let turnIndex = 0;
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i], to = points[i + 1];
      (ends.get(from) || []).forEach((item) => active.delete(item));
      (starts.get(from) || []).forEach((item) => active.add(item));
      while (turnIndex < turns.length && turns[turnIndex].to <= from) turnIndex++;
      const turn = turnIndex < turns.length && turns[turnIndex].from <= from ? turns[turnIndex] : null;
      fragment.append(segment(text.slice(from, to), Array.from(active), turn));
    }
    container.replaceChildren(fragment);
  }

  function segment(piece, covering, turn) {
    if (!covering.length && !turn) return document.createTextNode(piece);
    const span = document.createElement("span");
    span.textContent = piece;
    if (turn) {
      span.classList.add("turn-label");
      if (turn.speakerId) span.dataset.speaker = turn.speakerId;
    }
    if (covering.length) {
      covering.sort((a, b) => (a.end - a.start) - (b.end - b.start)); // innermost first
      span.classList.add("hl", "kind-" + covering[0].kind, "depth-" + Math.min(covering.length, 4));
      if (covering.some((item) => item.anchor === "review")) span.classList.add("needs-review");
      span.dataset.claims = covering.map((item) => item.id).join(" ");
    }
    return span;
  }

  // The frame with the highlights is painted right after this animation frame's
  // callbacks; a task queued from one runs once that paint is done.
  function markPainted() {
    requestAnimationFrame(() => setTimeout(() => {
      window.claimtrackerPaintedAt = performance.now();
      container.dataset.painted = "true";
    }, 0));
  }

  // --- The selection -----------------------------------------------------

  function unitOffset(node, offset) {
    const range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function selectionSelector() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    let start = unitOffset(range.startContainer, range.startOffset);
    let end = unitOffset(range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start >= end) return null;
    return {
      start: Offsets.toCodePoints(start),
      end: Offsets.toCodePoints(end),
      quote: text.slice(start, end),
      prefix: Array.from(text.slice(Math.max(0, start - 2 * CONTEXT), start)).slice(-CONTEXT).join(""),
      suffix: Array.from(text.slice(end, end + 2 * CONTEXT)).slice(0, CONTEXT).join(""),
      rect: range.getBoundingClientRect(),
    };
  }

  function turnAt(codePoint) {
    let found = null;
    for (const turn of config.turns) if (turn.start <= codePoint) found = turn;
    return found;
  }

  // --- Popovers (card, chooser, form) ---------------------------------------

  function openPopover(content, rect, label) {
    closePopover();
    state.returnFocus = document.activeElement;
    const close = el("button", { type: "button", class: "popover-close", "aria-label": "Close", onclick: closePopover, text: "×" });
    const popover = el("div", { class: "popover", role: "dialog", "aria-label": label }, close, content);
    document.body.append(popover);
    const top = window.scrollY + (rect ? rect.bottom + 8 : 100);
    const left = Math.max(8, Math.min(window.scrollX + (rect ? rect.left : 100), window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8));
    popover.style.top = top + "px";
    popover.style.left = left + "px";
    state.popover = popover;
    const first = popover.querySelector("input, select, textarea, button:not(.popover-close), a");
    (first || close).focus();
    return popover;
  }

  function closePopover() {
    if (!state.popover) return;
    state.popover.remove();
    state.popover = null;
    if (state.returnFocus && document.contains(state.returnFocus)) state.returnFocus.focus();
  }

  function showErrors(box, errors) {
    box.replaceChildren();
    const lines = [];
    for (const [field, messages] of Object.entries(errors || {})) {
      if (field === "figures" && Array.isArray(messages)) {
        messages.forEach((figureErrors, index) => {
          for (const [name, texts] of Object.entries(figureErrors || {})) lines.push("Figure " + (index + 1) + ", " + name + ": " + texts.join(" "));
        });
      } else {
        lines.push((field === "__all__" ? "" : field + ": ") + messages.join(" "));
      }
    }
    lines.forEach((line) => box.append(el("p", { text: line })));
    box.hidden = !lines.length;
  }

  // --- The card --------------------------------------------------------------

  async function openCard(id, rect) {
    const { ok, data } = await request("/claims/" + id + "/card/");
    if (!ok) { announce("This claim could not be loaded."); return; }
    openPopover(cardContent(data, rect), rect, "Claim " + id);
  }

  function cardContent(card, rect) {
    const role = card.role ? ", " + card.role.label : "";
    const body = el("div", { class: "card", "data-claim": card.id },
      el("p", { class: "card-kind" }, el("span", { class: "swatch kind-" + card.kind }), card.kindLabel + " · " + card.statusLabel + (card.anchor !== "anchored" ? " · " + card.anchorLabel : "")),
      el("blockquote", { class: "card-quote", text: card.quote }),
      el("p", { class: "card-speaker", text: (card.speaker ? card.speaker.name + role : "Unattributed") + " · " + card.attributionLabel + (card.saidOn ? " · " + card.saidOn : "") }),
      card.summary ? el("p", { text: card.summary }) : null,
      card.topics.length ? el("p", { class: "meta", text: "Topics: " + card.topics.map((t) => t.name).join(", ") }) : null,
      card.figures.length ? el("ul", { class: "card-figures" }, card.figures.map((f) => el("li", { text: f.text }))) : null,
      el("p", { class: "meta" }, card.links + (card.links === 1 ? " link · " : " links · "), el("a", { href: card.url, text: "Open the claim page" })),
      notesSection(card),
      statusSection(card),
      actionsSection(card, rect));
    return body;
  }

  function notesSection(card) {
    const list = el("ul", { class: "card-notes" }, card.notes.map((note) =>
      el("li", {}, el("span", { text: note.body }), el("span", { class: "meta", text: " — " + (note.author ? note.author + ", " : "") + note.createdAt.slice(0, 10) }))));
    const section = el("section", { "aria-label": "Notes" }, el("h3", { text: "Latest notes" }), card.notes.length ? list : el("p", { class: "meta", text: "No notes yet." }));
    if (!card.can.note) return section;
    const errors = el("div", { class: "errors", role: "alert", hidden: true });
    const body = el("textarea", { name: "body", rows: "2", "aria-label": "New note", required: true });
    const form = el("form", { class: "note-form" }, body, el("button", { type: "submit", text: "Add note" }), errors);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const { ok, data } = await request("/claims/" + card.id + "/notes/", { body: body.value });
      if (!ok) return showErrors(errors, data.errors);
      announce("Note added.");
      replaceCard(data.card);
    });
    section.append(form);
    return section;
  }

  function statusSection(card) {
    if (!card.can.change) return null;
    const select = el("select", { name: "status", "aria-label": "Verification status" },
      (config.choices ? config.choices.statuses : [[card.status, card.statusLabel]]).map(([value, label]) => el("option", { value, selected: value === card.status, text: label })));
    const errors = el("div", { class: "errors", role: "alert", hidden: true });
    const form = el("form", { class: "status-form" }, select, el("button", { type: "submit", text: "Set status" }), errors);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const { ok, data } = await request("/claims/" + card.id + "/status/", { status: select.value });
      if (!ok) return showErrors(errors, data.errors);
      announce("Status set to " + data.card.statusLabel + ".");
      replaceCard(data.card);
    });
    return form;
  }

  function actionsSection(card, rect) {
    const buttons = [];
    if (card.can.change) buttons.push(el("button", { type: "button", class: "edit", text: "Edit", onclick: () => openClaimForm({ card, rect }) }));
    if (card.can.delete) {
      const remove = el("button", { type: "button", class: "delete", text: "Delete" });
      remove.addEventListener("click", async () => {
        if (remove.dataset.armed !== "true") { remove.dataset.armed = "true"; remove.textContent = "Really delete this claim?"; return; }
        const { ok } = await request("/claims/" + card.id + "/delete/", {});
        if (!ok) { announce("The claim could not be deleted."); return; }
        state.claims = state.claims.filter((claim) => claim[0] !== card.id);
        closePopover(); paint(); announce("Claim deleted.");
      });
      buttons.push(remove);
    }
    return buttons.length ? el("p", { class: "card-actions" }, buttons) : null;
  }

  function replaceCard(card) {
    if (!state.popover) return;
    const old = state.popover.querySelector(".card");
    old.replaceWith(cardContent(card, null));
  }

  function openChooser(ids, rect) {
    const items = ids.map((id) => {
      const claim = state.claims.find((c) => c[0] === id);
      const quote = text.slice(Offsets.toUnits(claim[1]), Offsets.toUnits(claim[2]));
      return el("li", {}, el("button", { type: "button", class: "choose", onclick: () => openCard(id, rect) },
        el("span", { class: "swatch kind-" + claim[3] }), (config.kinds[claim[3]] || claim[3]) + ": “" + (quote.length > 90 ? quote.slice(0, 89) + "…" : quote) + "”"));
    });
    openPopover(el("div", {}, el("p", { text: ids.length + " claims cover this passage:" }), el("ul", { class: "plain chooser" }, items)), rect, "Claims here");
  }

  // --- The claim form --------------------------------------------------------

  function field(label, control, hint) {
    return el("label", { class: "field" }, el("span", { text: label }), control, hint ? el("small", { text: hint }) : null);
  }

  function options(pairs, selected) {
    return pairs.map(([value, label]) => el("option", { value, selected: String(value) === String(selected), text: label }));
  }

  async function openClaimForm({ selector, card, rect }) {
    const choices = config.choices;
    if (!choices) return;
    const editing = Boolean(card);
    const turn = selector ? turnAt(selector.start) : null;
    const initial = editing ? card : {
      speaker: turn && turn.speakerId ? { id: turn.speakerId, name: turn.speakerName } : null,
      role: null, attribution: "direct", kind: "assertion", status: "unverified", saidOn: config.defaultDate, summary: "", topics: [], figures: [],
    };
    const speakerList = el("datalist", { id: "speaker-options" });
    const speakerInput = el("input", { type: "search", name: "speaker", list: "speaker-options", autocomplete: "off", value: initial.speaker ? initial.speaker.name : "", placeholder: "Type to search" });
    speakerInput.dataset.id = initial.speaker ? initial.speaker.id : "";
    const role = el("select", { name: "role" }, el("option", { value: "", text: "— as the document names none —" }));
    const attribution = el("select", { name: "attribution" }, options(choices.attributions, initial.attribution));
    const kind = el("select", { name: "kind" }, options(Object.entries(config.kinds), initial.kind));
    const topicIds = new Set(initial.topics.map((t) => t.id));
    const topics = el("select", { name: "topics", multiple: true, size: "6" }, choices.topics.map((t) => el("option", { value: t.id, selected: topicIds.has(t.id), text: t.label })));
    const saidOn = el("input", { type: "date", name: "said_on", value: initial.saidOn || "" });
    const summary = el("textarea", { name: "summary", rows: "2", text: initial.summary || "" });
    const status = el("select", { name: "status" }, options(choices.statuses, initial.status));
    const figureRows = el("div", { class: "figure-rows" });
    const metricList = el("datalist", { id: "metric-options" });
    const figures = el("fieldset", { class: "figures" }, el("legend", { text: "Figures" }), figureRows, metricList,
      el("button", { type: "button", text: "Add a figure", onclick: () => figureRows.append(figureRow({})) }));
    const errors = el("div", { class: "errors", role: "alert", hidden: true });
    const save = el("button", { type: "submit", class: "primary", text: editing ? "Save changes" : "Save claim" });
    const quote = selector ? selector.quote : card.quote;
    const form = el("form", { class: "claim-form", novalidate: true },
      el("h3", { text: editing ? "Edit claim" : "New claim" }),
      el("blockquote", { class: "card-quote", text: quote }),
      field("Speaker", speakerInput, turn && turn.speakerName ? "From the turn: " + turn.label : null), speakerList,
      field("Attributed role", role), field("Attribution", attribution), field("Kind", kind),
      field("Topics", topics, "Ctrl-click or Shift+arrows to choose several"), field("Date said", saidOn),
      field("Summary", summary), field("Status", status), figures, errors,
      el("p", { class: "card-actions" }, save, el("button", { type: "button", text: "Cancel", onclick: closePopover })));

    const showFigures = () => { figures.hidden = kind.value !== "statistic" && !figureRows.children.length; };
    kind.addEventListener("change", showFigures);
    (initial.figures || []).forEach((f) => figureRows.append(figureRow(f)));
    wireSpeaker(speakerInput, speakerList, role, initial.role);
    wireMetrics(metricList, figureRows);
    if (!editing) {
      const { ok, data } = await request("/reader/figures/?text=" + encodeURIComponent(quote));
      if (ok) {
        kind.value = data.kind;
        data.figures.forEach((f) => figureRows.append(figureRow(f)));
      }
    }
    showFigures();

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const payload = {
        speaker: speakerInput.dataset.id || null, role: role.value || null, attribution: attribution.value, kind: kind.value,
        topics: Array.from(topics.selectedOptions).map((o) => o.value), said_on: saidOn.value || null, summary: summary.value, status: status.value,
        figures: Array.from(figureRows.children).map(readFigure),
      };
      if (speakerInput.value.trim() && !payload.speaker) return showErrors(errors, { speaker: ["Choose a speaker from the list, or leave it empty."] });
      if (selector) Object.assign(payload, { start: selector.start, end: selector.end, quote: selector.quote, prefix: selector.prefix, suffix: selector.suffix });
      save.disabled = true;
      const url = editing ? "/claims/" + card.id + "/update/" : "/documents/" + config.documentId + "/claims/";
      const { ok, data } = await request(url, payload);
      save.disabled = false;
      if (!ok) return showErrors(errors, data.errors);
      state.claims = state.claims.filter((claim) => claim[0] !== data.claim[0]).concat([data.claim]);
      closePopover();
      window.getSelection().removeAllRanges();
      paint();
      announce(editing ? "Claim saved." : "Claim saved and highlighted.");
    });
    openPopover(form, rect || (selector && selector.rect), editing ? "Edit claim" : "New claim");
  }

  function figureRow(f) {
    const row = el("div", { class: "figure-row" },
      field("Metric", el("input", { name: "metric", list: "metric-options", value: f.metric || "" })),
      field("Value", el("input", { name: "value", inputmode: "decimal", value: f.value || "" })),
      field("Unit", el("input", { name: "unit", value: f.unit || "", size: "10" })),
      field("Qualifier", el("select", { name: "qualifier" }, options(config.choices.qualifiers, f.qualifier || "exact"))),
      field("Period", el("input", { name: "period_label", value: f.periodLabel || "", size: "10" })));
    row.append(el("button", { type: "button", class: "remove", text: "Remove", onclick: () => row.remove() }));
    return row;
  }

  function readFigure(row) {
    const value = (name) => row.querySelector("[name=" + name + "]").value;
    return { metric: value("metric"), value: value("value").replace(/,/g, ""), unit: value("unit"), qualifier: value("qualifier"), period_label: value("period_label") };
  }

  function debounce(fn, ms) {
    let timer;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  }

  function wireSpeaker(input, list, role, initialRole) {
    const known = new Map();
    const loadRoles = async (id, selected) => {
      role.replaceChildren(el("option", { value: "", text: "— as the document names none —" }));
      if (!id) return;
      const { ok, data } = await request("/reader/speakers/" + id + "/roles/");
      if (ok) role.append(...options(data.results.map((r) => [r.id, r.label]), selected));
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
      if (String(id) !== input.dataset.id) { input.dataset.id = id; loadRoles(id, null); }
    };
    input.addEventListener("input", () => { resolve(); search(); });
    input.addEventListener("change", resolve);
    if (input.dataset.id) { known.set(input.value, Number(input.dataset.id)); loadRoles(input.dataset.id, initialRole ? initialRole.id : null); }
  }

  function wireMetrics(list, rows) {
    rows.addEventListener("input", debounce(async (event) => {
      if (event.target.name !== "metric") return;
      const { ok, data } = await request("/reader/metrics/?q=" + encodeURIComponent(event.target.value));
      if (ok) list.replaceChildren(...data.results.map((m) => el("option", { value: m.name })));
    }, 150));
  }

  // --- Re-anchoring an orphaned or flagged claim --------------------------------

  async function reanchor(id, selector) {
    const { ok, data } = await request("/claims/" + id + "/update/", {
      start: selector.start, end: selector.end, quote: selector.quote, prefix: selector.prefix, suffix: selector.suffix,
    });
    if (!ok) { announce("Not re-anchored: " + Object.values(data.errors || {}).flat().join(" ")); return; }
    state.reanchorId = null;
    window.location.reload();
  }

  // --- Events -------------------------------------------------------------------

  function onSelectionDone() {
    const selector = selectionSelector();
    if (!selector) return false;
    if (state.reanchorId) { reanchor(state.reanchorId, selector); return true; }
    if (!config.can.add) return false;
    openClaimForm({ selector });
    return true;
  }

  container.addEventListener("mouseup", () => setTimeout(onSelectionDone, 0));
  container.addEventListener("click", (event) => {
    if (!window.getSelection().isCollapsed) return;
    const hit = event.target.closest("[data-claims]");
    if (!hit) return;
    const ids = hit.dataset.claims.split(" ").map(Number);
    const rect = hit.getBoundingClientRect();
    if (ids.length === 1) openCard(ids[0], rect); else openChooser(ids, rect);
  });
  container.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const selection = window.getSelection();
      if (!selection.isCollapsed) { onSelectionDone(); return; }
      const hit = selection.anchorNode && selection.anchorNode.parentElement && selection.anchorNode.parentElement.closest("[data-claims]");
      if (hit) hit.click();
      return;
    }
    if (["Backspace", "Delete"].includes(event.key)) event.preventDefault();
  });
  // The text takes a caret (for keyboard selection) but never an edit.
  ["beforeinput", "paste", "drop", "cut", "dragstart"].forEach((name) => container.addEventListener(name, (event) => event.preventDefault()));
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") closePopover(); });
  document.querySelectorAll("button.reanchor").forEach((button) => button.addEventListener("click", () => {
    state.reanchorId = Number(button.dataset.claim);
    announce("Now select the passage for claim " + button.dataset.claim + ".");
    document.getElementById("reader-hint").textContent = "Select the passage for claim " + button.dataset.claim + "; it will be re-anchored there.";
    container.focus();
  }));

  paint();
  markPainted();
  // After painting: an editable host costs the first layout more.
  container.setAttribute("spellcheck", "false");
  container.setAttribute("contenteditable", "true");
  container.setAttribute("role", "textbox");
  container.setAttribute("aria-readonly", "true");
  container.setAttribute("aria-multiline", "true");
  container.setAttribute("tabindex", "0");
})();
