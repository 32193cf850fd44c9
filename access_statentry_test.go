package qianxiang

import "testing"

func TestAccessStatisticsRole(t *testing.T) {
	inLishi := Scope{Paths: []string{lishi, lishi}}
	ledByWJW := Scope{Paths: []string{wenshui, weijian}}
	cases := []struct {
		name string
		role Role
		org  string
		act  Action
		s    Scope
		want bool
	}{
		{"statistics reads every county", RoleStatistics, city, ActRead, inLishi, true},
		{"statistics reads a department's project", RoleStatistics, city, ActRead, ledByWJW, true},
		{"statistics accepts entries", RoleStatistics, city, ActAcceptEntry, inLishi, true},
		{"statistics edits no project", RoleStatistics, city, ActEditProject, inLishi, false},
		{"statistics fills no report", RoleStatistics, city, ActFillReport, inLishi, false},
		{"statistics approves no report", RoleStatistics, city, ActReviewReport, inLishi, false},
		{"statistics writes no problems", RoleStatistics, city, ActWriteProblem, inLishi, false},
		{"statistics does not manage users", RoleStatistics, city, ActManageUsers, Scope{}, false},
		{"statistics does not read the audit", RoleStatistics, city, ActAudit, Scope{}, false},
		{"campaign office does not accept entries", RoleCommand, city, ActAcceptEntry, inLishi, false},
		{"admin does not accept entries", RoleAdmin, city, ActAcceptEntry, inLishi, false},
		{"county does not accept entries", RoleOrgAdmin, lishi, ActAcceptEntry, inLishi, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := Actor{Username: "u", Role: c.role, OrgPath: c.org}
			if got := a.Can(c.act, c.s); got != c.want {
				t.Errorf("Can = %v, want %v", got, c.want)
			}
		})
	}
	if !RoleStatistics.Valid() || !RoleStatistics.CityWide() || RoleStatistics.AtLeast(RoleReporter) || RoleStatistics.Scripts() {
		t.Error("statistics: a valid, city-wide role off the write chain, without scripts")
	}
}
