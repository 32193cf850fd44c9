package qianxiang

import "time"

// ReportStatus is where a monthly report is in its workflow:
// draft → submitted → approved, or submitted → returned → submitted again.
type ReportStatus string

const (
	ReportDraft     ReportStatus = "draft"
	ReportSubmitted ReportStatus = "submitted"
	ReportApproved  ReportStatus = "approved"
	ReportReturned  ReportStatus = "returned"
)

// Counts reports whether the report counts in the dispatch.
func (s ReportStatus) Counts() bool { return s == ReportSubmitted || s == ReportApproved }

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
