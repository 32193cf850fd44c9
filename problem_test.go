package qianxiang

import (
	"strings"
	"testing"
	"time"
)

func TestProblemStateMachine(t *testing.T) {
	all := []ProblemAction{PAStart, PAResolve, PAClose, PAReopen}
	want := map[ProblemStatus]map[ProblemAction]ProblemStatus{
		ProblemOpen:       {PAStart: ProblemInProgress, PAResolve: ProblemResolved},
		ProblemInProgress: {PAResolve: ProblemResolved},
		ProblemResolved:   {PAClose: ProblemClosed, PAReopen: ProblemOpen},
		ProblemClosed:     {PAReopen: ProblemOpen},
	}
	for _, from := range ProblemStatuses {
		for _, act := range all {
			to, err := NextStatus(from, act)
			exp, ok := want[from][act]
			if ok && (err != nil || to != exp) {
				t.Errorf("%s --%s--> %s, %v; want %s", from, act, to, err, exp)
			}
			if !ok && ErrorCode(err) != EValidation {
				t.Errorf("%s --%s--> %s should be refused (422), got %v", from, act, to, err)
			}
		}
	}
	if _, err := NextStatus(ProblemInProgress, PAClose); err == nil || err.Error() != "only a resolved problem can be closed; this one is In progress" {
		t.Errorf("closing an unresolved problem: %v", err)
	}
}

func TestProblemStepNeedsWordsForResolveAndReopen(t *testing.T) {
	now := time.Date(2023, 5, 2, 9, 0, 0, 0, time.UTC)
	p := Problem{Status: ProblemInProgress}
	if err := p.Step(PAResolve, "  ", now); ErrorCode(err) != EValidation || p.Status != ProblemInProgress {
		t.Fatalf("resolve without words: %v %s", err, p.Status)
	}
	if err := p.Step(PAResolve, "土地已交付", now); err != nil || p.Status != ProblemResolved || p.Resolution != "土地已交付" || !p.ResolvedAt.Equal(now) {
		t.Fatalf("resolve: %v %+v", err, p)
	}
	if err := p.Step(PAReopen, "", now); ErrorCode(err) != EValidation {
		t.Fatalf("reopen without reason: %v", err)
	}
	if err := p.Step(PAReopen, "未实际交付", now); err != nil || p.Status != ProblemOpen || !p.ResolvedAt.IsZero() || p.Note != "未实际交付" {
		t.Fatalf("reopen: %v %+v", err, p)
	}
}

// A fake clock walks one problem past its due date: overdue and
// escalation follow the day, not the wall clock.
func TestProblemOverdueAndEscalationFollowTheClock(t *testing.T) {
	raised := time.Date(2023, 3, 1, 10, 0, 0, 0, time.UTC)
	p := Problem{Status: ProblemOpen, Due: Date{2023, 3, 10}, CreatedAt: raised}
	cases := []struct {
		today                      Date
		overdue, escalate, dueSoon bool
		days                       int
	}{
		{Date{2023, 3, 1}, false, false, false, 0},
		{Date{2023, 3, 7}, false, false, true, 6},
		{Date{2023, 3, 10}, false, false, true, 9}, // due today is not overdue
		{Date{2023, 3, 11}, true, true, false, 10},
		{Date{2023, 4, 30}, true, true, false, 60},
	}
	for _, c := range cases {
		q := p
		q.Derive(c.today, time.UTC)
		if q.Overdue != c.overdue || q.ShouldEscalate(c.today) != c.escalate || q.DueSoon(c.today, 3) != c.dueSoon || q.DaysOpen != c.days {
			t.Errorf("%s: overdue %v escalate %v soon %v days %d; want %+v", c.today, q.Overdue, q.ShouldEscalate(c.today), q.DueSoon(c.today, 3), q.DaysOpen, c)
		}
	}
	// Escalated once, never again; resolved problems stop the clock.
	p.EscalatedAt = time.Date(2023, 3, 11, 0, 5, 0, 0, time.UTC)
	if p.ShouldEscalate(Date{2023, 3, 20}) {
		t.Error("an escalated problem escalates again")
	}
	p.Derive(Date{2023, 3, 20}, time.UTC)
	if !p.Escalated {
		t.Error("escalated not derived")
	}
	p.Status, p.ResolvedAt = ProblemResolved, time.Date(2023, 3, 15, 8, 0, 0, 0, time.UTC)
	p.Derive(Date{2023, 6, 1}, time.UTC)
	if p.Overdue || p.DaysOpen != 14 || p.ShouldEscalate(Date{2023, 6, 1}) {
		t.Errorf("resolved: overdue %v days %d", p.Overdue, p.DaysOpen)
	}
	// No due date (from a workbook): never overdue.
	q := Problem{Status: ProblemOpen, CreatedAt: raised}
	if q.Derive(Date{2024, 1, 1}, time.UTC); q.Overdue || q.ShouldEscalate(Date{2024, 1, 1}) {
		t.Error("a problem without a due date went overdue")
	}
}

// Days open count in the city's calendar: a problem raised at 00:30
// Beijing time (16:30 UTC the day before) has been open 0 days that day.
func TestProblemDaysOpenInTheCityZone(t *testing.T) {
	beijing := time.FixedZone("CST", 8*3600)
	cases := []struct {
		name            string
		created, solved time.Time
		today           Date
		want            int
	}{
		{"just after midnight", time.Date(2026, 11, 30, 16, 30, 0, 0, time.UTC), time.Time{}, Date{2026, 12, 1}, 0},
		{"the next day", time.Date(2026, 11, 30, 16, 30, 0, 0, time.UTC), time.Time{}, Date{2026, 12, 2}, 1},
		{"late evening", time.Date(2026, 11, 30, 15, 30, 0, 0, time.UTC), time.Time{}, Date{2026, 12, 1}, 1},
		{"resolved just after midnight", time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC), time.Date(2026, 11, 3, 16, 10, 0, 0, time.UTC), Date{2026, 12, 1}, 3},
	}
	for _, c := range cases {
		p := Problem{Status: ProblemOpen, CreatedAt: c.created}
		if !c.solved.IsZero() {
			p.Status, p.ResolvedAt = ProblemResolved, c.solved
		}
		if p.Derive(c.today, beijing); p.DaysOpen != c.want {
			t.Errorf("%s: %d days open, want %d", c.name, p.DaysOpen, c.want)
		}
	}
}

func TestProblemValidate(t *testing.T) {
	today := Date{2023, 5, 2}
	cases := []struct {
		p     Problem
		field string
	}{
		{Problem{Description: "用地未交付", Category: CatLand, Due: Date{2023, 5, 31}}, ""},
		{Problem{Description: "用地未交付", Category: CatLand, Due: Date{2023, 5, 2}}, ""},
		{Problem{Description: " ", Category: CatLand, Due: Date{2023, 5, 31}}, "description"},
		{Problem{Description: "x", Category: "roads", Due: Date{2023, 5, 31}}, "category"},
		{Problem{Description: "x", Category: CatFunds}, "due"},
		{Problem{Description: "x", Category: CatFunds, Due: Date{2023, 5, 1}}, "due"},
		{Problem{Description: "x", Category: CatFunds, Due: Date{2023, 6, 0}}, "due"},
		{Problem{Description: "用地\x00未交付", Category: CatLand, Due: Date{2023, 5, 31}}, "description"},
		{Problem{Description: strings.Repeat("字", 2001), Category: CatLand, Due: Date{2023, 5, 31}}, "description"},
	}
	for i, c := range cases {
		err := c.p.Validate(today, true)
		got := ""
		if e := AsError(err); e != nil && len(e.Details) > 0 {
			got = e.Details[0].Field
		}
		if got != c.field {
			t.Errorf("case %d: field %q, want %q (%v)", i, got, c.field, err)
		}
	}
}

func TestProblemCategoriesReadCodeOrChinese(t *testing.T) {
	for in, want := range map[string]ProblemCategory{"land": CatLand, "征地拆迁": CatDemolition, " 环评能耗 ": CatEnvironment, "FUNDS": CatFunds} {
		if c, ok := ParseCategory(in); !ok || c != want {
			t.Errorf("%q: %q %v", in, c, ok)
		}
	}
	if _, ok := ParseCategory("道路"); ok {
		t.Error("unknown category accepted")
	}
}

func TestWhoMayActOnAProblem(t *testing.T) {
	p := Problem{OwnerPath: "/1/5/", CoPaths: []string{"/1/7/"}}
	owner := Actor{Role: RoleOrgAdmin, OrgPath: "/1/5/"}
	ownerUnit := Actor{Role: RoleReporter, OrgPath: "/1/5/"}
	co := Actor{Role: RoleOrgAdmin, OrgPath: "/1/7/"}
	other := Actor{Role: RoleOrgAdmin, OrgPath: "/1/9/"}
	office := Actor{Role: RoleCommand, OrgPath: "/1/2/"}
	leader := Actor{Role: RoleLeader, OrgPath: "/1/"}
	sup := Actor{Role: RoleSupervisor, OrgPath: "/1/"}
	cases := []struct {
		who  Actor
		name string
		may  []ProblemAction
	}{
		{owner, "owner", []ProblemAction{PAStart, PAResolve, PAAck}},
		{ownerUnit, "reporter of the owner", nil},
		{co, "co-organisation", []ProblemAction{PAStart, PAResolve}},
		{other, "another county", nil},
		{office, "campaign office", []ProblemAction{PAStart, PAResolve, PAClose, PAReopen, PAReassign, PAExtend}},
		{leader, "leader", []ProblemAction{PAInstruct}},
		{sup, "supervisor", nil},
		{SystemActor, "system", []ProblemAction{PAStart, PAResolve, PAClose, PAReopen, PAReassign, PAExtend, PAInstruct, PAAck}},
	}
	all := []ProblemAction{PAStart, PAResolve, PAClose, PAReopen, PAReassign, PAExtend, PAInstruct, PAAck}
	for _, c := range cases {
		for _, act := range all {
			want := false
			for _, m := range c.may {
				want = want || m == act
			}
			if got := p.MayAct(c.who, act); got != want {
				t.Errorf("%s %s: %v, want %v", c.name, act, got, want)
			}
		}
	}
}

func TestExtendAndReassignNeedAReason(t *testing.T) {
	today := Date{2023, 5, 2}
	p := Problem{Status: ProblemOpen, Due: Date{2023, 5, 10}, OwnerOrg: OrgRef{ID: 3}}
	if err := p.Extend(Date{2023, 6, 1}, "", today); ErrorCode(err) != EValidation {
		t.Error("extend without reason")
	}
	if err := p.Extend(Date{2023, 5, 9}, "等省厅", today); ErrorCode(err) != EValidation {
		t.Error("extend to an earlier day")
	}
	if err := p.Extend(Date{2023, 6, 1}, "等省厅批复", today); err != nil || p.Due != (Date{2023, 6, 1}) || p.Note != "等省厅批复" {
		t.Errorf("extend: %v %+v", err, p)
	}
	if err := p.Reassign(OrgRef{ID: 4, Name: "市自然资源局"}, "/1/4/", " "); ErrorCode(err) != EValidation {
		t.Error("reassign without reason")
	}
	if err := p.Reassign(OrgRef{ID: 3}, "/1/3/", "x"); ErrorCode(err) != EValidation {
		t.Error("reassign to the same owner")
	}
	if err := p.Reassign(OrgRef{ID: 4}, "/1/4/", "属自然资源部门职责"); err != nil || p.OwnerOrg.ID != 4 || p.OwnerPath != "/1/4/" {
		t.Errorf("reassign: %v", err)
	}
	p.Status = ProblemClosed
	if err := p.Extend(Date{2023, 7, 1}, "r", today); ErrorCode(err) != EValidation {
		t.Error("extend a closed problem")
	}
}
