package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qianxiang/internal/testenv"
)

// pgDatabase makes a PostgreSQL database of the test's own on the test
// server (dropped at the end), so it can be cut off without touching the
// schemas other tests use.
func pgDatabase(t *testing.T) (dsn string, admin *sql.DB, name string) {
	t.Helper()
	base := testenv.PGURL()
	if base == "off" {
		t.Skip("PostgreSQL tests turned off by QIANXIANG_TEST_PG=off")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	name = fmt.Sprintf("qx_outage_%d", rand.Uint64()%1e9)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("postgres at %s: %v", base, err)
	}
	t.Cleanup(func() {
		admin.Exec(`ALTER DATABASE ` + name + ` WITH ALLOW_CONNECTIONS true`)
		admin.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String(), admin, name
}

// apiError is the error body of a refused API request.
type apiErrorBody struct {
	Error struct{ Code, Message string }
}

// TestPostgreSQLGoneAndBack cuts a running server off its PostgreSQL (no
// new connections allowed, every open one terminated, as in a restart)
// and back again: meanwhile the server answers 503 with a message that
// says so, keeps the session, and recovers by itself.
func TestPostgreSQLGoneAndBack(t *testing.T) {
	dsn, admin, name := pgDatabase(t)
	c := newCrashDBAt(t, "postgres", dsn, 2)
	srv := startQX(t, c.DSN, c.Key)
	cl := newClient(t, srv.Base)
	cl.login("lishi", testenv.Password)
	month := fmt.Sprintf("%04d-%02d", c.Year, c.Month)
	save := func(v int) (int, []byte) {
		code, b, _, err := cl.do("PUT", fmt.Sprintf("/api/v1/projects/%d/reports/%s", c.Projects[0], month), map[string]any{"completed": v})
		if err != nil {
			t.Fatal(err)
		}
		return code, b
	}
	if code, b := save(10); code != 200 {
		t.Fatalf("save before: %d %s", code, b)
	}
	if _, err := admin.Exec(`ALTER DATABASE ` + name + ` WITH ALLOW_CONNECTIONS false`); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, name); err != nil {
		t.Fatal(err)
	}
	down := time.Now()
	var body apiErrorBody
	eventually(t, time.Minute, "503 while the database is away", func() (bool, string) {
		code, b := save(20)
		json.Unmarshal(b, &body)
		return code == 503 && body.Error.Code == "unavailable", fmt.Sprintf("%d %s", code, b)
	})
	testenv.Contains(t, body.Error.Message, "database cannot be reached")
	code, b, resp, err := cl.do("GET", "/api/v1/projects", nil)
	if err != nil || code != 503 || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("a read while the database is away: %d %s (Retry-After %q) %v", code, b, resp.Header.Get("Retry-After"), err)
	}
	// A page says it in Chinese.
	code, b, _, _ = cl.do("GET", "/projects", nil)
	if code != 503 || !strings.Contains(string(b), "暂时无法连接数据库") {
		t.Fatalf("the projects page while the database is away: %d\n%s", code, b)
	}
	if _, err := admin.Exec(`ALTER DATABASE ` + name + ` WITH ALLOW_CONNECTIONS true`); err != nil {
		t.Fatal(err)
	}
	back := time.Now()
	eventually(t, time.Minute, "the server serving again with the same session", func() (bool, string) {
		code, b := save(30)
		return code == 200, fmt.Sprintf("%d %s", code, b)
	})
	t.Logf("database away %s: 503 \"%s\"; served again %s after it came back, session kept",
		back.Sub(down).Round(time.Millisecond), body.Error.Message, time.Since(back).Round(time.Millisecond))
	srv.Kill()
	c.auditVerify(t)
}

// tmpfs mounts a small tmpfs of its own for the test; it skips (saying
// why) where mounting is not permitted.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mnt")
	os.MkdirAll(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("a tmpfs cannot be mounted here (needs root / CAP_SYS_ADMIN): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Logf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// fill writes a file until the file system is full and returns its path.
func fill(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !strings.Contains(err.Error(), "no space") {
				t.Fatalf("filling the disk: %v", err)
			}
			break
		}
	}
	// Small writes fill the last blocks too.
	for {
		if _, err := f.Write(buf[:512]); err != nil {
			break
		}
	}
	return p
}

// sqliteSaver saves report figures on a server over a SQLite file and
// remembers what was acknowledged.
type sqliteSaver struct {
	t     *testing.T
	c     *crashDB
	srv   *proc
	cl    *client
	month string
	acked map[int64]int
	v     int
}

func newSQLiteSaver(t *testing.T, path string) *sqliteSaver {
	c := newCrashDBAt(t, "sqlite", path, 4)
	srv := startQX(t, c.DSN, c.Key)
	cl := newClient(t, srv.Base)
	cl.login("lishi", testenv.Password)
	s := &sqliteSaver{t: t, c: c, srv: srv, cl: cl, month: fmt.Sprintf("%04d-%02d", c.Year, c.Month), acked: map[int64]int{}}
	for i := 0; i < 5; i++ {
		if code, b := s.save(); code != 200 {
			t.Fatalf("save before: %d %+v", code, b)
		}
	}
	return s
}

// save saves the next value (with a long progress note, so the file
// grows) on the next project.
func (s *sqliteSaver) save() (int, apiErrorBody) {
	s.v++
	id := s.c.Projects[s.v%len(s.c.Projects)]
	code, b, _, err := s.cl.do("PUT", fmt.Sprintf("/api/v1/projects/%d/reports/%s", id, s.month),
		map[string]any{"completed": s.v, "progress": strings.Repeat("进展顺利，", 200)})
	if err != nil {
		s.t.Fatal(err)
	}
	var body apiErrorBody
	json.Unmarshal(b, &body)
	if code == 200 {
		s.acked[id] = s.v
	} else if code != 503 {
		s.t.Fatalf("save: %d %s", code, b)
	}
	return code, body
}

// refusedUntilFixed saves until the server answers 503 naming the cause,
// checks reads go on, applies the fix and saves until it succeeds.
func (s *sqliteSaver) refusedUntilFixed(what, want string, fix func()) {
	t := s.t
	var body apiErrorBody
	eventually(t, 2*time.Minute, "a 503 once the "+what, func() (bool, string) {
		code, b := s.save()
		body = b
		return code == 503, fmt.Sprint(code)
	})
	testenv.Contains(t, body.Error.Message, want)
	s.cl.must(200, "GET", fmt.Sprintf("/api/v1/projects/%d/reports", s.c.Projects[0]), nil)
	fix()
	eventually(t, time.Minute, "saving again after the "+what+" was fixed", func() (bool, string) {
		code, b := s.save()
		return code == 200, fmt.Sprint(code, b.Error.Message)
	})
	t.Logf("%s: 503 %q; reads went on; saving again once fixed, no restart", what, body.Error.Message)
}

// check kills the server and finds the file intact, every acknowledged
// save in it, and the audit chain whole.
func (s *sqliteSaver) check() {
	t := s.t
	s.srv.Kill()
	raw := s.c.raw(t)
	var ok string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	for id, want := range s.acked {
		var got int64
		raw.QueryRow(`SELECT completed FROM reports WHERE project_id = ? AND year = ? AND month = ?`, id, s.c.Year, s.c.Month).Scan(&got)
		if got != int64(want)*100 {
			t.Errorf("project %d holds %d, the last acknowledged save was %d 万元", id, got, want)
		}
	}
	s.c.auditVerify(t)
}

// TestSQLiteDiskFull runs a server on a SQLite file in a 48 MB tmpfs and
// fills the disk: saves are refused with a 503 that says the disk is
// full, reads go on, nothing acknowledged is lost, the file stays intact,
// and the server saves again once space is freed, without a restart.
func TestSQLiteDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := tmpfs(t, "48m")
	s := newSQLiteSaver(t, filepath.Join(dir, "city.db"))
	filler := fill(t, dir)
	s.refusedUntilFixed("disk filled up", "disk is full", func() { os.Remove(filler) })
	s.check()
}

// TestSQLiteReadOnlyFile makes the database file and its write-ahead log
// immutable under a running server (chattr +i: not even root may write,
// not even through a file already open): saves are refused with a 503
// that says the database is read-only, and succeed again once the files
// are writable.
func TestSQLiteReadOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "city.db")
	if _, err := exec.LookPath("chattr"); err != nil {
		t.Skip("chattr (e2fsprogs) is not installed")
	}
	probe := path + ".probe"
	os.WriteFile(probe, nil, 0o644)
	if out, err := exec.Command("chattr", "+i", probe).CombinedOutput(); err != nil {
		t.Skipf("this file system or user cannot make a file immutable: %v %s", err, out)
	}
	exec.Command("chattr", "-i", probe).Run()
	s := newSQLiteSaver(t, path)
	files := []string{path, path + "-wal"}
	unlock := func() {
		for _, f := range files {
			if out, err := exec.Command("chattr", "-i", f).CombinedOutput(); err != nil {
				t.Errorf("chattr -i %s: %v %s", f, err, out)
			}
		}
	}
	t.Cleanup(unlock)
	for _, f := range files {
		if out, err := exec.Command("chattr", "+i", f).CombinedOutput(); err != nil {
			t.Fatalf("chattr +i %s: %v %s", f, err, out)
		}
	}
	s.refusedUntilFixed("database file turned read-only", "read-only", unlock)
	s.check()
}
