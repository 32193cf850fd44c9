package qianxiang

import "testing"

func TestStandingOfRanksWithinTheCity(t *testing.T) {
	d := &Dispatch{Total: DispatchTotals{CompletionRate: 0.5},
		ByOrg:     []OrgDispatch{{Org: OrgRef{ID: 2, Name: "文水县"}, Rank: 1}, {Org: OrgRef{ID: 1, Name: "离石区"}, Rank: 2}},
		ByLeadOrg: []OrgDispatch{{Org: OrgRef{ID: 9, Name: "市发改委"}, Rank: 1}}}
	cases := []struct {
		org      int64
		ok       bool
		rank, of int
		ranking  string
	}{
		{1, true, 2, 2, "counties"},
		{2, true, 1, 2, "counties"},
		{9, true, 1, 1, "departments"},
		{5, false, 0, 0, ""},
		{0, false, 0, 0, ""},
	}
	for _, c := range cases {
		s, ok := StandingOf(d, c.org)
		if ok != c.ok || s.Rank != c.rank || s.Of != c.of || s.Ranking != c.ranking {
			t.Errorf("org %d: %+v %v, want rank %d of %d in %s (%v)", c.org, s, ok, c.rank, c.of, c.ranking, c.ok)
		}
		if ok && s.City != 0.5 {
			t.Errorf("org %d: city rate %v", c.org, s.City)
		}
	}
}

func TestDepartmentsRankLeadDepartmentsOnly(t *testing.T) {
	d := &Dispatch{
		ByOrg: []OrgDispatch{{Org: OrgRef{Code: "141102"}, Rank: 1}, {Org: OrgRef{Code: "141121"}, Rank: 2}},
		ByLeadOrg: []OrgDispatch{{Org: OrgRef{Code: "141102"}, Rank: 1}, {Org: OrgRef{Code: "fgw"}, Rank: 2},
			{Org: OrgRef{Code: "141121"}, Rank: 3}, {Org: OrgRef{Code: "wjw"}, Rank: 4}},
	}
	got := d.Departments()
	if len(got) != 2 || got[0].Org.Code != "fgw" || got[0].Rank != 1 || got[1].Org.Code != "wjw" || got[1].Rank != 2 {
		t.Errorf("departments %+v, want fgw 1, wjw 2", got)
	}
	if len((&Dispatch{}).Departments()) != 0 {
		t.Error("an empty dispatch has departments")
	}
}
