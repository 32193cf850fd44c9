package app_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// An order about a Wenshui project addressed to Lishi: Lishi sees the
// order (and the project's name on it) but not the project; it replies,
// the issuer sends it back, Lishi replies again, the issuer accepts. Every
// step is audited and the chain verifies.
func TestOrderWorkflowScopeAndAudit(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2026, 11, 30, 10, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		sup := testenv.User(t, a, "ducha", qianxiang.RoleSupervisor, "141100")
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100-FGW")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		wenshui := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		jiaocheng := testenv.User(t, a, "jiaocheng", qianxiang.RoleOrgAdmin, "141122")
		leader := testenv.User(t, a, "shizhang", qianxiang.RoleLeader, "141100")
		p, err := a.CreateProject(ctx, cmd, newProject("文水县污水管网改造项目", "141121"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.IssueOrder(ctx, lishi, app.NewOrder{Org: "141102", Text: "x", ReplyBy: "2026-12-10"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county issued an order: %v", err)
		}
		if _, err := a.IssueOrder(ctx, leader, app.NewOrder{Org: "141102", Text: "x", ReplyBy: "2026-12-10"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a leader issued an order: %v", err)
		}
		bad := []struct {
			in    app.NewOrder
			field string
		}{
			{app.NewOrder{Org: "999999", Text: "x", ReplyBy: "2026-12-10"}, "org"},
			{app.NewOrder{Org: "141102", Text: "x", ReplyBy: "2026-11-29"}, "reply_by"},
			{app.NewOrder{Org: "141102", Text: "x", ReplyBy: "next week"}, "reply_by"},
			{app.NewOrder{Org: "141102", Text: " ", ReplyBy: "2026-12-10"}, "text"},
			{app.NewOrder{Org: "141102", Text: "x", ReplyBy: "2026-12-10", Project: 99999}, "project"},
			{app.NewOrder{Org: "141102", Text: "x", ReplyBy: "2026-12-10", Problem: 99999}, "problem"},
		}
		for _, b := range bad {
			_, err := a.IssueOrder(ctx, sup, b.in)
			if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EValidation || e.Details[0].Field != b.field {
				t.Errorf("%+v: want a refusal naming %s, got %v", b.in, b.field, err)
			}
		}
		o, err := a.IssueOrder(ctx, sup, app.NewOrder{Org: "141102", Project: p.ID, Text: "请协调解决管网穿越离石段征地问题", ReplyBy: "2026-12-10"})
		if err != nil {
			t.Fatal(err)
		}
		if o.Number != "督办〔2026〕1号" || o.Status != qianxiang.OrderIssued || o.Project.Name != p.Name {
			t.Fatalf("issued: %+v", o)
		}
		if _, err := a.Order(ctx, lishi, o.ID); err != nil {
			t.Fatalf("the addressed county must see the order: %v", err)
		}
		if ns, unread, _ := a.Notifications(ctx, lishi, 10); unread != 1 || ns[0].Kind != qianxiang.NoteOrderIssued || ns[0].Link != fmt.Sprintf("/orders/%d", o.ID) {
			t.Fatalf("the county is told of the order: %d %+v", unread, ns)
		}
		if _, err := a.Project(ctx, lishi, p.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("…but not the rest of the project: %v", err)
		}
		if _, err := a.Order(ctx, wenshui, o.ID); err != nil {
			t.Fatalf("the project's county sees orders about it: %v", err)
		}
		if _, err := a.Order(ctx, jiaocheng, o.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("an uninvolved county: %v", err)
		}
		if _, err := a.StepOrder(ctx, jiaocheng, o.ID, qianxiang.StepReply, "x"); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("an uninvolved county replying: %v", err)
		}
		if _, err := a.StepOrder(ctx, wenshui, o.ID, qianxiang.StepReply, "x"); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("replying to an order addressed to someone else: %v", err)
		}
		steps := []struct {
			who  qianxiang.Actor
			step qianxiang.OrderStep
			want qianxiang.OrderStatus
		}{
			{lishi, qianxiang.StepReply, qianxiang.OrderReplied},
			{sup, qianxiang.StepReject, qianxiang.OrderReturned},
			{lishi, qianxiang.StepReply, qianxiang.OrderReplied},
			{sup, qianxiang.StepAccept, qianxiang.OrderAccepted},
		}
		for _, s := range steps {
			o, err = a.StepOrder(ctx, s.who, o.ID, s.step, "文字 "+string(s.step))
			if err != nil || o.Status != s.want {
				t.Fatalf("%s by %s: %v %v", s.step, s.who.Username, o.Status, err)
			}
		}
		if ns, _, _ := a.Notifications(ctx, sup, 10); len(ns) != 2 || ns[0].Kind != qianxiang.NoteOrderAnswer {
			t.Fatalf("the issuer is told of both replies: %+v", ns)
		}
		if ns, _, _ := a.Notifications(ctx, lishi, 10); len(ns) != 3 {
			t.Fatalf("the county: issued, sent back, accepted: %+v", ns)
		}
		if _, err := a.StepOrder(ctx, sup, o.ID, qianxiang.StepReject, "x"); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("an accepted order is closed: %v", err)
		}
		h, _ := a.DB.History(ctx, "orders", o.ID)
		if len(h) != 5 || h[0].Action != "issue" || h[4].Action != "accept" || h[4].Actor != "ducha" {
			t.Fatalf("audit: %+v", h)
		}
		if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
			t.Fatalf("audit chain: %v", broken)
		}
		ls, _ := a.Orders(ctx, lishi, app.OrderQuery{})
		if len(ls) != 1 {
			t.Fatalf("lishi's list: %d", len(ls))
		}
		if ls, _ := a.Orders(ctx, jiaocheng, app.OrderQuery{}); len(ls) != 0 {
			t.Fatalf("jiaocheng's list: %d", len(ls))
		}
	})
}

// Numbers are allocated in the issuing transaction: issued at once, they
// are all different and contiguous; a new year starts from 1; overdue is
// derived from the fake clock.
func TestOrderNumbersAreUniqueUnderConcurrencyAndOverdueFollowsTheClock(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2026, 12, 30, 10, 0, 0, 0, a.Loc)
		var mu sync.Mutex
		a.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		testenv.Lvliang(t, a)
		sup := testenv.User(t, a, "ducha", qianxiang.RoleSupervisor, "141100")
		var wg sync.WaitGroup
		seqs := make(chan int, 8)
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				o, err := a.IssueOrder(ctx, sup, app.NewOrder{Org: "141102", Text: "并发", ReplyBy: "2026-12-31"})
				if err != nil {
					t.Error(err)
					return
				}
				seqs <- o.Seq
			}()
		}
		wg.Wait()
		close(seqs)
		seen := map[int]bool{}
		for s := range seqs {
			if seen[s] || s < 1 || s > 8 {
				t.Fatalf("number %d given twice or out of range", s)
			}
			seen[s] = true
		}
		if ls, _ := a.Orders(ctx, sup, app.OrderQuery{Overdue: true}); len(ls) != 0 {
			t.Fatalf("nothing is overdue yet: %d", len(ls))
		}
		mu.Lock()
		now = time.Date(2027, 1, 1, 9, 0, 0, 0, a.Loc)
		mu.Unlock()
		if ls, _ := a.Orders(ctx, sup, app.OrderQuery{Overdue: true}); len(ls) != 8 {
			t.Fatalf("after reply_by all 8 are overdue: %d", len(ls))
		}
		o, err := a.IssueOrder(ctx, sup, app.NewOrder{Org: "141121", Text: "新年", ReplyBy: "2027-01-10"})
		if err != nil || o.Number != "督办〔2027〕1号" {
			t.Fatalf("a new year starts at 1: %v %v", o.Number, err)
		}
		cs, _ := a.OrderCounts(ctx, sup, app.OrderQuery{})
		if len(cs) != 2 || cs[0].Overdue+cs[1].Overdue != 8 {
			t.Fatalf("counts: %+v", cs)
		}
	})
}
