// The deputy's tablet: check in, then press 赞成 / 反对 / 弃权 on the open
// vote and confirm. The page shows that the vote is recorded, never what
// was pressed, so a tablet left on the desk tells no one.
(function () {
  "use strict";
  var root = document.getElementById("tablet");
  if (!root || !root.dataset.meeting) { return; }
  var W = root.dataset, id = root.dataset.meeting, present = root.dataset.present === "true";
  var ballot = root.querySelector("[data-ballot]"), msg = root.querySelector("[data-msg]");
  var bar = root.querySelector("[data-confirm-bar]"), title = root.querySelector("[data-vote-title]");
  var vote = null, picked = null;
  function fmt(s) { var a = Array.prototype.slice.call(arguments, 1); return s.replace(/%[ds]/g, function () { return a.shift(); }); }
  function words(c) { return c === "for" ? W.wFor : c === "against" ? W.wAgainst : W.wAbstain; }
  function pick(c) {
    picked = c;
    root.querySelectorAll("[data-choice]").forEach(function (b) { b.classList.toggle("picked", b.dataset.choice === c); });
    bar.hidden = !c;
    if (c) { root.querySelector("[data-confirm-text]").textContent = fmt(W.wConfirm, words(c)); }
  }
  function show() {
    root.querySelector("[data-checkin]").hidden = present;
    root.querySelector("[data-present-note]").hidden = !present;
    if (!present) { ballot.hidden = true; msg.textContent = ""; return; }
    if (!vote) { ballot.hidden = true; pick(null); msg.textContent = W.wWaiting; return; }
    title.textContent = vote.title;
    if (vote.voted) { ballot.hidden = true; pick(null); msg.textContent = W.wDone; return; }
    ballot.hidden = false; msg.textContent = "";
    root.querySelectorAll("[data-choice]").forEach(function (b) { b.disabled = false; });
  }
  root.addEventListener("click", function (ev) {
    var b = ev.target.closest("button");
    if (!b) { return; }
    if (b.dataset.choice) { pick(b.dataset.choice); return; }
    if (b.dataset.act === "back") { pick(null); return; }
    if (b.dataset.act === "checkin") {
      b.disabled = true;
      qx.api("POST", "/api/v1/meetings/" + id + "/checkin").then(function () { present = true; show(); },
        function (e) { msg.textContent = e.message; b.disabled = false; });
      return;
    }
    if (b.dataset.act === "confirm" && vote && picked) {
      b.disabled = true;
      root.querySelectorAll("[data-choice]").forEach(function (x) { x.disabled = true; });
      qx.api("POST", "/api/v1/votes/" + vote.id + "/ballot", { choice: picked }).then(function () {
        vote.voted = true; pick(null); b.disabled = false; show();
      }, function (e) {
        b.disabled = false; pick(null); msg.textContent = e.message;
        if (e.status === 409) { vote.voted = true; show(); msg.textContent = W.wDone; }
      });
    }
  });
  function take(d) {
    if (d.me_present !== undefined) { present = d.me_present; }
    var open = null;
    d.votes.forEach(function (v) { if (v.status === "open") { open = v; } });
    if (!open || !vote || open.id !== vote.id || open.voted) { vote = open; }
    show();
  }
  if (window.EventSource) {
    var es = new EventSource("/api/v1/meetings/" + id + "/events");
    es.addEventListener("meeting", function (e) { take(JSON.parse(e.data)); });
  }
  show();
})();
