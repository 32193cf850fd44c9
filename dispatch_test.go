package qianxiang

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

var (
	orgA = OrgRef{ID: 11, Code: "141102", Name: "离石区"}
	orgB = OrgRef{ID: 12, Code: "141121", Name: "文水县"}
	orgC = OrgRef{ID: 13, Code: "141122", Name: "交城县"}
	dept = OrgRef{ID: 21, Code: "D01", Name: "市发改委"}
)

func report(id int64, m int, c string) MonthFigure {
	return MonthFigure{ProjectID: id, Month: m, Completed: wan(c), Status: ReportSubmitted}
}

func TestComputeDispatchTotalsAndJSON(t *testing.T) {
	projects := []DispatchProject{
		{ID: 1, Name: "乙项目", Org: orgA, LeadOrg: dept, Kind: KindNew, PlannedStart: ym(2023, 1), AnnualPlan: wan("1000.10")},
		{ID: 2, Name: "甲项目", Org: orgA, LeadOrg: dept, Kind: KindContinuing, AnnualPlan: wan("2000")},
		{ID: 3, Name: "丙项目", Org: orgB, Kind: KindPreparatory, AnnualPlan: wan("0")},
		{ID: 4, Name: "丁项目", Org: orgB, LeadOrg: orgB, Kind: KindNew, PlannedStart: ym(2023, 6), AnnualPlan: wan("300.05")},
	}
	draft := report(2, 2, "999")
	draft.Status = ReportDraft
	reports := []MonthFigure{
		report(2, 1, "100.25"), draft, report(3, 2, "0"), report(4, 2, "1.5"),
		report(99, 2, "5000"), // not a project of the plan
	}
	d := ComputeDispatch(2023, 2, DefaultDispatchSettings(), projects, reports)

	tot := d.Total
	if tot.Projects != 4 || tot.AnnualPlan != wan("3300.15") || tot.CompletedYTD != wan("101.75") {
		t.Errorf("total = %+v", tot)
	}
	if tot.NewProjects != 2 || tot.StartedNewProjects != 0 || tot.StartRate == nil || *tot.StartRate != 0 {
		t.Errorf("new projects = %d started %d rate %v", tot.NewProjects, tot.StartedNewProjects, tot.StartRate)
	}
	if tot.Lights != (LightCounts{Green: 2, Red: 2}) {
		t.Errorf("lights = %+v", tot.Lights) // 1 overdue, 2 behind (5%<16.7%-10%), 3 plan 0, 4 not yet due
	}
	if tot.ReportsDue != 4 || tot.ReportsMissing != 2 {
		t.Errorf("due %d missing %d, want 4 and 2", tot.ReportsDue, tot.ReportsMissing)
	}
	if len(d.Projects) != 4 || d.Projects[3].Light != LightGreen || d.Projects[3].HasRate {
		t.Errorf("projects = %+v", d.Projects)
	}
	if got := names(d.ByLeadOrg); !slices.Equal(got, []string{"市发改委", "文水县"}) {
		t.Errorf("by_lead_org = %v (project 3 has no lead org)", got)
	}

	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, want := range []string{
		`"year":2023,"month":2,"time_progress":0.1667,`,
		`"total":{"projects":4,"annual_plan":3300.15,"completed_ytd":101.75,"completion_rate":0.0308,"new_projects":2,"started_new_projects":0,"start_rate":0,"lights":{"green":2,"yellow":0,"red":2},"reports_due":4,"reports_missing":2,"target":null,"target_rate":null,"entry_expected":0,"entry_entered":0,"entry_rate":null}`,
		`{"org":{"code":"141102","name":"离石区"},"rank":1,"projects":2,`,
		// names in code point order: 乙 (U+4E59) before 甲 (U+7532)
		`"red_projects":[{"id":1,"name":"乙项目","org":{"code":"141102","name":"离石区"},"lead_org":{"code":"D01","name":"市发改委"},"kind":"new","reason":"overdue_start","annual_plan":1000.10,"completed_ytd":0.00,"completion_rate":0},{"id":2,"name":"甲项目",`,
		`"missing_reports":[{"id":1,"name":"乙项目","org":{"code":"141102","name":"离石区"},"lead_org":{"code":"D01","name":"市发改委"}},{"id":2,"name":"甲项目"`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s\n%s", want, js)
		}
	}
}

func names(rows []OrgDispatch) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Org.Name)
	}
	return out
}

func TestComputeDispatchEmptyListsAreArrays(t *testing.T) {
	b, _ := json.Marshal(ComputeDispatch(2023, 1, DefaultDispatchSettings(), nil, nil))
	want := `{"year":2023,"month":1,"time_progress":0.0833,"total":{"projects":0,"annual_plan":0.00,"completed_ytd":0.00,"completion_rate":0,"new_projects":0,"started_new_projects":0,"start_rate":null,"lights":{"green":0,"yellow":0,"red":0},"reports_due":0,"reports_missing":0,"target":null,"target_rate":null,"entry_expected":0,"entry_entered":0,"entry_rate":null},"by_org":[],"by_lead_org":[],"red_projects":[],"missing_reports":[]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestComputeDispatchReportingKinds(t *testing.T) {
	s := DefaultDispatchSettings()
	s.ReportingKinds = []Kind{KindNew, KindContinuing}
	projects := []DispatchProject{
		{ID: 1, Name: "a", Org: orgA, Kind: KindPreparatory, AnnualPlan: wan("10")},
		{ID: 2, Name: "b", Org: orgA, Kind: KindContinuing, AnnualPlan: wan("10")},
	}
	d := ComputeDispatch(2023, 1, s, projects, nil)
	if d.Total.ReportsDue != 1 || d.Total.ReportsMissing != 1 || len(d.Missing) != 1 || d.Missing[0].ID != 2 {
		t.Errorf("due %d missing %d %+v", d.Total.ReportsDue, d.Total.ReportsMissing, d.Missing)
	}
	if d.Projects[1].Reported {
		t.Error("a project without a report is not reported, due or not")
	}
}

// rankOrgs runs a dispatch over one continuing project per org with the
// given plan and YTD, plus new projects (started or not) per org.
func rankOrgs(t *testing.T, rows []rankRow) []OrgDispatch {
	t.Helper()
	var projects []DispatchProject
	var reports []MonthFigure
	id := int64(0)
	for _, r := range rows {
		id++
		projects = append(projects, DispatchProject{ID: id, Org: r.org, Kind: KindContinuing, AnnualPlan: wan(r.plan)})
		reports = append(reports, report(id, 1, r.ytd))
		for i := 0; i < r.newProjects; i++ {
			id++
			p := DispatchProject{ID: id, Org: r.org, Kind: KindNew, PlannedStart: ym(2023, 12)}
			if i < r.started {
				p.StartedOn = ymd(2023, 1, 5)
			}
			projects = append(projects, p)
		}
	}
	return ComputeDispatch(2023, 1, DefaultDispatchSettings(), projects, reports).ByOrg
}

type rankRow struct {
	org                  OrgRef
	plan, ytd            string
	newProjects, started int
}

func codes(rows []OrgDispatch) []string {
	var out []string
	for i, r := range rows {
		if r.Rank != i+1 {
			panic("ranks are 1..n in order")
		}
		out = append(out, r.Org.Code)
	}
	return out
}

func TestRankingByCompletionRateThenStartRate(t *testing.T) {
	tests := []struct {
		name string
		rows []rankRow
		want []string
	}{
		{"completion rate descending", []rankRow{
			{orgA, "100", "10", 1, 1}, {orgB, "100", "30", 0, 0}, {orgC, "100", "20", 0, 0},
		}, []string{"141121", "141122", "141102"}},
		{"equal completion rate: start rate decides", []rankRow{
			{orgA, "100", "10", 2, 1}, {orgB, "300", "30", 4, 3}, {orgC, "200", "20", 3, 0},
		}, []string{"141121", "141102", "141122"}},
		{"null start rate ranks as 0: after a started org, tied with 0 by code", []rankRow{
			{orgC, "100", "10", 0, 0}, {orgB, "100", "10", 3, 1}, {orgA, "100", "10", 2, 0},
		}, []string{"141121", "141102", "141122"}},
		{"rates are compared unrounded: 0.12344 beats 0.12336 whatever the start rate", []rankRow{
			{orgA, "100000", "12336", 1, 1}, {orgB, "100000", "12344", 1, 0},
		}, []string{"141121", "141102"}},
		{"equal fractions of different sums tie exactly (1/3 = 2/6)", []rankRow{
			{orgA, "3", "1", 1, 0}, {orgB, "6", "2", 1, 1},
		}, []string{"141121", "141102"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codes(rankOrgs(t, tt.rows)); !slices.Equal(got, tt.want) {
				t.Errorf("order %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRatesAreRoundedOnlyInJSON(t *testing.T) {
	rows := rankOrgs(t, []rankRow{{orgA, "100000", "12336", 3, 1}, {orgB, "100000", "12344", 0, 0}})
	if rows[0].CompletionRate != Fraction(0.12344) || rows[1].CompletionRate != Fraction(0.12336) {
		t.Errorf("rates held rounded: %v %v", rows[0].CompletionRate, rows[1].CompletionRate)
	}
	b, _ := json.Marshal(rows)
	for _, want := range []string{`"completion_rate":0.1234,`, `"start_rate":0.3333,`, `"start_rate":null,`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
}

func TestRedAndMissingAreOrderedByOrgThenName(t *testing.T) {
	var projects []DispatchProject
	for i, x := range []struct {
		org  OrgRef
		name string
	}{{orgC, "甲"}, {orgA, "乙"}, {orgB, "丙"}, {orgA, "甲"}, {orgA, "乙"}} {
		projects = append(projects, DispatchProject{ID: int64(10 - i), Name: x.name, Org: x.org, Kind: KindContinuing, AnnualPlan: wan("100")})
	}
	d := ComputeDispatch(2023, 6, DefaultDispatchSettings(), projects, nil)
	var got []string
	for _, r := range d.RedProjects {
		got = append(got, r.Org.Code+r.Name)
	}
	want := []string{"141102乙", "141102乙", "141102甲", "141121丙", "141122甲"}
	if !slices.Equal(got, want) || d.RedProjects[0].ID != 6 {
		t.Errorf("red = %v (first id %d), want %v", got, d.RedProjects[0].ID, want)
	}
	if len(d.Missing) != 5 || d.Missing[2].Name != "甲" || d.Missing[0].ID != 6 {
		t.Errorf("missing = %+v", d.Missing)
	}
}

func TestComputeDispatchAgreesWithProjectLightFor(t *testing.T) {
	projects, reports := syntheticPlan(200, 12)
	for m := 1; m <= 12; m++ {
		d := ComputeDispatch(2023, m, DefaultDispatchSettings(), projects, reports)
		for _, p := range projects {
			if got, want := d.Projects[p.ID], ProjectLightFor(2023, m, DefaultDispatchSettings(), p, reports); got != want {
				t.Fatalf("month %d project %d: %+v, alone %+v", m, p.ID, got, want)
			}
		}
	}
}

func TestMonthlySeriesMatchesEachMonthsDispatch(t *testing.T) {
	projects, reports := syntheticPlan(300, 12)
	series := MonthlySeries(2023, 9, DefaultDispatchSettings(), projects, reports)
	if len(series) != 9 {
		t.Fatalf("%d points", len(series))
	}
	for _, pt := range series {
		d := ComputeDispatch(2023, pt.Month, DefaultDispatchSettings(), projects, reports)
		if pt.CompletedYTD != d.Total.CompletedYTD || pt.CompletionRate != d.Total.CompletionRate || pt.TimeProgress != d.TimeProgress {
			t.Errorf("month %d: %+v, dispatch %s %v", pt.Month, pt, d.Total.CompletedYTD, d.Total.CompletionRate)
		}
	}
}
