package qianxiang

import (
	"strings"
	"testing"
	"time"
)

func TestQuorumAndThreshold(t *testing.T) {
	cases := []struct {
		name              string
		members, present  int
		quorum, threshold int
		met               bool
	}{
		{"plenary of 369 with 342 present (the seed)", 369, 342, 246, 185, true},
		{"plenary of 369 with 246 present", 369, 246, 246, 185, true},
		{"plenary of 369 with 245 present cannot meet", 369, 245, 246, 185, false},
		{"presidium of 55 with 52 present (the seed)", 55, 52, 37, 28, true},
		{"presidium of 55 with 37 present", 55, 37, 37, 28, true},
		{"presidium of 55 with 36 present cannot meet", 55, 36, 37, 28, false},
		{"sample roster of 120", 120, 80, 80, 61, true},
		{"sample presidium of 21", 21, 13, 14, 11, false},
		{"NPC of 2,977", 2977, 1985, 1985, 1489, true},
		{"an empty body never meets", 0, 0, 0, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := AttendanceOf(c.members, c.present, 0, DefaultQuorum)
			if a.Quorum != c.quorum || a.QuorumMet != c.met {
				t.Errorf("quorum = %d met %v, want %d met %v", a.Quorum, a.QuorumMet, c.quorum, c.met)
			}
			if got := Threshold(c.members, DefaultMajority); got != c.threshold {
				t.Errorf("threshold = %d, want %d", got, c.threshold)
			}
		})
	}
}

func TestVoteOpensOnlyWithQuorum(t *testing.T) {
	at := time.Date(2023, 2, 26, 9, 0, 0, 0, time.UTC)
	v := Vote{Title: "关于政府工作报告的决议", Anonymity: Aggregate, Status: VoteDraft}
	if err := v.Open(AttendanceOf(369, 245, 0, DefaultQuorum), DefaultMajority, at); ErrorCode(err) != EValidation {
		t.Fatalf("245 of 369 opened a vote: %v", err)
	}
	if err := v.Open(AttendanceOf(369, 246, 0, DefaultQuorum), DefaultMajority, at); err != nil {
		t.Fatal(err)
	}
	if v.Status != VoteOpen || v.Threshold != 185 || v.Members != 369 || v.Present != 246 {
		t.Fatalf("opened vote = %+v", v)
	}
	if err := v.Open(AttendanceOf(369, 300, 0, DefaultQuorum), DefaultMajority, at); err == nil {
		t.Fatal("an open vote opened again")
	}
}

func TestVoteResultCountsAllMembers(t *testing.T) {
	at := time.Date(2023, 2, 26, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name             string
		members, present int
		tally            Tally
		passed           bool
		notVoted         int
	}{
		{"184 for of 369 fails though most present agree", 369, 342, Tally{For: 184, Against: 10, Abstain: 5}, false, 143},
		{"185 for of 369 passes", 369, 342, Tally{For: 185, Against: 100, Abstain: 50}, true, 7},
		{"the seed's closing vote", 369, 342, Tally{For: 338, Against: 1, Abstain: 2}, true, 1},
		{"presidium of 55: 27 for fails", 55, 52, Tally{For: 27, Against: 0, Abstain: 25}, false, 0},
		{"presidium of 55: 28 for passes", 55, 52, Tally{For: 28}, true, 24},
		{"abstentions count against", 120, 120, Tally{For: 60, Abstain: 60}, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Vote{Title: "x", Anonymity: Aggregate, Status: VoteDraft}
			if err := v.Open(AttendanceOf(c.members, c.present, 0, DefaultQuorum), DefaultMajority, at); err != nil {
				t.Fatal(err)
			}
			if err := v.Close(c.tally, at); err != nil {
				t.Fatal(err)
			}
			if v.Passed != c.passed || v.NotVoted != c.notVoted || v.Outcome() == "" {
				t.Errorf("passed %v not voted %d, want %v %d", v.Passed, v.NotVoted, c.passed, c.notVoted)
			}
			if err := v.Close(c.tally, at); err == nil {
				t.Error("a closed vote closed again")
			}
		})
	}
}

func TestBallotRules(t *testing.T) {
	open := Vote{Status: VoteOpen}
	cases := []struct {
		name      string
		v         Vote
		member    bool
		checkedIn bool
		choice    Choice
		code      string
	}{
		{"present member votes", open, true, true, ChoiceFor, ""},
		{"abstain is a ballot", open, true, true, ChoiceAbstain, ""},
		{"not checked in", open, true, false, ChoiceFor, EValidation},
		{"not a member of the presidium", open, false, true, ChoiceFor, EForbidden},
		{"closed vote", Vote{Status: VoteClosed}, true, true, ChoiceFor, EValidation},
		{"draft vote", Vote{Status: VoteDraft}, true, true, ChoiceFor, EValidation},
		{"unknown choice", open, true, true, Choice("yes"), EValidation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.v.CanBallot(c.member, c.checkedIn, c.choice)
			if c.code == "" && err != nil || c.code != "" && ErrorCode(err) != c.code {
				t.Errorf("err = %v, want code %q", err, c.code)
			}
		})
	}
}

func TestReopenNeedsReasonAndStartsARound(t *testing.T) {
	v := Vote{Status: VoteClosed, Round: 1, Passed: true, Result: Tally{For: 200}}
	if err := v.Reopen(" "); ErrorCode(err) != EValidation {
		t.Fatalf("reopen without reason: %v", err)
	}
	if err := v.Reopen("表决器故障"); err != nil {
		t.Fatal(err)
	}
	if v.Status != VoteDraft || v.Round != 2 || v.Passed || v.Result.Cast() != 0 {
		t.Fatalf("reopened = %+v", v)
	}
	if err := (&Vote{Status: VoteOpen}).Reopen("x"); err == nil {
		t.Fatal("an open vote was reopened")
	}
}

func TestCheckRoster(t *testing.T) {
	ok := Deputy{Name: "曹鑫", Delegation: "离石区代表团", Card: "9-0001"}
	cases := []struct {
		name   string
		d      Deputy
		fields []string
	}{
		{"complete", ok, nil},
		{"no card", Deputy{Name: "a", Delegation: "b"}, []string{"card"}},
		{"card with a space", Deputy{Name: "a", Delegation: "b", Card: "9 0001"}, []string{"card"}},
		{"nothing", Deputy{}, []string{"deputy_name", "delegation", "card"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := CheckRoster([]Deputy{c.d})
			if len(got) != len(c.fields) {
				t.Fatalf("details = %v, want fields %v", got, c.fields)
			}
			for i, d := range got {
				if d.Field != c.fields[i] {
					t.Errorf("detail %d field %s, want %s", i, d.Field, c.fields[i])
				}
			}
		})
	}
}

func TestAgendaItems(t *testing.T) {
	cases := []struct {
		agenda string
		want   []string
	}{
		{"", nil},
		{"1. 听取报告；2. 表决决议", []string{"听取报告", "表决决议"}},
		{"（一）表决政府工作报告的决议\n（二）表决计划的决议\n\n", []string{"表决政府工作报告的决议", "表决计划的决议"}},
		{"1、审议2023年预算", []string{"审议2023年预算"}},
		{"通过议案审查委员会的报告", []string{"通过议案审查委员会的报告"}},
		{"2023年计划的决议；一、预算的决议", []string{"2023年计划的决议", "预算的决议"}},
	}
	for _, c := range cases {
		got := AgendaItems(c.agenda)
		if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
			t.Errorf("AgendaItems(%q) = %q, want %q", c.agenda, got, c.want)
		}
	}
}

func TestSessionNames(t *testing.T) {
	for n, want := range map[int]string{1: "第一次会议", 3: "第三次会议", 10: "第十次会议", 11: "第十一次会议", 20: "第二十次会议", 23: "第二十三次会议", 0: "", 100: ""} {
		if got := SessionName(n); got != want {
			t.Errorf("SessionName(%d) = %q, want %q", n, got, want)
		}
	}
	m := Meeting{Body: BodyPlenary, Title: "x", Date: Date{Year: 2023, Month: 2, Day: 26}}
	for n, ok := range map[int]bool{0: false, 1: true, MaxSessions: true, MaxSessions + 1: false, -1: false} {
		m.Session = n
		if err := m.Validate(); (err == nil) != ok {
			t.Errorf("session %d: %v", n, err)
		}
	}
}
