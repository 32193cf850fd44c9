// Pages of the project registry and the import: small helpers that keep
// working forms working without them (no inline script: the CSP forbids it).
(function () {
  "use strict";
  document.querySelectorAll(".js-print").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  // The print view of the list (?print=1) opens the print dialog itself.
  if (document.body.classList.contains("print") && document.querySelector(".projects-list")) {
    window.addEventListener("load", function () { window.print(); });
  }
  // Team rows: add an empty row by copying the last one.
  document.querySelectorAll(".js-add-row").forEach(function (b) {
    b.addEventListener("click", function () {
      var body = document.getElementById(b.getAttribute("data-table")).tBodies[0];
      var row = body.rows[body.rows.length - 1].cloneNode(true);
      row.querySelectorAll("input").forEach(function (i) { i.value = ""; });
      body.appendChild(row);
      row.querySelector("input").focus();
    });
  });
  // Preview: show only the rows with errors and their messages.
  document.querySelectorAll(".js-only-errors").forEach(function (c) {
    c.addEventListener("change", function () {
      document.getElementById(c.getAttribute("data-table")).classList.toggle("only-errors", c.checked);
    });
  });
  // Refuse an oversized workbook before sending 20 MB over a slow intranet;
  // the server refuses it too.
  var up = document.getElementById("upload-form");
  if (up) {
    up.addEventListener("submit", function (ev) {
      var f = up.querySelector("input[type=file]");
      var max = parseInt(up.getAttribute("data-max-mb"), 10) * 1048576;
      if (f.files.length && f.files[0].size > max) {
        ev.preventDefault();
        window.alert(up.getAttribute("data-too-big"));
      }
    });
  }
  // One click imports once: the server takes the kept file only once, and
  // the button says it is working meanwhile.
  document.addEventListener("submit", function (ev) {
    if (ev.defaultPrevented) { return; }
    var b = ev.target.querySelector("button.primary");
    if (b && (ev.target.classList.contains("confirm-bar") || ev.target.id === "upload-form")) {
      setTimeout(function () { b.disabled = true; b.classList.add("busy"); }, 0);
    }
  });
})();
