// The cockpit's big-screen mode keeps itself current: when the figures
// change (a server-sent event) and every minute it fetches the page again
// and swaps in the new figures. A failed fetch keeps
// the last figures on screen and says so, instead of the browser's error
// page a meta refresh would leave on the hall display.
(function () {
  "use strict";
  if (!document.body.classList.contains("screen")) { return; }
  var every = 60 * 1000;
  // The clock shows the city's time: the server's clock at rendering
  // plus the time elapsed here, shifted by the city's UTC offset, so a
  // hall PC set to another zone or a wrong time still shows Beijing time.
  var first = document.querySelector("[data-clock]");
  var skew = first ? Number(first.dataset.now) - Date.now() : 0;
  var offset = first ? Number(first.dataset.offset) : 0;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var c = document.querySelector("[data-clock]");
    if (!c) { return; }
    var t = new Date(Date.now() + skew + offset * 60000);
    c.textContent = pad(t.getUTCHours()) + ":" + pad(t.getUTCMinutes()) + ":" + pad(t.getUTCSeconds());
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
  // A change of the figures on any server (a report saved, a project or
  // a problem changed) refreshes the screen at once; the minute's refresh
  // stays for a lost stream, which the browser reconnects by itself.
  if (window.EventSource) {
    var live = new EventSource("/api/v1/cockpit/events");
    live.addEventListener("changed", refresh);
  }
})();
