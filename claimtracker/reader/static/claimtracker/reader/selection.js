/* The reader's selection as a W3C selector: code-point offsets, the exact quote
 * (surrounding white space dropped) and up to 32 characters of context each side. */
import { config, text } from "./state.js";
import { toCodePoints } from "./offsets.js";

const CONTEXT = 32;

function unitOffset(container, node, offset) {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

export function selectionSelector() {
  const container = document.getElementById("reader-text");
  const selection = window.getSelection();
  if (!selection.rangeCount || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  let start = unitOffset(container, range.startContainer, range.startOffset);
  let end = unitOffset(container, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return null;
  return {
    start: toCodePoints(start),
    end: toCodePoints(end),
    quote: text.slice(start, end),
    prefix: Array.from(text.slice(Math.max(0, start - 2 * CONTEXT), start)).slice(-CONTEXT).join(""),
    suffix: Array.from(text.slice(end, end + 2 * CONTEXT)).slice(0, CONTEXT).join(""),
    rect: range.getBoundingClientRect(),
  };
}

/* The transcript turn a passage falls in (its speaker pre-fills the claim form). */
export function turnAt(codePoint) {
  let found = null;
  for (const turn of config.turns) if (turn.start <= codePoint) found = turn;
  return found;
}
