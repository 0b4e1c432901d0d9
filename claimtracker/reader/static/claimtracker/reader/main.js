/* The reader: paints the document's claims and wires the page — a click on a
 * highlight opens its card, a selection (mouse, or keyboard and Enter) opens the
 * claim form or re-anchors a claim that lost its passage. */
import { request } from "./api.js";
import { announce } from "./dom.js";
import { openCard, openChooser } from "./card.js";
import { openClaimForm } from "./claim-form.js";
import { markPainted, paint } from "./paint.js";
import { closePopover } from "./popover.js";
import { selectionSelector } from "./selection.js";
import { config, state } from "./state.js";

const container = document.getElementById("reader-text");

async function reanchor(id, selector) {
  const card = await request("/claims/" + id + "/card/");
  if (!card.ok) { announce("This claim could not be loaded."); return; }
  const { ok, data } = await request("/claims/" + id + "/update/", {
    version: card.data.edit.version, base: { selector: card.data.edit.values.selector },
    start: selector.start, end: selector.end, quote: selector.quote, prefix: selector.prefix, suffix: selector.suffix,
  });
  if (!ok) { announce("Not re-anchored: " + Object.values(data.errors || {}).flat().join(" ")); return; }
  state.reanchorId = null;
  window.location.reload();
}

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
