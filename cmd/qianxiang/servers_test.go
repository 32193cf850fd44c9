package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	_ "github.com/jackc/pgx/v5/stdlib"

	"qianxiang/internal/testenv"
)

// TestTwoServersShareOnePostgreSQL starts two `qianxiang serve` processes
// on one PostgreSQL and shows what several servers need: a session made
// on one is valid on the other and its logout ends it there too; the
// scheduled sweep, run by both every 300 ms, escalates each overdue problem
// exactly once; and a hall screen on one server hears a change made
// through the other (LISTEN/NOTIFY).
func TestTwoServersShareOnePostgreSQL(t *testing.T) {
	dsn := testenv.DSN(t, "postgres")
	key := testenv.KeyFile(t)
	a := startQX(t, dsn, key, "--demo", "--sweep-every", "300ms")
	b := startQX(t, dsn, key, "--sweep-every", "300ms")
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()

	t.Run("session", func(t *testing.T) {
		ca := newClient(t, a.Base)
		ca.login("zhb", a.Logins["zhb"])
		cb := ca.on(b.Base)
		var me struct{ Username string }
		json.Unmarshal(cb.must(200, "GET", "/api/v1/me", nil), &me)
		if me.Username != "zhb" {
			t.Fatalf("server B sees the session of %q, want zhb", me.Username)
		}
		ca.must(http.StatusNoContent, "DELETE", "/api/v1/session", nil)
		cb.must(http.StatusUnauthorized, "GET", "/api/v1/me", nil)
	})

	t.Run("sweep once", func(t *testing.T) {
		// Eight pending problems fall overdue (their due date moved into the
		// past behind the servers' backs, as if days had gone by).
		var mark int64
		raw.QueryRow(`SELECT coalesce(max(id), 0) FROM audit_log`).Scan(&mark)
		past := time.Now().UTC().AddDate(0, 0, -10).Format("2006-01-02")
		rows, err := raw.Query(`UPDATE problems SET due = $1, escalated_at = '', escalated_to = 0
			WHERE id IN (SELECT id FROM problems WHERE status IN ('open', 'in_progress') ORDER BY id LIMIT 8) RETURNING id`, past)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			ids = append(ids, fmt.Sprint(id))
		}
		rows.Close()
		if len(ids) != 8 {
			t.Fatalf("demo has %d pending problems, want 8", len(ids))
		}
		in := strings.Join(ids, ",")
		count := func() (int, int) {
			var n, distinct int
			raw.QueryRow(`SELECT count(*), count(DISTINCT entity_id) FROM audit_log
				WHERE id > $1 AND action = 'escalate' AND entity = 'problems' AND entity_id IN (`+in+`)`, mark).Scan(&n, &distinct)
			return n, distinct
		}
		eventually(t, 90*time.Second, "both servers sweeping escalate the 8 problems", func() (bool, string) {
			n, d := count()
			return d == 8, fmt.Sprintf("%d escalations of %d problems", n, d)
		})
		// Both go on sweeping; nothing happens twice.
		time.Sleep(3 * time.Second)
		if n, d := count(); n != 8 || d != 8 {
			t.Fatalf("%d escalation entries for %d problems: want each escalated exactly once", n, d)
		}
		// Each escalation notice has its own dedupe key: at most one per
		// problem, however many servers swept.
		var notices, keys int
		raw.QueryRow(`SELECT count(*), count(DISTINCT dedupe) FROM notifications WHERE dedupe LIKE 'escalated:%' AND entity_id IN (`+in+`)`).Scan(&notices, &keys)
		if notices != keys || notices > 8 {
			t.Fatalf("%d escalation notices with %d keys for 8 problems: want one each", notices, keys)
		}
		// The logs say which server did them: the sum is the eight.
		total := 0
		for _, p := range []*proc{a, b} {
			sc := bufio.NewScanner(strings.NewReader(p.Err.String()))
			for sc.Scan() {
				var l struct {
					Msg       string
					Escalated int
				}
				if json.Unmarshal(sc.Bytes(), &l) == nil && l.Msg == "scheduled sweep" {
					total += l.Escalated
				}
			}
		}
		// (Unless the log level hides the sweep's info lines.)
		if total != 8 && strings.Contains(a.Err.String()+b.Err.String(), `"msg":"scheduled sweep"`) {
			t.Fatalf("the servers' logs report %d escalations, want 8", total)
		}
		t.Logf("8 problems escalated once each across two servers sweeping every 300 ms; %d notices to leaders", notices)
	})

	t.Run("cockpit screen", func(t *testing.T) {
		now := cityNow() // the servers' month
		var pid int64
		err := raw.QueryRow(`SELECT p.id FROM projects p JOIN orgs o ON o.id = p.org_id WHERE o.code = '141102' AND p.year = $1
			AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.project_id = p.id AND r.year = $1 AND r.month = $2 AND r.status IN ('submitted', 'approved'))
			ORDER BY p.id LIMIT 1`, now.Year(), int(now.Month())).Scan(&pid)
		if err != nil {
			t.Fatalf("a 离石区 project whose month is open: %v", err)
		}
		// The big screen hangs off server B, in a real browser.
		ctx := testenv.Browser(t)
		var before int
		err = chromedp.Run(ctx, testenv.Login(b.Base, "zhb", a.Logins["zhb"]),
			chromedp.Navigate(b.Base+"/cockpit?screen=1"),
			chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Sleep(time.Second), // the event stream opens
			// Mark the figures on screen: a refresh replaces them.
			chromedp.Evaluate(`document.querySelector("main").firstElementChild.dataset.old = "1"; document.querySelector("main").innerText.length`, &before))
		if err != nil {
			t.Fatalf("the cockpit on B: %v", err)
		}
		// Listen on B's stream too, to time it.
		zb := newClient(t, b.Base)
		zb.login("zhb", a.Logins["zhb"])
		req, _ := http.NewRequest("GET", b.Base+"/api/v1/cockpit/events", nil)
		req.AddCookie(&http.Cookie{Name: "qx_session", Value: zb.Session})
		resp, err := (&http.Client{}).Do(req)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("cockpit events on B: %v %v", resp, err)
		}
		defer resp.Body.Close()
		changed := make(chan struct{}, 4)
		go func() {
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				if sc.Text() == "event: changed" {
					changed <- struct{}{}
				}
			}
		}()
		time.Sleep(500 * time.Millisecond) // B's LISTEN is in place
		// The county's office saves a figure through server A.
		la := newClient(t, a.Base)
		la.login("lishi", a.Logins["lishi"])
		start := time.Now()
		la.must(200, "PUT", fmt.Sprintf("/api/v1/projects/%d/reports/%04d-%02d", pid, now.Year(), int(now.Month())), map[string]any{"completed": 1234.5})
		select {
		case <-changed:
			t.Logf("server B's cockpit stream heard the save made on A after %s", time.Since(start).Round(time.Millisecond))
		case <-time.After(60 * time.Second):
			t.Fatal("the cockpit stream on B never heard of the save made on A")
		}
		var refreshed bool
		if err := chromedp.Run(ctx, chromedp.Poll(`!document.querySelector("main").firstElementChild.dataset.old`, &refreshed,
			chromedp.WithPollingTimeout(60*time.Second))); err != nil || !refreshed {
			t.Fatalf("the big screen on B did not refresh after the save on A: %v", err)
		}
		testenv.Screenshot(t, ctx, "scale-cockpit-screen-b")
	})

	t.Run("live views", func(t *testing.T) {
		sa := newClient(t, a.Base)
		sa.login("renda", a.Logins["renda"])
		var m struct{ ID int64 }
		json.Unmarshal(sa.must(201, "POST", "/api/v1/meetings", map[string]string{
			"congress": "lvliang-4", "body": "plenary", "title": "第四次全体会议", "date": cityNow().Format("2006-01-02")}), &m)
		if m.ID == 0 {
			t.Fatal("no meeting made")
		}
		// The hall screen hangs off server B.
		req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/meetings/%d/events", b.Base, m.ID), nil)
		req.AddCookie(&http.Cookie{Name: "qx_session", Value: sa.Session})
		resp, err := (&http.Client{}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("events on B: %d", resp.StatusCode)
		}
		events := make(chan string, 16)
		go func() {
			sc := bufio.NewScanner(resp.Body)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
					events <- d
				}
			}
			close(events)
		}()
		select {
		case <-events: // the state when the screen opens
		case <-time.After(60 * time.Second):
			t.Fatal("the screen on B got no first state")
		}
		// The staff add a vote through server A.
		start := time.Now()
		sa.must(201, "POST", fmt.Sprintf("/api/v1/meetings/%d/votes", m.ID), map[string]string{"title": "关于两台服务器的决议（草案）"})
		for {
			select {
			case d, ok := <-events:
				if !ok {
					t.Fatal("the stream on B ended")
				}
				if strings.Contains(d, "关于两台服务器的决议") {
					t.Logf("the screen on server B showed the vote made on server A after %s", time.Since(start).Round(time.Millisecond))
					return
				}
			case <-time.After(60 * time.Second):
				t.Fatal("the screen on B never heard of the vote made on A")
			}
		}
	})
}

// TestCockpitEventsOnEachDatabase: on one server of either database, a
// saved report reaches the cockpit's event stream (in process on SQLite,
// through NOTIFY on PostgreSQL), and a change the cockpit does not show
// (a password) does not.
func TestCockpitEventsOnEachDatabase(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			c := newCrashDB(t, kind, 1)
			srv := startQX(t, c.DSN, c.Key)
			cl := newClient(t, srv.Base)
			cl.login("lishi", testenv.Password)
			req, _ := http.NewRequest("GET", srv.Base+"/api/v1/cockpit/events", nil)
			req.AddCookie(&http.Cookie{Name: "qx_session", Value: cl.Session})
			resp, err := (&http.Client{}).Do(req)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("cockpit events: %v %v", resp, err)
			}
			defer resp.Body.Close()
			changed := make(chan struct{}, 4)
			go func() {
				sc := bufio.NewScanner(resp.Body)
				for sc.Scan() {
					if sc.Text() == "event: changed" {
						changed <- struct{}{}
					}
				}
			}()
			time.Sleep(300 * time.Millisecond)
			zhb := newClient(t, srv.Base)
			zhb.login("zhb", testenv.Password)
			zhb.must(204, "PUT", "/api/v1/me/password", map[string]string{"old": testenv.Password, "new": "Another-pass-2026"})
			select {
			case <-changed:
				t.Fatal("a password change signalled the cockpit")
			case <-time.After(time.Second):
			}
			cl.must(200, "PUT", fmt.Sprintf("/api/v1/projects/%d/reports/%04d-%02d", c.Projects[0], c.Year, c.Month), map[string]any{"completed": 5})
			select {
			case <-changed:
			case <-time.After(30 * time.Second):
				t.Fatal("the saved report never reached the cockpit's stream")
			}
			// Unauthenticated: refused.
			anon := newClient(t, srv.Base)
			anon.must(401, "GET", "/api/v1/cockpit/events", nil)
		})
	}
}

// cityNow is the time in the city's zone, as the servers read it: a test
// that takes the machine's (UTC on CI) calendar day or month disagrees with
// them between 16:00 and 24:00 UTC, when Beijing is a day ahead.
func cityNow() time.Time {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	return time.Now().In(loc)
}
