/* Building the page's elements safely: text reaches the DOM through createTextNode,
 * textContent and setAttribute only; no HTML is ever built from strings. */

export function el(tag, attributes, ...children) {
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

export function announce(message) {
  document.getElementById("reader-status").textContent = message;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

export function showErrors(box, errors) {
  box.replaceChildren();
  const lines = [];
  for (const [field, messages] of Object.entries(errors || {})) {
    if (field === "figures" && Array.isArray(messages) && messages.some((m) => typeof m === "object")) {
      messages.forEach((figureErrors, index) => {
        for (const [name, texts] of Object.entries(figureErrors || {})) lines.push("Figure " + (index + 1) + ", " + name + ": " + texts.join(" "));
      });
    } else {
      lines.push((field === "__all__" ? "" : field + ": ") + [].concat(messages).join(" "));
    }
  }
  lines.forEach((line) => box.append(el("p", { text: line })));
  box.hidden = !lines.length;
}
