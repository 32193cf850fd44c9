package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// crashDB is a database of the kind, with the lvliang organisations, the
// campaign office's zhb, the reporter lishi-xm and n projects of 离石区,
// ready for a server process to open. On PostgreSQL the server's
// connections carry an application_name of their own, so the test can
// see them in pg_stat_activity.
type crashDB struct {
	Kind, DSN, Key, App string
	Projects            []int64
	Year, Month         int
}

func newCrashDB(t *testing.T, kind string, n int) *crashDB {
	t.Helper()
	return newCrashDBAt(t, kind, testenv.DSN(t, kind), n)
}

// newCrashDBAt is newCrashDB on a database the caller made.
func newCrashDBAt(t *testing.T, kind, dsn string, n int) *crashDB {
	t.Helper()
	c := &crashDB{Kind: kind, DSN: dsn, Key: testenv.KeyFile(t)}
	if kind == "postgres" {
		u, _ := url.Parse(c.DSN)
		q := u.Query()
		c.App = fmt.Sprintf("qxcrash%d", rand.Uint64()%1e9)
		q.Set("application_name", c.App)
		u.RawQuery = q.Encode()
		c.DSN = u.String()
	}
	a := testenv.OpenDSN(t, c.DSN, c.Key)
	testenv.Lvliang(t, a)
	cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	// The county's office saves the figures: it may do so after the
	// month's deadline too, so the test runs on any day of the month.
	testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	// The city's month, not the machine's: between 16:00 and 24:00 UTC
	// Beijing is already in the next day (and month, at a month's end).
	now := a.Now().In(a.Loc)
	c.Year, c.Month = now.Year(), int(now.Month())
	for i := 0; i < n; i++ {
		p, err := a.CreateProject(context.Background(), cmd, qianxiang.Project{Year: c.Year, Name: fmt.Sprintf("离石区断电测试项目%03d", i),
			Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindContinuing, TotalInvestment: 50000000, AnnualPlan: 12000000})
		if err != nil {
			t.Fatal(err)
		}
		c.Projects = append(c.Projects, p.ID)
	}
	a.DB.Close()
	return c
}

func (c *crashDB) raw(t *testing.T) *sql.DB {
	t.Helper()
	d, dsn, _ := store.ParseDSN(c.DSN)
	driver := "pgx"
	if d == store.SQLite {
		driver, dsn = "sqlite", "file:"+dsn+"?_pragma=busy_timeout(10000)&mode=ro"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// auditVerify runs `qianxiang audit verify` as an operator would.
func (c *crashDB) auditVerify(t *testing.T) {
	t.Helper()
	cmd := exec.Command(qxBinary(t), "audit", "verify", "--db", c.DSN, "--audit-key", c.Key)
	cmd.Env = append(os.Environ(), "QIANXIANG_LANG=en")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("audit verify after the crash: %v\n%s", err, out)
	}
	t.Logf("audit verify: %s", strings.TrimSpace(string(out)))
}

// importCSV is a project list of n new projects across the counties.
func importCSV(n, year int, tag string) []byte {
	counties := []string{"离石区", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县", "中阳县", "交口县", "孝义市", "汾阳市"}
	var b bytes.Buffer
	b.WriteString("序号,项目名称,建设单位,县（市、区）,项目类型,总投资（万元）,年度计划投资（万元）,计划竣工时间\n")
	for i := 1; i <= n; i++ {
		c := counties[i%len(counties)]
		fmt.Fprintf(&b, "%d,%s%s项目%05d,建设单位%d,%s,续建,%d,%d,%d-12\n", i, c, tag, i, i%97, c, 5000+i%4000, 1000+i%900, year+1)
	}
	return b.Bytes()
}

func (c *client) upload(path, name string, data []byte) (int, []byte, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.Base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("X-CSRF-Token", c.CSRF)
	req.AddCookie(&http.Cookie{Name: "qx_session", Value: c.Session})
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.Bytes(), nil
}

// midTransaction reports whether the server is inside a long write
// transaction: on PostgreSQL a backend of its own with a transaction id
// held for 100 ms and more (longer than any sweep or session write); on
// SQLite the database's write lock found held by somebody else at two
// probes in a row, 20 ms apart (a login or a session write holds it for
// a few milliseconds; the import's transaction for a second and more).
func (c *crashDB) midTransaction(t *testing.T, raw *sql.DB, p *sqliteLockProbe) bool {
	if c.Kind == "postgres" {
		var n int
		raw.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE application_name = $1
			AND backend_xid IS NOT NULL AND now() - xact_start > interval '100 milliseconds'`, c.App).Scan(&n)
		return n > 0
	}
	if p.locked(t) {
		p.held++
	} else {
		p.held = 0
	}
	return p.held >= 2
}

// sqliteLockProbe asks SQLite for the write lock without waiting for it
// (BEGIN IMMEDIATE, busy timeout 0) and gives it back at once: "busy"
// means a writer holds it. The probe writes nothing, and the server's
// writer waits out the instant the probe holds the lock.
type sqliteLockProbe struct {
	db   *sql.DB
	held int
}

func newSQLiteLockProbe(t *testing.T, c *crashDB) *sqliteLockProbe {
	t.Helper()
	if c.Kind != "sqlite" {
		return nil
	}
	_, path, _ := store.ParseDSN(c.DSN)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return &sqliteLockProbe{db: db}
}

func (p *sqliteLockProbe) locked(t *testing.T) bool {
	tx, err := p.db.Begin()
	if err != nil {
		if strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "locked") {
			return true
		}
		t.Fatalf("lock probe: %v", err)
	}
	tx.Rollback()
	return false
}

// TestCrashMidImport kills the server with SIGKILL while a project list
// is being written, starts it again and finds the import wholly absent
// (or, had it committed first, wholly there), the audit chain intact,
// and the same import going through on the restarted server. An import
// that finishes before the probe sees its transaction (a starved test
// process on a loaded machine) is checked whole and the next attempt,
// a list twice the size, is made; three attempts must catch one.
func TestCrashMidImport(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			c := newCrashDB(t, kind, 0)
			raw := c.raw(t)
			count := func(tag string) int {
				var k int
				if err := raw.QueryRow(`SELECT count(*) FROM projects WHERE name LIKE '%' || $1 || '项目%'`, tag).Scan(&k); err != nil {
					t.Fatal(err)
				}
				return k
			}
			srv := startQX(t, c.DSN, c.Key)
			cl := newClient(t, srv.Base)
			cl.login("zhb", testenv.Password)
			probe := newSQLiteLockProbe(t, c)
			type result struct {
				code int
				body []byte
				err  error
			}
			n, tag, caught := 2000, "", false
			var list []byte
			var done chan result
			for attempt := 1; attempt <= 3 && !caught; attempt++ {
				n, tag = 2*n, fmt.Sprintf("断电导入%d", attempt)
				list = importCSV(n, c.Year, tag)
				done = make(chan result, 1)
				go func(list []byte) {
					code, b, err := cl.upload(fmt.Sprintf("/api/v1/imports/projects?year=%d", c.Year), "list.csv", list)
					done <- result{code, b, err}
				}(list)
				deadline := time.Now().Add(5 * time.Minute)
			wait:
				for time.Now().Before(deadline) {
					select {
					case r := <-done:
						if r.err != nil || r.code != 200 || count(tag) != n {
							t.Fatalf("attempt %d: the import answered %d %s %v with %d of %d projects there", attempt, r.code, r.body, r.err, count(tag), n)
						}
						t.Logf("attempt %d: the import of %d finished before the probe saw it; a larger one next", attempt, n)
						break wait
					default:
					}
					if c.midTransaction(t, raw, probe) {
						caught = true
						break wait
					}
					time.Sleep(20 * time.Millisecond)
				}
			}
			if !caught {
				t.Fatal("no import was caught mid-way in three attempts")
			}
			srv.Kill()
			// The kill lands inside the transaction; should the commit have
			// slipped in first, the import must be there whole and answered.
			r := <-done
			k := count(tag)
			switch {
			case k == 0 && r.err != nil:
				t.Logf("killed mid-import: none of the %d projects after the crash", n)
			case k == n:
				t.Logf("the import committed just before the kill: all %d projects there (answer: %d %v)", n, r.code, r.err)
			default:
				t.Fatalf("after the crash %d of %d imported projects are in the database (answer %d %v): want none or all", k, n, r.code, r.err)
			}
			srv = startQX(t, c.DSN, c.Key)
			if k2 := count(tag); k2 != k {
				t.Fatalf("after the restart %d imported projects, %d right after the crash", k2, k)
			}
			c.auditVerify(t)
			if k == 0 {
				// The restarted server takes the same list whole.
				cl = newClient(t, srv.Base)
				cl.login("zhb", testenv.Password)
				code, b, err := cl.upload(fmt.Sprintf("/api/v1/imports/projects?year=%d", c.Year), "list.csv", list)
				if err != nil || code != 200 {
					t.Fatalf("import after the restart: %d %s %v", code, b, err)
				}
				if k := count(tag); k != n {
					t.Fatalf("after the second import %d projects, want %d", k, n)
				}
			}
			srv.Kill()
			c.auditVerify(t)
		})
	}
}

// TestCrashMidReportBurst has 12 clients of the county office save their month's figures as
// fast as the server answers, kills the server with SIGKILL in the middle,
// and after the restart finds every acknowledged save with the value it
// was acknowledged with (or, for the one save per reporter in flight at
// the kill, its new value: committed but not yet answered), and the audit
// chain intact.
func TestCrashMidReportBurst(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			const workers = 12
			c := newCrashDB(t, kind, 2*workers)
			srv := startQX(t, c.DSN, c.Key)
			cl := newClient(t, srv.Base)
			cl.login("lishi", testenv.Password)
			month := fmt.Sprintf("%04d-%02d", c.Year, c.Month)
			type state struct {
				acked, inflight int64 // 万元; 0: none
			}
			var mu sync.Mutex
			st := map[int64]*state{}
			for _, id := range c.Projects {
				st[id] = &state{}
			}
			var acks int64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			for w := 0; w < workers; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					mine := []int64{c.Projects[w], c.Projects[w+workers]}
					for i := 1; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						id := mine[i%2]
						v := int64(w*10000 + i) // 万元, unique per worker, within the total
						mu.Lock()
						st[id].inflight = v
						mu.Unlock()
						code, b, _, err := cl.do("PUT", fmt.Sprintf("/api/v1/projects/%d/reports/%s", id, month), map[string]any{"completed": v})
						if err != nil {
							return // the server is gone
						}
						if code != 200 {
							t.Errorf("save %d on project %d: %d %s", v, id, code, b)
							return
						}
						mu.Lock()
						st[id].acked, st[id].inflight = v, 0
						acks++
						mu.Unlock()
					}
				}(w)
			}
			// Let the burst run until a good number of saves are in.
			eventually(t, 3*time.Minute, "saves acknowledged", func() (bool, string) {
				mu.Lock()
				defer mu.Unlock()
				return acks >= 200, fmt.Sprint(acks)
			})
			srv.Kill()
			close(stop)
			wg.Wait()
			srv = startQX(t, c.DSN, c.Key)
			cl = newClient(t, srv.Base)
			cl.login("lishi", testenv.Password)
			landedInflight := 0
			for _, id := range c.Projects {
				var reps struct {
					Items []struct {
						Year, Month int
						Completed   json.Number
					}
				}
				if err := json.Unmarshal(cl.must(200, "GET", fmt.Sprintf("/api/v1/projects/%d/reports", id), nil), &reps); err != nil {
					t.Fatal(err)
				}
				got := int64(0)
				for _, r := range reps.Items {
					if r.Year == c.Year && r.Month == c.Month {
						f, _ := r.Completed.Float64()
						got = int64(f + 0.5)
					}
				}
				s := st[id]
				switch {
				case s.acked == 0 && s.inflight == 0:
					continue
				case got == s.acked:
				case s.inflight != 0 && got == s.inflight:
					landedInflight++
				default:
					t.Errorf("project %d: the database holds %d for %s; acknowledged %d (in flight at the kill: %d)", id, got, month, s.acked, s.inflight)
				}
			}
			t.Logf("%d saves acknowledged before the SIGKILL, every acknowledged value found after the restart; %d in-flight saves had committed", acks, landedInflight)
			srv.Kill()
			c.auditVerify(t)
		})
	}
}
