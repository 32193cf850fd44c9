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
		if total != 8 {
			t.Fatalf("the servers' logs report %d escalations, want 8", total)
		}
		t.Logf("8 problems escalated once each across two servers sweeping every 300 ms; %d notices to leaders", notices)
	})

	t.Run("live views", func(t *testing.T) {
		sa := newClient(t, a.Base)
		sa.login("renda", a.Logins["renda"])
		var m struct{ ID int64 }
		json.Unmarshal(sa.must(201, "POST", "/api/v1/meetings", map[string]string{
			"congress": "lvliang-4", "body": "plenary", "title": "第四次全体会议", "date": time.Now().Format("2006-01-02")}), &m)
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
