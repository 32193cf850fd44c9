package app_test

import (
	"bytes"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Reception days are scheduled entries on the office's calendar, recorded
// by the station's deputies; a problem brought that day belongs to it;
// every solved count is the length of a list anyone may open.
func TestReceptionDaysAndTraceableCounts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newSugWorld(t, a) // 2023-03-01, the 2023 calendar kept (05-01…03 holidays, 05-06 worked)
		st, err := a.CreateStation(ctx, w.s.staff, app.StationInput{Name: "凤城镇代表联络站", Org: "141121", ReceptionDay: 6,
			Deputies: []string{w.s.deputies[0].Card, w.s.deputies[1].Card}})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := a.Receptions(ctx, w.cgj, st.ID, 2023)
		if err != nil || len(rs) != 10 {
			t.Fatalf("March to December scheduled on creation: %d %v", len(rs), err)
		}
		// May 6th 2023 is a 调休 Saturday: worked, so the reception stays on it.
		if rs[2].Month.String() != "2023-05" || rs[2].Scheduled.String() != "2023-05-06" || rs[0].Scheduled.String() != "2023-03-06" {
			t.Fatalf("scheduled %s %s", rs[0].Scheduled, rs[2].Scheduled)
		}
		if n, err := a.ScheduleReceptions(ctx, w.s.staff, st.ID, 2023); err != nil || n != 0 {
			t.Fatalf("scheduling again adds nothing: %d %v", n, err)
		}
		if _, err := a.ScheduleReceptions(ctx, w.cgj, st.ID, 2023); code(err) != qianxiang.EForbidden {
			t.Fatalf("a unit schedules nothing: %v", err)
		}
		d1, d3 := w.s.actors[0], w.s.actors[2]
		w.on("2023-03-06")
		p1, err := a.RegisterStationProblem(ctx, d1, st.ID, app.StationProblemInput{Visitor: "李大娘", Text: "村口路灯不亮"})
		if err != nil || p1.ReceptionID != rs[0].ID {
			t.Fatalf("brought on the reception day: %v %d want %d", err, p1.ReceptionID, rs[0].ID)
		}
		if _, err := a.RecordReception(ctx, d3, rs[0].ID, app.ReceptionInput{HeldOn: "2023-03-06", People: 9}); code(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy of another station: %v", err)
		}
		if _, err := a.RecordReception(ctx, w.s.staff, rs[0].ID, app.ReceptionInput{HeldOn: "2023-03-06", People: 9}); code(err) != qianxiang.EValidation {
			t.Fatalf("the office names the deputies on duty: %v", err)
		}
		if _, err := a.RecordReception(ctx, w.s.staff, rs[0].ID, app.ReceptionInput{HeldOn: "2023-03-06", People: 9, OnDuty: []string{w.s.deputies[2].Card}}); code(err) != qianxiang.EValidation {
			t.Fatalf("a deputy not of the station on duty: %v", err)
		}
		r, err := a.RecordReception(ctx, d1, rs[0].ID, app.ReceptionInput{HeldOn: "2023-03-06", People: 9, OnDuty: []string{w.s.deputies[1].Card}})
		if err != nil || !r.Held() || r.People != 9 || len(r.OnDuty) != 2 || r.OnDuty[0] != w.s.deputies[0].Card {
			t.Fatalf("recorded: %+v %v", r, err)
		}
		w.on("2023-03-15")
		p2, err := a.RegisterStationProblem(ctx, w.s.staff, st.ID, app.StationProblemInput{Text: "自来水水压低", Deputy: w.s.deputies[1].Card})
		if err != nil || p2.ReceptionID != 0 {
			t.Fatalf("not a reception day: %v %d", err, p2.ReceptionID)
		}
		w.on("2023-04-10")
		rs, _ = a.Receptions(ctx, w.s.staff, st.ID, 2023)
		if rs[0].Missed || !rs[1].Missed || rs[2].Missed || rs[0].Problems != 1 {
			t.Fatalf("March held with 1 problem, April (the 6th) missed: %+v", rs[:3])
		}
		// April's day passed unrecorded: the station's two deputies and the
		// congress office are told once, however often the sweep runs.
		n, err := a.RemindUnrecordedReceptions(ctx)
		if err != nil || n < 3 {
			t.Fatalf("reminded %d (the station's 2 deputies and the office): %v", n, err)
		}
		if again, err := a.RemindUnrecordedReceptions(ctx); err != nil || again != 0 {
			t.Fatalf("reminded again: %d %v", again, err)
		}
		for _, who := range []qianxiang.Actor{d1, w.s.actors[1], w.s.staff} {
			ns, _, err := a.Notifications(ctx, who, 20)
			found := false
			for _, nt := range ns {
				found = found || nt.Kind == qianxiang.NoteReceptionUnrecorded && nt.Subject == "凤城镇代表联络站 · 2023-04-06"
			}
			if err != nil || !found {
				t.Fatalf("%s was not reminded of April's reception: %+v %v", who.Username, ns, err)
			}
		}
		if ns, _, _ := a.Notifications(ctx, d3, 20); len(ns) != 0 {
			t.Fatalf("a deputy of no station was reminded: %+v", ns)
		}
		// Both problems forwarded; the first solved at its return visit.
		for _, p := range []int64{p1.ID, p2.ID} {
			if _, err := a.StepStationProblem(ctx, w.s.staff, p, qianxiang.SSForward, app.StationStepInput{Org: "141100-CGJ"}); err != nil {
				t.Fatal(err)
			}
		}
		a.StepStationProblem(ctx, w.cgj, p1.ID, qianxiang.SSAnswer, app.StationStepInput{Text: "已修复"})
		if _, err := a.StepStationProblem(ctx, d1, p1.ID, qianxiang.SSVisit, app.StationStepInput{Text: "群众满意", Solved: true}); err != nil {
			t.Fatal(err)
		}
		// Every count is the length of its list, solved and all.
		c, err := a.StationCounts(ctx, w.s.staff, 0)
		if err != nil {
			t.Fatal(err)
		}
		check := func(what string, n qianxiang.SolvedCount, q app.StationProblemQuery) {
			t.Helper()
			all, err := a.ListStationProblems(ctx, w.s.staff, q)
			q.Solved = true
			solved, err2 := a.ListStationProblems(ctx, w.s.staff, q)
			if err != nil || err2 != nil || len(all) != n.Problems || len(solved) != n.Solved {
				t.Fatalf("%s %s: counted %d/%d, listed %d/%d (%v %v)", what, n.Name, n.Problems, n.Solved, len(all), len(solved), err, err2)
			}
			for _, p := range solved {
				if !p.Solved {
					t.Fatalf("%s: %d listed solved but is not", what, p.ID)
				}
			}
		}
		for _, n := range c["stations"] {
			check("station", n, app.StationProblemQuery{Station: st.ID})
		}
		for _, n := range c["deputies"] {
			check("deputy", n, app.StationProblemQuery{Deputy: n.Key})
		}
		for _, n := range c["units"] {
			check("unit", n, app.StationProblemQuery{Org: n.Key})
		}
		if len(c["deputies"]) != 2 || c["stations"][0].Problems != 2 || c["stations"][0].Solved != 1 {
			t.Fatalf("counts %+v", c)
		}
		if l, err := a.ListStationProblems(ctx, w.s.staff, app.StationProblemQuery{Reception: rs[0].ID}); err != nil || len(l) != 1 || l[0].ID != p1.ID {
			t.Fatalf("the reception's problems: %+v %v", l, err)
		}
		// Scope: the unit sees what was forwarded to it; another unit nothing.
		if l, _ := a.ListStationProblems(ctx, w.wenshui, app.StationProblemQuery{Solved: true}); len(l) != 0 {
			t.Fatalf("another unit lists %d", len(l))
		}
		if _, err := a.StationProblem(ctx, w.wenshui, p1.ID); code(err) != qianxiang.ENotFound {
			t.Fatalf("another unit opens it: %v", err)
		}
		d, err := a.StationProblem(ctx, w.cgj, p1.ID)
		if err != nil || !d.Solved || len(d.History) != 4 {
			t.Fatalf("the unit opens it with its history: %v %+v", err, d)
		}
		if _, err := a.ListStationProblems(ctx, w.s.staff, app.StationProblemQuery{Org: "nope"}); code(err) != qianxiang.EValidation {
			t.Fatalf("an unknown unit: %v", err)
		}
	})
}

// Reception days and the problems brought to them move with a backup to
// either database, and the audit trail still verifies there.
func TestReceptionDaysSurviveBackupAndRestore(t *testing.T) {
	key := testenv.KeyFile(t)
	src := testenv.OpenDSN(t, testenv.DSN(t, "sqlite"), key)
	w := newSugWorld(t, src)
	st, err := src.CreateStation(ctx, w.s.staff, app.StationInput{Name: "凤城镇代表联络站", Org: "141121", ReceptionDay: 1,
		Deputies: []string{w.s.deputies[0].Card}})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := src.Receptions(ctx, w.s.staff, st.ID, 2023)
	w.on("2023-03-01")
	p, err := src.RegisterStationProblem(ctx, w.s.actors[0], st.ID, app.StationProblemInput{Text: "路灯不亮"})
	if err != nil || p.ReceptionID != rs[0].ID {
		t.Fatalf("brought on the reception day: %v %+v", err, p)
	}
	if _, err := src.RecordReception(ctx, w.s.actors[0], rs[0].ID, app.ReceptionInput{HeldOn: "2023-03-01", People: 4}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := src.DB.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			dst := testenv.OpenDSN(t, testenv.DSN(t, kind), key)
			if _, err := dst.DB.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatal(err)
			}
			got, err := dst.Receptions(ctx, qianxiang.SystemActor, st.ID, 2023)
			if err != nil || len(got) != len(rs) || !got[0].Held() || got[0].People != 4 || got[0].Problems != 1 {
				t.Fatalf("restored receptions: %+v %v", got, err)
			}
			if _, broken, err := dst.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
				t.Fatalf("the restored trail: %v %v", broken, err)
			}
		})
	}
}
