/* Offsets: the server speaks Unicode code points (W3C TextPositionSelector), the
 * DOM speaks UTF-16 code units. Only a text with characters outside the Basic
 * Multilingual Plane (𝐀, some CJK) needs a table between the two. */
import { text } from "./state.js";

const astral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
let unitsAt = null; // unitsAt[cp] = UTF-16 index of code point cp
if (astral) {
  unitsAt = [0];
  for (let i = 0; i < text.length; ) {
    i += text.codePointAt(i) > 0xffff ? 2 : 1;
    unitsAt.push(i);
  }
}

export function toUnits(codePoint) {
  return astral ? unitsAt[Math.min(codePoint, unitsAt.length - 1)] : codePoint;
}

export function toCodePoints(units) {
  if (!astral) return units;
  let low = 0, high = unitsAt.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (unitsAt[mid] <= units) low = mid; else high = mid - 1;
  }
  return low;
}
