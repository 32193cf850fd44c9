package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

func TestCLIImportDeputies(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	roster := filepath.Join(dir, "roster.csv")
	os.WriteFile(roster, []byte("序号,姓名,代表团,性别,民族,职务/工作单位,座位号,代表证号,主席团成员\n"+
		"1,曹鑫,离石区代表团,男,汉族,离石区委书记,1排1号,9-0001,是\n2,温磊庆,离石区代表团,男,汉族,区长,1排2号,9-0002,否\n"), 0o644)
	slips := filepath.Join(dir, "slips.csv")
	code, out, errs := run(t, "", "import", "deputies", "--congress", "lvliang-4", "--slips", slips, roster, "--db", db)
	if code != 0 || out != "" {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	testenv.Contains(t, errs, "imported 2 deputies into lvliang-4 (1 on the presidium, 1 delegations)")
	b, _ := os.ReadFile(slips)
	testenv.Contains(t, string(b), "初始密码", "曹鑫,离石区代表团,1排1号,9-0001,")
	// Again: refused by row, nothing written.
	code, _, errs = run(t, "", "import", "deputies", "--congress", "lvliang-4", roster, "--db", db)
	if code != 1 || !strings.Contains(errs, "row 2") || !strings.Contains(errs, "9-0001") {
		t.Fatalf("second import: exit %d\n%s", code, errs)
	}
	if code, _, errs := run(t, "", "import", "deputies", roster, "--db", db); code != 2 || !strings.Contains(errs, "--congress") {
		t.Fatalf("without --congress: %d %s", code, errs)
	}
}
