package qianxiang

import (
	"time"
)

// The monthly report's workflow as pure rules: the service layer loads the
// report, asks these, and saves what they changed. A unit fills in a draft
// and submits it; the county or department approves it or returns it with
// a reason; a returned report is corrected and submitted again. Month N
// locks for units at the end of its deadline day; a reviewer may reopen it.

// ReportDeadline is the moment month N's reports lock for project units:
// the end of day deadlineDay of that month in the city's time zone.
func ReportDeadline(year, month, deadlineDay int, loc *time.Location) time.Time {
	return time.Date(year, time.Month(month), deadlineDay+1, 0, 0, 0, 0, loc)
}

// ReportGate is what a workflow step needs to know besides the report.
type ReportGate struct {
	Now         time.Time
	Locked      bool // the month is past its deadline (see ReportDeadline)
	MayLate     bool // the actor may fill in reports after the deadline (ActLateReport)
	DeadlineDay int  // named in the refusal
}

// ReportLocked says whether month year-month is past its deadline at now.
func ReportLocked(now time.Time, year, month, deadlineDay int, loc *time.Location) bool {
	return !now.Before(ReportDeadline(year, month, deadlineDay, loc))
}

// NewReportGate is the gate of month year-month at now.
func NewReportGate(now time.Time, year, month, deadlineDay int, loc *time.Location, mayLate bool) ReportGate {
	return ReportGate{Now: now, DeadlineDay: deadlineDay, MayLate: mayLate,
		Locked: ReportLocked(now, year, month, deadlineDay, loc)}
}

// ReportableMonth refuses a month that has not begun: a month can be
// reported from its first day.
func ReportableMonth(year, month int, today Date) error {
	if year*12+month > today.Year*12+today.Month {
		return Errorf(EValidation, "%04d-%02d is in the future; a month can be reported from its first day", year, month)
	}
	return nil
}

// Editable says whether the report's figures may change now: not while it
// is submitted or approved, and after the deadline only when it was
// reopened or the actor may report late.
func (r *Report) Editable(g ReportGate) error {
	if r.Status.Reviewable() {
		return Errorf(EValidation, "the %s report is %s; a reviewer must return it before it can change", r.monthLabel(), r.Status)
	}
	if g.Locked && !r.Reopened && !g.MayLate {
		return Errorf(EValidation, "the %s reports closed on the %dth; ask your county or department to reopen it",
			r.monthLabel(), g.DeadlineDay)
	}
	return nil
}

// Submit hands the report in; submitted after the deadline, it is late.
func (r *Report) Submit(g ReportGate) error {
	if err := r.Editable(g); err != nil {
		return err
	}
	now := g.Now
	r.Status, r.SubmittedAt, r.ReturnReason = ReportSubmitted, &now, ""
	r.Late = g.Locked
	return nil
}

// Approve accepts a submitted report.
func (r *Report) Approve(now time.Time) error {
	if r.Status != ReportSubmitted {
		return Errorf(EValidation, "only a submitted report can be approved; this one is %s", r.statusWord())
	}
	r.Status, r.ReviewedAt = ReportApproved, &now
	return nil
}

// ReturnReason checks the reason a reviewer gives for returning a report
// and gives it cleaned.
func ReturnReason(reason string) (string, error) {
	reason, d := CleanText("reason", reason)
	if d != nil {
		return "", detailError(*d)
	}
	if reason == "" {
		return "", FieldError("reason", "is required: tell the unit what to fix")
	}
	return reason, nil
}

// Reviewable says a reviewer may act on a report in this status (return
// it, or approve it while it is submitted).
func (s ReportStatus) Reviewable() bool { return s == ReportSubmitted || s == ReportApproved }

// Return sends a submitted or approved report back to its unit.
func (r *Report) Return(now time.Time, reason string) error {
	reason, err := ReturnReason(reason)
	if err != nil {
		return err
	}
	if !r.Status.Reviewable() {
		return Errorf(EValidation, "only a submitted or approved report can be returned; this one is %s", r.statusWord())
	}
	// A returned report may be corrected after the deadline: the reviewer
	// asked for it.
	r.Status, r.ReturnReason, r.ReviewedAt, r.Reopened = ReportReturned, reason, &now, true
	return nil
}

// Reopen lets the unit edit the report after the deadline.
func (r *Report) Reopen() { r.Reopened = true }

func (r *Report) monthLabel() string { return Date{Year: r.Year, Month: r.Month}.String() }

func (r *Report) statusWord() string {
	if r.ID == 0 {
		return "not yet filled in"
	}
	return string(r.Status)
}

// ReportInput is what a unit fills in for a month; nil fields stay as
// they are.
type ReportInput struct {
	Completed *Money  `json:"completed"`
	Progress  *string `json:"progress"`
	StartedOn *Date   `json:"started_on"`
	Version   int     `json:"version"` // the version read; 0 for a new report or to skip the check
}

// Apply checks the input and writes it into the report. othersYTD is the
// sum of the year's other counted months and total the project's total
// investment, the bounds of the month's amount.
func (r *Report) Apply(in ReportInput, othersYTD, total Money) error {
	if in.Completed != nil {
		if d := CheckCompleted("completed", *in.Completed, othersYTD, total); d != nil {
			return detailError(*d)
		}
		r.Completed = *in.Completed
	}
	if in.Progress != nil {
		v, d := CleanText("progress", *in.Progress)
		if d != nil {
			return detailError(*d)
		}
		r.Progress = v
	}
	if in.StartedOn != nil {
		d := *in.StartedOn
		if !d.IsZero() {
			if d.Day == 0 {
				return FieldError("started_on", "must be a full date YYYY-MM-DD")
			}
			if d.Year*12+d.Month > r.Year*12+r.Month {
				return FieldError("started_on", "%s is after the reported month %s", d, r.monthLabel())
			}
		}
		r.StartedOn = d
	}
	return nil
}

// detailError is the refusal of one field.
func detailError(d Detail) error { return FieldError(d.Field, d.Format, d.Args...) }
