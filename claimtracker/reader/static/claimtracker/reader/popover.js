/* One popover at a time (a card, a chooser, a form): a labelled dialog placed by the
 * passage, focus moved in and given back on close (Escape or ×). */
import { el } from "./dom.js";
import { state } from "./state.js";

export function openPopover(content, rect, label) {
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

export function closePopover() {
  if (!state.popover) return;
  state.popover.remove();
  state.popover = null;
  if (state.returnFocus && document.contains(state.returnFocus)) state.returnFocus.focus();
}
