package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
	"qianxiang/web"
)

// syncBuffer collects log lines from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

var choiceWords = []string{"for", "against", "abstain", "赞成", "反对", "弃权"}

// An aggregate vote leaves no way to learn how a deputy voted: no cell of
// any table, no log line and no backup holds a choice, and everything the
// database keeps about a deputy who voted for is the same, up to their
// name and the time, as about one who voted against. A named vote run
// afterwards shows the scan would see a choice if one were stored.
func TestAggregateVoteLeavesNoLinkBetweenDeputyAndChoice(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		logs := &syncBuffer{}
		log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		a.Log = log
		s, err := web.New(a, log)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(s)
		defer srv.Close()
		h := newHall(t, a, 30, 10)
		m := h.apiMeeting(t, srv.URL, "plenary", 30)
		vid := h.apiVote(t, srv.URL, m, "aggregate")
		choices := []string{"for", "against", "abstain"}
		for i := 0; i < 30; i++ {
			code, body, _ := bearer(t, srv.URL, h.token(t, a, i), "POST", fmt.Sprintf("/api/v1/votes/%d/ballot", vid),
				strings.NewReader(`{"choice":"`+choices[i%3]+`"}`), "application/json")
			if code != 200 {
				t.Fatalf("ballot %d: %d %s", i, code, body)
			}
		}
		code, body, _ := bearer(t, srv.URL, h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", vid), nil, "")
		if code != 200 || !strings.Contains(body, `"for":10,"against":10,"abstain":10`) {
			t.Fatalf("close: %d %s", code, body)
		}
		if d, path, _ := store.ParseDSN(a.DB.DSN); d == store.SQLite {
			// The write-ahead log held every committed image of the running
			// count's page: after the close it is truncated to nothing.
			if st, err := os.Stat(path + "-wal"); err == nil && st.Size() != 0 {
				t.Fatalf("the write-ahead log keeps %d bytes after the vote closed", st.Size())
			}
		}
		raw := testenv.Raw(t, a)
		if found := scanChoices(t, raw, a.DB.Dialect()); len(found) > 0 {
			t.Fatalf("a choice is stored after an aggregate vote:\n%s", strings.Join(found, "\n"))
		}
		// Deputy 9 voted for, deputy 10 against: what is kept about them is the same.
		d0, d1 := footprint(t, raw, a.DB.Dialect(), h.deputies[9]), footprint(t, raw, a.DB.Dialect(), h.deputies[10])
		if len(d0) == 0 || strings.Join(d0, "\n") != strings.Join(d1, "\n") {
			t.Fatalf("the database tells deputies apart by their choice:\nfor:\n%s\nagainst:\n%s", strings.Join(d0, "\n"), strings.Join(d1, "\n"))
		}
		lg := logs.String()
		testenv.Contains(t, lg, "/ballot")
		for _, w := range []string{"against", "abstain", `"for"`, "choice", "赞成", "反对", "弃权"} {
			if strings.Contains(lg, w) {
				t.Fatalf("the log mentions %q:\n%s", w, lg)
			}
		}
		var bk bytes.Buffer
		if _, err := a.DB.Backup(context.Background(), &bk); err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(&bk)
		if err != nil {
			t.Fatal(err)
		}
		dump, _ := io.ReadAll(zr)
		testenv.Contains(t, string(dump), `"congress_ballots"`)
		for _, w := range []string{`"for"`, `"against"`, `"abstain"`, "congress_tallies"} {
			if bytes.Contains(dump, []byte(w)) {
				t.Fatalf("the backup holds %s", w)
			}
		}
		// The control: a named vote stores choices, and the scan sees them.
		named := h.apiVote(t, srv.URL, m, "named")
		bearer(t, srv.URL, h.token(t, a, 0), "POST", fmt.Sprintf("/api/v1/votes/%d/ballot", named), strings.NewReader(`{"choice":"against"}`), "application/json")
		bearer(t, srv.URL, h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", named), nil, "")
		if found := scanChoices(t, raw, a.DB.Dialect()); len(found) == 0 {
			t.Fatal("the scan did not see the named vote's choice")
		}
	})
}

func (h *hall) apiMeeting(t *testing.T, base, body string, present int) int64 {
	t.Helper()
	code, resp, _ := bearer(t, base, h.staffTok, "POST", "/api/v1/meetings",
		strings.NewReader(`{"congress":"`+h.code+`","body":"`+body+`","title":"第三次全体会议","date":"2023-02-26"}`), "application/json")
	if code != 201 {
		t.Fatalf("meeting: %d %s", code, resp)
	}
	var m struct{ ID int64 }
	json.Unmarshal([]byte(resp), &m)
	for i := 0; i < present; i++ {
		code, resp, _ := bearer(t, base, h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m.ID),
			strings.NewReader(`{"card":"`+h.deputies[i].Card+`"}`), "application/json")
		if code != 200 {
			t.Fatalf("check-in: %d %s", code, resp)
		}
	}
	return m.ID
}

func (h *hall) apiVote(t *testing.T, base string, meeting int64, anonymity string) int64 {
	t.Helper()
	code, resp, _ := bearer(t, base, h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/votes", meeting),
		strings.NewReader(`{"title":"关于政府工作报告的决议","anonymity":"`+anonymity+`"}`), "application/json")
	if code != 201 {
		t.Fatalf("vote: %d %s", code, resp)
	}
	var v struct{ ID int64 }
	json.Unmarshal([]byte(resp), &v)
	if code, resp, _ := bearer(t, base, h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/open", v.ID), nil, ""); code != 200 {
		t.Fatalf("open: %d %s", code, resp)
	}
	return v.ID
}

// tables lists the database's tables.
func tables(t *testing.T, db *sql.DB, d store.Dialect) []string {
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if d == store.Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

// eachCell calls f with every table's rows as column → text.
func eachRow(t *testing.T, db *sql.DB, d store.Dialect, f func(table string, row map[string]string)) {
	for _, tb := range tables(t, db, d) {
		rows, err := db.Query(`SELECT * FROM ` + tb)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			row := map[string]string{}
			for i, c := range cols {
				switch v := vals[i].(type) {
				case []byte:
					row[c] = string(v)
				case nil:
					row[c] = ""
				default:
					row[c] = fmt.Sprint(v)
				}
			}
			f(tb, row)
		}
		rows.Close()
	}
}

// scanChoices finds every cell, or value inside a JSON cell, that is a choice.
func scanChoices(t *testing.T, db *sql.DB, d store.Dialect) []string {
	var found []string
	eachRow(t, db, d, func(tb string, row map[string]string) {
		for c, v := range row {
			for _, x := range values(v) {
				for _, w := range choiceWords {
					if strings.EqualFold(x, w) {
						found = append(found, fmt.Sprintf("%s.%s = %s", tb, c, x))
					}
				}
			}
		}
	})
	return found
}

// values is the cell itself and, for JSON, every string inside it.
func values(v string) []string {
	out := []string{v}
	var j any
	if json.Unmarshal([]byte(v), &j) == nil {
		var walk func(any)
		walk = func(x any) {
			switch y := x.(type) {
			case map[string]any:
				for _, e := range y {
					walk(e)
				}
			case []any:
				for _, e := range y {
					walk(e)
				}
			case string:
				out = append(out, y)
			}
		}
		walk(j)
	}
	return out
}

// footprint is every row written about a deputy since the roster (not
// the roster and login rows themselves), with the deputy's own identity,
// row ids, times and hashes taken out.
func footprint(t *testing.T, db *sql.DB, d store.Dialect, dep qianxiang.Deputy) []string {
	ids := []string{strconv.FormatInt(dep.ID, 10), dep.Card, dep.Name}
	var out []string
	drop := map[string]bool{"id": true, "at": true, "hash": true, "prev_hash": true, "created_at": true, "updated_at": true, "entity_id": true}
	eachRow(t, db, d, func(tb string, row map[string]string) {
		if tb == "congress_deputies" || tb == "users" || tb == "api_tokens" || tb == "sessions" {
			return
		}
		// The trail's entries about the deputy's login and tokens are
		// credentials, random by design and written before the vote.
		if tb == "audit_log" && !strings.HasPrefix(row["entity"], "congress_") {
			return
		}
		mentions := row["deputy_id"] == ids[0] || row["actor"] == dep.Card
		for _, v := range row {
			if strings.Contains(v, `"deputy_id":"`+ids[0]+`"`) {
				mentions = true
			}
		}
		if !mentions {
			return
		}
		norm := map[string]any{"table": tb}
		for c, v := range row {
			if drop[c] {
				continue
			}
			var j map[string]any
			if json.Unmarshal([]byte(v), &j) == nil {
				for k := range j {
					if drop[k] {
						delete(j, k)
					}
				}
				norm[c] = j
				continue
			}
			for _, id := range ids {
				if v == id {
					v = "X"
				}
			}
			norm[c] = v
		}
		b, _ := json.Marshal(norm)
		s := string(b)
		for _, id := range ids[1:] {
			s = strings.ReplaceAll(s, id, "X")
		}
		s = strings.ReplaceAll(s, `"deputy_id":"`+ids[0]+`"`, `"deputy_id":"X"`)
		out = append(out, s)
	})
	sort.Strings(out)
	return out
}
