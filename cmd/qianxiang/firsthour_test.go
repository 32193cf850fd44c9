package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// Issue 15.14: `import users FILE` creates users all or nothing and gives
// their first-login passwords once.
func TestCLIImportUsers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("姓名,单位,角色,手机\n张三,离石区,项目单位填报员,13800000001\n李四,离石区,皇帝,12\n"), 0o644)
	code, _, errs := run(t, "", "import", "users", bad, "--db", db)
	if code != 1 || !strings.Contains(errs, "row 3") || !strings.Contains(errs, "column C") || !strings.Contains(errs, "column D") {
		t.Fatalf("bad workbook: exit %d\n%s", code, errs)
	}
	good := filepath.Join(dir, "users.csv")
	os.WriteFile(good, []byte("姓名,单位,角色,手机\n张三,离石区,项目单位填报员,13800000001\n李四,文水县,县区管理员,\n"), 0o644)
	slips := filepath.Join(dir, "slips.csv")
	code, out, errs := run(t, "", "import", "users", "--slips", slips, good, "--db", db)
	if code != 0 || out != "" {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	testenv.Contains(t, errs, "imported 2 users")
	b, _ := os.ReadFile(slips)
	testenv.Contains(t, string(b), "初始密码", "2,张三,离石区,reporter,141102-1,", "3,李四,文水县,org_admin,141121-1,")
}

// Issue 15.8: the CLI's circular carries the kept issue number, 文号 and 版记.
func TestCLICircularHTMLHasIssueAndClosing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	out := filepath.Join(dir, "c.html")
	mustRun(t, "report", "dispatch", "--year", "2023", "--month", "3", "--format", "html", "-o", out, "--db", db)
	b, _ := os.ReadFile(out)
	testenv.Contains(t, string(b), "第1期", "吕千项办〔2023〕1号", "吕梁市“千项千亿”项目建设大会战指挥部办公室", "报：", "印发")
}
