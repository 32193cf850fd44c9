package qianxiang

import (
	"strings"
	"testing"
	"time"
)

// The report workflow as a state machine: from each state, each step
// either moves the report where the rules say or is refused, leaving the
// report as it was.
func TestReportWorkflowStateMachine(t *testing.T) {
	now := time.Date(2023, 4, 10, 9, 0, 0, 0, time.UTC)
	open := ReportGate{Now: now, DeadlineDay: 5}
	locked := ReportGate{Now: now, DeadlineDay: 5, Locked: true}
	lateOK := ReportGate{Now: now, DeadlineDay: 5, Locked: true, MayLate: true}

	type report struct {
		status   ReportStatus
		new      bool // never saved (ID 0)
		reopened bool
	}
	cases := []struct {
		step   string // edit, submit, approve, return, reopen
		from   report
		gate   ReportGate
		reason string
		want   ReportStatus // "" when refused
		late   bool
		refuse string // a word of the refusal
	}{
		{"edit", report{status: ReportDraft, new: true}, open, "", ReportDraft, false, ""},
		{"edit", report{status: ReportDraft}, open, "", ReportDraft, false, ""},
		{"edit", report{status: ReportReturned, reopened: true}, locked, "", ReportReturned, false, ""},
		{"edit", report{status: ReportSubmitted}, open, "", "", false, "a reviewer must return it"},
		{"edit", report{status: ReportApproved}, lateOK, "", "", false, "a reviewer must return it"},
		{"edit", report{status: ReportDraft}, locked, "", "", false, "closed on the 5th"},
		{"edit", report{status: ReportDraft, reopened: true}, locked, "", ReportDraft, false, ""},
		{"edit", report{status: ReportDraft}, lateOK, "", ReportDraft, false, ""},

		{"submit", report{status: ReportDraft, new: true}, open, "", ReportSubmitted, false, ""},
		{"submit", report{status: ReportDraft}, lateOK, "", ReportSubmitted, true, ""},
		{"submit", report{status: ReportDraft, reopened: true}, locked, "", ReportSubmitted, true, ""},
		{"submit", report{status: ReportReturned, reopened: true}, open, "", ReportSubmitted, false, ""},
		{"submit", report{status: ReportDraft}, locked, "", "", false, "ask your county or department to reopen it"},
		{"submit", report{status: ReportSubmitted}, open, "", "", false, "is submitted"},
		{"submit", report{status: ReportApproved}, open, "", "", false, "is approved"},

		{"approve", report{status: ReportSubmitted}, open, "", ReportApproved, false, ""},
		{"approve", report{status: ReportSubmitted}, locked, "", ReportApproved, false, ""},
		{"approve", report{status: ReportDraft, new: true}, open, "", "", false, "not yet filled in"},
		{"approve", report{status: ReportDraft}, open, "", "", false, "this one is draft"},
		{"approve", report{status: ReportApproved}, open, "", "", false, "this one is approved"},
		{"approve", report{status: ReportReturned}, open, "", "", false, "this one is returned"},

		{"return", report{status: ReportSubmitted}, open, " 数字有误 ", ReportReturned, false, ""},
		{"return", report{status: ReportApproved}, locked, "补充照片", ReportReturned, false, ""},
		{"return", report{status: ReportSubmitted}, open, "  ", "", false, "required"},
		{"return", report{status: ReportSubmitted}, open, "bad\x01", "", false, "control character"},
		{"return", report{status: ReportDraft}, open, "x", "", false, "this one is draft"},
		{"return", report{status: ReportDraft, new: true}, open, "x", "", false, "not yet filled in"},
		{"return", report{status: ReportReturned}, open, "x", "", false, "this one is returned"},

		{"reopen", report{status: ReportDraft}, locked, "", ReportDraft, false, ""},
		{"reopen", report{status: ReportApproved}, locked, "", ReportApproved, false, ""},
	}
	for _, c := range cases {
		name := c.step + " " + string(c.from.status)
		t.Run(name, func(t *testing.T) {
			r := Report{ID: 7, ProjectID: 1, Year: 2023, Month: 3, Status: c.from.status, Reopened: c.from.reopened, ReturnReason: "old"}
			if c.from.new {
				r.ID = 0
			}
			before := r
			var err error
			switch c.step {
			case "edit":
				err = r.Editable(c.gate)
			case "submit":
				err = r.Submit(c.gate)
			case "approve":
				err = r.Approve(c.gate.Now)
			case "return":
				err = r.Return(c.gate.Now, c.reason)
			case "reopen":
				r.Reopen()
			}
			if c.want == "" {
				if err == nil || !strings.Contains(err.Error(), c.refuse) {
					t.Fatalf("want refused (%q), got %v", c.refuse, err)
				}
				if ErrorCode(err) != EValidation {
					t.Errorf("refusal code %s, want validation", ErrorCode(err))
				}
				if r != before {
					t.Errorf("a refused step changed the report: %+v", r)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if r.Status != c.want || r.Late != c.late {
				t.Errorf("status %s late %v, want %s late %v", r.Status, r.Late, c.want, c.late)
			}
			switch c.step {
			case "submit":
				if r.SubmittedAt == nil || !r.SubmittedAt.Equal(now) || r.ReturnReason != "" {
					t.Errorf("submitted at %v, reason %q: want now and the old reason cleared", r.SubmittedAt, r.ReturnReason)
				}
			case "approve":
				if r.ReviewedAt == nil || !r.ReviewedAt.Equal(now) {
					t.Errorf("reviewed at %v, want now", r.ReviewedAt)
				}
			case "return":
				if r.ReturnReason != strings.TrimSpace(c.reason) || !r.Reopened || r.ReviewedAt == nil {
					t.Errorf("returned with %q reopened %v reviewed %v: want the trimmed reason, reopened for correction", r.ReturnReason, r.Reopened, r.ReviewedAt)
				}
			case "reopen":
				if !r.Reopened {
					t.Error("not reopened")
				}
			case "edit":
				if r != before {
					t.Errorf("asking whether it is editable changed the report: %+v", r)
				}
			}
		})
	}
}

func TestReportDeadlineLocksAtTheEndOfTheDeadlineDay(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	if got := ReportDeadline(2023, 3, 5, shanghai); !got.Equal(time.Date(2023, 3, 6, 0, 0, 0, 0, shanghai)) {
		t.Fatalf("deadline %v, want the start of 6 March in the city", got)
	}
	cases := []struct {
		now    time.Time
		locked bool
	}{
		{time.Date(2023, 3, 1, 0, 0, 0, 0, shanghai), false},
		{time.Date(2023, 3, 5, 23, 59, 59, 0, shanghai), false},
		{time.Date(2023, 3, 6, 0, 0, 0, 0, shanghai), true},
		{time.Date(2023, 3, 5, 16, 0, 0, 0, time.UTC), true}, // 00:00 on the 6th in the city
		{time.Date(2023, 3, 5, 15, 59, 0, 0, time.UTC), false},
		{time.Date(2023, 7, 1, 0, 0, 0, 0, shanghai), true},
	}
	for _, c := range cases {
		g := NewReportGate(c.now, 2023, 3, 5, shanghai, false)
		if g.Locked != c.locked {
			t.Errorf("at %v locked = %v, want %v", c.now, g.Locked, c.locked)
		}
	}
	// A deadline on the month's last day ends at midnight of the next
	// month, across the year too.
	if got := ReportDeadline(2023, 12, 31, shanghai); !got.Equal(time.Date(2024, 1, 1, 0, 0, 0, 0, shanghai)) {
		t.Errorf("December deadline %v", got)
	}
}

func TestReportApplyChecksTheFigures(t *testing.T) {
	m := func(v Money) *Money { return &v }
	s := func(v string) *string { return &v }
	d := func(v Date) *Date { return &v }
	cases := []struct {
		name          string
		in            ReportInput
		others, total Money
		field         string // refused on this field, "" when accepted
	}{
		{"figures", ReportInput{Completed: m(32050), Progress: s(" 基础施工 "), StartedOn: d(ymd(2023, 3, 2))}, 0, 0, ""},
		{"nothing", ReportInput{}, 0, 0, ""},
		{"negative", ReportInput{Completed: m(-1)}, 0, 0, "completed"},
		{"within the total", ReportInput{Completed: m(400)}, 600, 1000, ""},
		{"a month above the total", ReportInput{Completed: m(1001)}, 0, 1000, "completed"},
		{"the year above the total", ReportInput{Completed: m(401)}, 600, 1000, "completed"},
		{"long progress", ReportInput{Progress: s(strings.Repeat("字", 2001))}, 0, 0, "progress"},
		{"control character in progress", ReportInput{Progress: s("基础\x00施工")}, 0, 0, "progress"},
		{"month-only start", ReportInput{StartedOn: d(ym(2023, 3))}, 0, 0, "started_on"},
		{"start after the month", ReportInput{StartedOn: d(ymd(2023, 4, 1))}, 0, 0, "started_on"},
		{"start cleared", ReportInput{StartedOn: d(Date{})}, 0, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Report{Year: 2023, Month: 3, Completed: 5, Progress: "old"}
			err := r.Apply(c.in, c.others, c.total)
			if c.field != "" {
				e := AsError(err)
				if e == nil || len(e.Details) == 0 || e.Details[0].Field != c.field {
					t.Fatalf("want refused on %s, got %v", c.field, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.in.Progress != nil && r.Progress != strings.TrimSpace(*c.in.Progress) {
				t.Errorf("progress %q", r.Progress)
			}
			if c.in.Completed == nil && r.Completed != 5 {
				t.Errorf("completed changed to %d without input", r.Completed)
			}
		})
	}
}

func TestReportableMonthFromItsFirstDay(t *testing.T) {
	today := ymd(2023, 3, 1)
	cases := []struct {
		year, month int
		ok          bool
	}{
		{2023, 3, true}, {2023, 2, true}, {2022, 12, true}, {2023, 4, false}, {2024, 1, false},
	}
	for _, c := range cases {
		err := ReportableMonth(c.year, c.month, today)
		if (err == nil) != c.ok {
			t.Errorf("%d-%02d on %s: %v, want ok %v", c.year, c.month, today, err, c.ok)
		}
		if err != nil && ErrorCode(err) != EValidation {
			t.Errorf("code %s", ErrorCode(err))
		}
	}
}
