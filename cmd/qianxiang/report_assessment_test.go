package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// report assessment writes the month's ranking as JSON or a workbook; a
// month outside 1..12 is refused (exit 1) and a missing flag is usage (2).
func TestCLIReportAssessment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	var a struct {
		Year     int `json:"year"`
		Settings struct {
			BoardSize int  `json:"board_size"`
			Set       bool `json:"set"`
		} `json:"settings"`
		Counties []any `json:"counties"`
	}
	js := mustRun(t, "report", "assessment", "--year", "2023", "--month", "3", "--db", db)
	if err := json.Unmarshal([]byte(js), &a); err != nil || a.Year != 2023 || a.Settings.BoardSize != 3 || a.Settings.Set || len(a.Counties) != 0 {
		t.Fatalf("json: %+v %v\n%s", a, err, js)
	}
	out := filepath.Join(t.TempDir(), "a.xlsx")
	mustRun(t, "report", "assessment", "--year", "2023", "--month", "3", "--format", "xlsx", "-o", out, "--db", db)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("考核权重", "B9"); v != "100" {
		t.Errorf("the weights sheet's total: %q", v)
	}
	f.Close()
	if code, _, errs := run(t, "", "report", "assessment", "--year", "2023", "--month", "13", "--db", db); code != 1 {
		t.Errorf("month 13: exit %d %s", code, errs)
	}
	if code, _, _ := run(t, "", "report", "assessment", "--year", "2023", "--db", db); code != 2 {
		t.Errorf("no month: exit %d", code)
	}
	os.Remove(out)
}
