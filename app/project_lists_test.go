package app_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Issue 15.5: 行业 and 包联市领导 come from lists — the office's sectors
// (seeded with those in use) and the users with the leader role — and the
// service refuses others, naming the field, unless the office allows them.
func TestProjectListsBindSectorAndLeader(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		testenv.Lvliang(t, a)
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		if _, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "wang", DisplayName: "王市长",
			Role: qianxiang.RoleLeader, OrgCode: "141100", Password: testenv.Password}); err != nil {
			t.Fatal(err)
		}
		// The console writes what it is given: an older project names a
		// leader without a login and a sector the office later lists.
		old, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2026, Name: "旧项目", Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 100_00, AnnualPlan: 10_00, Sector: "能源", Leader: "李副市长"})
		if err != nil {
			t.Fatal(err)
		}
		l, err := a.ProjectLists(ctx)
		if err != nil || !slices.Equal(l.Sectors, []string{"能源"}) {
			t.Fatalf("seeded list %v (%v), want the sectors in use", l.Sectors, err)
		}

		// Before the office saves its list, a new sector is accepted (a city
		// starting out names its second sector); once saved, the list binds.
		if _, err := a.CreateProject(ctx, office, qianxiang.Project{Year: 2026, Name: "起步项目", Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 100_00, AnnualPlan: 10_00, Sector: "水利", Leader: "王市长"}); err != nil {
			t.Fatalf("a new sector before any list was saved: %v", err)
		}
		if err := a.SetProjectLists(ctx, office, qianxiang.ProjectLists{Sectors: []string{"能源"}}); err != nil {
			t.Fatal(err)
		}
		p := qianxiang.Project{Year: 2026, Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindContinuing,
			TotalInvestment: 100_00, AnnualPlan: 10_00, Sector: "娱乐", Leader: "李副市长"}
		_, err = a.CreateProject(ctx, office, p)
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation {
			t.Fatalf("off-list values: %v, want refused", err)
		}
		fields := map[string]bool{}
		for _, d := range e.Details {
			fields[d.Field] = true
		}
		for _, f := range []string{"name", "sector", "leader"} {
			if !fields[f] {
				t.Errorf("%s not named among %v: every fault at once", f, e.Details)
			}
		}

		p.Name, p.Sector, p.Leader = "新项目", "能源", "王市长"
		made, err := a.CreateProject(ctx, office, p)
		if err != nil {
			t.Fatalf("listed values refused: %v", err)
		}

		// Editing another field keeps the older leader; changing to another
		// leader off the list is refused.
		if _, err := a.PatchProject(ctx, office, old.ID, app.AnyVersion, []byte(`{"notes":"改"}`)); err != nil {
			t.Errorf("an edit that keeps the stored leader was refused: %v", err)
		}
		if _, err := a.PatchProject(ctx, office, made.ID, app.AnyVersion, []byte(`{"leader":"张三"}`)); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("a leader off the list: %v, want refused", err)
		}

		// The office allows other sectors; only it may change the lists.
		if err := a.SetProjectLists(ctx, testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102"), l); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Errorf("a county changed the lists: %v", err)
		}
		l.Sectors, l.AllowOtherSector = []string{"能源", " 交通 ", "", "能源"}, true
		if err := a.SetProjectLists(ctx, office, l); err != nil {
			t.Fatal(err)
		}
		if l, _ = a.ProjectLists(ctx); !slices.Equal(l.Sectors, []string{"能源", "交通"}) {
			t.Errorf("saved list %v, want cleaned and once each", l.Sectors)
		}
		if _, err := a.PatchProject(ctx, office, made.ID, app.AnyVersion, []byte(`{"sector":"娱乐"}`)); err != nil {
			t.Errorf("another sector where allowed: %v", err)
		}
	})
}

// A real workbook imports as before with a saved list: the sectors it names
// are kept, and the new ones join the list (audited), named in the result.
func TestImportAddsNewSectorsToTheList(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	ctx := context.Background()
	testenv.Lvliang(t, a)
	office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	if err := a.SetProjectLists(ctx, office, qianxiang.ProjectLists{Sectors: []string{"自定义行业"}}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(testenv.Samples(t), "city-sectioned-2023", "projects.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := a.ImportProjects(ctx, office, 2023, "projects.xlsx", f, false, false)
	if err != nil {
		t.Fatalf("the city sample no longer imports: %v", err)
	}
	if res.Created == 0 {
		t.Fatalf("created %d", res.Created)
	}
	inUse, _ := a.DB.SectorsInUse(ctx)
	l, _ := a.ProjectLists(ctx)
	if len(res.NewSectors) == 0 || len(l.Sectors) != 1+len(res.NewSectors) {
		t.Fatalf("new sectors %v, list %v", res.NewSectors, l.Sectors)
	}
	for _, s := range inUse {
		if !slices.Contains(l.Sectors, s) {
			t.Errorf("sector %q of the workbook is not on the list", s)
		}
	}
}
