/* Search as you type for the link form: fills the datalist with matching claims.
 * Options are built with the DOM, never from HTML strings. */
"use strict";

(function () {
  const form = document.querySelector("form.link-form");
  if (!form) return;
  const input = form.querySelector("input[name=target]");
  const list = document.getElementById("link-target-options");
  let timer = null;
  let asked = "";

  async function lookup() {
    const query = input.value.trim();
    if (query.length < 2 || query === asked || /^#\d+ — /.test(query)) return;
    asked = query;
    const url = form.dataset.lookup + "?exclude=" + form.dataset.claim + "&q=" + encodeURIComponent(query);
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const data = await response.json();
    list.replaceChildren(...data.results.map((claim) => {
      const option = document.createElement("option");
      option.value = claim.label;
      return option;
    }));
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(lookup, 200);
  });
})();
