// The dispatch pages' few behaviours; no inline scripts (the CSP forbids them).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
})();
