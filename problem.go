package qianxiang

import (
	"strings"
	"time"
)

// ProblemCategory is what kind of obstacle a problem is (问题类别).
type ProblemCategory string

const (
	CatLand        ProblemCategory = "land"        // 用地
	CatFunds       ProblemCategory = "funds"       // 资金
	CatApproval    ProblemCategory = "approval"    // 审批
	CatDemolition  ProblemCategory = "demolition"  // 征地拆迁
	CatUtilities   ProblemCategory = "utilities"   // 水电气暖
	CatEnvironment ProblemCategory = "environment" // 环评能耗
	CatOther       ProblemCategory = "other"       // 其他
)

// ProblemCategories in the order the offices list them.
var ProblemCategories = []ProblemCategory{CatLand, CatFunds, CatApproval, CatDemolition, CatUtilities, CatEnvironment, CatOther}

// categoryChinese is how the offices write each category; an import or a
// form may give either the code or these words.
var categoryChinese = map[ProblemCategory]string{
	CatLand: "用地", CatFunds: "资金", CatApproval: "审批", CatDemolition: "征地拆迁",
	CatUtilities: "水电气暖", CatEnvironment: "环评能耗", CatOther: "其他",
}

// categoryEnglish labels a category on English pages (and keys the catalog).
var categoryEnglish = map[ProblemCategory]string{
	CatLand: "Land", CatFunds: "Funds", CatApproval: "Approvals", CatDemolition: "Land acquisition and demolition",
	CatUtilities: "Water, power, gas, heating", CatEnvironment: "Environment and energy", CatOther: "Other",
}

// Valid reports a known category.
func (c ProblemCategory) Valid() bool { _, ok := categoryChinese[c]; return ok }

// Chinese is the category as the offices write it.
func (c ProblemCategory) Chinese() string { return categoryChinese[c] }

// Label is the English label, the catalog's key for the Chinese one.
func (c ProblemCategory) Label() string { return categoryEnglish[c] }

// ParseCategory reads a category code or its Chinese name.
func ParseCategory(s string) (ProblemCategory, bool) {
	s = strings.TrimSpace(s)
	if c := ProblemCategory(strings.ToLower(s)); c.Valid() {
		return c, true
	}
	for c, zh := range categoryChinese {
		if s == zh {
			return c, true
		}
	}
	return "", false
}

// ProblemStatus is where a problem stands.
type ProblemStatus string

const (
	ProblemOpen       ProblemStatus = "open"
	ProblemInProgress ProblemStatus = "in_progress"
	ProblemResolved   ProblemStatus = "resolved" // the owner says it is solved
	ProblemClosed     ProblemStatus = "closed"   // the campaign office confirmed it
)

// ProblemStatuses in workflow order.
var ProblemStatuses = []ProblemStatus{ProblemOpen, ProblemInProgress, ProblemResolved, ProblemClosed}

// Valid reports a known status.
func (s ProblemStatus) Valid() bool {
	for _, x := range ProblemStatuses {
		if s == x {
			return true
		}
	}
	return false
}

// Label is the English label, the catalog's key for the Chinese one.
func (s ProblemStatus) Label() string {
	switch s {
	case ProblemOpen:
		return "Unsolved"
	case ProblemInProgress:
		return "In progress"
	case ProblemResolved:
		return "Resolved, awaiting confirmation"
	case ProblemClosed:
		return "Closed"
	}
	return string(s)
}

// Pending reports a problem still waiting to be solved: only these can be
// overdue or escalate.
func (s ProblemStatus) Pending() bool { return s == ProblemOpen || s == ProblemInProgress }

// ProblemAction is a step of the workflow.
type ProblemAction string

const (
	PAStart    ProblemAction = "start"    // the owner takes it up
	PAResolve  ProblemAction = "resolve"  // the owner says what was done
	PAClose    ProblemAction = "close"    // the campaign office confirms
	PAReopen   ProblemAction = "reopen"   // not solved after all
	PAReassign ProblemAction = "reassign" // another owner, with a reason
	PAExtend   ProblemAction = "extend"   // a later due date, with a reason
	PAInstruct ProblemAction = "instruct" // a leader's 批示
	PAAck      ProblemAction = "ack"      // the owner acknowledges a 批示
)

// Label is the English name of a step, the catalog's key for the Chinese.
func (a ProblemAction) Label() string {
	switch a {
	case PAStart:
		return "Take it up"
	case PAResolve:
		return "Mark resolved"
	case PAClose:
		return "Confirm and close"
	case PAReopen:
		return "Reopen"
	case PAReassign:
		return "Reassign"
	case PAExtend:
		return "Extend"
	case PAInstruct:
		return "Write an instruction"
	case PAAck:
		return "Acknowledge"
	}
	return string(a)
}

// problemSteps is the state machine: from a status, an action leads to a
// status. Reassign and extend keep the status and are allowed while the
// problem is pending.
var problemSteps = map[ProblemStatus]map[ProblemAction]ProblemStatus{
	ProblemOpen:       {PAStart: ProblemInProgress, PAResolve: ProblemResolved},
	ProblemInProgress: {PAResolve: ProblemResolved},
	ProblemResolved:   {PAClose: ProblemClosed, PAReopen: ProblemOpen},
	ProblemClosed:     {PAReopen: ProblemOpen},
}

// NextStatus is where act leads from s, or a refusal naming both.
func NextStatus(s ProblemStatus, act ProblemAction) (ProblemStatus, error) {
	if to, ok := problemSteps[s][act]; ok {
		return to, nil
	}
	if act == PAClose {
		return "", Errorf(EValidation, "only a resolved problem can be closed; this one is %s", s.Label())
	}
	return "", Errorf(EValidation, "a problem that is %s cannot be given the step %s", s.Label(), act.Label())
}

// Problem is an obstacle raised on a project (问题清单), with an owner
// organisation, a due date and, once overdue, the project's leader.
type Problem struct {
	ID          int64           `json:"id"`
	Project     ProjectRef      `json:"project"`
	Category    ProblemCategory `json:"category"`
	Description string          `json:"description"`
	OwnerOrg    OrgRef          `json:"owner_org"`
	CoOrgs      []OrgRef        `json:"co_orgs"`
	Due         Date            `json:"due"`
	Status      ProblemStatus   `json:"status"`
	Resolution  string          `json:"resolution"`
	Note        string          `json:"note,omitempty"` // the reason of the latest reassign, extension or reopening
	Source      string          `json:"source"`
	RaisedBy    string          `json:"raised_by"`
	Leader      *LeaderRef      `json:"leader"` // the project's 包联市领导 when a user
	EscalatedAt time.Time       `json:"escalated_at,omitzero"`
	EscalatedTo int64           `json:"-"`
	CreatedAt   time.Time       `json:"created_at"`
	ResolvedAt  time.Time       `json:"resolved_at,omitzero"`
	Version     int             `json:"version"`
	// Derived by Derive for a day.
	Overdue   bool `json:"overdue"`
	Escalated bool `json:"escalated"`
	DaysOpen  int  `json:"days_open"`
	// Where the problem lies in the organisation tree (not shown).
	ProjectScope Scope    `json:"-"`
	OwnerPath    string   `json:"-"`
	CoPaths      []string `json:"-"`
}

// ProjectRef is how a project appears inside another record: enough to
// name it, nothing of its figures.
type ProjectRef struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
	Org  OrgRef `json:"org"`
}

// LeaderRef names a leader user.
type LeaderRef struct {
	ID       int64  `json:"-"`
	Username string `json:"username"`
	Name     string `json:"name"`
}

// Validate checks a new problem on the day it is raised. Problems read
// from a monthly workbook have no due date; those raised by hand do.
func (p *Problem) Validate(today Date, needDue bool) error {
	var err error
	if p.Description, err = clean("description", p.Description); err != nil {
		return err
	}
	switch {
	case p.Description == "":
		return FieldError("description", "is required: say what blocks the project")
	case !p.Category.Valid():
		return FieldError("category", "%q is not a category (land, funds, approval, demolition, utilities, environment, other)", string(p.Category))
	case needDue && p.Due.IsZero():
		return FieldError("due", "is required (YYYY-MM-DD)")
	case !p.Due.IsZero() && p.Due.MonthOnly():
		return FieldError("due", "must be a day (YYYY-MM-DD)")
	case !p.Due.IsZero() && p.Due.Before(today):
		return FieldError("due", "%s is in the past (today is %s)", p.Due.String(), today.String())
	}
	return nil
}

// Derive fills the derived fields for a day in the city's zone loc:
// overdue when pending past the due date; days open from raising to
// resolution (or today). The stored instants are UTC, so they are read in
// loc: a problem raised at 00:30 Beijing time was raised that day, not the
// day before.
func (p *Problem) Derive(today Date, loc *time.Location) {
	p.Overdue = p.Status.Pending() && !p.Due.IsZero() && p.Due.Before(today)
	p.Escalated = !p.EscalatedAt.IsZero()
	end := today
	if !p.Status.Pending() && !p.ResolvedAt.IsZero() {
		end = DateOf(p.ResolvedAt.In(loc))
	}
	p.DaysOpen = DaysBetween(DateOf(p.CreatedAt.In(loc)), end)
	if p.DaysOpen < 0 {
		p.DaysOpen = 0
	}
}

// ShouldEscalate reports a problem that is overdue and has not yet gone up
// to the leader: the escalation sweep raises it once.
func (p *Problem) ShouldEscalate(today Date) bool {
	return p.Status.Pending() && !p.Due.IsZero() && p.Due.Before(today) && p.EscalatedAt.IsZero()
}

// DueSoon reports a pending problem due within days from today (due today
// included), for the reminder.
func (p *Problem) DueSoon(today Date, days int) bool {
	if !p.Status.Pending() || p.Due.IsZero() || p.Due.Before(today) {
		return false
	}
	return DaysBetween(today, p.Due) <= days
}

// Scope is where the problem may be seen from: the project's county and
// lead organisation, the owner and the co-organisations. An organisation
// that owns a problem on another county's project sees the problem (and
// only the problem, not the project).
func (p *Problem) Scope() Scope {
	paths := append([]string{}, p.ProjectScope.Paths...)
	paths = append(paths, p.OwnerPath)
	return Scope{Paths: append(paths, p.CoPaths...)}
}

// holds reports whether the actor's organisation is path or lies above it.
func (a Actor) holds(path string) bool {
	return a.OrgPath != "" && path != "" && strings.HasPrefix(path, a.OrgPath)
}

// MayAct is who may take a step: the owner (or a co-organisation) works on
// a problem and resolves it, only the owner acknowledges a 批示; the
// campaign office confirms, reopens, reassigns and extends; only a leader
// instructs. Visibility is asked before this (Scope).
func (p *Problem) MayAct(a Actor, act ProblemAction) bool {
	if a.System {
		return true
	}
	office := a.Role.AtLeast(RoleCommand)
	owner := a.Role.AtLeast(RoleOrgAdmin) && a.holds(p.OwnerPath)
	co := false
	for _, c := range p.CoPaths {
		co = co || (a.Role.AtLeast(RoleOrgAdmin) && a.holds(c))
	}
	switch act {
	case PAStart, PAResolve:
		return office || owner || co
	case PAClose, PAReopen, PAReassign, PAExtend:
		return office
	case PAInstruct:
		return a.Role == RoleLeader
	case PAAck:
		return owner
	}
	return false
}

// Step applies a workflow step (start, resolve, close, reopen) at now.
// Resolving says what was done; reopening says why.
func (p *Problem) Step(act ProblemAction, text string, now time.Time) error {
	to, err := NextStatus(p.Status, act)
	if err != nil {
		return err
	}
	field := "reason"
	if act == PAResolve {
		field = "resolution"
	}
	if text, err = clean(field, text); err != nil {
		return err
	}
	switch act {
	case PAResolve:
		if text == "" {
			return FieldError("resolution", "is required: say what was done")
		}
		p.Resolution, p.ResolvedAt = text, now
	case PAReopen:
		if text == "" {
			return FieldError("reason", "is required to reopen a problem")
		}
		p.Note, p.ResolvedAt = text, time.Time{}
	}
	p.Status = to
	return nil
}

// Extend moves the due date later, with a reason; a pending problem only.
func (p *Problem) Extend(due Date, reason string, today Date) error {
	reason, err := clean("reason", reason)
	switch {
	case err != nil:
		return err
	case !p.Status.Pending():
		return Errorf(EValidation, "a problem that is %s cannot be extended", p.Status.Label())
	case reason == "":
		return FieldError("reason", "is required to extend a due date")
	case due.IsZero() || due.MonthOnly():
		return FieldError("due", "is required (YYYY-MM-DD)")
	case due.Before(today):
		return FieldError("due", "%s is in the past (today is %s)", due.String(), today.String())
	case !p.Due.IsZero() && !p.Due.Before(due):
		return FieldError("due", "%s is not later than the current due date %s", due.String(), p.Due.String())
	}
	p.Due, p.Note = due, reason
	return nil
}

// Reassign gives the problem to another owner, with a reason.
func (p *Problem) Reassign(owner OrgRef, ownerPath string, reason string) error {
	reason, err := clean("reason", reason)
	switch {
	case err != nil:
		return err
	case !p.Status.Pending():
		return Errorf(EValidation, "a problem that is %s cannot be reassigned", p.Status.Label())
	case reason == "":
		return FieldError("reason", "is required to reassign a problem")
	case owner.ID == p.OwnerOrg.ID:
		return FieldError("owner_org", "%s already owns this problem", owner.Name)
	}
	p.OwnerOrg, p.OwnerPath, p.Note = owner, ownerPath, reason
	return nil
}

// Instruction is a leader's written direction (批示) on a problem, which
// the owner organisation acknowledges.
type Instruction struct {
	ID        int64     `json:"id"`
	ProblemID int64     `json:"problem_id"`
	Leader    LeaderRef `json:"leader"`
	Text      string    `json:"text"`
	At        time.Time `json:"at"`
	AckedAt   time.Time `json:"acked_at,omitzero"`
	AckedBy   string    `json:"acked_by,omitempty"`
}

// Acked reports an acknowledged instruction.
func (i Instruction) Acked() bool { return !i.AckedAt.IsZero() }

// CheckInstruction validates a 批示's text.
func CheckInstruction(text string) (string, error) {
	text, err := clean("text", text)
	if err != nil {
		return "", err
	}
	if text == "" {
		return "", FieldError("text", "is required: write the instruction")
	}
	return text, nil
}

// clean applies the field's text rule (text.go) and refuses with a 422
// naming the field.
func clean(field, s string) (string, error) {
	v, d := CleanText(field, s)
	if d != nil {
		return s, FieldError(d.Field, d.Format, d.Args...)
	}
	return v, nil
}

// ProblemFilter selects problems for a list. OrgPath and Scope are
// materialised paths; Today decides what is overdue.
type ProblemFilter struct {
	ProjectID int64
	Status    ProblemStatus
	Category  ProblemCategory
	OrgPath   string // owner or co-organisation at or below this org
	LeaderID  int64  // the project's leader
	Escalated bool
	Overdue   bool
	Pending   bool // open or in progress
	Today     Date
	// Scope limits an organisation to problems on its projects and those
	// assigned to it ("" for city-wide roles).
	Scope string
	Limit int
}
