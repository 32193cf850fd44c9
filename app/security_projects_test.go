package app_test

import (
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func secProject(name, org, lead string) qianxiang.Project {
	return qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org}, LeadOrg: qianxiang.OrgRef{Code: lead},
		Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 50000}
}

// Keeps stops a county moving its project into another county by staying
// its lead, but creating one there with itself as the lead was allowed: the
// project then sat in the other county's registry and dispatch (its
// rankings), and the first county could edit, delete or move it.
func TestSecurityCountyCannotFileProjectsInAnotherCountyAsLead(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		if _, err := a.AddOrg(ctx, qianxiang.SystemActor, "141102-XM", "离石区某项目单位", qianxiang.OrgUnit, "141102"); err != nil {
			t.Fatal(err)
		}
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		wenshui := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		dept := testenv.User(t, a, "wjw", qianxiang.RoleOrgAdmin, "141100-WJW")
		for _, lead := range []string{"141102", "141102-XM"} {
			_, err := a.CreateProject(ctx, lishi, secProject("离石区塞进文水县的项目", "141121", lead))
			if qianxiang.ErrorCode(err) != qianxiang.EForbidden {
				t.Errorf("离石区 files a project in 文水县 led by %s: %v, want forbidden", lead, err)
			}
		}
		page, err := a.Projects(ctx, wenshui, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023}})
		if err != nil || page.Total != 0 {
			t.Fatalf("文水县 sees %d projects (%v), want none", page.Total, err)
		}
		// What stays allowed: a county's own projects, whoever leads them,
		// and a department's projects anywhere.
		if _, err := a.CreateProject(ctx, lishi, secProject("离石区项目", "141102", "141100-WJW")); err != nil {
			t.Fatalf("a county's own project led by a department: %v", err)
		}
		if _, err := a.CreateProject(ctx, dept, secProject("卫健委在文水的项目", "141121", "141100-WJW")); err != nil {
			t.Fatalf("a department's project in a county: %v", err)
		}
		// A cross-county lead recorded by the campaign office: the lead may
		// edit the project but not move it to a third county.
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, secProject("指挥部登记的项目", "141121", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.PatchProject(ctx, lishi, p.ID, p.Version, []byte(`{"org":{"code":"141122"}}`)); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("the lead county moves 文水县's project to 交城县: %v, want forbidden", err)
		}
		if _, err := a.PatchProject(ctx, lishi, p.ID, p.Version, []byte(`{"leader":"某领导"}`)); err != nil {
			t.Fatalf("the lead county edits the project in place: %v", err)
		}
	})
}
