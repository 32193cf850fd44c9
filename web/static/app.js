// Qianxiang's shared script: no framework, nothing fetched from outside.
(function () {
  "use strict";
  // The CSRF token of the session, for fetch calls from page scripts.
  var meta = document.querySelector('input[name="csrf"]');
  window.qx = {
    csrf: meta ? meta.value : "",
    // api sends JSON to the API with the session's CSRF token.
    api: function (method, url, body) {
      var opts = { method: method, headers: { "X-CSRF-Token": window.qx.csrf, "Accept-Language": document.documentElement.lang } , credentials: "same-origin" };
      if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
      return fetch(url, opts).then(function (r) {
        if (r.status === 204) { return {}; }
        return r.json().then(function (j) { if (!r.ok) { var e = new Error((j.error && j.error.message) || r.statusText); e.body = j; e.status = r.status; throw e; } return j; });
      });
    }
  };
  // Buttons with data-confirm ask first.
  document.addEventListener("submit", function (ev) {
    var b = ev.submitter || ev.target.querySelector("[data-confirm]");
    var msg = (b && b.getAttribute && b.getAttribute("data-confirm")) || ev.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) { ev.preventDefault(); }
  });
  // A form's fieldsets marked data-for="v" show only while its select
  // named stage holds v (a lead's move: the contract to sign, the project
  // to land); without script every fieldset stays visible.
  document.querySelectorAll("form select[name=stage]").forEach(function (s) {
    var sets = s.form.querySelectorAll("fieldset[data-for]");
    if (!sets.length) { return; }
    var show = function () { sets.forEach(function (f) { f.hidden = f.getAttribute("data-for") !== s.value; }); };
    s.addEventListener("change", show);
    show();
  });
  // Print buttons of pages without a script of their own (the CSP allows
  // no inline handlers).
  document.querySelectorAll("[data-print-now]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  // Live sums: an element with data-sum-of="selector" shows the sum of
  // those inputs as they are typed (data-decimals places, grouped), and
  // is marked .bad while it differs from data-sum-want. The server checks
  // again on saving; this only spares a round trip.
  document.querySelectorAll("[data-sum-of]").forEach(function (out) {
    var inputs = document.querySelectorAll(out.getAttribute("data-sum-of"));
    var dec = parseInt(out.getAttribute("data-decimals") || "0", 10), unit = Math.pow(10, dec);
    var want = out.getAttribute("data-sum-want");
    function update() {
      var total = 0, ok = true;
      inputs.forEach(function (i) {
        var v = i.value.trim().replace(/,/g, "");
        if (v === "") { return; }
        var n = Number(v);
        if (!isFinite(n)) { ok = false; return; }
        total += Math.round(n * unit); // whole units: no float drift
      });
      out.textContent = ok ? (total / unit).toLocaleString("en-US", { minimumFractionDigits: dec, maximumFractionDigits: dec }) : "?";
      if (want !== null) { out.classList.toggle("bad", !ok || total !== Math.round(Number(want) * unit)); }
      // What the server worked out from the saved figures is stale now.
      var stale = out.getAttribute("data-stale");
      if (stale) { document.querySelectorAll(stale).forEach(function (e) { e.hidden = true; }); }
    }
    inputs.forEach(function (i) { i.addEventListener("input", update); });
  });
  // Auto-submit filter forms when a select changes.
  document.querySelectorAll("form.autosubmit select").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });
})();
