package qianxiang

import (
	"strings"
	"testing"
)

func newSug() *Suggestion {
	return &Suggestion{ID: 1, Kind: KindSuggestion, Title: "修缮离石区北川河步道", Body: "步道破损，群众出行不便。", SubmittedOn: d("2023-03-01"),
		Signers: []Signer{{DeputyID: 1, Card: "A1"}, {DeputyID: 2, Card: "A2"}}, Status: SugSubmitted}
}

var lead = OrgRef{ID: 10, Code: "D1", Name: "市城管局"}
var co = OrgRef{ID: 11, Code: "D2", Name: "市住建局"}

func assigned(t *testing.T) *Suggestion {
	t.Helper()
	s := newSug()
	if err := s.Assign(NewCalendar(cal2023), lead, "/1/10/", []OrgRef{co}, []string{"/1/11/"}, d("2023-03-28"), d("2023-03-28")); err != nil {
		t.Fatal(err)
	}
	return s
}

func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want an error with %q", err, want)
	}
}

func TestAssignSetsTheDeadlines(t *testing.T) {
	s := assigned(t)
	if s.ReturnBy != d("2023-04-07") || s.AnswerDue != d("2023-06-28") || s.CoViewDue != d("2023-04-28") || s.Status != SugHandling {
		t.Fatalf("return_by %s answer_due %s co_view_due %s status %s", s.ReturnBy, s.AnswerDue, s.CoViewDue, s.Status)
	}
	s2 := newSug()
	s2.SubmittedOn = d("2023-11-01")
	if err := s2.Assign(NewCalendar(cal2023), lead, "/1/10/", nil, nil, d("2023-11-30"), d("2023-12-01")); err != nil {
		t.Fatal(err)
	}
	if s2.AnswerDue != d("2024-02-29") {
		t.Fatalf("answer due %s, want 2024-02-29", s2.AnswerDue)
	}
	wantErr(t, s2.Assign(NewCalendar(), lead, "", nil, nil, d("2023-12-01"), d("2023-12-01")), "cannot be assigned")
	s3 := newSug()
	wantErr(t, s3.Assign(NewCalendar(), lead, "", []OrgRef{lead}, []string{""}, d("2023-03-28"), d("2023-03-28")), "already the lead unit")
	wantErr(t, s3.Assign(NewCalendar(), lead, "", nil, nil, d("2023-02-28"), d("2023-03-28")), "before the suggestion was submitted")
}

func TestSendBackWithinSevenWorkingDays(t *testing.T) {
	cases := []struct {
		today string
		ok    bool
	}{{"2023-03-29", true}, {"2023-04-07", true}, {"2023-04-08", false}, {"2023-04-10", false}}
	for _, tc := range cases {
		s := assigned(t)
		err := s.SendBack(lead.ID, "不属本单位职责，应由市住建局办理", d(tc.today))
		if tc.ok != (err == nil) {
			t.Fatalf("send back on %s: %v", tc.today, err)
		}
		if err != nil {
			wantErr(t, err, "ended on 2023-04-07")
			continue
		}
		if s.Status != SugSentBack || s.LeadOrg != nil {
			t.Fatalf("after send back: %s %v", s.Status, s.LeadOrg)
		}
	}
	s := assigned(t)
	wantErr(t, s.SendBack(lead.ID, " ", d("2023-03-29")), "reason: is required")
	if err := s.SendBack(co.ID, "不涉及本单位", d("2023-03-29")); err != nil || len(s.CoOrgs) != 0 || s.Status != SugHandling {
		t.Fatalf("co-unit send back: %v %v %s", err, s.CoOrgs, s.Status)
	}
	wantErr(t, s.SendBack(99, "x", d("2023-03-29")), "not allowed")
}

func TestExtendToSixMonthsOnceWithAReason(t *testing.T) {
	s := assigned(t)
	wantErr(t, s.Extend("", d("2023-05-01")), "reason: is required")
	if err := s.Extend("涉及跨年度资金安排，需待预算批复", d("2023-06-28")); err != nil {
		t.Fatal(err)
	}
	if s.AnswerDue != d("2023-09-28") {
		t.Fatalf("extended due %s, want 2023-09-28", s.AnswerDue)
	}
	wantErr(t, s.Extend("再延", d("2023-07-01")), "the most the rules allow")
	late := assigned(t)
	wantErr(t, late.Extend("迟到的说明", d("2023-06-29")), "before the answer falls due")
}

func TestAnswerRateUnsatisfiedAndAgain(t *testing.T) {
	s := assigned(t)
	wantErr(t, s.Rate(1, Satisfied, d("2023-05-01")), "only an answered suggestion")
	if err := s.GiveView(co, "同意牵头单位意见", d("2023-05-02")); err != nil || !s.Views[0].Late {
		t.Fatalf("co view after a month must be late: %v %+v", err, s.Views)
	}
	_, err := s.Reply("E", "x", "u", d("2023-05-10"))
	wantErr(t, err, "not an answer class")
	a, err := s.Reply("B", "已列入今年维修计划", "u", d("2023-05-10"))
	if err != nil || !a.OnTime || s.Status != SugAnswered {
		t.Fatalf("%v %+v %s", err, a, s.Status)
	}
	wantErr(t, s.Rate(3, Satisfied, d("2023-05-12")), "only the deputies who signed")
	if err := s.Rate(1, Satisfied, d("2023-05-12")); err != nil || s.Status != SugAnswered || s.Rating != "" {
		t.Fatalf("one of two rated: %v %s %q", err, s.Status, s.Rating)
	}
	wantErr(t, s.Rate(1, Basically, d("2023-05-12")), "already rated")
	if err := s.Rate(2, Unsatisfied, d("2023-05-31")); err != nil {
		t.Fatal(err)
	}
	if s.Status != SugHandling || s.Round != 2 || s.AnswerDue != d("2023-06-30") || s.Rating != Unsatisfied {
		t.Fatalf("unsatisfied: %s round %d due %s rating %s", s.Status, s.Round, s.AnswerDue, s.Rating)
	}
	s.Derive(d("2023-07-01"))
	if !s.Overdue {
		t.Fatal("past the month after the rating it is overdue")
	}
	a, err = s.Reply("A", "已完成维修", "u", d("2023-07-03"))
	if err != nil || a.OnTime || a.Round != 2 {
		t.Fatalf("second answer late: %v %+v", err, a)
	}
	s.Rate(1, Satisfied, d("2023-07-04"))
	s.Rate(2, Basically, d("2023-07-05"))
	if s.Status != SugClosed || s.Rating != Basically {
		t.Fatalf("closed basically: %s %s", s.Status, s.Rating)
	}
	wantErr(t, s.Extend("x", d("2023-07-05")), "first handling")
}

func TestDeclineAndMerge(t *testing.T) {
	s := newSug()
	wantErr(t, s.Decline(""), "reason: is required")
	if err := s.Decline("不属于本级职权范围"); err != nil || s.Status != SugDeclined {
		t.Fatal(err)
	}
	a, b := newSug(), newSug()
	b.ID = 2
	wantErr(t, a.MergeInto(a), "into itself")
	if err := a.MergeInto(b); err != nil || a.Status != SugMerged || a.MergedInto != 2 {
		t.Fatal(err)
	}
	b.Kind = KindProposal
	c := newSug()
	c.ID = 3
	wantErr(t, c.MergeInto(b), "one of its kind")
}

func TestReportHandlingRates(t *testing.T) {
	a, b := lead, co
	mk := func(org OrgRef, answers []Answer, rating Rating, overdue bool) Suggestion {
		o := org
		return Suggestion{LeadOrg: &o, Answers: answers, Rating: rating, Overdue: overdue}
	}
	onTime, late := Answer{OnTime: true, Class: "A"}, Answer{OnTime: false, Class: "B"}
	withCo := mk(a, []Answer{onTime}, Satisfied, false)
	withCo.CoOrgs = []OrgRef{b, {ID: 12, Code: "D3", Name: "市交通局"}}
	ss := []Suggestion{
		withCo,
		mk(a, []Answer{late}, Basically, false),
		mk(a, []Answer{onTime, late}, Unsatisfied, false),
		mk(a, nil, "", true),
		mk(b, nil, "", false),
		{Title: "not assigned"},
	}
	r := ReportHandling(ss)
	if len(r.Units) != 3 {
		t.Fatalf("units %+v", r.Units)
	}
	u := r.Units[0]
	if u.Org.Code != "D1" || u.Assigned != 4 || u.Answered != 3 || u.OnTime != 2 || u.Rated != 3 || u.Satisfied != 2 || u.Overdue != 1 {
		t.Fatalf("%+v", u)
	}
	if u.HandlingRate.Rounded() != 0.75 || u.OnTimeRate.Rounded() != 0.6667 || u.Satisfaction.Rounded() != 0.6667 {
		t.Fatalf("rates %v %v %v", *u.HandlingRate, *u.OnTimeRate, *u.Satisfaction)
	}
	// The latest answer's class counts (a second-round B replaces an A);
	// co-units count their share apart.
	if u.ClassA != 1 || u.ClassB != 2 || u.FullySat != 1 || u.Basically != 1 || u.CoAssigned != 0 {
		t.Fatalf("classes and ratings %+v", u)
	}
	if r.Units[1].CoAssigned != 1 || r.Units[1].Assigned != 1 || r.Units[2].Org.Code != "D3" || r.Units[2].Assigned != 0 || r.Units[2].CoAssigned != 1 || r.Total.CoAssigned != 2 {
		t.Fatalf("co-units %+v %+v", r.Units[1], r.Units[2])
	}
	if r.Units[1].OnTimeRate != nil || r.Units[1].Satisfaction != nil || *r.Units[1].HandlingRate != 0 {
		t.Fatalf("no answers: no on-time or satisfaction rate: %+v", r.Units[1])
	}
	if r.Total.Assigned != 5 || r.Total.Answered != 3 {
		t.Fatalf("total %+v", r.Total)
	}
}
