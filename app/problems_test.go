package app_test

import (
	"context"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// clock is a fake clock the test moves.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

type problemWorld struct {
	a                              *app.App
	clk                            *clock
	office, leader, wenshui, lishi qianxiang.Actor
	wjw, xing                      qianxiang.Actor
	project                        qianxiang.Project
}

func newProblemWorld(t *testing.T, a *app.App) *problemWorld {
	t.Helper()
	ctx := context.Background()
	w := &problemWorld{a: a, clk: &clock{time.Date(2023, 3, 1, 9, 0, 0, 0, a.Loc)}}
	a.Now = w.clk.now
	testenv.Lvliang(t, a)
	w.office = testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100-FGW")
	u, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "shizhang", DisplayName: "张广勇", Role: qianxiang.RoleLeader, OrgCode: "141100", Password: testenv.Password})
	if err != nil {
		t.Fatal(err)
	}
	w.leader = u.Actor()
	w.wenshui = testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
	w.lishi = testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	w.wjw = testenv.User(t, a, "wjw", qianxiang.RoleOrgAdmin, "141100-WJW")
	w.xing = testenv.User(t, a, "xing", qianxiang.RoleOrgAdmin, "141123")
	w.project, err = a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: "文水县医院迁建项目",
		Org: qianxiang.OrgRef{Code: "141121"}, Kind: qianxiang.KindContinuing, TotalInvestment: 50000, AnnualPlan: 20000, Leader: "张广勇"})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func fieldOf(err error) string {
	if e := qianxiang.AsError(err); e != nil && len(e.Details) > 0 {
		return e.Details[0].Field
	}
	return ""
}

func TestProblemWorkflowScopesAndAudit(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		w := newProblemWorld(t, a)
		in := app.ProblemInput{Project: w.project.ID, Category: "审批", Description: "环评批复未下达", OwnerOrg: "141100-WJW", CoOrgs: []string{"141102"}, Due: "2023-03-20"}

		// Bad input, nothing written.
		bad := []struct {
			change func(*app.ProblemInput)
			field  string
		}{
			{func(p *app.ProblemInput) { p.Due = "2023-02-28" }, "due"},
			{func(p *app.ProblemInput) { p.OwnerOrg = "999999" }, "owner_org"},
			{func(p *app.ProblemInput) { p.CoOrgs = []string{"nope"} }, "co_orgs"},
			{func(p *app.ProblemInput) { p.Category = "roads" }, "category"},
			{func(p *app.ProblemInput) { p.Description = "" }, "description"},
		}
		for _, b := range bad {
			x := in
			b.change(&x)
			if _, err := a.CreateProblem(ctx, w.wenshui, x); fieldOf(err) != b.field {
				t.Errorf("want a refusal naming %s, got %v", b.field, err)
			}
		}
		if ps, _ := a.Problems(ctx, w.office, app.ProblemQuery{}); len(ps) != 0 {
			t.Fatalf("refused problems were written: %d", len(ps))
		}
		if _, err := a.CreateProblem(ctx, w.lishi, in); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("another county raising on a project it cannot see: %v", err)
		}

		p, err := a.CreateProblem(ctx, w.wenshui, in)
		if err != nil {
			t.Fatal(err)
		}
		if p.Category != qianxiang.CatApproval || p.OwnerOrg.Code != "141100-WJW" || len(p.CoOrgs) != 1 || p.Leader == nil || p.Leader.Username != "shizhang" {
			t.Fatalf("created: %+v", p)
		}

		// Scopes: 离石 (a co-organisation) sees the problem on 文水's project,
		// not the project; 兴县 sees neither.
		if got, err := a.Problem(ctx, w.lishi, p.ID); err != nil || got.Description != "环评批复未下达" {
			t.Fatalf("co-organisation reading its problem: %v", err)
		}
		if ps, _ := a.Problems(ctx, w.lishi, app.ProblemQuery{}); len(ps) != 1 {
			t.Fatalf("co-organisation's list: %d", len(ps))
		}
		if _, err := a.Project(ctx, w.lishi, w.project.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("the co-organisation sees the project: %v", err)
		}
		if _, err := a.ProjectProblems(ctx, w.lishi, w.project.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("the co-organisation lists the project's problems: %v", err)
		}
		if d, err := a.ProblemDetail(ctx, w.lishi, p.ID); err != nil || d.SeeProject {
			t.Fatalf("detail for the co-organisation: %v", err)
		}
		if _, err := a.Problem(ctx, w.xing, p.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("an unrelated county: %v", err)
		}
		if ps, _ := a.Problems(ctx, w.xing, app.ProblemQuery{}); len(ps) != 0 {
			t.Fatalf("an unrelated county's list: %d", len(ps))
		}

		// Workflow and who may take each step.
		if _, err := a.StepProblem(ctx, w.xing, p.ID, qianxiang.PAStart, ""); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("start by a stranger: %v", err)
		}
		if _, err := a.StepProblem(ctx, w.wjw, p.ID, qianxiang.PAStart, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := a.StepProblem(ctx, w.office, p.ID, qianxiang.PAClose, ""); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("closing an unresolved problem: %v", err)
		}
		if _, err := a.Instruct(ctx, w.office, p.ID, "抓紧办理"); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("instruction by the campaign office: %v", err)
		}
		if _, err := a.Instruct(ctx, w.leader, p.ID, " "); fieldOf(err) != "text" {
			t.Fatalf("empty instruction: %v", err)
		}
		ins, err := a.Instruct(ctx, w.leader, p.ID, "请市卫健委本周内协调省厅")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.AckInstruction(ctx, w.lishi, p.ID, ins.ID); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("ack by a co-organisation: %v", err)
		}
		if got, err := a.AckInstruction(ctx, w.wjw, p.ID, ins.ID); err != nil || !got.Acked() || got.AckedBy != "wjw" {
			t.Fatalf("ack: %+v %v", got, err)
		}
		if _, err := a.AckInstruction(ctx, w.wjw, p.ID, ins.ID); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("second ack: %v", err)
		}
		if _, err := a.ExtendProblem(ctx, w.office, p.ID, "2023-04-30", ""); fieldOf(err) != "reason" {
			t.Fatalf("extend without reason: %v", err)
		}
		if got, err := a.ExtendProblem(ctx, w.office, p.ID, "2023-04-30", "等待省厅批复"); err != nil || got.Due.String() != "2023-04-30" {
			t.Fatalf("extend: %v", err)
		}
		if _, err := a.ReassignProblem(ctx, w.office, p.ID, "nope", nil, "x"); fieldOf(err) != "owner_org" {
			t.Fatalf("reassign to an unknown org: %v", err)
		}
		if _, err := a.StepProblem(ctx, w.wjw, p.ID, qianxiang.PAResolve, "省厅已批复"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.StepProblem(ctx, w.wjw, p.ID, qianxiang.PAClose, ""); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("the owner closing its own problem: %v", err)
		}
		if got, err := a.StepProblem(ctx, w.office, p.ID, qianxiang.PAClose, ""); err != nil || got.Status != qianxiang.ProblemClosed {
			t.Fatalf("close: %v", err)
		}
		d, err := a.ProblemDetail(ctx, w.office, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var acts []string
		for _, h := range d.History {
			acts = append(acts, h.Action)
		}
		want := []string{"create", "start", "instruct", "ack", "extend", "resolve", "close"}
		if len(acts) != len(want) {
			t.Fatalf("history %v, want %v", acts, want)
		}
		for i := range want {
			if acts[i] != want[i] {
				t.Fatalf("history %v, want %v", acts, want)
			}
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Fatalf("audit: %v %v", broken, err)
		}
		// The owner was told it was assigned and of the instruction.
		ns, unread, _ := a.Notifications(ctx, w.wjw, 10)
		if unread != 3 || len(ns) != 3 || ns[len(ns)-1].Kind != qianxiang.NoteAssigned {
			t.Fatalf("owner's notifications: %d unread, %+v", unread, ns)
		}
		if n, err := a.MarkNotificationsRead(ctx, w.wjw, nil); err != nil || n != 3 {
			t.Fatalf("mark read: %d %v", n, err)
		}
	})
}

// The clock passes the due date: a reminder three days before, escalation
// to the project's leader the day after, once however often it sweeps.
func TestProblemEscalatesOnceWhenTheClockPassesItsDueDate(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		w := newProblemWorld(t, a)
		p, err := a.CreateProblem(ctx, w.wenshui, app.ProblemInput{Project: w.project.ID, Category: "land", Description: "用地未交付",
			OwnerOrg: "141121", Due: "2023-03-10"})
		if err != nil {
			t.Fatal(err)
		}
		w.clk.t = time.Date(2023, 3, 8, 9, 0, 0, 0, a.Loc)
		if r, err := a.Sweep(ctx); err != nil || !r.Ran || r.Escalated != 0 {
			t.Fatalf("sweep before due: %+v %v", r, err)
		}
		ns, _, _ := a.Notifications(ctx, w.wenshui, 10)
		if len(ns) != 2 || ns[0].Kind != qianxiang.NoteDueSoon {
			t.Fatalf("due-soon reminder: %+v", ns)
		}
		w.clk.t = time.Date(2023, 3, 11, 0, 30, 0, 0, a.Loc)
		for i := 0; i < 3; i++ {
			r, err := a.Sweep(ctx)
			if err != nil || r.Escalated != map[bool]int{true: 1, false: 0}[i == 0] {
				t.Fatalf("sweep %d: %+v %v", i, r, err)
			}
		}
		mine, err := a.Problems(ctx, w.leader, app.ProblemQuery{LeaderMe: true, Escalated: true, Overdue: true})
		if err != nil || len(mine) != 1 || mine[0].ID != p.ID || !mine[0].Overdue || !mine[0].Escalated || mine[0].DaysOpen != 10 {
			t.Fatalf("the leader's escalated problems: %+v %v", mine, err)
		}
		ns, unread, _ := a.Notifications(ctx, w.leader, 10)
		if unread != 1 || ns[0].Kind != qianxiang.NoteEscalated || ns[0].Link != "/problems/"+itoa(int(p.ID)) {
			t.Fatalf("leader's notifications: %+v", ns)
		}
		ns, _, _ = a.Notifications(ctx, w.wenshui, 10)
		if len(ns) != 3 || ns[0].Kind != qianxiang.NoteOverdue {
			t.Fatalf("owner's overdue notice: %+v", ns)
		}
		h, _ := a.History(ctx, qianxiang.SystemActor, "problems", p.ID)
		if len(h) != 2 || h[1].Action != "escalate" || h[1].Actor != "system" {
			t.Fatalf("escalation audited once: %+v", h)
		}
	})
}
