// The cockpit's big-screen mode keeps itself current: every minute it
// fetches the page again and swaps in the new figures. A failed fetch keeps
// the last figures on screen and says so, instead of the browser's error
// page a meta refresh would leave on the hall display.
(function () {
  "use strict";
  if (!document.body.classList.contains("screen")) { return; }
  var every = 60 * 1000;
  function tick() {
    var c = document.querySelector("[data-clock]");
    if (c) { c.textContent = new Date().toLocaleTimeString(document.documentElement.lang, { hour12: false }); }
  }
  function refresh() {
    fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) {
        // A lost session lands on the login page: show that rather than stale figures.
        if (r.redirected && r.url.indexOf("/login") >= 0) { location.reload(); return; }
        if (!r.ok) { throw new Error(r.status); }
        return r.text().then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.querySelector("main");
          if (!fresh) { throw new Error("no main"); }
          document.querySelector("main").innerHTML = fresh.innerHTML;
          tick();
        });
      })
      .catch(function () {
        var s = document.querySelector("[data-stale]");
        if (s) { s.hidden = false; }
      });
  }
  tick();
  setInterval(tick, 1000);
  setInterval(refresh, every);
})();
