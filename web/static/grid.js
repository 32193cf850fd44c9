// The monthly reporting grid: saves each row as its fields change, moves
// between cells like a spreadsheet, and submits, approves or returns the
// selected rows in bulk. Every rule is the server's; this only carries
// what the user typed and shows what the server answered, on the row.
(function () {
  "use strict";
  var table = document.getElementById("report-grid");
  if (!table) { return; }
  var month = table.dataset.month;
  var T = function (k) { return table.dataset["t" + k.charAt(0).toUpperCase() + k.slice(1)] || k; };
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-id]"));
  var base = function (tr) { return "/api/v1/projects/" + tr.dataset.id + "/reports/" + month; };
  var queue = new Map(); // row id -> the promise of its last request, so a row's requests run in order

  function enqueue(tr, fn) {
    var prev = queue.get(tr.dataset.id) || Promise.resolve();
    var next = prev.catch(function () {}).then(fn);
    queue.set(tr.dataset.id, next);
    return next;
  }

  // msg shows a row's state: bad (refused), pending (on its way) or good.
  function msg(tr, text, bad, pending) {
    var m = tr.querySelector(".msg");
    m.textContent = text || "";
    m.className = "msg" + (bad ? " bad" : pending ? " pending" : text ? " good" : "");
    tr.classList.toggle("err", !!bad);
  }

  function fmt(n) {
    var s = (Math.round(n * 100) / 100).toFixed(2).split(".");
    return s[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + s[1];
  }

  // amount reads the month's figure: null when blank, NaN when not a number.
  function amount(tr) {
    var v = tr.querySelector(".c-completed").value.replace(/[,\s，]/g, "");
    if (v === "") { return null; }
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  }

  function body(tr) {
    var b = { progress: tr.querySelector(".c-progress").value, version: Number(tr.dataset.version) || 0 };
    var a = amount(tr);
    if (a !== null) { b.completed = a; }
    var st = tr.querySelector(".c-started");
    if (st) { b.started_on = st.value; }
    return b;
  }

  function setStatus(tr, status) {
    tr.dataset.status = status;
    var badge = tr.querySelector("[data-badge]");
    badge.className = "badge " + status;
    badge.textContent = T(status);
    // A returned report is reopened for its unit even after the deadline.
    var open = status === "draft" || status === "returned" || status === "empty";
    var editable = open && (tr.dataset.fillable === "true" || (status === "returned" && tr.dataset.canFill === "true"));
    tr.dataset.editable = editable;
    tr.querySelectorAll("input.c-completed, input.c-progress, input.c-started").forEach(function (i) { i.disabled = !editable; });
    var attach = tr.querySelector(".attach");
    if (attach) { attach.hidden = !editable; }
    var sel = tr.querySelector(".row-sel");
    sel.checked = false;
    sel.disabled = !(editable || ((status === "submitted" || status === "approved") && tr.dataset.canReview === "true"));
    recount();
  }

  // showLate shows the 迟报 badge the moment the server marks a report
  // late (submitted after the deadline), and drops it when it is not.
  function showLate(tr, late) {
    var b = tr.querySelector("[data-late]");
    if (late && !b) {
      b = document.createElement("span");
      b.className = "badge late"; b.dataset.late = ""; b.textContent = T("late");
      var badge = tr.querySelector("[data-badge]");
      badge.after(b); badge.after(document.createTextNode(" "));
    } else if (!late && b) { b.remove(); }
  }

  function applyReport(tr, rep) {
    tr.dataset.version = rep.version;
    if (rep.status !== tr.dataset.status) { setStatus(tr, rep.status); }
    showLate(tr, !!rep.late);
  }

  function updateYTD(tr) {
    var a = amount(tr);
    var before = Number(tr.dataset.ytdBefore);
    tr.querySelector(".ytd").textContent = fmt(before + (a > 0 ? a : 0));
  }

  // fields is what the row holds, to skip saving what was just saved (Enter
  // saves, and the browser's own change on leaving the field would again).
  function fields(tr) { var b = body(tr); delete b.version; return JSON.stringify(b); }

  function save(tr) {
    if (Number.isNaN(amount(tr))) { msg(tr, T("nan"), true); return Promise.resolve(); }
    var now = fields(tr);
    // The same fields already saved, or already waiting in the row's queue
    // (Enter's save has not answered when the browser's own change fires).
    if (tr.dataset.saved === now || tr.dataset.queued === now) { return Promise.resolve(); }
    tr.dataset.queued = now;
    msg(tr, T("saving"), false, true);
    return enqueue(tr, function () {
      return qx.api("PUT", base(tr), body(tr)).then(function (rep) {
        tr.dataset.saved = now;
        applyReport(tr, rep);
        msg(tr, T("saved") + " ✓");
      }, function (e) { delete tr.dataset.queued; msg(tr, e.message, true); throw e; });
    });
  }

  rows.forEach(function (tr) {
    tr.querySelectorAll("input.c-completed, input.c-progress, input.c-started").forEach(function (i) {
      i.addEventListener("change", function () { save(tr).catch(function () {}); });
    });
    tr.querySelector(".c-completed").addEventListener("input", function () { updateYTD(tr); });
  });

  // Keyboard: Enter / ↑ ↓ move to the same column in the next or previous
  // visible row; ← → leave a text field at its ends. Tab stays native.
  function visibleRows() { return rows.filter(function (r) { return !r.hidden; }); }
  function cellsOf(tr) { return Array.prototype.slice.call(tr.querySelectorAll("td.in input")); }
  function focusCell(el) { if (el) { el.focus(); if (el.select && el.type !== "date") { el.select(); } } }
  function moveRow(input, step) {
    var tr = input.closest("tr"), col = input.name, vr = visibleRows();
    for (var i = vr.indexOf(tr) + step; i >= 0 && i < vr.length; i += step) {
      var el = vr[i].querySelector('input[name="' + col + '"]:not([disabled])');
      if (el) { focusCell(el); return true; }
    }
    return false;
  }
  table.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (!t.matches || !t.matches("td.in input")) { return; }
    var isText = t.type !== "date";
    if (ev.key === "Enter") { ev.preventDefault(); t.dispatchEvent(new Event("change", { bubbles: true })); moveRow(t, ev.shiftKey ? -1 : 1); return; }
    if (isText && (ev.key === "ArrowDown" || ev.key === "ArrowUp")) { ev.preventDefault(); moveRow(t, ev.key === "ArrowDown" ? 1 : -1); return; }
    if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
      var atStart = !isText || (t.selectionStart === 0 && t.selectionEnd === 0);
      var atEnd = !isText || (t.selectionStart === t.value.length);
      if (!isText && !ev.altKey) { return; } // date fields use the arrows themselves
      var cells = cellsOf(t.closest("tr")).filter(function (c) { return !c.disabled; });
      var k = cells.indexOf(t);
      if (ev.key === "ArrowLeft" && atStart && k > 0) { ev.preventDefault(); focusCell(cells[k - 1]); }
      if (ev.key === "ArrowRight" && atEnd && k < cells.length - 1) { ev.preventDefault(); focusCell(cells[k + 1]); }
    }
  });

  // Counts and filters.
  function recount() {
    var c = { all: rows.length, empty: 0, draft: 0, submitted: 0, approved: 0, returned: 0, missing: 0 };
    rows.forEach(function (r) {
      var s = r.dataset.status; c[s]++;
      if (s === "empty" || s === "draft" || s === "returned") { c.missing++; }
    });
    Object.keys(c).forEach(function (k) { var b = document.querySelector('[data-count="' + k + '"]'); if (b) { b.textContent = c[k]; } });
  }
  document.querySelectorAll(".counts a[data-status]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var want = a.dataset.status;
      document.querySelectorAll(".counts a").forEach(function (x) { x.classList.toggle("on", x === a); });
      rows.forEach(function (r) {
        var s = r.dataset.status;
        r.hidden = !(want === "" || s === want || (want === "missing" && (s === "empty" || s === "draft" || s === "returned")));
      });
      var f = document.querySelector('#grid-filter input[name="status"]'); if (f) { f.value = want; }
      history.replaceState(null, "", a.href);
      updateBulk();
    });
  });

  // Selection and bulk actions.
  var bulk = document.getElementById("bulk");
  var selAll = document.getElementById("sel-all");
  function selected() { return rows.filter(function (r) { var s = r.querySelector(".row-sel"); return !r.hidden && s.checked && !s.disabled; }); }
  function updateBulk() {
    var n = selected().length;
    var c = bulk.querySelector("[data-selected]"); if (c) { c.textContent = n; }
    bulk.querySelectorAll("[data-bulk]").forEach(function (b) { b.disabled = n === 0; });
  }
  table.addEventListener("change", function (ev) { if (ev.target.classList.contains("row-sel")) { updateBulk(); } });
  selAll.addEventListener("change", function () {
    visibleRows().forEach(function (r) { var s = r.querySelector(".row-sel"); if (!s.disabled) { s.checked = selAll.checked; } });
    updateBulk();
  });

  function bulkMsg(text) { bulk.querySelector(".bulk-msg").textContent = text; }

  function runAll(list, one) {
    var ok = 0, bad = 0, i = 0;
    function worker() {
      if (i >= list.length) { return Promise.resolve(); }
      var tr = list[i++];
      return one(tr).then(function () { ok++; }, function () { bad++; }).then(worker);
    }
    var workers = [];
    for (var w = 0; w < Math.min(4, list.length); w++) { workers.push(worker()); }
    return Promise.all(workers).then(function () {
      bulkMsg(bad ? T("done").replace("%d", ok).replace("%d", bad) : T("alldone").replace("%d", ok));
      selAll.checked = false;
      updateBulk();
    });
  }

  // shown is the version of the report the row shows: a review applies to
  // what the reviewer saw, and the server refuses it (409) when the report
  // changed meanwhile.
  function shown(tr) { return Number(tr.dataset.version) || 0; }

  var actions = {
    submit: function (tr) {
      var a = amount(tr);
      if (a === null) { msg(tr, T("need"), true); return Promise.reject(new Error("need")); }
      if (Number.isNaN(a)) { msg(tr, T("nan"), true); return Promise.reject(new Error("nan")); }
      return enqueue(tr, function () {
        return qx.api("POST", base(tr) + "/submit", body(tr)).then(function (rep) { applyReport(tr, rep); msg(tr, T("submitted") + " ✓"); });
      }).catch(function (e) { msg(tr, e.message, true); throw e; });
    },
    approve: function (tr) {
      if (tr.dataset.status !== "submitted") { msg(tr, T("skip"), true); return Promise.reject(new Error("skip")); }
      return enqueue(tr, function () {
        return qx.api("POST", base(tr) + "/approve", { version: shown(tr) }).then(function (rep) { applyReport(tr, rep); msg(tr, T("approved") + " ✓"); });
      }).catch(function (e) { msg(tr, e.message, true); throw e; });
    },
    // Reopening lets the unit itself fill in a row after the deadline.
    reopen: function (tr) {
      if (tr.dataset.status === "submitted" || tr.dataset.status === "approved") { msg(tr, T("skipreopen"), true); return Promise.reject(new Error("skip")); }
      return enqueue(tr, function () {
        return qx.api("POST", base(tr) + "/reopen").then(function (rep) { applyReport(tr, rep); msg(tr, T("reopened") + " ✓"); });
      }).catch(function (e) { msg(tr, e.message, true); throw e; });
    },
    "return": function (tr, reason) {
      if (tr.dataset.status !== "submitted" && tr.dataset.status !== "approved") { msg(tr, T("skipret"), true); return Promise.reject(new Error("skip")); }
      return enqueue(tr, function () {
        return qx.api("POST", base(tr) + "/return", { reason: reason, version: shown(tr) }).then(function (rep) { applyReport(tr, rep); msg(tr, T("returned") + ": " + reason); });
      }).catch(function (e) { msg(tr, e.message, true); throw e; });
    }
  };
  bulk.querySelectorAll("[data-bulk]").forEach(function (b) {
    b.addEventListener("click", function () {
      var kind = b.dataset.bulk, list = selected(), reason;
      if (kind === "return") {
        reason = window.prompt(T("reason"), "");
        if (reason === null || reason.trim() === "") { return; }
      }
      // Approving counts the reports in the dispatch: the reviewer confirms
      // how many, so a stray "select all" does not approve a county's month.
      // It counts the reports that will be approved: only submitted ones.
      if (kind === "approve") {
        var n = list.filter(function (tr) { return tr.dataset.status === "submitted"; }).length;
        if (n > 0 && !window.confirm(T("confirmapprove").replace("%d", n))) { return; }
      }
      b.disabled = true;
      runAll(list, function (tr) { return actions[kind](tr, reason); });
    });
  });

  // As in a spreadsheet, entering a figure's cell selects it, so typing
  // replaces it (a reopened row shows 0.00, which nobody means to keep).
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches("input.c-completed")) { ev.target.select(); }
  });

  // The attach button is a label over a hidden file input: Enter or Space
  // on it opens the file chooser, as a click does.
  document.addEventListener("keydown", function (ev) {
    var l = ev.target.closest && ev.target.closest("label.attach");
    if (l && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); l.querySelector("input[type=file]").click(); }
  });
  // Photos: attach from the row; show the row's pictures beneath it.
  table.addEventListener("change", function (ev) {
    var input = ev.target;
    if (!input.matches("[data-attach]") || !input.files.length) { return; }
    var tr = input.closest("tr"), fd = new FormData();
    fd.append("file", input.files[0]);
    msg(tr, T("uploading"));
    enqueue(tr, function () {
      return fetch(base(tr) + "/photos", { method: "POST", body: fd, credentials: "same-origin",
        headers: { "X-CSRF-Token": qx.csrf, "Accept-Language": document.documentElement.lang } })
        .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw new Error((j.error && j.error.message) || r.statusText); } return j; }); });
    }).then(function () {
      msg(tr, T("saved") + " ✓");
      return refreshPhotos(tr, true);
    }, function (e) { msg(tr, e.message, true); }).then(function () { input.value = ""; });
  });
  function refreshPhotos(tr, open) {
    return qx.api("GET", base(tr) + "/photos").then(function (j) {
      var cell = tr.querySelector("td.photos"), btn = cell.querySelector("[data-photos]");
      if (!btn) { btn = document.createElement("button"); btn.type = "button"; btn.className = "small link-like"; btn.dataset.photos = ""; cell.insertBefore(btn, cell.firstChild); }
      btn.textContent = T("photos") + " " + j.items.length;
      if (open) { showPhotos(tr, j.items); }
      // Attaching saved the report: take its new version.
      return qx.api("GET", "/api/v1/projects/" + tr.dataset.id + "/reports?year=" + month.slice(0, 4)).then(function (rs) {
        rs.items.forEach(function (rep) { if (rep.month === Number(month.slice(5))) { applyReport(tr, rep); } });
      });
    });
  }
  function showPhotos(tr, items) {
    var next = tr.nextElementSibling;
    if (next && next.classList.contains("photo-row")) { next.remove(); }
    var row = document.createElement("tr"), td = document.createElement("td");
    row.className = "photo-row"; td.colSpan = 10;
    items.forEach(function (p) {
      var a = document.createElement("a"), img = document.createElement("img");
      a.href = p.url; a.target = "_blank"; a.rel = "noopener"; img.src = p.url; img.alt = p.name; img.loading = "lazy";
      a.appendChild(img); td.appendChild(a);
    });
    row.appendChild(td); tr.after(row);
  }
  table.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-photos]");
    if (!b) { return; }
    var tr = b.closest("tr"), next = tr.nextElementSibling;
    if (next && next.classList.contains("photo-row")) { next.remove(); return; }
    qx.api("GET", base(tr) + "/photos").then(function (j) { showPhotos(tr, j.items); }, function (e) { msg(tr, e.message, true); });
  });

  updateBulk();
})();
