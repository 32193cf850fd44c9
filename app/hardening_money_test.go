package app_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func details(err error) []qianxiang.Detail {
	if e := qianxiang.AsError(err); e != nil {
		return e.Details
	}
	return nil
}

func hasDetail(err error, row int, field string) bool {
	for _, d := range details(err) {
		if d.Row == row && d.Field == field {
			return true
		}
	}
	return false
}

// The limits of the API hold on import too: a huge name, a control
// character, a 3-decimal amount and a month above the total are refused
// with their rows, and nothing is written.
func TestImportKeepsTheLimitsOfTheAPI(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		huge := strings.Repeat("名", 5000)
		csv := "项目名称,县（市、区）,项目类型,总投资,年度计划投资,建设单位\n" +
			"正常项目,离石区,续建,100,50,离石区住建局\n" +
			huge + ",离石区,续建,100,50,\n" +
			"含响铃\a的项目,离石区,续建,100,50,\n" +
			"三位小数项目,离石区,续建,100.125,50,\n" +
			"业主过长项目,离石区,续建,100,50," + strings.Repeat("x", 201) + "\n"
		_, err := a.ImportProjects(ctx, cmd, 2023, "list.csv", strings.NewReader(csv), false, false)
		if qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("import: %v", err)
		}
		for _, want := range []struct {
			row   int
			field string
		}{{3, "name"}, {4, "name"}, {6, "owner"}} {
			if !hasDetail(err, want.row, want.field) {
				t.Errorf("row %d %s not refused: %v", want.row, want.field, details(err))
			}
		}
		found := false
		for _, d := range details(err) {
			found = found || d.Row == 5 && strings.Contains(d.Message(), "more than two decimals")
		}
		if !found {
			t.Errorf("100.125 not refused on row 5: %v", details(err))
		}
		if page, _ := a.Projects(ctx, cmd, app.ProjectQuery{}); page.Total != 0 {
			t.Fatalf("a refused import wrote %d projects", page.Total)
		}
		// The same owner through the service the API and form use.
		p := newProject("业主过长项目", "141102")
		p.Owner = strings.Repeat("x", 201)
		if _, err := a.CreateProject(ctx, cmd, p); !hasDetail(err, 0, "owner") {
			t.Fatalf("API owner limit: %v", err)
		}
	})
}

// A report above the project's total investment, alone or with the year's
// other months, is refused by the service (API, grid and import alike).
func TestReportAboveTheTotalInvestmentIsRefused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		p, err := a.CreateProject(ctx, cmd, newProject("离石区项目", "141102")) // total 5000.00 万元
		if err != nil {
			t.Fatal(err)
		}
		amount := func(m qianxiang.Money) *qianxiang.Money { return &m }
		if _, err := a.SubmitReport(ctx, cmd, p.ID, 2023, 1, &app.ReportInput{Completed: amount(500001)}); !hasDetail(err, 0, "completed") {
			t.Fatalf("a month above the total: %v", err)
		}
		if _, err := a.SubmitReport(ctx, cmd, p.ID, 2023, 1, &app.ReportInput{Completed: amount(300000)}); err != nil {
			t.Fatal(err)
		}
		_, err = a.SubmitReport(ctx, cmd, p.ID, 2023, 2, &app.ReportInput{Completed: amount(200001)})
		if !hasDetail(err, 0, "completed") || !strings.Contains(qianxiang.AsError(err).Error(), "year to date") {
			t.Fatalf("a year to date above the total: %v", err)
		}
		if _, err := a.SubmitReport(ctx, cmd, p.ID, 2023, 2, &app.ReportInput{Completed: amount(200000)}); err != nil {
			t.Fatalf("exactly the total: %v", err)
		}
		nul := "进度\x00"
		if _, err := a.SaveReport(ctx, cmd, p.ID, 2023, 3, app.ReportInput{Progress: &nul}); !hasDetail(err, 0, "progress") {
			t.Fatalf("NUL in progress: %v", err)
		}
	})
}

// A figure inserted behind the application, beyond int64 sums, does not
// take the city's dispatch, registry or export down: they name the project.
func TestDispatchSurvivesAFigurePlantedBehindTheApp(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		var ids []int64
		for _, n := range []string{"甲项目", "乙项目", "丙项目"} {
			p, err := a.CreateProject(ctx, cmd, newProject(n, "141102"))
			if err != nil {
				t.Fatal(err)
			}
			m := qianxiang.Money(1000)
			if _, err := a.SubmitReport(ctx, cmd, p.ID, 2023, 1, &app.ReportInput{Completed: &m}); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		raw := testenv.Raw(t, a)
		// 甲: a report and the plan beyond any sum; 乙: a report.
		for _, q := range []string{
			fmt.Sprintf(`UPDATE reports SET completed = 9223372036854775807 WHERE project_id = %d`, ids[0]),
			fmt.Sprintf(`UPDATE projects SET annual_plan = 9223372036854775807, total_investment = 9223372036854775807 WHERE id = %d`, ids[0]),
			fmt.Sprintf(`UPDATE reports SET completed = 9223372036854775807 WHERE project_id = %d`, ids[1]),
		} {
			if _, err := raw.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		d, err := a.Dispatch(ctx, cmd, 2023, 1)
		if err != nil {
			t.Fatalf("dispatch: %v", err)
		}
		named := map[string]bool{}
		for _, x := range d.Implausible {
			named[x.Name+" "+x.Field] = true
		}
		if d.Total.CompletedYTD != 1000 || d.Total.AnnualPlan != 2*120000 || len(d.Implausible) != 3 ||
			!named["甲项目 annual_plan"] || !named["甲项目 completed"] || !named["乙项目 completed"] {
			t.Fatalf("dispatch totals %s / %s, implausible %+v", d.Total.CompletedYTD, d.Total.AnnualPlan, d.Implausible)
		}
		page, err := a.Projects(ctx, cmd, app.ProjectQuery{})
		if err != nil || page.Totals.Implausible != 1 || page.Totals.AnnualPlan != 2*120000 {
			t.Fatalf("registry: %+v %v", page.Totals, err)
		}
		var buf bytes.Buffer
		if err := a.ExportProjects(ctx, cmd, 2023, &buf); err != nil {
			t.Fatalf("export: %v", err)
		}
	})
}

// A SQLite city holding NUL (planted behind the app, as older versions let
// in) cannot move to PostgreSQL as is: the restore names every record and
// writes nothing, instead of failing on the first with a driver error.
func TestRestoreNamesTheRecordsThatCannotMove(t *testing.T) {
	src := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, src)
	cmd := testenv.User(t, src, "zhb", qianxiang.RoleCommand, "141100")
	p, err := src.CreateProject(ctx, cmd, newProject("交城县项目", "141122"))
	if err != nil {
		t.Fatal(err)
	}
	raw := testenv.Raw(t, src)
	if _, err := raw.Exec(fmt.Sprintf(`UPDATE projects SET name = 'a' || char(0) || 'b', owner = 'x' || char(0), annual_plan = 9223372036854775807 WHERE id = %d`, p.ID)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := src.DB.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			dst := testenv.Open(t, kind)
			n, err := dst.DB.Restore(ctx, bytes.NewReader(buf.Bytes()))
			if qianxiang.ErrorCode(err) != qianxiang.EValidation || n != 0 {
				t.Fatalf("restore: %d rows, %v", n, err)
			}
			want := map[string]bool{}
			for _, f := range []string{"name", "owner", "annual_plan"} {
				want[fmt.Sprintf("projects id %d, %s", p.ID, f)] = true
			}
			for _, d := range details(err) {
				delete(want, d.Field)
			}
			if len(want) > 0 {
				t.Fatalf("not named: %v in %v", want, details(err))
			}
			if !strings.Contains(err.Error(), "nothing was restored") {
				t.Fatalf("message: %v", err)
			}
			// All or nothing: the target is still empty, so a corrected
			// backup can be restored into it.
			var orgs int
			if err := testenv.Raw(t, dst).QueryRow(`SELECT COUNT(*) FROM orgs`).Scan(&orgs); err != nil || orgs != 0 {
				t.Fatalf("a refused restore left %d orgs (%v)", orgs, err)
			}
		})
	}
}

// The month's 调度表 meets the same limits as the API: a progress text with
// NUL or too long, a problem too long, a month above the project's total
// and a 3-decimal amount are refused with their rows, and nothing is written.
func TestReportImportKeepsTheLimitsOfTheAPI(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		var names []string
		for _, n := range []string{"甲项目", "乙项目", "丙项目", "丁项目", "戊项目"} {
			if _, err := a.CreateProject(ctx, cmd, newProject(n, "141102")); err != nil { // total 5000.00 万元
				t.Fatal(err)
			}
			names = append(names, n)
		}
		csv := "项目名称,县（市、区）,本月完成投资,形象进度,存在问题\n" +
			names[0] + ",离石区,10,正常,\n" +
			names[1] + ",离石区,10,进度\a,\n" +
			names[2] + ",离石区,10," + strings.Repeat("进", 2001) + ",\n" +
			names[3] + ",离石区,5000.01,,\n" +
			names[4] + ",离石区,10.001,,\n"
		_, err := a.ImportReports(ctx, cmd, 2023, 2, "调度表.csv", strings.NewReader(csv), false)
		if qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("import: %v %v", err, details(err))
		}
		for _, want := range []struct {
			row   int
			field string
		}{{3, "progress"}, {4, "progress"}, {5, "completed"}} {
			if !hasDetail(err, want.row, want.field) {
				t.Errorf("row %d %s not refused: %v %v", want.row, want.field, err, details(err))
			}
		}
		found := false
		for _, d := range details(err) {
			found = found || d.Row == 6 && strings.Contains(d.Message(), "more than two decimals")
		}
		if !found {
			t.Errorf("10.001 not refused on row 6: %v", details(err))
		}
		if rs, _ := a.DB.MonthReports(ctx, 2023, 2); len(rs) != 0 {
			t.Fatalf("a refused import wrote %d reports", len(rs))
		}
	})
}

// The services the CLI and admin pages call keep the text rules too.
func TestOrgAndUserNamesRefuseControlCharacters(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		if _, err := a.AddOrg(ctx, qianxiang.SystemActor, "141100-X", "某局\x00", qianxiang.OrgDepartment, "141100"); !hasDetail(err, 0, "name") {
			t.Fatalf("org name with NUL: %v", err)
		}
		_, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "wang", DisplayName: "王\a", Role: qianxiang.RoleViewer, OrgCode: "141100"})
		if !hasDetail(err, 0, "display_name") {
			t.Fatalf("display name with a bell: %v", err)
		}
	})
}
