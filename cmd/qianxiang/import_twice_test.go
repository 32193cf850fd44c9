package main

import (
	"os"
	"path/filepath"
	"testing"

	"qianxiang/internal/testenv"
)

// Importing an uncoded list a second time without --update is refused,
// naming each row, and leaves the plan as it was (issue 7, item 7).
func TestCLIImportingAnUncodedListTwiceIsRefused(t *testing.T) {
	t.Setenv("LANG", "C")
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	list := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(list, []byte("序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资,计划开工时间\n"+
		"1,离石区第一污水处理厂,离石区,新开工,100,40,2023-03\n"+
		"2,文水县农贸市场,文水县,新开工,50,20,2023-05\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	testenv.Contains(t, mustRun(t, "import", "projects", "--year", "2023", list, "--db", db), "imported 2 projects")
	code, _, errs := run(t, "", "import", "projects", "--year", "2023", list, "--db", db)
	if code != 1 {
		t.Fatalf("second import: exit %d\n%s", code, errs)
	}
	testenv.Contains(t, errs, "nothing was imported", "row 2", "row 3", "离石区第一污水处理厂 in 离石区 is already in the 2023 plan")
	testenv.Contains(t, mustRun(t, "import", "projects", "--year", "2023", "--dry-run", "--update", list, "--db", db), "0 new, 2 updated")
}
