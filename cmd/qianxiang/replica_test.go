package main

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// TestReadReplica runs a server with --db-read on a PostgreSQL primary and
// its streaming standby (scripts/replica-test.sh sets them up). With the
// standby's replay paused, a project made through the API is on the very
// next list of the person who made it (read from the primary), while
// another person's list — read from the standby — does not have it yet:
// proof that the heavy reads come from the standby. Once replay resumes,
// everyone sees it.
func TestReadReplica(t *testing.T) {
	primary, standby := os.Getenv("QIANXIANG_REPLICA_PRIMARY"), os.Getenv("QIANXIANG_REPLICA_STANDBY")
	if primary == "" || standby == "" {
		t.Skip("needs a primary and a standby: run scripts/replica-test.sh")
	}
	admin, err := sql.Open("pgx", primary)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	rep, err := sql.Open("pgx", standby)
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	var inRecovery bool
	if err := rep.QueryRow(`SELECT pg_is_in_recovery()`).Scan(&inRecovery); err != nil || !inRecovery {
		t.Fatalf("%s is not a standby (pg_is_in_recovery %v, %v)", standby, inRecovery, err)
	}
	schema := fmt.Sprintf("r_%d", rand.Uint64()%1e9)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	withSchema := func(dsn string) string {
		u, _ := url.Parse(dsn)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	c := newCrashDBAt(t, "postgres", withSchema(primary), 3)
	eventually(t, time.Minute, "the standby replaying the setup", func() (bool, string) {
		var n int
		err := rep.QueryRow(`SELECT count(*) FROM ` + schema + `.projects`).Scan(&n)
		return err == nil && n == 3, fmt.Sprint(n, err)
	})
	srv := startQX(t, c.DSN, c.Key, "--db-read", withSchema(standby))
	maker := newClient(t, srv.Base)
	maker.login("zhb", testenv.Password)
	other := newClient(t, srv.Base)
	other.login("lishi", testenv.Password)

	// list is a person's project list and the database that served it.
	list := func(cl *client, path string) (string, string) {
		t.Helper()
		code, b, resp, err := cl.do("GET", path, nil)
		if err != nil || code != 200 {
			t.Fatalf("GET %s: %d %v %.300s", path, code, err, b)
		}
		return string(b), resp.Header.Get("X-Qianxiang-Read")
	}
	if _, from := list(other, "/api/v1/projects"); from != "replica" {
		t.Fatalf("the project list was read from %q, want the replica", from)
	}
	if _, from := list(other, "/api/v1/me"); from != "primary" {
		t.Fatalf("/me was read from %q: only the heavy reads go to the replica", from)
	}

	if _, err := rep.Exec(`SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	resumed := false
	resume := func() {
		if !resumed {
			rep.Exec(`SELECT pg_wal_replay_resume()`)
			resumed = true
		}
	}
	defer resume()
	name := fmt.Sprintf("离石区主备测试新建项目%d", rand.IntN(1e6))
	code, b, resp, err := maker.do("POST", "/api/v1/projects", qianxiang.Project{Year: c.Year, Name: name, Org: qianxiang.OrgRef{Code: "141102"},
		Kind: qianxiang.KindContinuing, TotalInvestment: 800000, AnnualPlan: 200000})
	if err != nil || code != 201 {
		t.Fatalf("create: %d %s %v", code, b, err)
	}
	var pin *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == "qx_rw" {
			pin = ck
		}
	}
	if pin == nil || pin.MaxAge <= 0 {
		t.Fatal("a write did not pin the browser to the primary (no qx_rw cookie)")
	}
	// The browser that wrote: its next page reads from the primary.
	browser := *maker
	browser.Cookie = "qx_rw=" + pin.Value
	body, from := list(&browser, "/api/v1/projects")
	if from != "primary" || !strings.Contains(body, name) {
		t.Fatalf("the maker's next list (from %s) lacks the project just made", from)
	}
	page, from := list(&browser, "/projects")
	if from != "primary" || !strings.Contains(page, name) {
		t.Fatalf("the maker's projects page (from %s) lacks the project just made", from)
	}
	// The same person through the API without cookies, within seconds.
	if body, from := list(maker, "/api/v1/projects"); from != "primary" || !strings.Contains(body, name) {
		t.Fatalf("the maker's API list right after the write (from %s) lacks the project", from)
	}
	// Someone else reads from the standby, whose replay is paused.
	body, from = list(other, "/api/v1/projects")
	if from != "replica" {
		t.Fatalf("another person's list came from %q, want the replica", from)
	}
	if strings.Contains(body, name) {
		t.Fatal("the standby's list has the project although its replay is paused: the read did not come from the standby")
	}
	resume()
	start := time.Now()
	eventually(t, time.Minute, "the replica showing the project once replay resumed", func() (bool, string) {
		body, from := list(other, "/api/v1/projects")
		return from == "replica" && strings.Contains(body, name), from
	})
	lag := time.Since(start)
	t.Logf("reads from the standby (X-Qianxiang-Read: replica); the maker saw the write at once from the primary; others saw it %s after replay resumed", lag.Round(time.Millisecond))

	// The standby goes away: the heavy reads fall back to the primary and
	// the pages keep answering; back, it takes them again.
	if dir := os.Getenv("QIANXIANG_REPLICA_STANDBY_DATA"); dir != "" {
		pgctl(t, dir, "stop", "-m", "fast", "-w")
		eventually(t, time.Minute, "lists served by the primary while the standby is down", func() (bool, string) {
			code, b, resp, err := other.do("GET", "/api/v1/projects", nil)
			if err != nil || code != 200 {
				return false, fmt.Sprint(code, string(b), err)
			}
			return resp.Header.Get("X-Qianxiang-Read") == "primary" && strings.Contains(string(b), name), "from " + resp.Header.Get("X-Qianxiang-Read")
		})
		pgctl(t, dir, "start", "-w", "-t", "60", "-l", dir+"/../standby.log")
		eventually(t, time.Minute, "the standby taking the reads again", func() (bool, string) {
			_, from := list(other, "/api/v1/projects")
			return from == "replica", from
		})
		t.Log("standby stopped: lists answered from the primary; restarted: from the standby again")
	}
	srv.Kill()
}

// pgctl runs pg_ctl on a cluster of the replica script's (as postgres
// when root).
func pgctl(t *testing.T, dataDir string, args ...string) {
	t.Helper()
	argv := append([]string{os.Getenv("QIANXIANG_PG_BIN") + "/pg_ctl", "-D", dataDir}, args...)
	if os.Geteuid() == 0 {
		argv = append([]string{"runuser", "-u", "postgres", "--"}, argv...)
	}
	if out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", argv, err, out)
	}
}

// TestReadReplicaPrimaryRestart restarts the PostgreSQL primary (pg_ctl restart -m
// fast: every connection dropped, the server down for a moment) under a
// running server: meanwhile the server answers 503 saying the database
// cannot be reached, and afterwards it serves again by itself, the session
// kept. It runs on the pair scripts/replica-test.sh sets up, a cluster of
// the test's own, so no other test's database restarts.
func TestReadReplicaPrimaryRestart(t *testing.T) {
	primary, dataDir, pgBin := os.Getenv("QIANXIANG_REPLICA_PRIMARY"), os.Getenv("QIANXIANG_REPLICA_PRIMARY_DATA"), os.Getenv("QIANXIANG_PG_BIN")
	if primary == "" || dataDir == "" || pgBin == "" {
		t.Skip("needs a primary of the test's own: run scripts/replica-test.sh")
	}
	admin, err := sql.Open("pgx", primary)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("r_%d", rand.Uint64()%1e9)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	defer func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) }()
	u, _ := url.Parse(primary)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	c := newCrashDBAt(t, "postgres", u.String(), 1)
	srv := startQX(t, c.DSN, c.Key)
	cl := newClient(t, srv.Base)
	cl.login("lishi", testenv.Password)
	path := fmt.Sprintf("/api/v1/projects/%d/reports/%04d-%02d", c.Projects[0], c.Year, c.Month)
	cl.must(200, "PUT", path, map[string]any{"completed": 1})
	pgctl(t, dataDir, "stop", "-m", "fast", "-w")
	down := time.Now()
	code, b, resp, err := cl.do("PUT", path, map[string]any{"completed": 2})
	if err != nil || code != 503 || !strings.Contains(string(b), "database cannot be reached") || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("a save while PostgreSQL is down: %d %s %v", code, b, err)
	}
	pgctl(t, dataDir, "start", "-w", "-t", "60", "-l", dataDir+"/../primary.log")
	back := time.Now()
	eventually(t, time.Minute, "serving again after the restart", func() (bool, string) {
		code, b, _, err := cl.do("PUT", path, map[string]any{"completed": 3})
		return err == nil && code == 200, fmt.Sprint(code, string(b), err)
	})
	t.Logf("PostgreSQL down %s: 503 %s; serving again %s after it was back, same session", back.Sub(down).Round(time.Millisecond),
		strings.TrimSpace(string(b)), time.Since(back).Round(time.Millisecond))
	srv.Kill()
	c.auditVerify(t)
}

// runQX runs one CLI command of the binary and returns its output.
func runQX(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(qxBinary(t), args...)
	cmd.Env = append(os.Environ(), "QIANXIANG_LANG=en")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("qianxiang %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// TestReadReplicaServesARestoredCity is the way up from one SQLite file: a
// city's SQLite backup restored into PostgreSQL, its audit chain intact
// there, then served by two servers sharing the primary with the standby
// taking the heavy reads.
func TestReadReplicaServesARestoredCity(t *testing.T) {
	primary, standby := os.Getenv("QIANXIANG_REPLICA_PRIMARY"), os.Getenv("QIANXIANG_REPLICA_STANDBY")
	if primary == "" || standby == "" {
		t.Skip("needs a primary and a standby: run scripts/replica-test.sh")
	}
	dir := t.TempDir()
	file, key, backup := dir+"/city.db", dir+"/audit.key", dir+"/city.backup"
	out := runQX(t, "demo", "--db", file, "--audit-key", key)
	m := regexp.MustCompile(`(?m)^\s+zhb\s+(\S+)\s`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no zhb login in the demo's output:\n%s", out)
	}
	runQX(t, "backup", "--db", file, "--audit-key", key, "--to", backup)

	admin, err := sql.Open("pgx", primary)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("r_%d", rand.Uint64()%1e9)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	defer func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) }()
	withSchema := func(dsn string) string {
		u, _ := url.Parse(dsn)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	pg := withSchema(primary)
	t.Log(strings.TrimSpace(runQX(t, "restore", "--db", pg, "--audit-key", key, "--from", backup)))
	t.Log(strings.TrimSpace(runQX(t, "audit", "verify", "--db", pg, "--audit-key", key)))

	var n int
	admin.QueryRow(`SELECT count(*) FROM ` + schema + `.projects`).Scan(&n)
	rep, err := sql.Open("pgx", standby)
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	eventually(t, time.Minute, "the standby holding the restored city", func() (bool, string) {
		var k int
		err := rep.QueryRow(`SELECT count(*) FROM ` + schema + `.projects`).Scan(&k)
		return err == nil && k == n, fmt.Sprint(k, err)
	})
	a := startQX(t, pg, key, "--db-read", withSchema(standby))
	b := startQX(t, pg, key, "--db-read", withSchema(standby))
	ca := newClient(t, a.Base)
	ca.login("zhb", m[1])
	cb := ca.on(b.Base)
	for _, path := range []string{"/api/v1/projects", "/cockpit", "/api/v1/dispatch"} {
		code, body, resp, err := cb.do("GET", path, nil)
		if err != nil || code != 200 || resp.Header.Get("X-Qianxiang-Read") != "replica" {
			t.Fatalf("GET %s on B with A's session: %d, read from %q, %v %.200s", path, code, resp.Header.Get("X-Qianxiang-Read"), err, body)
		}
	}
	t.Logf("a SQLite city of %d projects restored into PostgreSQL, audit intact, served by two servers with the standby taking the heavy reads", n)
}
