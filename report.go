package qianxiang

import (
	"slices"
	"time"
)

// ReportStatus is where a monthly report is in its workflow:
// draft → submitted → approved, or submitted → returned → submitted again.
type ReportStatus string

const (
	ReportDraft     ReportStatus = "draft"
	ReportSubmitted ReportStatus = "submitted"
	ReportApproved  ReportStatus = "approved"
	ReportReturned  ReportStatus = "returned"
)

// ReportStatuses are all the statuses, in workflow order.
var ReportStatuses = []ReportStatus{ReportDraft, ReportSubmitted, ReportApproved, ReportReturned}

// countedStatuses are the statuses whose figures count in the dispatch,
// the cockpit and the year-to-date sums: a unit's submission counts at
// once (the deadline is for submitting, not for review), and a return
// takes the figures out again until they are resubmitted.
var countedStatuses = []ReportStatus{ReportSubmitted, ReportApproved}

// CountedStatuses lists the statuses that count, for storage to select
// counted reports by the same rule.
func CountedStatuses() []ReportStatus { return slices.Clone(countedStatuses) }

// Counts reports whether the report counts in the dispatch.
func (s ReportStatus) Counts() bool { return slices.Contains(countedStatuses, s) }

// Report is one project's monthly report.
type Report struct {
	ID           int64        `json:"id"`
	ProjectID    int64        `json:"project_id"`
	Year         int          `json:"year"`
	Month        int          `json:"month"`
	Completed    Money        `json:"completed"`
	Progress     string       `json:"progress"`
	StartedOn    Date         `json:"started_on"`
	Status       ReportStatus `json:"status"`
	ReturnReason string       `json:"return_reason,omitempty"`
	Late         bool         `json:"late"`
	Reopened     bool         `json:"reopened"`
	SubmittedAt  *time.Time   `json:"submitted_at,omitempty"`
	ReviewedAt   *time.Time   `json:"reviewed_at,omitempty"`
	UpdatedBy    string       `json:"updated_by,omitempty"`
	Version      int          `json:"version"`
}

// CheckCompleted applies the plausible bounds of a month's completed
// investment: within CheckAmount's, and, when the project's total
// investment is known (above 0), neither the month nor the year to date
// (othersYTD: the year's other counted months, plus this one) above it. A
// year cannot put more into a project than the whole project costs; such a
// figure is a typing slip (a unit in 元 instead of 万元), refused on every
// path rather than accepted with a warning, because a dispatch summed from
// it would mislead every county's ranking.
func CheckCompleted(field string, month, othersYTD, total Money) *Detail {
	if d := CheckAmount(field, month); d != nil {
		return d
	}
	if total <= 0 {
		return nil
	}
	if month > total {
		return &Detail{Field: field, Format: "%s 万元 in one month is more than the project's total investment of %s 万元",
			Args: []any{month.Grouped(), total.Grouped()}}
	}
	if ytd, ok := AddMoney(othersYTD, month); !ok || ytd > total {
		return &Detail{Field: field, Format: "the year to date would be %s 万元, more than the project's total investment of %s 万元",
			Args: []any{ytd.Grouped(), total.Grouped()}}
	}
	return nil
}
