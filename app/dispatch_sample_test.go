package app_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

type expectedTotals struct {
	Projects           int            `json:"projects"`
	AnnualPlan         string         `json:"annual_plan"`
	CompletedYTD       string         `json:"completed_ytd"`
	CompletionRate     float64        `json:"completion_rate"`
	NewProjects        int            `json:"new_projects"`
	StartedNewProjects int            `json:"started_new_projects"`
	StartRate          *float64       `json:"start_rate"`
	Lights             map[string]int `json:"lights"`
	ReportsDue         int            `json:"reports_due"`
	ReportsMissing     int            `json:"reports_missing"`
	Rank               int            `json:"rank"`
}

type expectedSample struct {
	Projects        int    `json:"projects"`
	TotalInvestment string `json:"total_investment"`
	AnnualPlan      string `json:"annual_plan"`
	Dispatch        map[string]struct {
		Total        expectedTotals            `json:"total"`
		ByOrg        map[string]expectedTotals `json:"by_org"`
		LightsSample map[string]string         `json:"lights_sample"`
	} `json:"dispatch"`
}

func checkTotals(t *testing.T, where string, got qianxiang.DispatchTotals, rank int, want expectedTotals, withRank bool) {
	t.Helper()
	sr := 0.0
	if got.StartRate != nil {
		sr = qianxiang.Round4(float64(*got.StartRate))
	}
	wsr := 0.0
	if want.StartRate != nil {
		wsr = *want.StartRate
	}
	ok := got.Projects == want.Projects && got.AnnualPlan.String() == want.AnnualPlan && got.CompletedYTD.String() == want.CompletedYTD &&
		qianxiang.Round4(float64(got.CompletionRate)) == want.CompletionRate && got.NewProjects == want.NewProjects &&
		got.StartedNewProjects == want.StartedNewProjects && sr == wsr &&
		got.Lights.Green == want.Lights["green"] && got.Lights.Yellow == want.Lights["yellow"] && got.Lights.Red == want.Lights["red"] &&
		got.ReportsDue == want.ReportsDue && got.ReportsMissing == want.ReportsMissing && (!withRank || rank == want.Rank)
	if !ok {
		g, _ := json.Marshal(got)
		t.Errorf("%s: got %s rank %d\nwant %+v", where, g, rank, want)
	}
}

// TestDispatchOfTheSamplesEqualsExpected imports each sample plan and its
// months through the services, as the campaign office would, and checks the
// dispatch against the sample's expected.json on both databases.
func TestDispatchOfTheSamplesEqualsExpected(t *testing.T) {
	samples := testenv.Samples(t)
	for _, folder := range []string{"city-sectioned-2023", "county-flat-2023", "county-yi-2023"} {
		dir := filepath.Join(samples, folder)
		var want expectedSample
		b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		t.Run(folder, func(t *testing.T) {
			testenv.Each(t, func(t *testing.T, a *app.App) {
				a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
				testenv.Lvliang(t, a)
				sys := qianxiang.SystemActor
				f, _ := os.Open(filepath.Join(dir, "projects.xlsx"))
				res, err := a.ImportProjects(ctx, sys, 2023, "projects.xlsx", f, false, false)
				f.Close()
				if err != nil {
					t.Fatalf("import: %v", err)
				}
				if res.Created != want.Projects || res.Totals.AnnualPlan.String() != want.AnnualPlan || res.Totals.TotalInvestment.String() != want.TotalInvestment {
					t.Fatalf("imported %d, plan %s, total %s", res.Created, res.Totals.AnnualPlan, res.Totals.TotalInvestment)
				}
				for m := 1; m <= 12; m++ {
					exp, ok := want.Dispatch[itoa(m)]
					if !ok {
						continue
					}
					name := filepath.Join(dir, "reports-2023-"+pad(m)+".xlsx")
					f, err := os.Open(name)
					if err != nil {
						t.Fatal(err)
					}
					_, err = a.ImportReports(ctx, sys, 2023, m, filepath.Base(name), f, false)
					f.Close()
					if err != nil {
						t.Fatalf("import month %d: %v", m, err)
					}
					d, err := a.Dispatch(ctx, sys, 2023, m)
					if err != nil {
						t.Fatal(err)
					}
					checkTotals(t, "total", d.Total, 0, exp.Total, false)
					for _, o := range d.ByOrg {
						checkTotals(t, o.Org.Code, o.DispatchTotals, o.Rank, exp.ByOrg[o.Org.Code], true)
					}
					if len(d.ByOrg) != len(exp.ByOrg) {
						t.Errorf("month %d: %d counties, want %d", m, len(d.ByOrg), len(exp.ByOrg))
					}
					byName := map[string]qianxiang.Light{}
					for id, pl := range d.Projects {
						p, _ := a.DB.Project(ctx, id)
						byName[p.Name] = pl.Light
					}
					for name, light := range exp.LightsSample {
						if string(byName[name]) != light {
							t.Errorf("month %d: %s is %s, want %s", m, name, byName[name], light)
						}
					}
				}
			})
		})
	}
}

func itoa(i int) string { return string(rune('0' + i/10))[0:min(1, i/10)] + string(rune('0'+i%10)) }
func pad(i int) string  { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }

// A 存在问题 cell of an imported 调度表 opens a problem on its project,
// listed with the project (and hidden from other counties).
func TestImportedReportProblemsShowOnTheProject(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, newProject("离石区供热管网项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		x := excelize.NewFile()
		for i, row := range [][]any{
			{"项目名称", "县（市、区）", "本月完成投资", "形象进度", "存在问题"},
			{"离石区供热管网项目", "离石区", 95.5, "管沟开挖", "征地拆迁未完成，需协调"},
		} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			x.SetSheetRow("Sheet1", cell, &row)
		}
		var buf bytes.Buffer
		x.Write(&buf)
		if _, err := a.ImportReports(ctx, qianxiang.SystemActor, 2023, 2, "调度表.xlsx", &buf, false); err != nil {
			t.Fatal(err)
		}
		ps, err := a.ProjectProblems(ctx, qianxiang.SystemActor, p.ID)
		if err != nil || len(ps) != 1 || ps[0].Status != "open" || ps[0].Source != "调度表 2023-02" || ps[0].Description != "征地拆迁未完成，需协调" {
			t.Fatalf("problems: %+v %v", ps, err)
		}
		stranger := testenv.User(t, a, "stranger", qianxiang.RoleOrgAdmin, "141121")
		if _, err := a.ProjectProblems(ctx, stranger, p.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("another county read the problems: %v", err)
		}
	})
}
