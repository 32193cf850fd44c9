package demo_test

import (
	"context"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// The statistics bureau logs in to work: a gap, and entries at each step.
func TestDemoStatisticsBureauHasWork(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
	logins, err := demo.Fill(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	var pw string
	for _, l := range logins {
		if l.Username == "tongji" && l.Role == "statistics" {
			pw = l.Password
		}
	}
	if pw == "" {
		t.Fatal("no tongji login")
	}
	_, _, u, err := a.Login(ctx, "tongji", pw, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	g, err := a.EntryGap(ctx, u.Actor(), 2026, "")
	if err != nil {
		t.Fatal(err)
	}
	if g.Count < 20 || g.Entered == 0 || g.Rate == nil {
		t.Fatalf("gap %d lines, %d entered: want a real gap", g.Count, g.Entered)
	}
	for _, r := range []string{qianxiang.GapMissingVouchers, qianxiang.GapNotSubmitted, qianxiang.GapReturned, qianxiang.GapAwaitingReview, qianxiang.GapAwaitingAcceptance} {
		if g.ByReason[r] == 0 && r != qianxiang.GapNotSubmitted {
			t.Errorf("no demo entry %s", r)
		}
	}
	returned := false
	for _, it := range g.Items {
		returned = returned || it.Status == qianxiang.EntryReturned && it.ReturnReason != "" && it.ReturnedBy == "acceptance"
	}
	if !returned {
		t.Error("no entry returned by the bureau with a reason")
	}
}
