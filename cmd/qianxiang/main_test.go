package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// run runs the binary's Main in-process and returns exit status and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := run(t, "", args...)
	if code != 0 {
		t.Fatalf("qianxiang %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func TestCLIExitStatusesAndMessages(t *testing.T) {
	t.Setenv("LANG", "C")
	db := filepath.Join(t.TempDir(), "q.db")
	mustRun(t, "migrate", "--db", db)
	testenv.Contains(t, mustRun(t, "init", "--preset", "lvliang", "--db", db), "created 18 organisations")
	testenv.Contains(t, mustRun(t, "init", "--preset", "lvliang", "--db", db), "created 0 organisations")
	cases := []struct {
		name  string
		stdin string
		args  []string
		code  int
		msg   string
	}{
		{"unknown command", "", []string{"fly"}, 2, "unknown command"},
		{"missing preset", "", []string{"init", "--db", db}, 2, "--preset"},
		{"unknown flag", "", []string{"user", "add", "--bogus"}, 2, "bogus"},
		{"unknown role", "", []string{"user", "add", "--username", "x", "--role", "mayor", "--org", "141102", "--db", db}, 1, "not a role"},
		{"unknown org", "", []string{"user", "add", "--username", "x", "--role", "viewer", "--org", "999", "--db", db}, 1, `"999" not found`},
		{"weak password", "12345678\n", []string{"user", "add", "--username", "x", "--role", "viewer", "--org", "141102", "--password-stdin", "--db", db}, 1, "password"},
		{"empty password", "\n", []string{"user", "add", "--username", "x", "--role", "viewer", "--org", "141102", "--password-stdin", "--db", db}, 1, "password"},
		{"org with unknown kind", "", []string{"org", "add", "--code", "X", "--name", "Y", "--kind", "planet", "--parent", "141100", "--db", db}, 1, "kind"},
		{"malformed DSN", "", []string{"migrate", "--db", "mysql://x"}, 1, "unknown database DSN scheme"},
		{"unreachable database", "", []string{"migrate", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2"}, 1, "cannot reach the database"},
		{"token for nobody", "", []string{"token", "create", "--username", "ghost", "--db", db}, 1, "user not found"},
		{"import without year", "", []string{"import", "projects", "x.xlsx", "--db", db}, 2, "--year"},
		{"import a missing file", "", []string{"import", "projects", "--year", "2023", "/nonexistent.xlsx", "--db", db}, 1, "cannot open"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, c.stdin, c.args...)
			if code != c.code || !strings.Contains(out+errs, c.msg) {
				t.Fatalf("exit %d, want %d; output:\n%s%s\nwant %q", code, c.code, out, errs, c.msg)
			}
			if c.code == 1 && strings.Count(strings.TrimSpace(errs), "\n") > 0 && !strings.Contains(c.msg, "row") {
				t.Fatalf("a refusal should be one line:\n%s", errs)
			}
		})
	}
	testenv.Contains(t, mustRun(t, "user", "add", "--username", "zhb", "--role", "command", "--org", "141100", "--db", db), "password:")
	code, out, _ := run(t, "Strong-pass-1\n", "user", "add", "--username", "lishi", "--role", "org_admin", "--org", "141102", "--password-stdin", "--db", db)
	if code != 0 || strings.Contains(out, "Strong-pass-1") {
		t.Fatalf("user add with stdin password: %d %s", code, out)
	}
	if tok := strings.TrimSpace(mustRun(t, "token", "create", "--username", "lishi", "--db", db)); !strings.HasPrefix(tok, "qx_") {
		t.Fatalf("token %q", tok)
	}
}

func TestCLIImportExportReportAuditBackup(t *testing.T) {
	t.Setenv("LANG", "C")
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	samples := testenv.Samples(t)
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	flat := filepath.Join(samples, "county-flat-2023")

	code, _, errs := run(t, "", "import", "projects", "--year", "2023", filepath.Join(flat, "bad.xlsx"), "--db", db)
	if code != 1 {
		t.Fatalf("bad.xlsx: exit %d\n%s", code, errs)
	}
	testenv.Contains(t, errs, "nothing was imported", "row 7", "row 10", "row 13", "row 16", "row 21", "row 23", "row 25", "row 27", "row 29")

	testenv.Contains(t, mustRun(t, "import", "projects", "--year", "2023", "--dry-run", filepath.Join(flat, "projects.xlsx"), "--db", db), "would import 120 projects")
	testenv.Contains(t, mustRun(t, "import", "projects", "--year", "2023", filepath.Join(flat, "projects.xlsx"), "--db", db), "imported 120 projects")
	code, _, errs = run(t, "", "import", "projects", "--year", "2023", filepath.Join(flat, "projects.xlsx"), "--db", db)
	if code != 1 || !strings.Contains(errs, "already in the 2023 plan") {
		t.Fatalf("importing the same list twice: %d %s", code, errs)
	}
	testenv.Contains(t, mustRun(t, "import", "projects", "--year", "2023", "--update", filepath.Join(flat, "projects.xlsx"), "--db", db), "imported 120 projects")
	testenv.Contains(t, mustRun(t, "import", "reports", "--year", "2023", "--month", "1", filepath.Join(flat, "reports-2023-01.xlsx"), "--db", db), "imported")

	js := mustRun(t, "report", "dispatch", "--year", "2023", "--month", "1", "--format", "json", "--db", db)
	testenv.Contains(t, js, `"completed_ytd": 38806.29`, `"time_progress": 0.0833`)
	for _, f := range []string{"xlsx", "html"} {
		out := filepath.Join(dir, "dispatch."+f)
		mustRun(t, "report", "dispatch", "--year", "2023", "--month", "1", "--format", f, "-o", out, "--db", db)
		if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
			t.Fatalf("%s report: %v", f, err)
		}
	}

	// Export, then import the export into a new database: the same plan.
	xlsx := filepath.Join(dir, "export.xlsx")
	mustRun(t, "export", "projects", "--year", "2023", "-o", xlsx, "--db", db)
	db2 := filepath.Join(dir, "q2.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db2)
	testenv.Contains(t, mustRun(t, "import", "projects", "--year", "2023", xlsx, "--db", db2), "imported 120 projects")

	testenv.Contains(t, mustRun(t, "audit", "verify", "--db", db), "audit intact")
	backup := filepath.Join(dir, "backup.qx")
	testenv.Contains(t, mustRun(t, "backup", "--to", backup, "--db", db), "backed up")
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE reports SET completed = completed + 100000 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, out, errs := run(t, "", "audit", "verify", "--db", db)
	if code != 1 || !strings.Contains(out, "reports 1") || !strings.Contains(out, "completed") {
		t.Fatalf("audit after tampering: exit %d\n%s%s", code, out, errs)
	}
	db3 := filepath.Join(dir, "q3.db")
	// The backup's trail is keyed: the restore is given the source's key file.
	if code, _, errs := run(t, "", "restore", "--from", backup, "--db", filepath.Join(dir, "other.db")); code != 1 || !strings.Contains(errs, "--audit-key") {
		t.Fatalf("restore without the source's audit key: %d %s", code, errs)
	}
	key := db + ".auditkey"
	testenv.Contains(t, mustRun(t, "restore", "--from", backup, "--db", db3, "--audit-key", key), "restored")
	testenv.Contains(t, mustRun(t, "audit", "verify", "--db", db3, "--audit-key", key), "audit intact")
	if code, _, errs := run(t, "", "restore", "--from", backup, "--db", db3, "--audit-key", key); code != 1 || !strings.Contains(errs, "not empty") {
		t.Fatalf("restore into a used database: %d %s", code, errs)
	}
}
