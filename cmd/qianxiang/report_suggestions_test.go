package main

import (
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// report suggestions writes the year's handling report as JSON or as the
// summary workbook the office publishes; a kind that is neither is
// refused (exit 1), a missing year is usage (2).
func TestCLIReportSuggestions(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "q.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	a, closeDB, err := open(ctx, &Env{Stderr: io.Discard}, db)
	if err != nil {
		t.Fatal(err)
	}
	a.Now = func() time.Time { return time.Date(2023, 3, 28, 10, 0, 0, 0, a.Loc) }
	staff := testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")
	if _, err := a.AddDeputiesSharedPassword(ctx, staff, "lvliang-cppcc-5", []qianxiang.Deputy{{Seq: 1, Name: "王委员", Delegation: "经济界", Card: "Z-0001"}}, testenv.Password); err != nil {
		t.Fatal(err)
	}
	s, err := a.CreateSuggestion(ctx, staff, app.SuggestionInput{Kind: "proposal", Title: "关于加强背街小巷管理的提案", Body: "案由", Deputies: []string{"Z-0001"}, SubmittedOn: "2023-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AssignSuggestion(ctx, staff, s.ID, app.AssignInput{LeadOrg: "141100-CGJ", CoOrgs: []string{"141100-WJW"}, AssignedOn: "2023-03-28"}); err != nil {
		t.Fatal(err)
	}
	closeDB()
	var rep struct {
		Units []qianxiang.UnitHandling `json:"units"`
		Total qianxiang.UnitHandling   `json:"total"`
	}
	js := mustRun(t, "report", "suggestions", "--year", "2023", "--kind", "proposal", "--db", db)
	if err := json.Unmarshal([]byte(js), &rep); err != nil || len(rep.Units) != 2 || rep.Total.Assigned != 1 || rep.Total.CoAssigned != 1 {
		t.Fatalf("json: %+v %v\n%s", rep, err, js)
	}
	out := filepath.Join(t.TempDir(), "p.xlsx")
	mustRun(t, "report", "suggestions", "--year", "2023", "--kind", "proposal", "--format", "xlsx", "-o", out, "--db", db)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A1": "吕梁市政协2023年提案办理情况统计表", "C3": "立案交办件数", "D3": "会办件数", "A6": "合计", "C6": "1", "D6": "1"} {
		if v, _ := f.GetCellValue("办理情况统计表", cell); v != want {
			t.Errorf("%s = %q, want %q", cell, v, want)
		}
	}
	if v, _ := f.GetCellValue("办理明细", "J2"); v != "办理中" {
		t.Errorf("the proposal's status: %q", v)
	}
	if code, _, errs := run(t, "", "report", "suggestions", "--year", "2023", "--kind", "motion", "--db", db); code != 1 {
		t.Errorf("kind motion: exit %d %s", code, errs)
	}
	if code, _, _ := run(t, "", "report", "suggestions", "--db", db); code != 2 {
		t.Errorf("no year: exit %d", code)
	}
}
