package qianxiang

import "testing"

func TestAccessCongressRoles(t *testing.T) {
	congress := Scope{Congress: true}
	inLishi := Scope{Paths: []string{lishi, lishi}}
	cases := []struct {
		name string
		role Role
		org  string
		act  Action
		s    Scope
		want bool
	}{
		{"congress staff manage the session", RoleCongressStaff, city, ActManageCongress, congress, true},
		{"congress staff cannot vote", RoleCongressStaff, city, ActVote, congress, false},
		{"congress staff cannot edit projects", RoleCongressStaff, city, ActEditProject, inLishi, false},
		{"congress staff cannot manage users", RoleCongressStaff, city, ActManageUsers, Scope{}, false},
		{"deputy reads the congress", RoleDeputy, lishi, ActRead, congress, true},
		{"deputy votes", RoleDeputy, lishi, ActVote, congress, true},
		{"deputy cannot run the session", RoleDeputy, lishi, ActManageCongress, congress, false},
		{"deputy writes no projects", RoleDeputy, lishi, ActEditProject, inLishi, false},
		{"deputy writes no reports", RoleDeputy, lishi, ActFillReport, inLishi, false},
		{"admin manages the session", RoleAdmin, city, ActManageCongress, congress, true},
		{"admin cannot vote for a deputy", RoleAdmin, city, ActVote, congress, false},
		{"city leader reads results", RoleLeader, city, ActRead, congress, true},
		{"campaign office cannot open votes", RoleCommand, city, ActManageCongress, congress, false},
		{"a county admin does not see the congress", RoleOrgAdmin, lishi, ActRead, congress, false},
		{"vote is no project action", RoleDeputy, lishi, ActVote, inLishi, false},
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

// A deputy's organisation (their delegation's county, or the city) gives
// no sight of its campaign records: a deputy of the city's delegation must
// not read every project, problem or order of the city.
func TestDeputyOrganisationGivesNoCampaignAccess(t *testing.T) {
	for _, path := range []string{"/1/", "/1/4/"} {
		d := Actor{UserID: 9, Role: RoleDeputy, OrgPath: path}
		if d.Can(ActRead, Scope{Paths: []string{"/1/4/"}}) {
			t.Errorf("a deputy of %s reads a county's project", path)
		}
		if !d.Can(ActRead, Scope{Congress: true}) {
			t.Errorf("a deputy of %s cannot read congress business", path)
		}
	}
}
