package qianxiang

import "testing"

// Paths of a small tree: city /1/, county 离石 /1/2/, county 文水 /1/3/,
// department 卫健委 /1/4/, a unit under 离石 /1/2/5/.
const (
	city    = "/1/"
	lishi   = "/1/2/"
	wenshui = "/1/3/"
	weijian = "/1/4/"
	lishiXM = "/1/2/5/"
)

func TestAccessPredicate(t *testing.T) {
	inLishi := Scope{Paths: []string{lishi, lishi}}      // a 离石 project led by 离石
	ledByWJW := Scope{Paths: []string{wenshui, weijian}} // a 文水 project led by 卫健委
	cityRecord := Scope{}                                // settings, users
	cases := []struct {
		name string
		role Role
		org  string
		act  Action
		s    Scope
		want bool
	}{
		{"admin sees any county", RoleAdmin, city, ActRead, inLishi, true},
		{"command edits any project", RoleCommand, city, ActEditProject, inLishi, true},
		{"command imports the plan", RoleCommand, weijian, ActImportPlan, cityRecord, true},
		{"leader sees everything", RoleLeader, city, ActRead, ledByWJW, true},
		{"leader cannot edit projects", RoleLeader, city, ActEditProject, inLishi, false},
		{"leader writes problems", RoleLeader, city, ActWriteProblem, inLishi, true},
		{"supervisor cannot fill reports", RoleSupervisor, city, ActFillReport, inLishi, false},
		{"supervisor reads the audit", RoleSupervisor, city, ActAudit, cityRecord, true},
		{"county admin edits its county", RoleOrgAdmin, lishi, ActEditProject, inLishi, true},
		{"county admin approves its reports", RoleOrgAdmin, lishi, ActReviewReport, inLishi, true},
		{"county admin cannot see another county", RoleOrgAdmin, lishi, ActRead, ledByWJW, false},
		{"county admin cannot import the plan", RoleOrgAdmin, lishi, ActImportPlan, cityRecord, false},
		{"county admin cannot manage users", RoleOrgAdmin, lishi, ActManageUsers, cityRecord, false},
		{"department sees the projects it leads", RoleOrgAdmin, weijian, ActRead, ledByWJW, true},
		{"department does not see a county's own project", RoleOrgAdmin, weijian, ActRead, inLishi, false},
		{"county sees a project in it led by a department", RoleOrgAdmin, wenshui, ActRead, ledByWJW, true},
		{"reporter fills its county's report", RoleReporter, lishi, ActFillReport, inLishi, true},
		{"reporter cannot approve", RoleReporter, lishi, ActReviewReport, inLishi, false},
		{"reporter cannot edit the project", RoleReporter, lishi, ActEditProject, inLishi, false},
		{"reporter cannot report late", RoleReporter, lishi, ActLateReport, inLishi, false},
		{"unit below a county does not see the county's projects", RoleReporter, lishiXM, ActRead, inLishi, false},
		{"viewer reads in scope", RoleViewer, lishi, ActRead, inLishi, true},
		{"viewer writes nothing", RoleViewer, lishi, ActFillReport, inLishi, false},
		{"viewer writes no problems", RoleViewer, lishi, ActWriteProblem, inLishi, false},
		{"county user has no city-level scope", RoleOrgAdmin, lishi, ActRead, cityRecord, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := Actor{Username: "u", Role: c.role, OrgPath: c.org}
			if got := a.Can(c.act, c.s); got != c.want {
				t.Errorf("Can = %v, want %v", got, c.want)
			}
		})
	}
}

func TestCheckHidesWhatIsOutOfScope(t *testing.T) {
	a := Actor{Role: RoleOrgAdmin, OrgPath: lishi}
	if err := a.Check(ActRead, Scope{Paths: []string{wenshui, wenshui}}, "project"); ErrorCode(err) != ENotFound {
		t.Fatalf("out of scope: got %v, want not found", err)
	}
	r := Actor{Role: RoleReporter, OrgPath: lishi}
	if err := r.Check(ActEditProject, Scope{Paths: []string{lishi, lishi}}, "project"); ErrorCode(err) != EForbidden {
		t.Fatalf("in scope but not allowed: got %v, want forbidden", err)
	}
}

func TestRoleChainNests(t *testing.T) {
	chain := []Role{RoleAdmin, RoleCommand, RoleOrgAdmin, RoleReporter}
	for i, hi := range chain {
		for _, lo := range chain[i:] {
			if !hi.AtLeast(lo) {
				t.Errorf("%s should include %s", hi, lo)
			}
		}
	}
	for _, off := range []Role{RoleLeader, RoleSupervisor, RoleViewer} {
		if off.AtLeast(RoleReporter) {
			t.Errorf("%s is off the write chain", off)
		}
	}
}

func TestKeepsRefusesMovingAProjectOutOfOnesCounty(t *testing.T) {
	county := Actor{Role: RoleOrgAdmin, OrgPath: lishi}
	dept := Actor{Role: RoleOrgAdmin, OrgPath: weijian}
	cases := []struct {
		name          string
		a             Actor
		before, after Scope
		want          bool
	}{
		{"county edits in place", county, Scope{Paths: []string{lishi, lishi}}, Scope{Paths: []string{lishi, lishi}}, true},
		{"county moves its project to another county", county, Scope{Paths: []string{lishi, lishi}}, Scope{Paths: []string{wenshui, lishi}}, false},
		{"county hands the lead to a department", county, Scope{Paths: []string{lishi, lishi}}, Scope{Paths: []string{lishi, weijian}}, true},
		{"department relocates a project it leads", dept, Scope{Paths: []string{wenshui, weijian}}, Scope{Paths: []string{lishi, weijian}}, true},
		{"department gives up the lead", dept, Scope{Paths: []string{wenshui, weijian}}, Scope{Paths: []string{wenshui, wenshui}}, false},
		{"city role moves anything", Actor{Role: RoleCommand, OrgPath: city}, Scope{Paths: []string{lishi, lishi}}, Scope{Paths: []string{wenshui, wenshui}}, true},
	}
	for _, c := range cases {
		if got := c.a.Keeps(c.before, c.after); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
