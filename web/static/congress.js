// The meeting page: check-in desk, votes opened and closed by staff, and
// the attendance and votes kept live from the meeting's event stream.
(function () {
  "use strict";
  var root = document.getElementById("meeting");
  if (!root) { return; }
  var id = root.dataset.meeting, manage = root.dataset.manage === "true";
  var W = document.getElementById("words").dataset;
  function fmt(s) { var a = Array.prototype.slice.call(arguments, 1); return s.replace(/%[ds]/g, function () { return a.shift(); }); }
  function say(el, text, good) { el.textContent = text; el.className = "msg " + (good ? "good" : "bad"); }

  function quorum(m) {
    var box = document.querySelector(".quorum");
    box.classList.toggle("met", m.quorum_met); box.classList.toggle("unmet", !m.quorum_met);
    document.querySelector("[data-quorum-text]").textContent = fmt(m.quorum_met ? W.quorumMet : W.quorumUnmet, m.members, m.present);
  }
  function statusWord(s) { return s === "draft" ? W.draft : s === "open" ? W.openst : W.closed; }
  function row(v) {
    var tr = document.querySelector('tr[data-vote="' + v.id + '"]');
    if (!tr) { return; }
    tr.dataset.status = v.status;
    tr.querySelector('[data-f="status"]').textContent = statusWord(v.status);
    tr.querySelector('[data-f="cast"]').textContent = v.cast;
    var res = tr.querySelector('[data-f="result"]');
    res.textContent = "";
    if (v.status === "closed") {
      var b = document.createElement("b");
      b.className = v.passed ? "good" : "bad";
      b.textContent = v.passed ? W.passed : W.notpassed;
      res.appendChild(b);
      res.appendChild(document.createTextNode(" " + fmt(W.result, v["for"], v.against, v.abstain, v.not_voted)));
    }
    var act = tr.querySelector('[data-f="actions"]');
    if (act) {
      var a = v.status === "draft" ? "open" : v.status === "open" ? "close" : "reopen";
      act.innerHTML = "";
      var btn = document.createElement("button");
      btn.className = "small" + (a === "reopen" ? "" : " primary");
      btn.dataset.act = a; btn.textContent = W[a];
      act.appendChild(btn);
    }
  }
  // The attendance by delegation is re-read from the roll when the
  // numbers present or on leave change (the stream carries the totals only).
  var seen = root.dataset.present + "/" + root.dataset.leave;
  function delegations(m) {
    var key = m.present + "/" + m.leave;
    if (key === seen) { return; }
    seen = key;
    qx.api("GET", "/api/v1/meetings/" + id + "/roll").then(function (r) {
      var by = {};
      r.items.forEach(function (e) {
        var g = by[e.deputy.delegation] || (by[e.deputy.delegation] = { members: 0, present: 0, leave: 0, away: 0 });
        g.members++;
        if (e.status === "present") { g.present++; } else if (e.status === "leave") { g.leave++; } else { g.away++; }
      });
      document.querySelectorAll("#delegations tr[data-deleg]").forEach(function (tr) {
        var g = by[tr.dataset.deleg];
        if (!g) { return; }
        ["members", "present", "leave", "away"].forEach(function (f) { tr.querySelector('[data-f="' + f + '"]').textContent = g[f]; });
      });
    }, function () { seen = ""; });
  }
  function refresh(data) {
    quorum(data.meeting);
    delegations(data.meeting);
    var known = {};
    document.querySelectorAll("tr[data-vote]").forEach(function (tr) { known[tr.dataset.vote] = true; });
    var missing = data.votes.some(function (v) { return !known[v.id]; });
    if (missing) { location.reload(); return; }
    data.votes.forEach(row);
  }

  var desk = document.getElementById("desk");
  if (desk) {
    var msg = document.getElementById("desk-msg");
    desk.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var who = desk.who.value.trim();
      var body = { card: who, name: who };
      qx.api("POST", "/api/v1/meetings/" + id + "/checkins", body).then(function (c) {
        say(msg, c.deputy.name + " · " + c.deputy.delegation + " · " + (c.already ? W.already : W.checked), true);
        quorum(c.meeting); delegations(c.meeting); desk.who.value = ""; desk.who.focus();
      }, function (e) { say(msg, e.message, false); desk.who.select(); });
    });
    var list = document.getElementById("list");
    list.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var cards = list.cards.value.split(/[\s,，、]+/).filter(function (c) { return c !== ""; });
      qx.api("POST", "/api/v1/meetings/" + id + "/checkins", { cards: cards }).then(function (l) {
        say(msg, fmt(W.listed, l.checked_in, l.already), true); quorum(l.meeting); delegations(l.meeting); list.reset();
      }, function (e) {
        // Each card that cannot be checked in is named.
        var ds = (e.body && e.body.error && e.body.error.details) || [];
        say(msg, [e.message].concat(ds.map(function (d) { return d.message; })).join("；"), false);
      });
    });
    var leave = document.getElementById("leave");
    leave.addEventListener("submit", function (ev) {
      ev.preventDefault();
      // One form, two corrections: leave, or a check-in made by mistake.
      var undo = ev.submitter && ev.submitter.value === "undo";
      qx.api("POST", "/api/v1/meetings/" + id + (undo ? "/checkins/undo" : "/leave"), { card: leave.card.value.trim(), reason: leave.reason.value.trim() }).then(function (c) {
        say(msg, c.deputy.name + " · " + (undo ? W.undone : W.leave), true); quorum(c.meeting); delegations(c.meeting); leave.reset();
      }, function (e) { say(msg, e.message, false); });
    });
  }
  var vmsg = document.getElementById("vote-msg");
  var nv = document.getElementById("newvote");
  if (nv) {
    nv.addEventListener("submit", function (ev) {
      ev.preventDefault();
      qx.api("POST", "/api/v1/meetings/" + id + "/votes", { title: nv.title.value.trim(), anonymity: nv.anonymity.value, resolution: !!(nv.resolution && nv.resolution.checked) })
        .then(function () { location.reload(); }, function (e) { say(vmsg, e.message, false); });
    });
  }
  document.getElementById("votes").addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-act]");
    if (!b || !manage) { return; }
    var vid = b.closest("tr").dataset.vote, act = b.dataset.act, body;
    if (act === "reopen") {
      var reason = window.prompt(W.reason);
      if (!reason) { return; }
      body = { reason: reason };
    }
    b.disabled = true;
    qx.api("POST", "/api/v1/votes/" + vid + "/" + act, body).then(row, function (e) { say(vmsg, e.message, false); b.disabled = false; });
  });

  if (window.EventSource) {
    var es = new EventSource("/api/v1/meetings/" + id + "/events");
    es.addEventListener("meeting", function (e) { refresh(JSON.parse(e.data)); });
  }
})();
