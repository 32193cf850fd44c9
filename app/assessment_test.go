package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// assessFixture builds month 2 of 2023 (time progress 1/6), worked by hand
// with the default weights 30/20/20/10/10/10:
//
//	离石区 141102: new project, started, 1,000 万元 total, in the statistics;
//	  plan 600, completed 60 (January, on time) + 60 (February, late) = 120:
//	  completion 0.2 ≥ 1/6 → 30; started 1/1 → 20; target 1,200 → 0.1 ÷ 1/6
//	  = 0.6 → 12; entry 1/1 → 10; reports on time 1/2 → 5; problems due
//	  2: one resolved on 02-08 (due 02-10), one still open (due 02-20) → 5.
//	  Score 82.00.
//	文水县 141121: continuing project of 400 万元 (below the statistics
//	  threshold), plan 300, 25 + 25 = 50 = exactly time progress → all
//	  of completion; reports 2/2. Only 40 points are measured, scaled to
//	  100: 75 + 25 = 100.00.
func assessFixture(t *testing.T, a *app.App) qianxiang.Actor {
	t.Helper()
	a.Now = func() time.Time { return time.Date(2023, 2, 5, 9, 0, 0, 0, a.Loc) }
	orgs := testenv.Lvliang(t, a)
	office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	p1, err := a.CreateProject(ctx, office, qianxiang.Project{Year: 2023, Name: "离石区新建厂房", Org: qianxiang.OrgRef{Code: "141102"},
		Kind: qianxiang.KindNew, TotalInvestment: 100000, AnnualPlan: 60000, PlannedStart: qianxiang.Date{Year: 2023, Month: 1},
		StartedOn: qianxiang.Date{Year: 2023, Month: 1, Day: 15}, InStats: true})
	if err != nil {
		t.Fatal(err)
	}
	p2, err := a.CreateProject(ctx, office, qianxiang.Project{Year: 2023, Name: "文水县道路改造", Org: qianxiang.OrgRef{Code: "141121"},
		Kind: qianxiang.KindContinuing, TotalInvestment: 40000, AnnualPlan: 30000})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetTargets(ctx, office, 2023, qianxiang.Targets{Campaign: qianxiang.DefaultCampaignTarget(),
		Orgs: []qianxiang.OrgTarget{{Org: "141102", Projects: 1, AnnualPlan: 120000}}}); err != nil {
		t.Fatal(err)
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, r := range []qianxiang.Report{
			{ProjectID: p1.ID, Year: 2023, Month: 1, Completed: 6000, Status: qianxiang.ReportApproved},
			{ProjectID: p1.ID, Year: 2023, Month: 2, Completed: 6000, Status: qianxiang.ReportSubmitted, Late: true},
			{ProjectID: p2.ID, Year: 2023, Month: 1, Completed: 2500, Status: qianxiang.ReportApproved},
			{ProjectID: p2.ID, Year: 2023, Month: 2, Completed: 2500, Status: qianxiang.ReportApproved},
		} {
			if err := tx.SaveReport(ctx, &r); err != nil {
				return err
			}
		}
		owner := orgs["141102"].Ref()
		onTime := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: p1.ID}, Category: qianxiang.CatLand, Description: "用地指标",
			OwnerOrg: owner, Due: qianxiang.Date{Year: 2023, Month: 2, Day: 10}}
		open := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: p1.ID}, Category: qianxiang.CatFunds, Description: "资金缺口",
			OwnerOrg: owner, Due: qianxiang.Date{Year: 2023, Month: 2, Day: 20}}
		// Due in March: not yet due at the end of February.
		later := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: p1.ID}, Category: qianxiang.CatOther, Description: "外线接入",
			OwnerOrg: owner, Due: qianxiang.Date{Year: 2023, Month: 3, Day: 20}}
		for _, p := range []*qianxiang.Problem{&onTime, &open, &later} {
			if err := tx.InsertProblem(ctx, p); err != nil {
				return err
			}
		}
		onTime.Status, onTime.ResolvedAt = qianxiang.ProblemResolved, time.Date(2023, 2, 8, 10, 0, 0, 0, a.Loc)
		return tx.UpdateProblem(ctx, &onTime)
	})
	if err != nil {
		t.Fatal(err)
	}
	return office
}

func TestAssessmentScoresAndExplainsEachCounty(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		office := assessFixture(t, a)
		county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		as, err := a.Assessment(ctx, county, 2023, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(as.Counties) != 2 || as.Self != "141102" {
			t.Fatalf("a county sees %d counties, self %q; want the whole ranking of 2 with itself", len(as.Counties), as.Self)
		}
		top, second := as.Counties[0], as.Counties[1]
		if top.Org.Code != "141121" || top.Rank != 1 || top.Score.String() != "100.00" || top.Board != "red" {
			t.Errorf("first: %s rank %d score %s board %q", top.Org.Code, top.Rank, top.Score, top.Board)
		}
		if second.Org.Code != "141102" || second.Rank != 2 || second.Score.String() != "82.00" {
			t.Errorf("second: %s rank %d score %s", second.Org.Code, second.Rank, second.Score)
		}
		want := map[qianxiang.AssessComponent][3]int64{ // num, den, points in hundredths
			qianxiang.AssessCompletion: {12000, 60000, 3000},
			qianxiang.AssessStart:      {1, 1, 2000},
			qianxiang.AssessTarget:     {12000, 120000, 1200},
			qianxiang.AssessEntry:      {1, 1, 1000},
			qianxiang.AssessProblems:   {1, 2, 500},
			qianxiang.AssessReports:    {1, 2, 500},
		}
		for _, p := range second.Parts {
			w := want[p.Component]
			if p.Num != w[0] || p.Den != w[1] || int64(p.Points) != w[2] {
				t.Errorf("离石区 %s: %d/%d → %s points; want %d/%d → %d", p.Component, p.Num, p.Den, p.Points, w[0], w[1], w[2])
			}
		}
		if p := top.Part(qianxiang.AssessEntry); p.Measured {
			t.Errorf("文水县's 400 万元 project is below the statistics threshold, yet entry is measured: %+v", p)
		}

		// The history gives each month; January has no late report yet.
		h, err := a.AssessmentHistory(ctx, office, 2023, 2)
		if err != nil || len(h) != 2 || h[1].Counties[1].Score != second.Score {
			t.Fatalf("history: %v %v", h, err)
		}
		if r, _, _ := h[0].Row("141102"); r.Part(qianxiang.AssessReports).Num != 1 || r.Part(qianxiang.AssessReports).Den != 1 {
			t.Errorf("January reports on time: %+v", r.Part(qianxiang.AssessReports))
		}
	})
}

func TestAssessmentWeightsOnlyByTheOfficeAndAddingUpTo100(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		office := assessFixture(t, a)
		county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		deputy := testenv.User(t, a, "dep", qianxiang.RoleViewer, "141102")
		s := qianxiang.AssessSettings{BoardSize: 1, Weights: qianxiang.AssessWeights{Completion: 50, ReportsOnTime: 50}}
		if err := a.SetAssessSettings(ctx, county, 2023, s); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county set the weights: %v", err)
		}
		bad := s
		bad.Weights.ReportsOnTime = 40
		err := a.SetAssessSettings(ctx, office, 2023, bad)
		if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EValidation || e.Details[0].Field != "weights" {
			t.Fatalf("weights adding up to 90: %v", err)
		}
		if got, _ := a.AssessSettings(ctx, deputy, 2023); got.Set || got.Weights != qianxiang.DefaultAssessSettings(2023).Weights {
			t.Fatalf("refused weights were written: %+v", got)
		}
		if err := a.SetAssessSettings(ctx, office, 2023, s); err != nil {
			t.Fatal(err)
		}
		// 离石区 under 50/50: completion 50 + reports 25 = 75; 文水县 100.
		as, err := a.Assessment(ctx, deputy, 2023, 2)
		if err != nil {
			t.Fatal(err)
		}
		if r, _, _ := as.Row("141102"); r.Score.String() != "75.00" || r.Board != "black" || !as.Settings.Set {
			t.Errorf("离石区 under 50/50: %s board %q set %v", r.Score, r.Board, as.Settings.Set)
		}
		es, err := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Table: "assessment_weights"})
		if err != nil || len(es) != 1 {
			t.Errorf("audit: %d entries, %v", len(es), err)
		}
		// The fixture wrote reports and problems behind the application's
		// back; the weights row must still match its trail.
		_, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor)
		if err != nil || strings.Contains(fmt.Sprint(broken), "assessment_weights") {
			t.Errorf("audit verify: %v %v", broken, err)
		}
		congress := testenv.User(t, a, "staff", qianxiang.RoleCongressStaff, "141100")
		if _, err := a.Assessment(ctx, congress, 2023, 2); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Errorf("congress staff read the assessment: %v", err)
		}
		if _, err := a.Assessment(ctx, office, 2023, 13); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("month 13: %v", err)
		}
	})
}
