package qianxiang

import "strings"

// BatchStart is a 集中开工 event: a dated ceremony at which a group of
// projects start together, held in the name of a county (or of the city,
// for a city-wide event) with a leader present.
type BatchStart struct {
	ID     int64  `json:"id"`
	Year   int    `json:"year"`
	Date   Date   `json:"date"`
	Place  string `json:"place"`
	Org    OrgRef `json:"county"`
	Leader string `json:"leader"` // the leader present (出席领导)
	Title  string `json:"title"`
	Notes  string `json:"notes"`
	// Count and the sums cover the event's projects (all of them, whoever
	// reads: the figures of a ceremony are announced).
	Count           int            `json:"count"`
	TotalInvestment Money          `json:"total_investment"`
	AnnualPlan      Money          `json:"annual_plan"`
	Projects        []BatchProject `json:"projects"`
	Version         int            `json:"version"`

	OrgPath string `json:"-"`
}

// BatchProject is one project of an event, with its start date and where
// that date comes from.
type BatchProject struct {
	ID              int64  `json:"id"`
	Code            string `json:"code"`
	Name            string `json:"name"`
	Owner           string `json:"owner"`
	Org             OrgRef `json:"org"`
	Kind            Kind   `json:"kind"`
	TotalInvestment Money  `json:"total_investment"`
	AnnualPlan      Money  `json:"annual_plan"`
	StartedOn       Date   `json:"started_on"`
	// FromEvent: the start date is the event's (the event set it and no
	// report has given another since).
	FromEvent    bool `json:"from_event"`
	Confidential bool `json:"-"`

	OrgPath string `json:"-"`
}

// ScopeOf locates the event: it lies in its county.
func (b *BatchStart) ScopeOf() Scope { return Scope{Paths: []string{b.OrgPath}} }

// Validate checks an event's fields, cleaning their text.
func (b *BatchStart) Validate() error {
	d := CleanTexts("title", &b.Title, "place", &b.Place, "leader", &b.Leader, "note", &b.Notes)
	add := func(field, format string, args ...any) {
		d = append(d, Detail{Field: field, Format: format, Args: args})
	}
	if strings.TrimSpace(b.Title) == "" {
		add("title", "is required")
	}
	if b.Date.IsZero() || b.Date.Day == 0 {
		add("date", "is required, as a day (YYYY-MM-DD)")
	} else if b.Date.Year < 2000 || b.Date.Year > 2100 {
		add("date", "must lie between 2000 and 2100")
	}
	if strings.TrimSpace(b.Place) == "" && !hasField(d, "place") {
		add("place", "is required")
	}
	if b.Org.Code == "" && b.Org.ID == 0 {
		add("county", "is required")
	}
	b.Year = b.Date.Year
	if len(d) == 0 {
		return nil
	}
	e := FieldError(d[0].Field, d[0].Format, d[0].Args...)
	e.Details = d
	return e
}

// Sum counts the event's projects and adds their investment, exactly.
func (b *BatchStart) Sum() {
	b.Count, b.TotalInvestment, b.AnnualPlan = len(b.Projects), 0, 0
	for _, p := range b.Projects {
		b.TotalInvestment += p.TotalInvestment
		b.AnnualPlan += p.AnnualPlan
	}
}

// Public leaves out the confidential projects, and sums what remains: the
// event as the public portal shows it.
func (b BatchStart) Public() BatchStart {
	keep := make([]BatchProject, 0, len(b.Projects))
	for _, p := range b.Projects {
		if !p.Confidential {
			keep = append(keep, p)
		}
	}
	b.Projects = keep
	b.Sum()
	b.Notes = ""
	return b
}

// CanJoin says whether a project may join an event: it must be of the
// event's year, lie in the event's county (a city-wide event takes any),
// not be a continuing (续建) project, which started in an earlier year, nor
// one still in the reserve pool (谋划, 储备), which is not in the plan.
// eventPath is the event organisation's path.
func CanJoin(p Project, b BatchStart) error {
	switch {
	case p.Year != b.Year:
		return Errorf(EValidation, "%s is in the %d plan; the event is in %d", p.Name, p.Year, b.Year)
	case p.Stage.InPool():
		return Errorf(EValidation, "%s is in the reserve pool (谋划储备), not the year's plan: promote it into the plan first", p.Name)
	case p.Kind == KindContinuing:
		return Errorf(EValidation, "%s is a continuing project (续建): it started before this year and cannot join a batch start", p.Name)
	case !strings.HasPrefix(p.OrgPath, b.OrgPath):
		return Errorf(EValidation, "%s lies in %s, not in %s, in whose name the event is held", p.Name, p.Org.Name, b.Org.Name)
	}
	return nil
}

// The start date a project takes from its event (集中开工):
//
//   - joining: a project without a start date takes the event's date; one
//     whose start a report (or an edit) already gave keeps it — the event
//     does not overrule what was reported.
//   - the event moves to another day: a project still on the event's old
//     date, set by the event, moves with it; one whose date a report has
//     since changed keeps the reported date.
//   - leaving the event: a project still on the event's date, set by the
//     event, has no start date again; a reported date stays.
//
// applied records whether the event set the project's date; a report that
// later gives another date leaves applied true but the dates then differ,
// which is how the report's date is told from the event's.

// StartOnJoin gives the project's start date on joining and whether the
// event set it.
func StartOnJoin(started, event Date) (Date, bool) {
	if started.IsZero() {
		return event, true
	}
	return started, false
}

// StartOnMove gives the project's start date when its event moves from
// old to new.
func StartOnMove(started Date, applied bool, old, new Date) (Date, bool) {
	if applied && started == old {
		return new, true
	}
	return started, false
}

// StartOnLeave gives the project's start date on leaving the event.
func StartOnLeave(started Date, applied bool, event Date) Date {
	if applied && started == event {
		return Date{}
	}
	return started
}

// FromEvent reports whether a project's start date is its event's.
func FromEvent(started Date, applied bool, event Date) bool {
	return applied && started == event
}
