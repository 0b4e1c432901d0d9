/* Painting the text: every claim a highlight, coloured by kind (the innermost of
 * nested claims wins the colour, the depth shows how many cover a spot), and the
 * labels of a transcript's speaker turns marked. */
import { config, state, text } from "./state.js";
import { toUnits } from "./offsets.js";

const container = () => document.getElementById("reader-text");

export function paint() {
  const starts = new Map(), ends = new Map(), cuts = new Set([0, text.length]);
  const add = (map, key, item) => { if (!map.has(key)) map.set(key, []); map.get(key).push(item); };
  for (const claim of state.claims) {
    const item = { id: claim[0], start: toUnits(claim[1]), end: toUnits(claim[2]), kind: claim[3], anchor: claim[4] };
    add(starts, item.start, item); add(ends, item.end, item); cuts.add(item.start); cuts.add(item.end);
  }
  const turns = config.turns.map((turn) => ({ ...turn, from: toUnits(turn.start), to: toUnits(turn.labelEnd) }));
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
  container().replaceChildren(fragment);
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

/* The frame with the highlights is painted right after this animation frame's
 * callbacks; a task queued from one runs once that paint is done. */
export function markPainted() {
  requestAnimationFrame(() => setTimeout(() => {
    window.claimtrackerPaintedAt = performance.now();
    container().dataset.painted = "true";
  }, 0));
}
