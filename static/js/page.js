/* Small page behaviours, as a static file: the Content-Security-Policy allows no inline or
   evaluated script (no onclick, no hx-on). */
(function () {
  "use strict";
  /* An element marked data-swap-errors="400 422" lets htmx show the answer of those statuses
     (the form again, with the rule that blocked it) instead of dropping it as an error. */
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var holder = target && target.closest ? target.closest("[data-swap-errors]") : null;
    if (!holder) return;
    var statuses = holder.getAttribute("data-swap-errors").split(/\s+/);
    if (statuses.indexOf(String(event.detail.xhr.status)) !== -1) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  /* A field marked data-select-on-focus (an address to copy) selects its text when focused. */
  document.addEventListener("focusin", function (event) {
    var field = event.target;
    if (field && field.hasAttribute && field.hasAttribute("data-select-on-focus")) field.select();
  });
})();
