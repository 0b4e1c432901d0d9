/* The citation box: shows the chosen format in place and copies it. Text only, never markup. */
"use strict";

(function () {
  const box = document.querySelector(".citation-box");
  if (!box) return;
  const select = box.querySelector("select[name=format]");
  const output = document.getElementById("citation-text");
  const copy = document.getElementById("copy-citation");
  const status = document.getElementById("copy-status");

  async function show() {
    const response = await fetch(box.dataset.citeUrl + "?format=" + encodeURIComponent(select.value));
    output.textContent = await response.text();
    output.hidden = false;
    copy.hidden = !response.ok;
    status.textContent = "";
  }

  box.querySelector("form").addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.name === "download") return; // the browser downloads it
    event.preventDefault();
    show();
  });
  select.addEventListener("change", show);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(output.textContent);
      status.textContent = "Copied.";
    } catch (error) {
      status.textContent = "Select the text and copy it: the browser refused the clipboard.";
    }
  });
  show();
})();
