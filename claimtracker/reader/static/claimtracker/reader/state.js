/* What the reader's modules share: the page's configuration (from its JSON), the
 * document text, the highlighted claims and the open popover. */

export const config = JSON.parse(document.getElementById("reader-config").textContent);
export const text = config.text;
export const state = { claims: config.claims.slice(), reanchorId: null, popover: null, returnFocus: null };
