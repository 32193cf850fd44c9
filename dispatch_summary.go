package qianxiang

// SummaryListed is how many red projects and missing reports a dispatch
// summary lists.
const SummaryListed = 20

// DispatchSummary is the dispatch without its long lists: at a province's
// scale the red projects and missing reports run to tens of thousands of
// rows (megabytes of JSON), while a cockpit or a page needs the figures and
// the first few. Every other field is the dispatch's own (the embedded
// dispatch's fields of the same JSON name are shadowed).
type DispatchSummary struct {
	*Dispatch
	Summary      bool            `json:"summary"`
	RedProjects  []RedProject    `json:"red_projects"`    // the first SummaryListed
	Missing      []MissingReport `json:"missing_reports"` // the first SummaryListed
	RedTotal     int             `json:"red_projects_total"`
	MissingTotal int             `json:"missing_reports_total"`
}

// Summarize gives the summary of a dispatch; d itself is not changed.
func (d *Dispatch) Summarize() DispatchSummary {
	return DispatchSummary{Dispatch: d, Summary: true,
		RedProjects: firstN(d.RedProjects, SummaryListed), Missing: firstN(d.Missing, SummaryListed),
		RedTotal: len(d.RedProjects), MissingTotal: len(d.Missing)}
}

// firstN is the first n items of s, never nil (JSON [] rather than null).
func firstN[T any](s []T, n int) []T {
	return append(make([]T, 0, min(n, len(s))), s[:min(n, len(s))]...)
}
