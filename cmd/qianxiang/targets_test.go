package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// import targets reads the office's table (a 合计 row for the campaign,
// amounts in 亿元 or 万元): all or nothing, each fault named by row and
// column, exit 1 on refusal and 2 for usage.
func TestCLIImportTargets(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	book := func(name string, rows [][]any) string {
		x := excelize.NewFile()
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			x.SetSheetRow("Sheet1", cell, &row)
		}
		path := filepath.Join(dir, name)
		if err := x.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	campaign := func() float64 {
		var d struct {
			Total struct {
				Target *struct {
					AnnualPlan float64 `json:"annual_plan"`
				} `json:"target"`
			} `json:"total"`
		}
		js := mustRun(t, "report", "dispatch", "--year", "2023", "--month", "3", "--format", "json", "--db", db)
		if err := json.Unmarshal([]byte(js), &d); err != nil {
			t.Fatal(err)
		}
		if d.Total.Target == nil {
			return -1
		}
		return d.Total.Target.AnnualPlan
	}

	good := book("good.xlsx", [][]any{{"单位", "项目数", "年度投资（亿元）", "新开工"},
		{"合计", 1000, 1000, ""}, {"离石区", 80, 77, 30}, {"文水县", 70, 76.5, 25}})
	out := mustRun(t, "import", "targets", "--year", "2023", good, "--db", db)
	if !strings.Contains(out, "imported targets of 2 organisations for 2023") {
		t.Fatalf("stdout %q", out)
	}
	if got := campaign(); got != 10000000 {
		t.Fatalf("the campaign target after import: %v 万元, want 10,000,000 (1,000 亿元)", got)
	}

	bad := book("bad.xlsx", [][]any{{"单位", "项目数", "年度投资（万元）", "新开工"},
		{"合计", 1000, 12000000, ""}, {"离石区", 80, -5, 30}, {"火星县", 1, 5, 0}})
	code, _, errs := run(t, "", "import", "targets", "--year", "2023", bad, "--db", db)
	// In English, or in Chinese when the machine's LANG says so.
	names := func(en, zh string) bool { return strings.Contains(errs, en) || strings.Contains(errs, zh) }
	if code != 1 || !names("row 3, column C", "第 3 行，C 列") || !names("row 4, column A", "第 4 行，A 列") || !strings.Contains(errs, "火星县") {
		t.Fatalf("a bad workbook: exit %d, %s", code, errs)
	}
	if got := campaign(); got != 10000000 {
		t.Errorf("a refused workbook changed the campaign target to %v", got)
	}
	if code, _, _ := run(t, "", "import", "targets", good, "--db", db); code != 2 {
		t.Errorf("no --year: exit %d", code)
	}
}
