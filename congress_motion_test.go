package qianxiang

import (
	"strings"
	"testing"
)

func TestMotionSignatureThreshold(t *testing.T) {
	signers := func(n int) []string { return make([]string, n) }
	ok := Motion{Title: "关于加快吕梁市城区供热管网改造的议案", Reason: "r", Basis: "b", Solution: "s", Proposer: "deputies", Status: MotionSigning,
		Needed: SignersNeeded("deputies", 0)}
	deleg := ok
	deleg.Proposer, deleg.Delegation, deleg.Needed = "delegation", "临县代表团", SignersNeeded("delegation", 55)
	cases := []struct {
		name string
		m    Motion
		code string
	}{
		{"nine signatures are not enough", func() Motion { m := ok; m.Signers = signers(9); return m }(), EValidation},
		{"ten signatures", func() Motion { m := ok; m.Signers = signers(10); return m }(), ""},
		{"the government needs no signatures", func() Motion { m := ok; m.Proposer, m.Needed = "government", 0; return m }(), ""},
		{"submitted twice", func() Motion { m := ok; m.Signers = signers(12); m.Status = MotionSubmitted; return m }(), EValidation},
		{"a delegation of 55: 27 is not a majority", func() Motion { m := deleg; m.Signers = signers(27); return m }(), EValidation},
		{"a delegation of 55: 28 is", func() Motion { m := deleg; m.Signers = signers(28); return m }(), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.m.CanSubmit()
			if c.code == "" && err != nil || c.code != "" && ErrorCode(err) != c.code {
				t.Errorf("err = %v, want %q", err, c.code)
			}
		})
	}
	if n := SignersNeeded("delegation", 10); n != 6 {
		t.Errorf("a delegation of 10 needs %d", n)
	}
}

func TestMotionValidateAndSign(t *testing.T) {
	base := Motion{Title: "关于x的议案", Reason: "r", Basis: "b", Solution: "s", Proposer: "deputies"}
	cases := []struct {
		name  string
		edit  func(*Motion)
		field string
	}{
		{"no solution", func(m *Motion) { m.Solution = " " }, "solution"},
		{"no basis", func(m *Motion) { m.Basis = "" }, "basis"},
		{"two subjects", func(m *Motion) { m.Title = "关于供热的议案；关于供水的议案" }, "title"},
		{"unknown proposer", func(m *Motion) { m.Proposer = "mayor" }, "proposer"},
		{"delegation without its name", func(m *Motion) { m.Proposer = "delegation" }, "delegation"},
	}
	for _, c := range cases {
		m := base
		c.edit(&m)
		e := AsError(m.Validate())
		if e == nil || len(e.Details) == 0 || e.Details[0].Field != c.field {
			t.Errorf("%s: %v", c.name, m.Validate())
		}
	}
	if err := base.Validate(); err != nil {
		t.Fatal(err)
	}
	dm := base
	dm.Proposer, dm.Delegation, dm.Status = "delegation", "临县代表团", MotionSigning
	if err := dm.CanSign(Deputy{Delegation: "兴县代表团"}); ErrorCode(err) != EForbidden {
		t.Errorf("another delegation signed: %v", err)
	}
	if err := dm.CanSign(Deputy{Delegation: "临县代表团"}); err != nil {
		t.Error(err)
	}
	gov := base
	gov.Proposer, gov.Status = "government", MotionSubmitted
	if err := gov.CanSign(Deputy{}); ErrorCode(err) != EValidation {
		t.Errorf("a body's motion was signed: %v", err)
	}
	long := base
	long.Reason = string(make([]rune, 4001))
	if err := long.Clean(); ErrorCode(err) != EValidation {
		t.Errorf("a 4,001-character reason: %v", err)
	}
	ctl := base
	ctl.Title = "关于\x07的议案"
	if err := ctl.Clean(); ErrorCode(err) != EValidation {
		t.Errorf("a control character: %v", err)
	}
}

// The review workflow: signing → submitted → reviewed → listed or
// converted by the presidium's decision on the report.
func TestMotionReviewStateMachine(t *testing.T) {
	day := func(s string) Date { d, _ := ParseDate(s); return d }
	deadline := day("2023-02-24")
	m := Motion{Title: "关于x的议案", Reason: "r", Basis: "b", Solution: "s", Proposer: "deputies", Status: MotionSigning, Needed: 10,
		Signers: make([]string, 10)}
	if err := m.Record(deadline, true, RecommendListed, "x"); err == nil {
		t.Fatal("a motion still signing was reviewed")
	}
	if err := m.Submit(day("2023-02-23")); err != nil || m.Status != MotionSubmitted {
		t.Fatalf("submit: %v %s", err, m.Status)
	}
	steps := []struct {
		name      string
		content   bool
		recommend string
		review    string
		wantErr   string
		wantState MotionStatus
	}{
		{"no reasons", true, RecommendListed, " ", EValidation, MotionSubmitted},
		{"an unknown recommendation", true, "later", "x", EValidation, MotionSubmitted},
		{"content fails: cannot be listed", false, RecommendListed, "超出本级人大职权", EValidation, MotionSubmitted},
		{"content fails: converted", false, RecommendConverted, "属于政府具体工作，作为建议处理", "", MotionReviewed},
		{"reviewed again before the report", true, RecommendListed, "符合议案要求，建议列入议程", "", MotionReviewed},
	}
	for _, s := range steps {
		err := m.Record(deadline, s.content, s.recommend, s.review)
		if s.wantErr == "" && err != nil || s.wantErr != "" && ErrorCode(err) != s.wantErr || m.Status != s.wantState {
			t.Fatalf("%s: err %v, state %s", s.name, err, m.Status)
		}
	}
	if !m.Checks.Signers || !m.Checks.Content || !m.Checks.Timing || m.Recommend != RecommendListed {
		t.Fatalf("checks: %+v %s", m.Checks, m.Recommend)
	}
	m.ReportID = 7
	if err := m.Record(deadline, true, RecommendConverted, "x"); err == nil {
		t.Fatal("reviewed again inside a report")
	}
	rejected := m
	rejected.Decide(false)
	if rejected.Status != MotionSubmitted || rejected.ReportID != 0 {
		t.Fatalf("report not adopted: %s %d", rejected.Status, rejected.ReportID)
	}
	m.Decide(true)
	if m.Status != MotionListed {
		t.Fatalf("adopted: %s", m.Status)
	}
	// A late motion fails the timing check and can only be converted.
	late := Motion{Title: "关于y的议案", Reason: "r", Basis: "b", Solution: "s", Proposer: "government", Status: MotionSigning}
	if err := late.Submit(day("2023-02-25")); err != nil {
		t.Fatal(err)
	}
	if err := late.Record(deadline, true, RecommendListed, "x"); ErrorCode(err) != EValidation || late.Checks.Timing {
		t.Fatalf("a late motion listed: %v", err)
	}
	if err := late.Record(deadline, true, RecommendConverted, "逾期提出，作为建议处理"); err != nil || late.Checks.Timing {
		t.Fatalf("late converted: %v %+v", err, late.Checks)
	}
	late.Decide(true)
	if late.Status != MotionConverted {
		t.Fatalf("late: %s", late.Status)
	}
	r := MotionReport{Status: MReportDraft}
	if err := r.CanPutToVote(BodyPlenary); err == nil {
		t.Error("the report went to the plenary")
	}
	if err := r.CanPutToVote(BodyPresidium); err != nil {
		t.Error(err)
	}
}

func TestBodyMembers(t *testing.T) {
	p := Deputy{ID: 1, Name: "甲", Presidium: true}
	q := Deputy{ID: 2, Name: "乙"}
	cases := []struct {
		name string
		body SessionBody
		ms   []BodyMember
		n    int
	}{
		{"executive chairs from the presidium", ExecutiveChairs, []BodyMember{{Card: "1", Role: "member", Deputy: p}}, 0},
		{"an executive chair outside the presidium", ExecutiveChairs, []BodyMember{{Card: "2", Role: "member", Deputy: q}}, 1},
		{"the committee may hold any deputy", MotionsCommittee, []BodyMember{{Card: "2", Role: "chair", Deputy: q}, {Card: "1", Role: "vice_chair", Deputy: p}}, 0},
		{"twice", MotionsCommittee, []BodyMember{{Card: "2", Role: "member", Deputy: q}, {Card: "2", Role: "member", Deputy: q}}, 1},
		{"two chairs and a bad role", MotionsCommittee, []BodyMember{{Card: "1", Role: "chair", Deputy: p}, {Card: "2", Role: "chair", Deputy: q}, {Card: "3", Role: "boss", Deputy: q}}, 2},
	}
	for _, c := range cases {
		if got := CheckBodyMembers(c.body, c.ms); len(got) != c.n {
			t.Errorf("%s: %d faults %v", c.name, len(got), got)
		}
	}
}

func TestRosterTextRules(t *testing.T) {
	ok := Deputy{Name: "王建国", Delegation: "离石区代表团", Card: "4-0001"}
	if d := CheckRoster([]Deputy{ok}); len(d) != 0 {
		t.Fatalf("%v", d)
	}
	bad := ok
	bad.Name, bad.Title = "王\x00建国", strings.Repeat("长", 501)
	if d := CheckRoster([]Deputy{bad}); len(d) != 2 || d[0].Field != "deputy_name" || d[1].Field != "title" {
		t.Fatalf("%+v", d)
	}
}
