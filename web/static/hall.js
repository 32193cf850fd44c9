// The hall screen: attendance and quorum between votes; while a vote is
// open, how many have voted (never the split); the result the moment it
// closes. Fed by the meeting's event stream and the open vote's.
(function () {
  "use strict";
  var root = document.getElementById("hall");
  if (!root) { return; }
  var W = root.dataset, id = root.dataset.meeting;
  var main = root.querySelector("[data-main]"), foot = root.querySelector("[data-quorum]");
  var stale = root.querySelector("[data-stale]"), clock = root.querySelector("[data-clock]");
  var meeting = null, votes = [], voteES = null, voteID = 0, shown = null;
  function fmt(s) { var a = Array.prototype.slice.call(arguments, 1); return s.replace(/%[ds]/g, function () { return a.shift(); }); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }
  function tile(lbl, n) { var d = el("div"); d.appendChild(el("span", "lbl", lbl)); d.appendChild(el("span", "big", String(n))); return d; }

  function render() {
    if (!meeting) { return; }
    foot.className = "hall-foot " + (meeting.quorum_met ? "met" : "unmet");
    foot.textContent = fmt(meeting.quorum_met ? W.wPresent : W.wAbsent, meeting.members, meeting.present);
    var open = null, last = null;
    votes.forEach(function (v) { if (v.status === "open") { open = v; } if (v.status === "closed") { last = v; } });
    if (shown && shown.id && (!open || open.id === shown.id)) {
      votes.forEach(function (v) { if (v.id === shown.id && v.status === "closed") { shown = v; } });
    }
    var v = open ? (shown && shown.id === open.id ? shown : open) : last;
    main.innerHTML = "";
    if (!v) {
      var att = el("div", "hall-att");
      att.appendChild(tile(W.wMembers, meeting.members)); att.appendChild(tile(W.wPresentN, meeting.present)); att.appendChild(tile(W.wQuorum, meeting.quorum));
      main.appendChild(att);
      return;
    }
    main.appendChild(el("div", "hall-item", v.title));
    if (v.status === "open") {
      main.appendChild(el("div", "hall-state", W.wVoting + " · " + fmt(W.wThreshold, v.threshold)));
      var c = el("div", "hall-count"); c.dataset.cast = v.cast;
      c.appendChild(document.createTextNode(String(v.cast)));
      c.appendChild(el("small", "", " / " + v.present + " " + W.wCast));
      main.appendChild(c);
    } else {
      main.appendChild(el("div", "hall-verdict " + (v.passed ? "passed" : "failed"), v.passed ? W.wPassed : W.wNotpassed));
      var res = el("div", "hall-result"); res.dataset.result = v.id;
      [[W.wForL, v["for"]], [W.wAgainstL, v.against], [W.wAbstainL, v.abstain], [W.wNotVotedL, v.not_voted]].forEach(function (p) { res.appendChild(tile(p[0], p[1])); });
      main.appendChild(res);
      main.appendChild(el("div", "hall-state", fmt(W.wThreshold, v.threshold)));
    }
  }
  function follow(v) {
    // The open vote's own stream carries each "cast" and the "result".
    if (voteID === (v ? v.id : 0)) { return; }
    if (voteES) { voteES.close(); voteES = null; }
    voteID = v ? v.id : 0;
    if (!v) { return; }
    voteES = new EventSource("/api/v1/votes/" + v.id + "/events");
    function take(e) { shown = JSON.parse(e.data); votes = votes.map(function (x) { return x.id === shown.id ? shown : x; }); render(); }
    voteES.addEventListener("cast", take);
    voteES.addEventListener("result", take);
  }
  function connect() {
    var es = new EventSource("/api/v1/meetings/" + id + "/events");
    es.addEventListener("meeting", function (e) {
      var d = JSON.parse(e.data);
      meeting = d.meeting; votes = d.votes; stale.hidden = true;
      var open = null;
      votes.forEach(function (v) { if (v.status === "open") { open = v; } });
      follow(open);
      render();
    });
    es.onerror = function () { stale.hidden = false; };
  }
  setInterval(function () { clock.textContent = new Date().toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" }); }, 1000);
  connect();
})();
