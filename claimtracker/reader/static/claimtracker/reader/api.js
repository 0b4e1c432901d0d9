/* Talking to the server: JSON in and out, with the CSRF token on every write. */
import { config } from "./state.js";

export async function request(url, body) {
  const options = { headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.headers["X-CSRFToken"] = config.csrfToken;
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    return { ok: false, status: 0, data: { errors: { __all__: ["The server could not be reached: nothing was saved."] } } };
  }
  let data = {};
  try { data = await response.json(); } catch (error) { data = { errors: { __all__: ["The server answered " + response.status + "."] } }; }
  return { ok: response.ok, status: response.status, data };
}

/* A random key for one submission of a form (RFC 4122 version 4), so that a form sent
 * twice saves once. crypto.randomUUID needs a secure context; getRandomValues does not. */
export function submissionKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
}
