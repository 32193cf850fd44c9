package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

type leadPeople struct {
	office, county, other, viewer, leader, leader2, super qianxiang.Actor
}

func leadSetup(t *testing.T, a *app.App) leadPeople {
	t.Helper()
	testenv.Lvliang(t, a)
	return leadPeople{
		office:  testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100"),
		county:  testenv.User(t, a, "xiaoyi", qianxiang.RoleOrgAdmin, "141181"),
		other:   testenv.User(t, a, "fenyang", qianxiang.RoleOrgAdmin, "141182"),
		viewer:  testenv.User(t, a, "xiaoyi-view", qianxiang.RoleViewer, "141181"),
		leader:  testenv.User(t, a, "renzhong", qianxiang.RoleLeader, "141100"),
		leader2: testenv.User(t, a, "renlei", qianxiang.RoleLeader, "141100"),
		super:   testenv.User(t, a, "ducha", qianxiang.RoleSupervisor, "141100"),
	}
}

func newLead(county, leader string) app.LeadInput {
	return app.LeadInput{Investor: "浙江华晟新材料有限公司", OriginRegion: "浙江省杭州市", Industry: "新材料", Intended: *money("52000"),
		Source: "fair", County: county, Target: "年内签约落地，次年投产", Leader: leader,
		Team: []qianxiang.TeamMember{{Name: "王强", Role: "专班组长"}, {Name: "李娜", Role: "联络员"}}}
}

// An investor's lead becomes a registry project: signed with its contract,
// landed as a project linked both ways, in one transaction with its audit
// entries; a refused landing writes nothing at all.
func TestLeadLandsAsALinkedProject(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2023, 5, 10, 9, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return now }
		p := leadSetup(t, a)
		v, err := a.CreateLead(ctx, p.county, newLead("141181", "renzhong"))
		if err != nil {
			t.Fatal(err)
		}
		if v.Stage != qianxiang.LeadTalking || v.Leader.Username != "renzhong" || len(v.Team) != 2 || len(v.History) != 1 {
			t.Fatalf("created %+v", v)
		}
		if _, err := a.MoveLead(ctx, p.county, v.ID, qianxiang.LeadMoveInput{Stage: "landed"}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("skipping 签约: %v", err)
		}
		v, err = a.MoveLead(ctx, p.county, v.ID, qianxiang.LeadMoveInput{Stage: "signed", ContractAmount: money("48000.5"), ContractDate: "2023-05-08"})
		if err != nil || v.ContractAmount != *money("48000.5") || v.ContractDate.String() != "2023-05-08" {
			t.Fatalf("signed %+v %v", v.Lead, err)
		}

		// A project name beyond the text rule: refused, and nothing changed.
		long := strings.Repeat("项", 201)
		_, err = a.MoveLead(ctx, p.county, v.ID, qianxiang.LeadMoveInput{Stage: "landed", ProjectName: long})
		if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EValidation || e.Details[0].Field != "project_name" {
			t.Fatalf("long name: %v", err)
		}
		if pg, _ := a.Projects(ctx, p.office, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023}}); pg.Total != 0 {
			t.Fatalf("a refused landing left %d projects", pg.Total)
		}
		if got, _ := a.Lead(ctx, p.office, v.ID); got.Stage != qianxiang.LeadSigned || got.Project != nil || len(got.History) != 2 {
			t.Fatalf("a refused landing changed the lead: %+v", got)
		}

		v, err = a.MoveLead(ctx, p.county, v.ID, qianxiang.LeadMoveInput{Stage: "landed", ProjectName: "华晟高性能碳纤维项目"})
		if err != nil || v.Project == nil {
			t.Fatalf("landed %+v %v", v.Lead, err)
		}
		proj, err := a.Project(ctx, p.county, v.Project.ID)
		if err != nil {
			t.Fatal(err)
		}
		if proj.Name != "华晟高性能碳纤维项目" || proj.Year != 2023 || proj.Org.Code != "141181" || proj.TotalInvestment != *money("48000.5") ||
			proj.Owner != "浙江华晟新材料有限公司" || proj.Leader != "renzhong" || len(proj.Team) != 2 || proj.Target.Text != "年内签约落地，次年投产" ||
			proj.Kind != qianxiang.KindNew || proj.PlannedStart.String() != "2023-06" {
			t.Fatalf("project %+v", proj)
		}
		back, err := a.LeadOfProject(ctx, p.county, proj.ID)
		if err != nil || back == nil || back.ID != v.ID {
			t.Fatalf("the project's lead: %v %v", back, err)
		}
		if err := a.DeleteProject(ctx, p.office, proj.ID, app.AnyVersion); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("deleting a landed project: %v", err)
		}

		// Back to 洽谈 needs a reason; landing again reuses the project.
		if _, err := a.MoveLead(ctx, p.county, v.ID, qianxiang.LeadMoveInput{Stage: "signed"}); qianxiang.AsError(err) == nil ||
			qianxiang.AsError(err).Details[0].Field != "reason" {
			t.Fatalf("back without a reason: %v", err)
		}
		if _, err := a.MoveLead(ctx, p.county, v.ID, qianxiang.LeadMoveInput{Stage: "signed", Reason: "用地指标未落实，暂缓落地"}); err != nil {
			t.Fatal(err)
		}
		v, err = a.MoveLead(ctx, p.county, v.ID, qianxiang.LeadMoveInput{Stage: "landed"})
		if err != nil || v.Project == nil || v.Project.ID != proj.ID {
			t.Fatalf("landed again: %+v %v", v.Project, err)
		}
		if pg, _ := a.Projects(ctx, p.office, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023}}); pg.Total != 1 {
			t.Fatalf("landing again made %d projects", pg.Total)
		}
		if len(v.History) != 5 || v.History[3].Reason != "用地指标未落实，暂缓落地" || v.History[3].From != qianxiang.LeadLanded {
			t.Fatalf("history %+v", v.History)
		}

		sys := qianxiang.SystemActor
		for table, want := range map[string]int{"leads": 5, "lead_moves": 5, "projects": 1} {
			if es, err := a.AuditEntries(ctx, sys, qianxiang.AuditFilter{Table: table}); err != nil || len(es) != want {
				t.Errorf("audit %s: %d entries, want %d (%v)", table, len(es), want, err)
			}
		}
		if n, broken, err := a.VerifyAudit(ctx, sys); err != nil || len(broken) != 0 {
			t.Errorf("verify after %d: %v %v", n, broken, err)
		}
	})
}

// Who sees and moves what; stalled leads by a fake clock; the funnel.
func TestLeadScopeStallAndFunnel(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2023, 3, 1, 9, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return now }
		p := leadSetup(t, a)
		mine, err := a.CreateLead(ctx, p.county, newLead("141181", "renzhong"))
		if err != nil {
			t.Fatal(err)
		}
		in := newLead("141182", "renlei")
		in.Industry, in.Source = "文旅康养", "business"
		theirs, err := a.CreateLead(ctx, p.office, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.CreateLead(ctx, p.county, newLead("141182", "renzhong")); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county created a lead in another: %v", err)
		}
		bad := newLead("141100", "xiaoyi")
		bad.Source, bad.Team = "banquet", nil
		e := qianxiang.AsError(func() error { _, err := a.CreateLead(ctx, p.office, bad); return err }())
		if e == nil || len(e.Details) < 4 {
			t.Fatalf("bad lead: %v", e)
		}
		fields := map[string]bool{}
		for _, d := range e.Details {
			fields[d.Field] = true
		}
		if !fields["county"] || !fields["leader"] || !fields["source"] || !fields["team"] {
			t.Errorf("bad lead details %v", e.Details)
		}

		seen := func(actor qianxiang.Actor) []int64 {
			ls, err := a.Leads(ctx, actor, app.LeadQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, l := range ls {
				ids = append(ids, l.ID)
			}
			return ids
		}
		if got := seen(p.office); len(got) != 2 {
			t.Errorf("office sees %v", got)
		}
		if got := seen(p.county); len(got) != 1 || got[0] != mine.ID {
			t.Errorf("county sees %v", got)
		}
		if got := seen(p.leader2); len(got) != 1 || got[0] != theirs.ID {
			t.Errorf("leader 2 sees %v", got)
		}
		if got := seen(p.super); len(got) != 2 {
			t.Errorf("supervision sees %v", got)
		}
		if _, err := a.Lead(ctx, p.other, mine.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("another county read it: %v", err)
		}
		if _, err := a.Lead(ctx, p.leader2, mine.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("another leader read it: %v", err)
		}
		if _, err := a.MoveLead(ctx, p.leader, mine.ID, qianxiang.LeadMoveInput{Stage: "signed"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Errorf("the leader moved it: %v", err)
		}
		if _, err := a.MoveLead(ctx, p.viewer, mine.ID, qianxiang.LeadMoveInput{Stage: "signed"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Errorf("a viewer moved it: %v", err)
		}

		// 59 days on: nothing stalled; 60: both; the office sets 90: none.
		now = now.AddDate(0, 0, 59)
		if ls, _ := a.Leads(ctx, p.office, app.LeadQuery{Stalled: true}); len(ls) != 0 {
			t.Errorf("stalled after 59 days: %d", len(ls))
		}
		now = now.AddDate(0, 0, 1)
		if ls, _ := a.Leads(ctx, p.office, app.LeadQuery{Stalled: true}); len(ls) != 2 || ls[0].DaysInStage != 60 {
			t.Errorf("stalled after 60 days: %+v", ls)
		}
		if _, err := a.MoveLead(ctx, p.office, mine.ID, qianxiang.LeadMoveInput{Stage: "signed", ContractAmount: money("30000"), ContractDate: "2023-04-28"}); err != nil {
			t.Fatal(err)
		}
		if ls, _ := a.Leads(ctx, p.office, app.LeadQuery{Stalled: true}); len(ls) != 1 || ls[0].ID != theirs.ID {
			t.Errorf("a move restarts the clock: %+v", ls)
		}
		if err := a.SetLeadStallDays(ctx, p.county, 90); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Errorf("a county set the stall days: %v", err)
		}
		if err := a.SetLeadStallDays(ctx, p.office, 90); err != nil {
			t.Fatal(err)
		}
		if ls, _ := a.Leads(ctx, p.office, app.LeadQuery{Stalled: true}); len(ls) != 0 {
			t.Errorf("stalled at 90 days: %d", len(ls))
		}

		// Funnel by county: 孝义市 1 lead at 签约, 汾阳市 1 at 洽谈.
		f, err := a.LeadFunnel(ctx, p.office, "county", app.LeadQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Rows) != 2 || f.Total.Reached[0] != 2 || f.Total.Reached[1] != 1 || f.Total.Steps[0].Num != 1 || f.Total.Steps[0].Den != 2 {
			t.Errorf("funnel %+v", f)
		}
		if cf, _ := a.LeadFunnel(ctx, p.county, "source", app.LeadQuery{}); len(cf.Rows) != 1 || cf.Rows[0].Key != "fair" {
			t.Errorf("the county's funnel %+v", cf.Rows)
		}
		if _, err := a.LeadFunnel(ctx, p.office, "colour", app.LeadQuery{}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("bad group: %v", err)
		}
	})
}

// News: the office writes, script is refused, the public reads what is
// published, newest first.
func TestNewsForThePortal(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 1, 9, 0, 0, 0, a.Loc) }
		p := leadSetup(t, a)
		if _, err := a.CreateNews(ctx, p.county, app.NewsInput{Title: "t", Body: "b"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county wrote news: %v", err)
		}
		_, err := a.CreateNews(ctx, p.office, app.NewsInput{Title: "推进会", Body: "正文<script>alert(1)</script>", Published: true})
		if e := qianxiang.AsError(err); e == nil || e.Details[0].Field != "news.body" {
			t.Fatalf("script: %v", err)
		}
		old, err := a.CreateNews(ctx, p.office, app.NewsInput{Title: "全市项目建设大会战推进会召开", Body: "2月26日，我市召开推进会。", Date: "2023-02-26", Published: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.CreateNews(ctx, p.office, app.NewsInput{Title: "草稿", Body: "未发布"}); err != nil {
			t.Fatal(err)
		}
		newer, err := a.CreateNews(ctx, p.office, app.NewsInput{Title: "一季度集中开工", Body: "43个项目集中开工。", Date: "2023-02-28", Published: true})
		if err != nil {
			t.Fatal(err)
		}
		pub, err := a.PublicNews(ctx, 20)
		if err != nil || len(pub) != 2 || pub[0].ID != newer.ID || pub[1].ID != old.ID {
			t.Fatalf("public news %+v %v", pub, err)
		}
		// Withdrawn: gone from the public; a stale version is refused.
		in := app.NewsInput{Title: old.Title, Body: old.Body, Date: "2023-02-26", Published: false, Version: old.Version}
		if _, err := a.UpdateNews(ctx, p.office, old.ID, in); err != nil {
			t.Fatal(err)
		}
		if _, err := a.UpdateNews(ctx, p.office, old.ID, in); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("stale edit: %v", err)
		}
		in.Body, in.Version = "<img src=x onerror=alert(1)>", 0
		if _, err := a.UpdateNews(ctx, p.office, old.ID, in); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("markup in an edit: %v", err)
		}
		if pub, _ := a.PublicNews(ctx, 20); len(pub) != 1 {
			t.Fatalf("after withdrawing: %d", len(pub))
		}
		if all, _ := a.News(ctx, p.office); len(all) != 3 {
			t.Fatalf("office sees %d", len(all))
		}
		if es, _ := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Table: "news"}); len(es) != 4 {
			t.Errorf("audit: %d news entries", len(es))
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Errorf("verify: %v %v", broken, err)
		}
	})
}

// A lead's particulars change at the version read: a new leader and team,
// a stale version refused, no move into another county's hands, and a
// landed lead keeps its county.
func TestLeadEdits(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 5, 10, 9, 0, 0, 0, a.Loc) }
		p := leadSetup(t, a)
		v, err := a.CreateLead(ctx, p.county, newLead("141181", "renzhong"))
		if err != nil {
			t.Fatal(err)
		}
		in := app.LeadInputOf(v.Lead)
		in.Leader, in.Team = "renlei", []qianxiang.TeamMember{{Name: "赵敏", Role: "专班组长"}}
		got, err := a.UpdateLead(ctx, p.county, v.ID, v.Version, in)
		if err != nil || got.Leader.Username != "renlei" || len(got.Team) != 1 || got.Version != 2 || got.Stage != qianxiang.LeadTalking {
			t.Fatalf("edited %+v %v", got.Lead, err)
		}
		if _, err := a.UpdateLead(ctx, p.county, v.ID, v.Version, in); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("stale edit: %v", err)
		}
		if _, err := a.Lead(ctx, p.leader, v.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("the former leader still reads it: %v", err)
		}
		for _, who := range []qianxiang.Actor{p.leader, p.leader2} {
			ns, _, err := a.Notifications(ctx, who, 10)
			if err != nil || len(ns) != 1 || ns[0].Link != fmt.Sprintf("/leads/%d", v.ID) {
				t.Errorf("%s's notifications: %+v %v", who.Username, ns, err)
			}
		}
		moved := in
		moved.County = "141182"
		if _, err := a.UpdateLead(ctx, p.county, v.ID, app.AnyVersion, moved); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county handed its lead to another: %v", err)
		}
		bad := in
		bad.Leader, bad.Target = "xiaoyi", " "
		e := qianxiang.AsError(func() error { _, err := a.UpdateLead(ctx, p.county, v.ID, app.AnyVersion, bad); return err }())
		if e == nil || len(e.Details) != 2 || e.Details[0].Field != "leader" || e.Details[1].Field != "lead.target" {
			t.Fatalf("bad edit: %v", e)
		}
		if _, err := a.MoveLead(ctx, p.office, v.ID, qianxiang.LeadMoveInput{Stage: "signed", ContractAmount: money("100"), ContractDate: "2023-05-01"}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.MoveLead(ctx, p.office, v.ID, qianxiang.LeadMoveInput{Stage: "landed"}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.UpdateLead(ctx, p.office, v.ID, app.AnyVersion, moved); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a landed lead changed county: %v", err)
		}
		if es, _ := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Table: "leads"}); len(es) != 4 {
			t.Errorf("audit: %d lead entries", len(es))
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Errorf("verify: %v %v", broken, err)
		}
	})
}
