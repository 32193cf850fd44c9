package app_test

import (
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A station with two deputies and a visiting leader: a visitor's problem
// goes registered → forwarded → chased → answered → return visit →
// archived and is counted solved; another about a project becomes a
// campaign problem; a leader who skipped a month is reminded once.
func TestStationProblemsVisitsAndReminders(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newSugWorld(t, a)
		leader, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "shizhang", DisplayName: "张广勇", Role: qianxiang.RoleLeader,
			OrgCode: "141100", Password: testenv.Password})
		if err != nil {
			t.Fatal(err)
		}
		proj, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: "文水县城区供热管网改造", Org: qianxiang.OrgRef{Code: "141121"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 9000, AnnualPlan: 3000})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.CreateStation(ctx, w.cgj, app.StationInput{Name: "x", Org: "141121", ReceptionDay: 10}); code(err) != qianxiang.EForbidden {
			t.Fatalf("a unit creates no station: %v", err)
		}
		st, err := a.CreateStation(ctx, w.s.staff, app.StationInput{Name: "凤城镇代表联络站", Org: "141121", ReceptionDay: 10,
			Deputies: []string{w.s.deputies[0].Card, w.s.deputies[1].Card}, Leaders: []string{"shizhang"}})
		if err != nil {
			t.Fatal(err)
		}
		d1, d3 := w.s.actors[0], w.s.actors[2]
		if _, err := a.RegisterStationProblem(ctx, d3, st.ID, app.StationProblemInput{Text: "x"}); code(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy of another station: %v", err)
		}
		p, err := a.RegisterStationProblem(ctx, d1, st.ID, app.StationProblemInput{Visitor: "李大娘", Text: "小区门口路灯不亮"})
		if err != nil || p.Deputy == nil || p.Deputy.Card != w.s.deputies[0].Card {
			t.Fatalf("register: %v %+v", err, p)
		}
		if _, err := a.StepStationProblem(ctx, w.cgj, p.ID, qianxiang.SSAnswer, app.StationStepInput{Text: "x"}); code(err) != qianxiang.ENotFound {
			t.Fatalf("a unit it was not forwarded to: %v", err)
		}
		steps := []struct {
			who  qianxiang.Actor
			step qianxiang.StationStep
			in   app.StationStepInput
		}{{w.s.staff, qianxiang.SSForward, app.StationStepInput{Org: "141100-CGJ"}}, {w.s.staff, qianxiang.SSChase, app.StationStepInput{}},
			{w.cgj, qianxiang.SSAnswer, app.StationStepInput{Text: "已更换灯具"}}, {d1, qianxiang.SSVisit, app.StationStepInput{Text: "群众满意", Solved: true}},
			{w.s.staff, qianxiang.SSArchive, app.StationStepInput{}}}
		for _, s := range steps {
			if p, err = a.StepStationProblem(ctx, s.who, p.ID, s.step, s.in); err != nil {
				t.Fatalf("%s: %v", s.step, err)
			}
		}
		if p.Status != qianxiang.StArchived || p.Chases != 1 || !p.Solved {
			t.Fatalf("%+v", p)
		}
		l, err := a.StationProblems(ctx, w.cgj, 0, 0, 0)
		if err != nil || len(l) != 1 {
			t.Fatalf("the unit sees what was forwarded to it: %d %v", len(l), err)
		}
		if l, _ := a.StationProblems(ctx, w.wenshui, 0, 0, 0); len(l) != 0 {
			t.Fatalf("another unit sees nothing: %d", len(l))
		}
		c, err := a.StationCounts(ctx, w.s.staff, 0)
		if err != nil || c["stations"][0].Solved != 1 || c["deputies"][0].Solved != 1 || c["units"][0].Key != "141100-CGJ" {
			t.Fatalf("counts: %+v %v", c, err)
		}
		// A problem about a project becomes a campaign problem, both linked.
		q, err := a.RegisterStationProblem(ctx, w.s.staff, st.ID, app.StationProblemInput{Text: "供热管网施工占道", Deputy: w.s.deputies[1].Card, Project: proj.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.StationProblemToCampaign(ctx, w.s.staff, q.ID, app.CampaignInput{}); code(err) != qianxiang.EValidation {
			t.Fatalf("not forwarded yet: %v", err)
		}
		a.StepStationProblem(ctx, w.s.staff, q.ID, qianxiang.SSForward, app.StationStepInput{Org: "141121"})
		q, err = a.StationProblemToCampaign(ctx, w.s.staff, q.ID, app.CampaignInput{Category: "other"})
		if err != nil || q.CampaignID == 0 {
			t.Fatalf("to campaign: %v", err)
		}
		cp, err := a.Problem(ctx, w.wenshui, q.CampaignID)
		if err != nil || cp.Project.ID != proj.ID || cp.Description != "供热管网施工占道" || cp.OwnerOrg.Code != "141121" {
			t.Fatalf("campaign problem: %+v %v", cp, err)
		}
		if _, err := a.StationProblemToCampaign(ctx, w.s.staff, q.ID, app.CampaignInput{}); code(err) != qianxiang.EConflict {
			t.Fatalf("twice: %v", err)
		}
		// Visits: March visited, April skipped → reminded in May, once.
		if _, err := a.SaveVisit(ctx, qianxiang.Actor{UserID: leader.ID, Username: "shizhang", Role: qianxiang.RoleLeader}, st.ID,
			app.VisitInput{VisitedOn: "2023-03-01", People: 23}); err != nil {
			t.Fatal(err)
		}
		w.clk.t = time.Date(2023, 4, 3, 9, 0, 0, 0, a.Loc)
		if n, err := a.RemindMissedVisits(ctx); err != nil || n != 0 {
			t.Fatalf("March was visited: %d %v", n, err)
		}
		w.clk.t = time.Date(2023, 5, 2, 9, 0, 0, 0, a.Loc)
		if n, err := a.RemindMissedVisits(ctx); err != nil || n != 1 {
			t.Fatalf("April was skipped: %d %v", n, err)
		}
		a.RemindMissedVisits(ctx)
		ns, _, err := a.Notifications(ctx, qianxiang.Actor{UserID: leader.ID}, 10)
		if err != nil || len(ns) != 1 || ns[0].Kind != qianxiang.NoteVisitMissed {
			t.Fatalf("the leader is reminded once: %+v %v", ns, err)
		}
	})
}
