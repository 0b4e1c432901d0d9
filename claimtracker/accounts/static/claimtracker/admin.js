/* Names for the admin's autocomplete widgets (Select2 draws a combobox named by its
 * current choice, empty when nothing is chosen, and a search field with no label):
 * each takes the label of the field it stands for, whenever Select2 draws one. */
"use strict";

(function () {
  function labelOf(select) {
    const label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return (label && label.textContent.replace(/:\s*$/, "").trim()) || select.getAttribute("aria-label") || select.name;
  }

  function name(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const box = select.nextElementSibling;
      if (!box || !box.classList.contains("select2")) return;
      const text = labelOf(select);
      box.querySelectorAll(".select2-selection").forEach(function (combobox) {
        combobox.removeAttribute("aria-labelledby");
        combobox.setAttribute("aria-label", text);
      });
      box.querySelectorAll(".select2-search__field, .select2-selection__rendered[role=textbox]").forEach(function (field) {
        field.setAttribute("aria-label", text);
      });
      box.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) { list.setAttribute("role", "list"); });
    });
  }

  // Select2 draws its widgets when Django's autocomplete script runs (on load, and for each
  // inline row added): name them whenever one appears.
  let pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; name(document); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("load", function () { name(document); });
})();
