package qianxiang

import (
	"fmt"
	"strings"
	"time"
)

// TaskList is one numbered list of the city's decisions in the key-task
// ledger (重点任务台账): 市委全会20项重点任务, 经济工作会议10项 ….
type TaskList struct {
	ID      int64  `json:"id"`
	Year    int    `json:"year"`
	Title   string `json:"title"`
	Source  string `json:"source"`
	Version int    `json:"version"`
	Tasks   []Task `json:"tasks,omitempty"`
}

// Milestone is what a task must reach by the end of a month.
type Milestone struct {
	Month  string `json:"month"` // YYYY-MM
	Text   string `json:"text"`
	DoneOn Date   `json:"done_on"` // when the lead organisation reported it reached
}

// Task is one numbered task, decomposed to a lead organisation (牵头) and
// co-organisations (配合) with monthly milestones.
type Task struct {
	ID         int64       `json:"id"`
	ListID     int64       `json:"list_id"`
	ListTitle  string      `json:"list"`
	Year       int         `json:"year"`
	No         int         `json:"no"`
	Title      string      `json:"title"`
	LeadOrg    OrgRef      `json:"lead_org"`
	Leader     string      `json:"leader"` // the responsible city leader (责任领导), as written; "" none
	CoOrgs     []OrgRef    `json:"co_orgs"`
	Milestones []Milestone `json:"milestones"`
	Version    int         `json:"version"`
	// Derived on read.
	Light  Light          `json:"light,omitempty"`
	Reason string         `json:"light_reason,omitempty"`
	Latest *TaskProgress  `json:"latest,omitempty"`
	Report []TaskProgress `json:"progress,omitempty"`

	LeadPath string   `json:"-"`
	CoPaths  []string `json:"-"`
}

// TaskProgress is one organisation's report on a task for one month.
type TaskProgress struct {
	ID            int64     `json:"id"`
	TaskID        int64     `json:"task_id"`
	Org           OrgRef    `json:"org"`
	Year          int       `json:"year"`
	Month         int       `json:"month"`
	Text          string    `json:"text"`
	MilestoneDone bool      `json:"milestone_done"`
	ReportedBy    string    `json:"reported_by"`
	At            time.Time `json:"at"`
}

// Reasons of a task's light.
const (
	TaskReasonOverdueMilestone = "overdue_milestone" // red
	TaskReasonMissingProgress  = "missing_progress"  // yellow
)

// ScopeOf: a task is seen by the city roles and by its lead and
// co-organisations (and those above them).
func (t *Task) ScopeOf() Scope { return Scope{Paths: append([]string{t.LeadPath}, t.CoPaths...)} }

// Responsible reports whether the actor reports for one of the task's
// organisations, and which.
func (t *Task) Responsible(a Actor) (OrgRef, bool) {
	if a.OrgPath == "" || !a.Role.AtLeast(RoleOrgAdmin) {
		return OrgRef{}, false
	}
	if a.OrgPath == t.LeadPath {
		return t.LeadOrg, true
	}
	for i, p := range t.CoPaths {
		if a.OrgPath == p {
			return t.CoOrgs[i], true
		}
	}
	return OrgRef{}, false
}

func monthIndexOf(s string) (int, bool) {
	d, err := ParseDate(s)
	if err != nil || !d.MonthOnly() {
		return 0, false
	}
	return d.MonthIndex(), true
}

// Validate checks a task as it is imported or edited; the details name
// the field (the importer adds the row).
func (t *Task) Validate() []Detail {
	var d []Detail
	add := func(field, format string, args ...any) {
		d = append(d, Detail{Field: field, Format: format, Args: args})
	}
	if t.No < 1 {
		add("no", "must be a number from 1")
	}
	if s, bad := CleanText("title", t.Title); bad != nil {
		add("title", bad.Format, bad.Args...)
	} else if s == "" {
		add("title", "is required")
	} else {
		t.Title = s
	}
	if t.LeadOrg.ID == 0 {
		add("lead_org", "is required")
	}
	if s, bad := CleanText("leader", t.Leader); bad != nil {
		add("leader", bad.Format, bad.Args...)
	} else {
		t.Leader = s
	}
	for _, c := range t.CoOrgs {
		if c.ID == t.LeadOrg.ID {
			add("co_orgs", "%s is already the lead organisation", c.Name)
		}
	}
	seen := map[string]bool{}
	for _, m := range t.Milestones {
		if _, ok := monthIndexOf(m.Month); !ok {
			add("milestones", "month %q is not YYYY-MM", m.Month)
		}
		if seen[m.Month] {
			add("milestones", "two milestones in %s", m.Month)
		}
		seen[m.Month] = true
		if strings.TrimSpace(m.Text) == "" {
			add("milestones", "the milestone of %s says nothing", m.Month)
		}
	}
	return d
}

// TaskLight is the rule of a task's light on the day today:
//   - red when a milestone of a month that has ended was not reported
//     reached (an overdue milestone);
//   - yellow when it is behind: one of its organisations (lead or co) has
//     not reported progress for the last ended month, counted from the
//     month of its first milestone;
//   - green otherwise (on time).
//
// A milestone reached late counts as reached: the light recovers.
func TaskLight(t Task, progress []TaskProgress, today Date) (Light, string) {
	cur := today.Year*12 + today.Month - 1
	first := -1
	for _, m := range t.Milestones {
		mi, ok := monthIndexOf(m.Month)
		if !ok {
			continue
		}
		if mi < cur && m.DoneOn.IsZero() {
			return LightRed, TaskReasonOverdueMilestone
		}
		if first < 0 || mi < first {
			first = mi
		}
	}
	last := cur - 1
	if first < 0 || last < first {
		return LightGreen, ""
	}
	reported := map[int64]bool{}
	for _, p := range progress {
		if p.Year*12+p.Month-1 == last {
			reported[p.Org.ID] = true
		}
	}
	for _, o := range append([]OrgRef{t.LeadOrg}, t.CoOrgs...) {
		if !reported[o.ID] {
			return LightYellow, TaskReasonMissingProgress
		}
	}
	return LightGreen, ""
}

// ApplyProgress checks a monthly report by org and, when it says the
// month's milestone is reached, marks it (only the lead organisation does).
func (t *Task) ApplyProgress(p TaskProgress, lead bool, today Date) error {
	if _, err := checkText("text", p.Text); err != nil {
		return err
	}
	if p.Month < 1 || p.Month > 12 || p.Year < 2000 || p.Year > 2100 {
		return FieldError("month", "must be a month YYYY-MM")
	}
	if p.Year*12+p.Month-1 > today.Year*12+today.Month-1 {
		return FieldError("month", "%04d-%02d has not begun", p.Year, p.Month)
	}
	if !p.MilestoneDone {
		return nil
	}
	if !lead {
		return FieldError("milestone_done", "only the lead organisation reports a milestone reached")
	}
	key := fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	for i := range t.Milestones {
		if t.Milestones[i].Month == key {
			if t.Milestones[i].DoneOn.IsZero() {
				t.Milestones[i].DoneOn = today
			}
			return nil
		}
	}
	return FieldError("milestone_done", "task %d has no milestone in %s", t.No, key)
}

// LedBy reports whether the task names the leader (by display name or
// username) as its responsible city leader, as the desk matches a
// project's 包联市领导.
func (t *Task) LedBy(name, username string) bool {
	l := strings.TrimSpace(t.Leader)
	return l != "" && (l == name || l == username)
}
