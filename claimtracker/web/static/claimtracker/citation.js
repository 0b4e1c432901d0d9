/* The citation box: shows the chosen format in place, as text only (textContent, never
   markup), and copies it. For the formatted styles the box lists in data-rich-formats
   (APA, Chicago, MLA), Copy puts both text/plain (the text shown) and text/html (the
   rich text of ?html=1, fetched on copy: titles in <i>) on the clipboard, so a word
   processor keeps the italics and a plain editor gets the text; where ClipboardItem is
   missing, and for the other formats (BibTeX, RIS, CSL-JSON…), it copies the text alone. */
"use strict";

(function () {
  const box = document.querySelector(".citation-box");
  if (!box) return;
  const select = box.querySelector("select[name=format]");
  const output = document.getElementById("citation-text");
  const copy = document.getElementById("copy-citation");
  const status = document.getElementById("copy-status");
  const richFormats = (box.dataset.richFormats || "").split(/\s+/).filter(Boolean);
  let shown = null; // {format, text}: what the box shows, once it was fetched
  let latest = 0; // answers to an older choice of format are dropped

  function citeUrl(format) {
    return box.dataset.citeUrl + "?format=" + encodeURIComponent(format);
  }

  async function show() {
    const format = select.value;
    const asked = ++latest;
    const response = await fetch(citeUrl(format));
    const text = await response.text();
    if (asked !== latest) return;
    output.textContent = text;
    output.hidden = false;
    shown = response.ok ? {format, text} : null;
    copy.hidden = !response.ok;
    status.textContent = "";
  }

  async function richText(format) {
    const response = await fetch(citeUrl(format) + "&html=1");
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok || !type.startsWith("text/html")) throw new Error("no rich text for " + format);
    return new Blob([await response.text()], {type: "text/html"});
  }

  async function copyShown({format, text}) {
    if (richFormats.includes(format) && typeof ClipboardItem === "function") {
      // The item is made within the click, with the rich text still to come: browsers that
      // ask for a user gesture (Safari) accept a promise there, not a write after an await.
      const html = richText(format);
      html.catch(() => {}); // its failure is the write's, below
      const plain = new Blob([text], {type: "text/plain"});
      const item = new ClipboardItem({"text/plain": plain, "text/html": html});
      try {
        await navigator.clipboard.write([item]);
        return;
      } catch (error) {
        // No rich text (refused, rate-limited) or no write(): the plain text still goes.
      }
    }
    await navigator.clipboard.writeText(text);
  }

  box.querySelector("form").addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.name === "download") return; // the browser downloads it
    event.preventDefault();
    show();
  });
  select.addEventListener("change", show);
  copy.addEventListener("click", async () => {
    if (!shown) return;
    try {
      await copyShown(shown);
      status.textContent = "Copied.";
    } catch (error) {
      status.textContent = "Select the text and copy it: the browser refused the clipboard.";
    }
  });
  show();
})();
