/* A claim's card: what it says, who said it, its figures, notes and links, and for
 * those allowed, its status, edit and delete. A chooser when several claims cover
 * the passage clicked. */
import { request } from "./api.js";
import { announce, el, showErrors } from "./dom.js";
import { toUnits } from "./offsets.js";
import { paint } from "./paint.js";
import { closePopover, openPopover } from "./popover.js";
import { config, state, text } from "./state.js";
import { openClaimForm } from "./claim-form.js";

export async function openCard(id, rect) {
  const { ok, data } = await request("/claims/" + id + "/card/");
  if (!ok) { announce("This claim could not be loaded."); return; }
  openPopover(cardContent(data, rect), rect, "Claim " + id);
}

function cardContent(card, rect) {
  const role = card.role ? ", " + card.role.label : "";
  return el("div", { class: "card", "data-claim": card.id },
    el("p", { class: "card-kind" }, el("span", { class: "swatch kind-" + card.kind }), card.kindLabel + " · " + card.statusLabel + (card.anchor !== "anchored" ? " · " + card.anchorLabel : "")),
    el("blockquote", { class: "card-quote", text: card.quote }),
    el("p", { class: "card-speaker", text: (card.speaker ? card.speaker.name + role : "Unattributed") + " · " + card.attributionLabel + (card.saidOn ? " · " + card.saidOn : "") }),
    card.summary ? el("p", { class: "card-summary", text: card.summary }) : null,
    card.topics.length ? el("p", { class: "meta", text: "Topics: " + card.topics.map((t) => t.name).join(", ") }) : null,
    card.figures.length ? el("ul", { class: "card-figures" }, card.figures.map((f) => el("li", { text: f.text }))) : null,
    el("p", { class: "meta" }, card.links + (card.links === 1 ? " link · " : " links · "), el("a", { href: card.url, text: "Open the claim page" })),
    notesSection(card),
    statusSection(card),
    actionsSection(card, rect));
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
  if (!card.can.verdict) return null;
  const select = el("select", { name: "status", "aria-label": "Verification status" },
    config.choices.statuses.map(([value, label]) => el("option", { value, selected: value === card.status, text: label })));
  const errors = el("div", { class: "errors", role: "alert", hidden: true });
  const form = el("form", { class: "status-form" }, select, el("button", { type: "submit", text: "Set status" }), errors);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { ok, status, data } = await request("/claims/" + card.id + "/status/", {
      status: select.value, version: card.edit.version, base: { status: card.edit.values.status },
    });
    if (status === 409) {
      // Someone set another status since this card opened: show theirs; setting again applies ours.
      const theirs = data.conflict.fields.map((f) => f.theirs).join(", ");
      card.edit = { version: data.conflict.version, values: data.conflict.values };
      return showErrors(errors, { __all__: [(data.conflict.by || "Someone") + " set it to " + theirs + " since you opened this card. Press “Set status” again to set yours."] });
    }
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
  state.popover.querySelector(".card").replaceWith(cardContent(card, null));
}

export function openChooser(ids, rect) {
  const items = ids.map((id) => {
    const claim = state.claims.find((c) => c[0] === id);
    const quote = text.slice(toUnits(claim[1]), toUnits(claim[2]));
    return el("li", {}, el("button", { type: "button", class: "choose", onclick: () => openCard(id, rect) },
      el("span", { class: "swatch kind-" + claim[3] }), (config.kinds[claim[3]] || claim[3]) + ": “" + (quote.length > 90 ? quote.slice(0, 89) + "…" : quote) + "”"));
  });
  openPopover(el("div", {}, el("p", { text: ids.length + " claims cover this passage:" }), el("ul", { class: "plain chooser" }, items)), rect, "Claims here");
}
