package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// The office exports a signed checkpoint and keeps it elsewhere; verify
// holds the database against it. Cutting the newest entries (and moving the
// head back) passes the chain walk but not the checkpoint; a checkpoint
// edited by hand is refused; after a key rotation old entries still verify.
func TestCLIAuditCheckpointCatchesTruncationAndRotationKeepsHistory(t *testing.T) {
	t.Setenv("LANG", "C")
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	mustRun(t, "user", "add", "--username", "lishi", "--role", "org_admin", "--org", "141102", "--db", db)
	if _, err := os.Stat(db + ".auditkey"); err != nil {
		t.Fatalf("the audit key was not created beside the database: %v", err)
	}
	cp := filepath.Join(dir, "cp.json")
	mustRun(t, "audit", "checkpoint", "-o", cp, "--db", db)
	testenv.Contains(t, mustRun(t, "audit", "verify", "--checkpoint", cp, "--db", db), "audit intact", "checkpoint of")

	// Rotation: new entries are signed with the new key, old ones verify.
	out := mustRun(t, "audit", "rotate-key", "--db", db)
	testenv.Contains(t, out, "new audit key")
	mustRun(t, "user", "add", "--username", "jiaocheng", "--role", "org_admin", "--org", "141122", "--db", db)
	testenv.Contains(t, mustRun(t, "audit", "verify", "--checkpoint", cp, "--db", db), "audit intact")

	// Cut the trail back to before the checkpoint's head, head included.
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// The checkpoint's head is the entry that added lishi: keep the one before.
	var keepTo int64
	raw.QueryRow(`SELECT MAX(id) FROM audit_log WHERE label = 'lishi'`).Scan(&keepTo)
	keepTo--
	var hash string
	raw.QueryRow(`SELECT hash FROM audit_log WHERE id = ?`, keepTo).Scan(&hash)
	mustExec(t, raw, `DELETE FROM users WHERE username IN ('lishi', 'jiaocheng')`)
	mustExec(t, raw, `DELETE FROM audit_log WHERE id > ?`, keepTo)
	mustExec(t, raw, `UPDATE audit_head SET seq = ?, hash = ?`, keepTo, hash)
	// Without the checkpoint the shorter trail looks whole; with it, not.
	code, out, errs := run(t, "", "audit", "verify", "--db", db)
	if code != 0 {
		t.Fatalf("truncated trail without checkpoint: exit %d %s%s", code, out, errs)
	}
	code, out, _ = run(t, "", "audit", "verify", "--checkpoint", cp, "--db", db)
	if code != 1 || !strings.Contains(out, "truncated") {
		t.Fatalf("truncated trail against the checkpoint: exit %d\n%s", code, out)
	}

	// A checkpoint moved back by hand to match is refused by its signature.
	b, _ := os.ReadFile(cp)
	forged := strings.Replace(string(b), `"seq": `, `"seq": 1`, 1)
	os.WriteFile(cp, []byte(forged), 0o644)
	code, out, _ = run(t, "", "audit", "verify", "--checkpoint", cp, "--db", db)
	if code != 1 || !strings.Contains(out, "signature does not match") {
		t.Fatalf("edited checkpoint: exit %d\n%s", code, out)
	}

	// A database keyed with a file that has gone is refused, not re-keyed.
	os.Rename(db+".auditkey", db+".moved")
	code, _, errs = run(t, "", "audit", "verify", "--db", db)
	if code != 1 || !strings.Contains(errs, "audit key file") || !strings.Contains(errs, "missing") {
		t.Fatalf("keyed database without its key: exit %d %s", code, errs)
	}
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatal(err)
	}
}
