package qianxiang

import (
	"strings"
)

// Resolutions followed up: a passed resolution is carried out by the
// bodies the congress supervises (一府一委两院), each reporting back by
// given dates.

// Executor is a body that carries out a resolution.
type Executor string

const (
	ExecGovernment    Executor = "government"    // 市人民政府
	ExecSupervision   Executor = "supervision"   // 市监察委员会
	ExecCourt         Executor = "court"         // 市中级人民法院
	ExecProcuratorate Executor = "procuratorate" // 市人民检察院
)

// Executors are the four, in the order the congress names them.
var Executors = []Executor{ExecGovernment, ExecSupervision, ExecCourt, ExecProcuratorate}

// Valid reports one of the four.
func (e Executor) Valid() bool {
	for _, x := range Executors {
		if x == e {
			return true
		}
	}
	return false
}

// ResolutionKind says what a resolution approves; a plan resolution is
// measured against the campaign's targets.
type ResolutionKind string

const (
	ResolutionPlan       ResolutionKind = "plan"        // 国民经济和社会发展计划
	ResolutionBudget     ResolutionKind = "budget"      // 预算
	ResolutionWorkReport ResolutionKind = "work_report" // 工作报告
	ResolutionOther      ResolutionKind = "other"
)

// KindOfResolution reads a resolution's kind from its title, as the
// congress words them ("关于…计划的决议", "关于…预算的决议", "关于…工作报告的决议").
func KindOfResolution(title string) ResolutionKind {
	switch {
	case strings.Contains(title, "计划"):
		return ResolutionPlan
	case strings.Contains(title, "预算"):
		return ResolutionBudget
	case strings.Contains(title, "工作报告"):
		return ResolutionWorkReport
	}
	return ResolutionOther
}

// DefaultExecutors are the bodies a resolution names by its title: the
// court's and the procuratorate's reports are theirs to carry out, the
// supervisory commission's its own; the plan, the budget and the
// government's report the government's. The standing committee's own
// report names none of the four (staff add whom it concerns).
func DefaultExecutors(title string) []Executor {
	switch {
	case strings.Contains(title, "中级人民法院"):
		return []Executor{ExecCourt}
	case strings.Contains(title, "人民检察院"):
		return []Executor{ExecProcuratorate}
	case strings.Contains(title, "监察委员会"):
		return []Executor{ExecSupervision}
	case strings.Contains(title, "常务委员会"):
		return nil
	}
	return []Executor{ExecGovernment}
}

// FollowUpStatus of one report-back: pending until the body reports,
// then reported, then accepted by the standing committee (or sent back
// to pending with a note).
type FollowUpStatus string

const (
	FollowUpPending  FollowUpStatus = "pending"
	FollowUpReported FollowUpStatus = "reported"
	FollowUpAccepted FollowUpStatus = "accepted"
)

// FollowUp is one report-back owed by one body on one date.
type FollowUp struct {
	ID           int64          `json:"id"`
	ResolutionID int64          `json:"resolution_id"`
	Body         Executor       `json:"body"`
	Due          Date           `json:"due"`
	Status       FollowUpStatus `json:"status"`
	Report       string         `json:"report,omitempty"`
	ReportedOn   Date           `json:"reported_on"`
	Note         string         `json:"note,omitempty"`
	Overdue      bool           `json:"overdue"`
	Version      int            `json:"version"`
}

// Derive fills what is derived on the day given: overdue while pending
// after its date.
func (f *FollowUp) Derive(today Date) {
	f.Overdue = f.Status == FollowUpPending && !f.Due.IsZero() && f.Due.Before(today)
}

// Validate checks a new report-back.
func (f FollowUp) Validate() error {
	switch {
	case !f.Body.Valid():
		return FieldError("body", "must be government, supervision, court or procuratorate")
	case f.Due.IsZero() || f.Due.MonthOnly():
		return FieldError("due", "is required (YYYY-MM-DD)")
	}
	return nil
}

// Reported records the body's report-back.
func (f *FollowUp) Reported(text string, on Date) error {
	if f.Status != FollowUpPending {
		return Errorf(EValidation, "the report-back is already %s", string(f.Status))
	}
	text, d := CleanText("followup.report", text)
	if d != nil {
		return &Error{Code: EValidation, Format: "%s: " + d.Format, Args: append([]any{d.Field}, d.Args...), Details: []Detail{*d}}
	}
	if text == "" {
		return FieldError("report", "is required: what the body reports")
	}
	if on.IsZero() || on.MonthOnly() {
		return FieldError("reported_on", "is required (YYYY-MM-DD)")
	}
	f.Status, f.Report, f.ReportedOn = FollowUpReported, text, on
	return nil
}

// Assess is the standing committee's view of a report-back: accepted, or
// sent back to pending with the reason.
func (f *FollowUp) Assess(accept bool, note string) error {
	if f.Status != FollowUpReported {
		return Errorf(EValidation, "only a reported report-back is assessed")
	}
	note, d := CleanText("note", note)
	if d != nil {
		return &Error{Code: EValidation, Format: "%s: " + d.Format, Args: append([]any{d.Field}, d.Args...), Details: []Detail{*d}}
	}
	if !accept && note == "" {
		return FieldError("note", "is required when the report is sent back")
	}
	f.Note = note
	if accept {
		f.Status = FollowUpAccepted
	} else {
		f.Status = FollowUpPending
	}
	return nil
}

// Resolution is a passed resolution followed up.
type Resolution struct {
	ID         int64          `json:"id"`
	CongressID int64          `json:"-"`
	VoteID     int64          `json:"vote_id"`
	Title      string         `json:"title"`
	Kind       ResolutionKind `json:"kind"`
	Year       int            `json:"year,omitempty"` // the plan's year, for a plan resolution
	PassedOn   Date           `json:"passed_on"`
	FollowUps  []FollowUp     `json:"followups"`
	Version    int            `json:"version"`
}

// ReportBack counts a resolution's report-backs by state.
type ReportBack struct {
	Due      int `json:"due"`
	Overdue  int `json:"overdue"`
	Reported int `json:"reported"`
	Accepted int `json:"accepted"`
}

// Progress counts the report-backs.
func (r Resolution) Progress() ReportBack {
	var p ReportBack
	for _, f := range r.FollowUps {
		p.Due++
		switch {
		case f.Status == FollowUpAccepted:
			p.Accepted++
		case f.Status == FollowUpReported:
			p.Reported++
		case f.Overdue:
			p.Overdue++
		}
	}
	return p
}
