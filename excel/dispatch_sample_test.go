package excel_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"testing"

	"qianxiang"
	"qianxiang/excel"
)

// The sample check: each sample folder's workbooks, read by this package and
// run through the dispatch rules, give the dispatch its expected.json holds.

// sampleTotals is one line of expected.json's dispatch, in its own shape:
// amounts as strings, rates rounded to 4 decimals.
type sampleTotals struct {
	Projects           int      `json:"projects"`
	AnnualPlan         string   `json:"annual_plan"`
	CompletedYTD       string   `json:"completed_ytd"`
	CompletionRate     float64  `json:"completion_rate"`
	NewProjects        int      `json:"new_projects"`
	StartedNewProjects int      `json:"started_new_projects"`
	StartRate          *float64 `json:"start_rate"`
	Lights             struct {
		Green  int `json:"green"`
		Yellow int `json:"yellow"`
		Red    int `json:"red"`
	} `json:"lights"`
	ReportsDue     int `json:"reports_due"`
	ReportsMissing int `json:"reports_missing"`
	Rank           int `json:"rank"`
}

type sampleDispatch struct {
	Total        sampleTotals            `json:"total"`
	ByOrg        map[string]sampleTotals `json:"by_org"`
	LightsSample map[string]string       `json:"lights_sample"`
}

// sampleLine puts our figures in expected.json's shape.
func sampleLine(t qianxiang.DispatchTotals, rank int) sampleTotals {
	s := sampleTotals{
		Projects: t.Projects, AnnualPlan: t.AnnualPlan.String(), CompletedYTD: t.CompletedYTD.String(),
		CompletionRate: t.CompletionRate.Rounded(), NewProjects: t.NewProjects,
		StartedNewProjects: t.StartedNewProjects, ReportsDue: t.ReportsDue, ReportsMissing: t.ReportsMissing, Rank: rank,
	}
	if t.StartRate != nil {
		r := t.StartRate.Rounded()
		s.StartRate = &r
	}
	s.Lights.Green, s.Lights.Yellow, s.Lights.Red = t.Lights.Green, t.Lights.Yellow, t.Lights.Red
	return s
}

// sampleOrgs is the lvliang preset (domain.md).
func sampleOrgs() []qianxiang.Org {
	orgs := []qianxiang.Org{{ID: 1, Code: "141100", Name: "吕梁市", Kind: qianxiang.OrgCity, Path: "/1/"}}
	add := func(code, name string, kind qianxiang.OrgKind) {
		id := int64(len(orgs) + 1)
		orgs = append(orgs, qianxiang.Org{ID: id, Code: code, Name: name, Kind: kind, ParentID: 1, Path: fmt.Sprintf("/1/%d/", id)})
	}
	for _, c := range [][2]string{
		{"141102", "离石区"}, {"141121", "文水县"}, {"141122", "交城县"}, {"141123", "兴县"},
		{"141124", "临县"}, {"141125", "柳林县"}, {"141126", "石楼县"}, {"141127", "岚县"},
		{"141128", "方山县"}, {"141129", "中阳县"}, {"141130", "交口县"}, {"141181", "孝义市"},
		{"141182", "汾阳市"},
	} {
		add(c[0], c[1], qianxiang.OrgCounty)
	}
	for i, n := range []string{"市发改委", "市城管局", "市新区建管中心", "市卫健委"} {
		add(fmt.Sprintf("141100-%02d", i+1), n, qianxiang.OrgDepartment)
	}
	return orgs
}

func sampleOpen(t *testing.T, dir, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("%v (shared/samples must sit beside the repository)", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestDispatchOfSamplesMatchesExpected(t *testing.T) {
	for _, folder := range []string{"city-sectioned-2023", "county-flat-2023", "county-yi-2023"} {
		t.Run(folder, func(t *testing.T) { checkSampleDispatch(t, filepath.Join("..", "..", "shared", "samples", folder)) })
	}
}

func checkSampleDispatch(t *testing.T, dir string) {
	var want struct {
		Dispatch map[string]sampleDispatch `json:"dispatch"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatalf("%v (shared/samples must sit beside the repository)", err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	orgs := sampleOrgs()
	pi, err := excel.ReadProjects(sampleOpen(t, dir, "projects.xlsx"), "projects.xlsx",
		excel.ImportOptions{Year: 2023, CityCode: "141100", Orgs: orgs})
	if err != nil {
		t.Fatal(err)
	}
	if len(pi.Errors) > 0 {
		t.Fatalf("project list: %d errors, first %s", len(pi.Errors), pi.Errors[0])
	}
	plan := make([]qianxiang.Project, len(pi.Rows))
	projects := make([]qianxiang.DispatchProject, len(pi.Rows))
	for i, r := range pi.Rows {
		p := r.Project
		p.ID = int64(i + 1)
		plan[i] = p
		projects[i] = qianxiang.DispatchProject{ID: p.ID, Name: p.Name, Org: p.Org, LeadOrg: p.LeadOrg, Kind: p.Kind,
			PlannedStart: p.PlannedStart, StartedOn: p.StartedOn, AnnualPlan: p.AnnualPlan}
	}

	months := make([]int, 0, len(want.Dispatch))
	for k := range want.Dispatch {
		m, _ := strconv.Atoi(k)
		months = append(months, m)
	}
	sort.Ints(months)
	if len(months) == 0 {
		t.Fatal("expected.json has no dispatch")
	}
	var figures []qianxiang.MonthFigure
	prior := map[int64]qianxiang.Money{}
	for _, m := range months {
		name := fmt.Sprintf("reports-2023-%02d.xlsx", m)
		ri, err := excel.ReadReports(sampleOpen(t, dir, name), name,
			excel.ReportOptions{Year: 2023, Month: m, Orgs: orgs, Projects: plan, PriorYTD: prior})
		if err != nil {
			t.Fatal(err)
		}
		if len(ri.Errors) > 0 {
			t.Fatalf("%s: %d errors, first %s", name, len(ri.Errors), ri.Errors[0])
		}
		next := map[int64]qianxiang.Money{}
		for id, v := range prior {
			next[id] = v
		}
		for _, r := range ri.Rows {
			figures = append(figures, qianxiang.MonthFigure{ProjectID: r.ProjectID, Month: m, Completed: r.Completed,
				StartedOn: r.StartedOn, Status: qianxiang.ReportSubmitted})
			next[r.ProjectID] += r.Completed
		}
		prior = next

		d := qianxiang.ComputeDispatch(2023, m, qianxiang.DefaultDispatchSettings(), projects, figures)
		compareSampleDispatch(t, m, want.Dispatch[strconv.Itoa(m)], d, projects)
	}
}

func compareSampleDispatch(t *testing.T, m int, want sampleDispatch, d *qianxiang.Dispatch, projects []qianxiang.DispatchProject) {
	t.Helper()
	if got := sampleLine(d.Total, 0); !reflect.DeepEqual(got, want.Total) {
		t.Errorf("month %d total:\n got  %s\n want %s", m, sampleJSON(got), sampleJSON(want.Total))
	}
	if len(d.ByOrg) != len(want.ByOrg) {
		t.Errorf("month %d: %d counties, want %d", m, len(d.ByOrg), len(want.ByOrg))
	}
	for _, o := range d.ByOrg {
		w, ok := want.ByOrg[o.Org.Code]
		if got := sampleLine(o.DispatchTotals, o.Rank); !ok || !reflect.DeepEqual(got, w) {
			t.Errorf("month %d %s %s:\n got  %s\n want %s", m, o.Org.Code, o.Org.Name, sampleJSON(got), sampleJSON(w))
		}
	}
	byName := map[string]int64{}
	for _, p := range projects {
		byName[p.Name] = p.ID
	}
	for name, light := range want.LightsSample {
		id, ok := byName[name]
		if !ok {
			t.Errorf("month %d: no project %s", m, name)
			continue
		}
		if got := d.Projects[id].Light; string(got) != light {
			t.Errorf("month %d %s: light %s, want %s (%+v)", m, name, got, light, d.Projects[id])
		}
	}
}

func sampleJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
