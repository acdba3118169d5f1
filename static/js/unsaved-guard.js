/* Warn before leaving a page with text typed but not saved, and submit a form only once.
   Forms marked data-guard-unsaved are watched: any input or change marks the page dirty; submitting
   one of them clears it (the server then saves it or shows it again with its errors). Vanilla,
   no dependencies; loaded with defer. */
(function () {
  "use strict";
  var dirty = new Set();
  function watched(form) { return form && form.hasAttribute("data-guard-unsaved"); }
  // A form htmx swapped out of the page is no longer there to lose anything.
  function prune() { dirty.forEach(function (form) { if (!form.isConnected) { dirty.delete(form); } }); }
  function mark(event) {
    var form = event.target && event.target.form;
    if (watched(form)) { dirty.add(form); form.setAttribute("data-unsaved", "yes"); }
  }
  document.addEventListener("input", mark, true);
  document.addEventListener("change", mark, true);
  document.addEventListener("submit", function (event) {
    // A second click while the first submission is on its way would add the person twice.
    if (event.target.getAttribute("data-submitting") === "yes") {
      event.preventDefault();
      return;
    }
    if (watched(event.target)) { dirty.delete(event.target); }
    prune();
    // Leaving through one form's submit loses what is typed in the others: say so.
    var holder = document.querySelector("[data-unsaved-message]");
    if (dirty.size && !window.confirm(holder ? holder.getAttribute("data-unsaved-message")
                                             : "You have unsaved changes. Leave anyway?")) {
      event.preventDefault();
      if (watched(event.target)) { dirty.add(event.target); }
      return;
    }
    dirty.clear();
    if (watched(event.target)) { event.target.setAttribute("data-submitting", "yes"); }
  }, true);
  // Back from the history cache: the page may submit again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      form.removeAttribute("data-submitting");
    });
  });
  window.addEventListener("beforeunload", function (event) {
    prune();
    if (!dirty.size) { return undefined; }
    event.preventDefault();
    event.returnValue = "";
    return "";
  });
}());
