package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

var chainList = qianxiang.ClassList{Code: "chain", Name: "重点产业链", Headers: []string{"产业链", "所属产业链"},
	Entries: []qianxiang.ClassEntry{{Name: "新能源"}, {Name: "氢能"}, {Name: "铝镁新材料"}}}
var townList = qianxiang.ClassList{Code: "town", Name: "特色专业镇",
	Entries: []qianxiang.ClassEntry{{Name: "孝义铝镁专业镇"}, {Name: "杏花村汾酒专业镇"}}}

// classedList gives two lists' columns; row 4 names an entry that is not
// in the list.
const classedList = "序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资,计划开工时间,所属产业链,特色专业镇,招商方式\n" +
	"1,孝义市氢能综合利用示范项目,孝义市,新开工,1000.50,400.25,2023-03,氢能、新能源,,\n" +
	"2,孝义市铝镁精深加工项目,孝义市,新开工,800,300.10,2023-04,铝镁新材料产业链,孝义铝镁专业镇,甲\n" +
	"3,离石区城北道路改造,离石区,续建,300,120,,,,\n"

func verifyAudit(t *testing.T, a *app.App) {
	t.Helper()
	if _, broken, err := a.DB.Verify(context.Background()); err != nil || len(broken) > 0 {
		t.Fatalf("audit verify: %v %v", broken, err)
	}
}

// The office defines the lists; a project list's column gives each row's
// entries, an unknown one refuses the whole file naming its row and cell;
// the registry filters by entry; the dispatch sums each entry, exactly.
func TestClassificationsFromImportToDispatch(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		a.Now = func() time.Time { return time.Date(2023, 5, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		xiaoyi := testenv.User(t, a, "xiaoyi", qianxiang.RoleOrgAdmin, "141181")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")

		if _, err := a.PutClassList(ctx, xiaoyi, chainList); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county defined a list: %v", err)
		}
		for _, l := range []qianxiang.ClassList{chainList, townList} {
			if _, err := a.PutClassList(ctx, office, l); err != nil {
				t.Fatal(err)
			}
		}
		if chainList.Entries[0].ID != 0 {
			t.Fatal("PutClassList wrote into the caller's entries")
		}

		bad := strings.Replace(classedList, "铝镁新材料产业链,孝义铝镁专业镇", "光伏,孝义铝镁专业镇", 1)
		res, err := a.ImportProjects(ctx, office, 2023, "list.csv", strings.NewReader(bad), false, false)
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation {
			t.Fatalf("unknown entry imported: %v", err)
		}
		found := false
		for _, d := range e.Details {
			if d.Row == 3 && d.Field == "classes.chain" && d.Header == "所属产业链" && d.Column == "H" {
				found = true
			}
		}
		if !found || res == nil {
			t.Fatalf("the unknown entry is not named by row and cell: %+v", e.Details)
		}
		if _, tot, _ := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: 2023}); tot.Count != 0 {
			t.Fatalf("a refused file wrote %d projects", tot.Count)
		}

		if _, err := a.ImportProjects(ctx, office, 2023, "list.csv", strings.NewReader(classedList), false, false); err != nil {
			t.Fatal(err)
		}
		page, err := a.Projects(ctx, office, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, Sort: "name"}})
		if err != nil {
			t.Fatal(err)
		}
		by := map[string]qianxiang.Project{}
		for _, p := range page.Items {
			by[p.Name] = p
		}
		h := by["孝义市氢能综合利用示范项目"]
		if strings.Join(h.Classes["chain"], ",") != "新能源,氢能" || len(h.Classes["town"]) != 0 {
			t.Errorf("hydrogen: %v", h.Classes)
		}
		al := by["孝义市铝镁精深加工项目"]
		if strings.Join(al.Classes["chain"], ",") != "铝镁新材料" || strings.Join(al.Classes["town"], ",") != "孝义铝镁专业镇" || al.Extra["招商方式"] != "甲" {
			t.Errorf("aluminium: %v %v", al.Classes, al.Extra)
		}
		if _, ok := al.Extra["所属产业链"]; ok {
			t.Error("the class column was also kept as an extra attribute")
		}

		// The registry filter, within the actor's scope.
		for _, c := range []struct {
			actor  qianxiang.Actor
			filter string
			want   int
		}{{office, "新能源", 1}, {office, "chain:铝镁新材料", 1}, {office, "town:孝义铝镁专业镇", 1}, {lishi, "新能源", 0}, {xiaoyi, "氢能", 1}, {office, "不存在", 0}} {
			pg, err := a.Projects(ctx, c.actor, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, Class: c.filter}})
			if err != nil || pg.Total != c.want {
				t.Errorf("%s filter %q: %d, want %d (%v)", c.actor.Username, c.filter, pg.Total, c.want, err)
			}
		}

		d, err := a.Dispatch(ctx, office, 2023, 4)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.ByClass) != 2 || d.ByClass[0].List != "chain" {
			t.Fatalf("by class: %+v", d.ByClass)
		}
		chain := d.ByClass[0]
		// 新能源: the hydrogen project alone (400.25 plan); 铝镁新材料: 300.10;
		// the road (120.00) is in no chain.
		rows := map[string]qianxiang.ClassRow{}
		for _, r := range chain.Rows {
			rows[r.Entry] = r
		}
		if r := rows["新能源"]; r.Projects != 1 || r.AnnualPlan.String() != "400.25" || r.NewProjects != 1 {
			t.Errorf("新能源: %+v", r)
		}
		if r := rows["氢能"]; r.Projects != 1 || r.AnnualPlan.String() != "400.25" {
			t.Errorf("氢能: %+v", r)
		}
		if r := rows["铝镁新材料"]; r.Projects != 1 || r.AnnualPlan.String() != "300.10" {
			t.Errorf("铝镁新材料: %+v", r)
		}
		if u := chain.Unclassified; u.Projects != 1 || u.AnnualPlan.String() != "120.00" {
			t.Errorf("unclassified: %+v", u)
		}

		// A county edits its own project's entries; not another county's.
		if _, err := a.PatchProject(ctx, xiaoyi, al.ID, app.AnyVersion, []byte(`{"classes":{"chain":["铝镁新材料","新能源"]}}`)); err != nil {
			t.Fatal(err)
		}
		if p, _ := a.Project(ctx, office, al.ID); strings.Join(p.Classes["chain"], ",") != "新能源,铝镁新材料" || len(p.Classes["town"]) != 1 {
			t.Errorf("after the county's edit: %v", p.Classes)
		}
		if _, err := a.PatchProject(ctx, lishi, al.ID, app.AnyVersion, []byte(`{"classes":{"chain":[]}}`)); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("another county edited it: %v", err)
		}
		_, err = a.PatchProject(ctx, xiaoyi, al.ID, app.AnyVersion, []byte(`{"name":"改名","classes":{"chain":["光伏"]}}`))
		if e := qianxiang.AsError(err); e == nil || e.Details[0].Field != "classes.chain" {
			t.Fatalf("an unknown entry by the form: %v", err)
		}
		if p, _ := a.Project(ctx, office, al.ID); p.Name == "改名" {
			t.Error("a refused edit was half-written")
		}

		// An update import without the town column keeps the towns.
		upd := "序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资,计划开工时间,产业链\n" +
			"1,孝义市铝镁精深加工项目,孝义市,新开工,800,300.10,2023-04,氢能\n"
		if _, err := a.ImportProjects(ctx, office, 2023, "u.csv", strings.NewReader(upd), false, true); err != nil {
			t.Fatal(err)
		}
		if p, _ := a.Project(ctx, office, al.ID); strings.Join(p.Classes["chain"], ",") != "氢能" || len(p.Classes["town"]) != 1 {
			t.Errorf("after the update import: %v", p.Classes)
		}
		verifyAudit(t, a)
	})
}

// Batch starts: who may hold one where, which projects may join, the start
// date the event gives and when it does not, exact sums, and the public's
// view without confidential projects.
func TestBatchStarts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		a.Now = func() time.Time { return time.Date(2023, 5, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		xiaoyi := testenv.User(t, a, "xiaoyi", qianxiang.RoleOrgAdmin, "141181")
		reporter := testenv.User(t, a, "unit", qianxiang.RoleReporter, "141181")
		mk := func(name, org string, kind qianxiang.Kind, total, plan string) qianxiang.Project {
			p, err := a.CreateProject(ctx, office, qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org}, Kind: kind,
				PlannedStart: qianxiang.Date{Year: 2023, Month: 3}, TotalInvestment: *money(total), AnnualPlan: *money(plan)})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		p1 := mk("孝义市氢能综合利用示范项目", "141181", qianxiang.KindNew, "12000.15", "4000.05")
		p2 := mk("孝义市铝镁精深加工项目", "141181", qianxiang.KindPreparatory, "8000.10", "3000.00")
		p3 := mk("孝义市城区道路改造项目", "141181", qianxiang.KindContinuing, "500", "200")
		p4 := mk("汾阳市汾酒文化产业园项目", "141182", qianxiang.KindNew, "30000", "9000")
		p5 := mk("孝义市数据中心项目", "141181", qianxiang.KindNew, "0.01", "0.01")
		// p2's start was reported before the event.
		if _, err := a.PatchProject(ctx, office, p2.ID, app.AnyVersion, []byte(`{"started_on":"2023-03-02"}`)); err != nil {
			t.Fatal(err)
		}

		ev := qianxiang.BatchStart{Title: "孝义市2023年第一批重大项目集中开工", Date: qianxiang.Date{Year: 2023, Month: 3, Day: 16},
			Place: "孝义经济开发区", Leader: "张广勇"}
		fen := ev
		fen.Org.Code = "141182"
		_, err := a.CreateBatchStart(ctx, xiaoyi, fen)
		if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EForbidden || !strings.Contains(e.Error(), "汾阳市") {
			t.Fatalf("a county held an event in another county's name: %v", err)
		}
		city := ev
		city.Org.Code = "141100"
		if _, err := a.CreateBatchStart(ctx, xiaoyi, city); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county held a city-wide event: %v", err)
		}
		own := ev
		own.Org.Code = "141181"
		if _, err := a.CreateBatchStart(ctx, reporter, own); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a project unit held an event: %v", err)
		}
		noDate := own
		noDate.Date = qianxiang.Date{}
		if _, err := a.CreateBatchStart(ctx, xiaoyi, noDate); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("no date: %v", err)
		}
		if bs, _ := a.BatchStarts(ctx, office, 2023); len(bs) != 0 {
			t.Fatalf("refused events written: %d", len(bs))
		}
		b, err := a.CreateBatchStart(ctx, xiaoyi, own)
		if err != nil {
			t.Fatal(err)
		}

		// Continuing and another county's projects cannot join; all or none.
		_, err = a.AddBatchProjects(ctx, xiaoyi, b.ID, []int64{p1.ID, p3.ID, p4.ID})
		if e := qianxiang.AsError(err); e == nil || len(e.Details) != 2 || e.Details[0].Field != "projects[1]" || e.Details[1].Field != "projects[2]" {
			t.Fatalf("refusals: %v %+v", err, e)
		}
		if got, _ := a.BatchStart(ctx, office, b.ID); got.Count != 0 {
			t.Fatal("half-added")
		}
		got, err := a.AddBatchProjects(ctx, xiaoyi, b.ID, []int64{p1.ID, p2.ID, p5.ID})
		if err != nil {
			t.Fatal(err)
		}
		// 12,000.15 + 8,000.10 + 0.01 = 20,000.26; 4,000.05 + 3,000.00 + 0.01 = 7,000.06.
		if got.Count != 3 || got.TotalInvestment.String() != "20000.26" || got.AnnualPlan.String() != "7000.06" {
			t.Errorf("sums: %d %s %s", got.Count, got.TotalInvestment, got.AnnualPlan)
		}
		start := func(id int64) (qianxiang.Date, qianxiang.Stage) {
			p, err := a.Project(ctx, office, id)
			if err != nil {
				t.Fatal(err)
			}
			return p.StartedOn, p.Stage
		}
		if d, st := start(p1.ID); d != ev.Date || st != qianxiang.StageConstruction {
			t.Errorf("p1 takes the event's date: %v %s", d, st)
		}
		if d, _ := start(p2.ID); d.String() != "2023-03-02" {
			t.Errorf("p2 keeps its reported date: %v", d)
		}
		// A second event cannot take p1.
		other, err := a.CreateBatchStart(ctx, office, own)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.AddBatchProjects(ctx, office, other.ID, []int64{p1.ID}); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("a project joined a second event: %v", err)
		}

		// The dispatch of March counts p1 started (the event's date).
		d, err := a.Dispatch(ctx, office, 2023, 3)
		if err != nil {
			t.Fatal(err)
		}
		if d.Projects[p1.ID].Started != true || d.Projects[p4.ID].Started {
			t.Errorf("started in March: p1 %v p4 %v", d.Projects[p1.ID].Started, d.Projects[p4.ID].Started)
		}

		// p5's start is then reported, in March's monthly report, on another
		// day: the report's date stays when the event moves; p1 moves with it.
		rep := qianxiang.Date{Year: 2023, Month: 3, Day: 20}
		if _, err := a.SubmitReport(ctx, xiaoyi, p5.ID, 2023, 3, &app.ReportInput{Completed: money("0.01"), StartedOn: &rep}); err != nil {
			t.Fatal(err)
		}
		if d, _ := start(p5.ID); d != rep {
			t.Fatalf("the report's start date: %v", d)
		}
		moved := qianxiang.Date{Year: 2023, Month: 3, Day: 18}
		if _, err := a.UpdateBatchStart(ctx, xiaoyi, b.ID, b.Version, app.BatchPatch{Date: &moved}); err != nil {
			t.Fatal(err)
		}
		if d, _ := start(p1.ID); d != moved {
			t.Errorf("p1 did not move with the event: %v", d)
		}
		if d, _ := start(p5.ID); d.String() != "2023-03-20" {
			t.Errorf("p5's reported date moved: %v", d)
		}
		if _, err := a.UpdateBatchStart(ctx, xiaoyi, b.ID, b.Version, app.BatchPatch{Date: &moved}); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("stale version: %v", err)
		}
		next := qianxiang.Date{Year: 2024, Month: 1, Day: 5}
		if _, err := a.UpdateBatchStart(ctx, xiaoyi, b.ID, app.AnyVersion, app.BatchPatch{Date: &next}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("moved into another plan year: %v", err)
		}

		// Leaving: p1 (event's date) has no start again and returns to its
		// stage; p2 keeps its reported date.
		if _, err := a.RemoveBatchProject(ctx, xiaoyi, b.ID, p1.ID); err != nil {
			t.Fatal(err)
		}
		if d, st := start(p1.ID); !d.IsZero() || st != qianxiang.StagePreparing {
			t.Errorf("p1 after leaving: %v %s", d, st)
		}
		if _, err := a.RemoveBatchProject(ctx, xiaoyi, b.ID, p2.ID); err != nil {
			t.Fatal(err)
		}
		if d, _ := start(p2.ID); d.String() != "2023-03-02" {
			t.Errorf("p2 after leaving: %v", d)
		}
		if _, err := a.RemoveBatchProject(ctx, xiaoyi, b.ID, p2.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("removed twice: %v", err)
		}

		// The public sees no confidential project, and no event made only of them.
		if _, err := a.AddBatchProjects(ctx, office, b.ID, []int64{p1.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.AddBatchProjects(ctx, office, other.ID, []int64{p2.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.PatchProject(ctx, office, p1.ID, app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
			t.Fatal(err)
		}
		if _, err := a.PatchProject(ctx, office, p2.ID, app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
			t.Fatal(err)
		}
		pub, err := a.PublicProgress(ctx, 2023)
		if err != nil {
			t.Fatal(err)
		}
		if len(pub.BatchStarts) != 1 || pub.BatchStarts[0].ID != b.ID || pub.BatchStarts[0].Count != 1 ||
			pub.BatchStarts[0].TotalInvestment.String() != "0.01" || pub.BatchStarts[0].Projects[0].ID != p5.ID {
			t.Errorf("public events: %+v", pub.BatchStarts)
		}
		// Inside, the office sees the whole event.
		if in, _ := a.BatchStart(ctx, office, b.ID); in.Count != 2 {
			t.Errorf("office view: %d", in.Count)
		}
		// Another county sees the event as the public does.
		fenyang := testenv.User(t, a, "fenyang", qianxiang.RoleOrgAdmin, "141182")
		if in, _ := a.BatchStart(ctx, fenyang, b.ID); in.Count != 1 {
			t.Errorf("another county's view: %d", in.Count)
		}
		if _, err := a.AddBatchProjects(ctx, fenyang, b.ID, []int64{p4.ID}); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("another county changed the event: %v", err)
		}
		verifyAudit(t, a)
	})
}

// Lists, a project's entries, an event and its projects survive a backup
// and a restore into either database, the trail intact, and new rows get
// fresh ids after the restored ones.
func TestChainsSurviveBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	key := testenv.KeyFile(t)
	src := testenv.OpenDSN(t, testenv.DSN(t, "sqlite"), key)
	testenv.Lvliang(t, src)
	office := testenv.User(t, src, "zhb", qianxiang.RoleCommand, "141100")
	if _, err := src.PutClassList(ctx, office, chainList); err != nil {
		t.Fatal(err)
	}
	p, err := src.CreateProject(ctx, office, qianxiang.Project{Year: 2023, Name: "孝义市氢能项目", Org: qianxiang.OrgRef{Code: "141181"}, Kind: qianxiang.KindNew,
		PlannedStart: qianxiang.Date{Year: 2023, Month: 3}, TotalInvestment: 100000, AnnualPlan: 50000, Classes: qianxiang.Classes{"chain": {"氢能"}}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := src.CreateBatchStartWith(ctx, office, qianxiang.BatchStart{Title: "孝义市集中开工", Date: qianxiang.Date{Year: 2023, Month: 3, Day: 16},
		Place: "开发区", Org: qianxiang.OrgRef{Code: "141181"}}, []int64{p.ID})
	if err != nil || b.Count != 1 {
		t.Fatalf("event: %+v %v", b, err)
	}
	var buf bytes.Buffer
	if _, err := src.DB.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			dst := testenv.OpenDSN(t, testenv.DSN(t, kind), key)
			if _, err := dst.DB.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatal(err)
			}
			verifyAudit(t, dst)
			got, err := dst.Project(ctx, office, p.ID)
			if err != nil || strings.Join(got.Classes["chain"], ",") != "氢能" || got.StartedOn.String() != "2023-03-16" {
				t.Fatalf("restored project: %+v %v", got, err)
			}
			if rb, err := dst.BatchStart(ctx, office, b.ID); err != nil || rb.Count != 1 || !rb.Projects[0].FromEvent {
				t.Fatalf("restored event: %+v %v", rb, err)
			}
			l := chainList
			l.Entries = append(append([]qianxiang.ClassEntry{}, chainList.Entries...), qianxiang.ClassEntry{Name: "数字经济"})
			if _, err := dst.PutClassList(ctx, office, l); err != nil {
				t.Fatalf("a new entry after restore: %v", err)
			}
			p2, err := dst.CreateProject(ctx, office, qianxiang.Project{Year: 2023, Name: "孝义市数据中心项目", Org: qianxiang.OrgRef{Code: "141181"}, Kind: qianxiang.KindNew,
				PlannedStart: qianxiang.Date{Year: 2023, Month: 3}, TotalInvestment: 100000, AnnualPlan: 50000, Classes: qianxiang.Classes{"chain": {"数字经济"}}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := dst.AddBatchProjects(ctx, office, b.ID, []int64{p2.ID}); err != nil {
				t.Fatalf("joining after restore: %v", err)
			}
			if _, err := dst.CreateBatchStart(ctx, office, qianxiang.BatchStart{Title: "第二批", Date: qianxiang.Date{Year: 2023, Month: 5, Day: 1},
				Place: "开发区", Org: qianxiang.OrgRef{Code: "141181"}}); err != nil {
				t.Fatalf("a new event after restore: %v", err)
			}
		})
	}
}
