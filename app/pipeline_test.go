package app_test

import (
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

type pipelineWorld struct {
	a                      *app.App
	office, lishi, wenshui qianxiang.Actor
	viewer                 qianxiang.Actor
	reserve, other         qianxiang.Project
}

func newPipelineWorld(t *testing.T, a *app.App) *pipelineWorld {
	a.Now = func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	w := &pipelineWorld{a: a}
	w.office = testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	w.lishi = testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	w.wenshui = testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
	w.viewer = testenv.User(t, a, "guest", qianxiang.RoleViewer, "141100")
	var err error
	w.reserve, err = a.CreateProject(ctx, w.lishi, qianxiang.Project{Year: 2026, Name: "离石区水库除险加固项目", Org: qianxiang.OrgRef{Code: "141102"},
		Kind: qianxiang.KindPreparatory, Stage: qianxiang.StageReserve, Sector: "基础设施项目", TotalInvestment: 6 * qianxiang.Yi})
	if err != nil {
		t.Fatal(err)
	}
	w.other, err = a.CreateProject(ctx, w.wenshui, qianxiang.Project{Year: 2026, Name: "文水县养老服务中心", Org: qianxiang.OrgRef{Code: "141121"},
		Kind: qianxiang.KindNew, Stage: qianxiang.StageIdea, Sector: "民生项目", TotalInvestment: 800 * 100, PlannedStart: qianxiang.Date{Year: 2027, Month: 4}})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func done(keys ...string) []app.CheckInput {
	var out []app.CheckInput
	for _, k := range keys {
		out = append(out, app.CheckInput{Key: k, Done: true, DoneOn: "2026-10-08"})
	}
	return out
}

// A reserve project is matured, refused promotion while mandatory items
// are missing, then promoted into next year's plan: the same record, its
// history (creation, edits, promotion) kept and the audit chain intact.
func TestPromotionKeepsHistoryAndTheAuditChain(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newPipelineWorld(t, a)
		id := w.reserve.ID
		if err := a.SetChecks(ctx, w.lishi, id, done("feasibility", "site")); err != nil {
			t.Fatal(err)
		}
		if err := a.SetReserve(ctx, w.lishi, id, app.ReserveInput{Agency: "山西省工程咨询院", Channels: map[qianxiang.Channel]string{qianxiang.ChannelUltraLongBonds: qianxiang.MarkUnfit}}); err != nil {
			t.Fatal(err)
		}
		_, err := a.PromoteProject(ctx, w.lishi, id, 0)
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation || !strings.Contains(e.Error(), "用地预审") || !strings.Contains(e.Error(), "资金来源落实") ||
			strings.Contains(e.Error(), "可行性研究报告") || len(e.Details) != 2 {
			t.Fatalf("promotion with missing mandatory items: %v", err)
		}
		if p, _ := a.Project(ctx, w.office, id); p.Year != 2026 || p.Stage != qianxiang.StageReserve {
			t.Fatalf("a refused promotion changed the project: %+v", p)
		}
		row, err := a.Reserve(ctx, w.lishi, id)
		if err != nil || row.Maturity.Score.Rounded() != 0.3846 || row.Maturity.Band != qianxiang.BandLow || row.Agency != "山西省工程咨询院" {
			t.Fatalf("reserve row %+v %v", row.Maturity, err)
		}
		fits := map[qianxiang.Channel]bool{}
		for _, c := range row.Channels {
			fits[c.Channel] = c.Fits
		}
		if !fits[qianxiang.ChannelPolicyFinance] || fits[qianxiang.ChannelUltraLongBonds] {
			t.Errorf("channels %+v", row.Channels)
		}
		if err := a.SetChecks(ctx, w.lishi, id, done("land", "funding")); err != nil {
			t.Fatal(err)
		}
		before, _ := a.ProjectHistory(ctx, w.office, id)
		p, err := a.PromoteProject(ctx, w.lishi, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != id || p.Year != 2027 || p.Stage != qianxiang.StagePreparing {
			t.Fatalf("promoted %+v", p)
		}
		h, err := a.ProjectHistory(ctx, w.office, id)
		if err != nil || len(h) != len(before)+1 || h[0].Action != "create" || h[len(h)-1].Action != "promote" ||
			!strings.Contains(h[len(h)-1].Before, `"year":"2026"`) || !strings.Contains(h[len(h)-1].After, `"year":"2027"`) {
			t.Fatalf("history %+v %v", h, err)
		}
		// The checklist stays with the record as history.
		if row, _ := a.Reserve(ctx, w.office, id); row.Maturity.Done != 4 || row.Agency != "山西省工程咨询院" {
			t.Errorf("the promoted project lost its checklist: %+v", row.Maturity)
		}
		// It is in next year's plan, and out of the pool.
		page, err := a.Projects(ctx, w.office, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2027}})
		if err != nil || page.Total != 1 || page.Items[0].ID != id {
			t.Errorf("2027 plan %+v %v", page, err)
		}
		pool, _ := a.Pool(ctx, w.office, app.PoolQuery{})
		if len(pool.Items) != 1 || pool.Items[0].Project.ID != w.other.ID {
			t.Errorf("pool after promotion %+v", pool.Items)
		}
		if _, err := a.PromoteProject(ctx, w.office, id, 0); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("promoted twice: %v", err)
		}
		if n, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 || n == 0 {
			t.Fatalf("audit verify: %d %+v %v", n, broken, err)
		}
	})
}

// Counties manage their own reserve projects, the office all of them and
// the checklist; a viewer changes nothing; everything is checked.
func TestPipelineScopeAndRefusals(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newPipelineWorld(t, a)
		code := qianxiang.ErrorCode
		if err := a.SetChecks(ctx, w.wenshui, w.reserve.ID, done("land")); code(err) != qianxiang.ENotFound {
			t.Errorf("another county's project: %v", err)
		}
		if err := a.SetChecks(ctx, w.viewer, w.reserve.ID, done("land")); code(err) != qianxiang.EForbidden {
			t.Errorf("viewer: %v", err)
		}
		if _, err := a.PromoteProject(ctx, w.wenshui, w.reserve.ID, 0); code(err) != qianxiang.ENotFound {
			t.Errorf("another county promotes: %v", err)
		}
		if err := a.SetChecks(ctx, w.office, w.reserve.ID, []app.CheckInput{{Key: "lottery", Done: true}}); code(err) != qianxiang.EValidation {
			t.Errorf("unknown item: %v", err)
		}
		if err := a.SetChecks(ctx, w.office, w.reserve.ID, []app.CheckInput{{Key: "land", Done: true, DoneOn: "2027-01-01"}}); code(err) != qianxiang.EValidation {
			t.Errorf("future date: %v", err)
		}
		if err := a.SetChecklist(ctx, w.lishi, qianxiang.DefaultChecklist); code(err) != qianxiang.EForbidden {
			t.Errorf("a county configures the checklist: %v", err)
		}
		items := []qianxiang.ChecklistItem{{Key: "feasibility", Name: "可研批复", Weight: 1, Mandatory: true}, {Key: "power", Name: "电力接入", Weight: 1, Mandatory: false}}
		if err := a.SetChecklist(ctx, w.office, items); err != nil {
			t.Fatal(err)
		}
		if err := a.SetChecks(ctx, w.lishi, w.reserve.ID, done("feasibility")); err != nil {
			t.Fatal(err)
		}
		pool, err := a.Pool(ctx, w.lishi, app.PoolQuery{})
		if err != nil || len(pool.Items) != 1 || pool.Items[0].Maturity.Score.Rounded() != 0.5 || len(pool.Checklist) != 2 {
			t.Fatalf("county pool %+v %v", pool, err)
		}
		all, _ := a.Pool(ctx, w.office, app.PoolQuery{})
		if len(all.Items) != 2 || len(all.ByCounty) != 2 || all.Total.TotalInvestment != 6*qianxiang.Yi+800*100 || all.ByCounty[0].Key != "141102" {
			t.Errorf("office pool %+v", all.ByCounty)
		}
		if f, _ := a.Pool(ctx, w.office, app.PoolQuery{Maturity: "medium"}); len(f.Items) != 1 || f.Items[0].Project.ID != w.reserve.ID {
			t.Errorf("medium band %+v", f.Items)
		}
		if f, _ := a.Pool(ctx, w.office, app.PoolQuery{Sector: "民生项目", Org: "141121"}); len(f.Items) != 1 || f.BySector[0].Key != "民生项目" {
			t.Errorf("sector filter %+v", f.Items)
		}
		if _, err := a.Pool(ctx, w.office, app.PoolQuery{Maturity: "ripe"}); code(err) != qianxiang.EValidation {
			t.Errorf("bad band: %v", err)
		}
		// The pool reports nothing: it is not in the plan.
		if g, err := a.ReportGrid(ctx, w.office, 2026, 10, ""); err != nil || len(g.Rows) != 0 {
			t.Errorf("the grid lists the pool: %v", err)
		}
		if _, err := a.PromoteProject(ctx, w.office, w.reserve.ID, 2025); code(err) != qianxiang.EValidation {
			t.Errorf("promotion into a past year: %v", err)
		}
		if _, err := a.PromoteProject(ctx, w.office, w.reserve.ID, 2027); err != nil {
			t.Fatal(err)
		}
		if g, err := a.ReportGrid(ctx, w.office, 2027, 1, ""); err != nil || len(g.Rows) != 1 || g.Rows[0].Project.ID != w.reserve.ID {
			t.Errorf("the promoted project is not due in its plan: %v", err)
		}
		if err := a.SetChecks(ctx, w.office, w.reserve.ID, done("power")); code(err) != qianxiang.EValidation {
			t.Errorf("the checklist of a project in the plan changed: %v", err)
		}
		// Deleting a project takes its pipeline records with it, audited.
		if _, err := a.SetPromotion(ctx, w.wenshui, w.other.ID, app.PromotionInput{Contact: "文水县发改局"}); err != nil {
			t.Fatal(err)
		}
		a.SetChecks(ctx, w.wenshui, w.other.ID, done("land"))
		if err := a.DeleteProject(ctx, w.wenshui, w.other.ID, app.AnyVersion); err != nil {
			t.Fatal(err)
		}
		if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
			t.Errorf("audit: %+v", broken)
		}
	})
}

// Publications reach the public only for projects that are not
// confidential; investors' expressions are rate-limited and stay private.
func TestPromotionsAndInterests(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newPipelineWorld(t, a)
		code := qianxiang.ErrorCode
		in := app.PromotionInput{Published: true, Investment: 3 * qianxiang.Yi, ReturnModel: "使用者付费＋可行性缺口补助", Cooperation: qianxiang.CoopPPP,
			Contact: "离石区发改局招商股", OfficePhone: "0358-8221234", Summary: "水库除险加固，面向社会资本推介。"}
		if _, err := a.SetPromotion(ctx, w.wenshui, w.reserve.ID, in); code(err) != qianxiang.ENotFound {
			t.Errorf("another county publishes: %v", err)
		}
		bad := in
		bad.OfficePhone = "13912345678"
		if _, err := a.SetPromotion(ctx, w.lishi, w.reserve.ID, bad); code(err) != qianxiang.EValidation {
			t.Errorf("a mobile number published: %v", err)
		}
		if _, err := a.SetPromotion(ctx, w.lishi, w.reserve.ID, in); err != nil {
			t.Fatal(err)
		}
		pubs, err := a.PublicPromotions(ctx)
		if err != nil || len(pubs) != 1 || pubs[0].County.Code != "141102" || pubs[0].CooperationName != "政府和社会资本合作（PPP）" {
			t.Fatalf("public %+v %v", pubs, err)
		}
		// Marked confidential afterwards: gone from the public at once.
		if _, err := a.PatchProject(ctx, w.office, w.reserve.ID, app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
			t.Fatal(err)
		}
		if pubs, _ := a.PublicPromotions(ctx); len(pubs) != 0 {
			t.Errorf("a confidential project is promoted: %+v", pubs)
		}
		if _, err := a.SubmitInterest(ctx, w.reserve.ID, app.InterestInput{Company: "A", Person: "B", Phone: "13900001111", Intent: "x"}, "10.0.0.1"); code(err) != qianxiang.ENotFound {
			t.Errorf("interest in a confidential project: %v", err)
		}
		if _, err := a.SetPromotion(ctx, w.office, w.reserve.ID, in); code(err) != qianxiang.EValidation {
			t.Errorf("a confidential project published: %v", err)
		}
		a.PatchProject(ctx, w.office, w.reserve.ID, app.AnyVersion, []byte(`{"confidential":false}`))

		investor := app.InterestInput{Company: "山西某能源集团", Person: "李经理", Phone: "13900001111", Intent: "拟以股权合作方式参与，投资约2亿元。"}
		for i := 0; i < 5; i++ {
			if _, err := a.SubmitInterest(ctx, w.reserve.ID, investor, "2001:db8::1"); err != nil {
				t.Fatalf("interest %d: %v", i, err)
			}
		}
		// The same /64 is the same sender.
		if _, err := a.SubmitInterest(ctx, w.reserve.ID, investor, "2001:db8::2"); code(err) != qianxiang.ETooMany {
			t.Errorf("sixth in an hour: %v", err)
		}
		if _, err := a.SubmitInterest(ctx, w.reserve.ID, investor, "10.0.0.9"); err != nil {
			t.Errorf("another sender: %v", err)
		}
		scripted := investor
		scripted.Intent = "<script>alert(1)</script>"
		if _, err := a.SubmitInterest(ctx, w.reserve.ID, scripted, "10.0.0.10"); code(err) != qianxiang.EValidation {
			t.Errorf("script accepted: %v", err)
		}
		if _, err := a.SubmitInterest(ctx, w.other.ID, investor, "10.0.0.11"); code(err) != qianxiang.ENotFound {
			t.Errorf("interest in an unpublished project: %v", err)
		}
		if _, err := a.RecordInterest(ctx, w.office, w.other.ID, app.InterestInput{Company: "晋商银行", Person: "王行长", Phone: "0358-1234567", Intent: "愿提供项目贷款"}); err != nil {
			t.Fatal(err)
		}
		if is, err := a.Interests(ctx, w.lishi, 0); err != nil || len(is) != 6 {
			t.Errorf("the county sees %d interests: %v", len(is), err)
		}
		if is, err := a.Interests(ctx, w.office, 0); err != nil || len(is) != 7 || is[0].Source != "office" {
			t.Errorf("the office sees %d: %v", len(is), err)
		}
		if _, err := a.Interests(ctx, w.viewer, 0); code(err) != qianxiang.EForbidden {
			t.Errorf("a viewer reads investors' phones: %v", err)
		}
		if _, err := a.Interests(ctx, w.wenshui, w.reserve.ID); code(err) != qianxiang.ENotFound {
			t.Errorf("another county reads them: %v", err)
		}
		in.Published = false
		if _, err := a.SetPromotion(ctx, w.lishi, w.reserve.ID, in); err != nil {
			t.Fatal(err)
		}
		if pubs, _ := a.PublicPromotions(ctx); len(pubs) != 0 {
			t.Errorf("withdrawn but public: %+v", pubs)
		}
		if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
			t.Errorf("audit: %+v", broken)
		}
	})
}

// An item ticked done without a date (the page's checkbox alone) records
// the city's today; ticked again later it keeps the day it was first
// done; unticked it loses its date.
func TestCheckDoneWithoutADateRecordsTheDay(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newPipelineWorld(t, a)
		id := w.reserve.ID
		// 2026-11-20 18:00 UTC is already the 21st in the city.
		a.Now = func() time.Time { return time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC) }
		if err := a.SetChecks(ctx, w.lishi, id, []app.CheckInput{{Key: "land", Done: true}, {Key: "feasibility", Done: true, DoneOn: "2026-09-30"}}); err != nil {
			t.Fatal(err)
		}
		mark := func(key string) qianxiang.CheckMark {
			row, err := a.Reserve(ctx, w.lishi, id)
			if err != nil {
				t.Fatal(err)
			}
			return row.Checks[key]
		}
		if m := mark("land"); !m.Done || m.DoneOn.String() != "2026-11-21" {
			t.Errorf("land %+v, want done on the city's 2026-11-21", m)
		}
		a.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, a.Loc) }
		if err := a.SetChecks(ctx, w.lishi, id, []app.CheckInput{{Key: "land", Done: true, Note: "自然资源局已出具预审意见"}, {Key: "feasibility", Done: true}}); err != nil {
			t.Fatal(err)
		}
		if m := mark("land"); m.DoneOn.String() != "2026-11-21" || m.Note != "自然资源局已出具预审意见" {
			t.Errorf("land ticked again %+v, want its first day kept", m)
		}
		if m := mark("feasibility"); m.DoneOn.String() != "2026-09-30" {
			t.Errorf("feasibility %+v, want the date given", m)
		}
		if err := a.SetChecks(ctx, w.lishi, id, []app.CheckInput{{Key: "land", Done: false}}); err != nil {
			t.Fatal(err)
		}
		if m := mark("land"); m.Done || !m.DoneOn.IsZero() {
			t.Errorf("land unticked %+v", m)
		}
	})
}
