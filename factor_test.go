package qianxiang

import "testing"

func TestApprovalValidateAndTolerance(t *testing.T) {
	cases := []struct {
		name  string
		a     Approval
		field string
	}{
		{"not started", Approval{Kind: "eia", State: ApprovalNotStarted}, ""},
		{"approved needs its date", Approval{Kind: "eia", State: ApprovalApproved}, "approved_on"},
		{"custom needs a name", Approval{Kind: "custom", State: ApprovalInProcess}, "name"},
		{"unknown kind", Approval{Kind: "x", State: ApprovalInProcess}, "kind"},
		{"unknown state", Approval{Kind: "eia", State: "done"}, "state"},
		{"容缺 needs the document", Approval{Kind: "planning_permit", State: ApprovalTolerated, PromisedBy: Date{2026, 12, 1}}, "doc"},
		{"容缺 needs the date", Approval{Kind: "planning_permit", State: ApprovalTolerated, Doc: "规划总平面图"}, "promised_by"},
		{"容缺 complete", Approval{Kind: "planning_permit", State: ApprovalTolerated, Doc: "规划总平面图", PromisedBy: Date{2026, 12, 1}}, ""},
	}
	for _, c := range cases {
		err := c.a.Validate()
		if c.field == "" && err != nil || c.field != "" && (AsError(err) == nil || AsError(err).Details[0].Field != c.field) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestParallelApprovalsAndMissedPromises(t *testing.T) {
	as := []Approval{
		{Kind: "project_approval", State: ApprovalApproved},
		{Kind: "eia", State: ApprovalInProcess},
		{Kind: "energy", State: ApprovalTolerated, PromisedBy: Date{2026, 11, 29}},
		{Kind: "planning_permit", State: ApprovalTolerated, PromisedBy: Date{2026, 11, 30}},
	}
	DeriveApprovals(as, Date{2026, 11, 30})
	want := []struct{ parallel, missed bool }{{false, false}, {true, false}, {true, true}, {true, false}}
	for i, w := range want {
		if as[i].Parallel != w.parallel || as[i].Missed != w.missed {
			t.Errorf("%s: parallel %v missed %v", as[i].Kind, as[i].Parallel, as[i].Missed)
		}
	}
	one := []Approval{{Kind: "eia", State: ApprovalInProcess}}
	DeriveApprovals(one, Date{2026, 11, 30})
	if one[0].Parallel {
		t.Error("a single approval in process is not parallel")
	}
}

func TestMuIsExact(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		bad  bool
	}{{"12.5", "12.50", false}, {"0.01", "0.01", false}, {"1.005", "", true}, {"abc", "", true}, {"1e3", "", true}} {
		m, err := ParseMu(c.in)
		if (err != nil) != c.bad || !c.bad && m.String() != c.want {
			t.Errorf("%s: %v %v", c.in, m, err)
		}
	}
	f := Factors{Land: []LandNeed{{Area: 1}, {Area: 2}}, Banks: []BankMatch{{Intended: 10, Signed: 3}}, Funding: []FundingNeed{{Amount: 7}}}
	f.Sum(Date{2026, 1, 1})
	if f.LandTotal != 3 || f.IntendedTotal != 10 || f.SignedTotal != 3 || f.FundingTotal != 7 {
		t.Fatalf("%+v", f)
	}
}
