package app_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

const hookSecret = "s3cret-for-the-city-hook"

// receiver is the city's messaging system: it checks each signature and
// fails the first failures requests.
type receiver struct {
	mu       sync.Mutex
	bodies   []map[string]any
	bad      int
	failures int32
	seen     map[string]int // delivery id -> times received
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	m := hmac.New(sha256.New, []byte(hookSecret))
	m.Write(body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if r.Header.Get(qianxiang.SignatureHeader) != "sha256="+hex.EncodeToString(m.Sum(nil)) || r.Header.Get("Content-Type") != "application/json" {
		rc.bad++
		w.WriteHeader(401)
		return
	}
	if atomic.AddInt32(&rc.failures, -1) >= 0 {
		w.WriteHeader(503)
		return
	}
	var v map[string]any
	json.Unmarshal(body, &v)
	rc.bodies = append(rc.bodies, v)
	rc.seen[r.Header.Get("X-Qianxiang-Delivery")]++
}

func TestWebhookIsSignedRetriedWithBackoffAndLogged(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		w := newProblemWorld(t, a)
		rc := &receiver{failures: 2, seen: map[string]int{}}
		srv := httptest.NewServer(rc)
		defer srv.Close()
		for _, bad := range []string{"ftp://hooks.example/x", "hooks.example/x", "http://"} {
			if err := a.SetWebhook(ctx, w.office, qianxiang.Webhook{URL: bad, Secret: hookSecret}); fieldOf(err) != "url" {
				t.Fatalf("%q accepted: %v", bad, err)
			}
		}
		if err := a.SetWebhook(ctx, w.wenshui, qianxiang.Webhook{URL: srv.URL, Secret: hookSecret}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county setting the webhook: %v", err)
		}
		if err := a.SetWebhook(ctx, w.office, qianxiang.Webhook{URL: srv.URL, Secret: hookSecret}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.CreateProblem(ctx, w.wenshui, app.ProblemInput{Project: w.project.ID, Category: "funds", Description: "贷款未审批",
			OwnerOrg: "141121", Due: "2023-03-30"}); err != nil {
			t.Fatal(err)
		}
		// First attempt fails (503); too early for a retry; after 1 minute
		// the second fails; after 2 more the third is delivered.
		steps := []struct {
			after     time.Duration
			attempted int
		}{{0, 1}, {30 * time.Second, 0}, {31 * time.Second, 1}, {time.Minute, 0}, {time.Minute, 1}, {time.Hour, 0}}
		for i, s := range steps {
			w.clk.t = w.clk.t.Add(s.after)
			n, err := a.DeliverWebhooks(ctx)
			if err != nil || n != s.attempted {
				t.Fatalf("step %d: %d attempts, want %d (%v)", i, n, s.attempted, err)
			}
		}
		if rc.bad != 0 || len(rc.bodies) != 1 || rc.bodies[0]["event"] != "assigned" || rc.bodies[0]["subject"] != "贷款未审批" {
			t.Fatalf("received %d bad, %+v", rc.bad, rc.bodies)
		}
		log, err := a.WebhookAttempts(ctx, w.office, 10)
		if err != nil || len(log) != 3 || log[0].StatusCode != 200 || log[1].StatusCode != 503 || log[1].Error == "" {
			t.Fatalf("attempt log: %+v %v", log, err)
		}
		// The secret is in no audit entry.
		es, _ := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Table: "webhook_config"})
		for _, e := range es {
			if json.Valid([]byte(e.After)) && contains(e.After, hookSecret) {
				t.Fatal("the webhook secret is in the audit trail")
			}
		}
	})
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// Two servers share one PostgreSQL and sweep at the same moments: every
// escalation, notice and webhook delivery happens once.
func TestTwoServersOnOnePostgresSweepExactlyOnce(t *testing.T) {
	ctx := context.Background()
	dsn := testenv.DSN(t, "postgres")
	open := func() *app.App {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return app.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
	a, b := open(), open()
	w := newProblemWorld(t, a)
	b.Now = w.clk.now
	rc := &receiver{seen: map[string]int{}}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	if err := a.SetWebhook(ctx, w.office, qianxiang.Webhook{URL: srv.URL, Secret: hookSecret}); err != nil {
		t.Fatal(err)
	}
	const n = 12
	for i := 0; i < n; i++ {
		if _, err := a.CreateProblem(ctx, w.wenshui, app.ProblemInput{Project: w.project.ID, Category: "land", Description: "问题" + itoa(i),
			OwnerOrg: "141121", Due: "2023-03-05"}); err != nil {
			t.Fatal(err)
		}
	}
	w.clk.t = time.Date(2023, 3, 7, 8, 0, 0, 0, a.Loc)
	var escalated atomic.Int64
	var wg sync.WaitGroup
	for _, x := range []*app.App{a, b, a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				r, err := x.Sweep(ctx)
				if err != nil {
					t.Error(err)
				}
				escalated.Add(int64(r.Escalated))
			}
		}()
	}
	wg.Wait()
	if escalated.Load() != n {
		t.Fatalf("escalated %d times, want %d", escalated.Load(), n)
	}
	es, _ := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Table: "problems", Limit: 500})
	audited := 0
	for _, e := range es {
		if e.Action == "escalate" {
			audited++
		}
	}
	if audited != n {
		t.Fatalf("%d escalations audited, want %d", audited, n)
	}
	_, unread, _ := b.Notifications(ctx, w.leader, 0)
	if unread != n {
		t.Fatalf("the leader has %d notices, want %d", unread, n)
	}
	// Deliveries: n assigned + n escalated + n overdue, each received once.
	for _, x := range []*app.App{a, b} {
		x.DeliverWebhooks(ctx)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.seen) != 3*n || len(rc.bodies) != 3*n {
		t.Fatalf("received %d deliveries (%d bodies), want %d", len(rc.seen), len(rc.bodies), 3*n)
	}
	for id, times := range rc.seen {
		if times != 1 {
			t.Fatalf("delivery %s received %d times", id, times)
		}
	}
}
