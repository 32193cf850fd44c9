package qianxiang

import (
	"regexp"
	"strings"
)

// Kind is 新开工 / 续建 / 前期.
type Kind string

const (
	KindNew         Kind = "new"
	KindContinuing  Kind = "continuing"
	KindPreparatory Kind = "preparatory"
)

// Kinds in display order.
var Kinds = []Kind{KindNew, KindContinuing, KindPreparatory}

// Valid reports a known kind.
func (k Kind) Valid() bool { return k == KindNew || k == KindContinuing || k == KindPreparatory }

// ParseKind reads the words project lists use for a kind.
func ParseKind(s string) (Kind, bool) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", false
	case strings.Contains(s, "新开工"), strings.Contains(s, "新建"), s == "新", s == string(KindNew):
		return KindNew, true
	case strings.Contains(s, "续建"), strings.Contains(s, "在建"), s == string(KindContinuing):
		return KindContinuing, true
	case strings.Contains(s, "前期"), strings.Contains(s, "谋划"), s == string(KindPreparatory):
		return KindPreparatory, true
	}
	return "", false
}

// Stage is the lifecycle 谋划 → 储备 → 前期 → 在建 → 竣工 → 投产.
type Stage string

const (
	StageIdea         Stage = "idea"
	StageReserve      Stage = "reserve"
	StagePreparing    Stage = "preparing"
	StageConstruction Stage = "construction"
	StageCompleted    Stage = "completed"
	StageOperating    Stage = "operating"
)

// Stages in lifecycle order.
var Stages = []Stage{StageIdea, StageReserve, StagePreparing, StageConstruction, StageCompleted, StageOperating}

// Valid reports a known stage.
func (s Stage) Valid() bool {
	for _, x := range Stages {
		if s == x {
			return true
		}
	}
	return false
}

// DefaultStage follows from the kind when a list gives none.
func (k Kind) DefaultStage() Stage {
	if k == KindContinuing {
		return StageConstruction
	}
	return StagePreparing
}

// TeamMember is one member of the project's 专班.
type TeamMember struct {
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Target is the year's 一个目标.
type Target struct {
	StartBy       string `json:"start_by,omitempty"`    // YYYY-MM
	CompleteBy    string `json:"complete_by,omitempty"` // YYYY-MM
	InvestAtLeast Money  `json:"invest_at_least,omitempty"`
	Text          string `json:"text,omitempty"`
}

// Project is one investment project in a year's plan.
type Project struct {
	ID              int64             `json:"id"`
	Year            int               `json:"year"`
	Code            string            `json:"code"`
	Name            string            `json:"name"`
	Owner           string            `json:"owner"`
	Org             OrgRef            `json:"org"`
	LeadOrg         OrgRef            `json:"lead_org"`
	Kind            Kind              `json:"kind"`
	Stage           Stage             `json:"stage"`
	Sector          string            `json:"sector"`
	Scope           string            `json:"scope"`
	TotalInvestment Money             `json:"total_investment"`
	AnnualPlan      Money             `json:"annual_plan"`
	PlannedStart    Date              `json:"planned_start"`
	PlannedEnd      Date              `json:"planned_end"`
	StartedOn       Date              `json:"started_on"`
	Leader          string            `json:"leader"`
	Team            []TeamMember      `json:"team"`
	Target          Target            `json:"target"`
	InStats         bool              `json:"in_stats"`
	Contact         string            `json:"contact"`
	Phone           string            `json:"phone"`
	Notes           string            `json:"notes"`
	Extra           map[string]string `json:"extra,omitempty"`
	Version         int               `json:"version"`
	// Confidential projects are left out of every public page and export;
	// only the campaign office sets it.
	Confidential bool `json:"confidential"`
	// Classes are the project's entries of the office's classification
	// lists beside the sector (产业链, 特色专业镇), by list code.
	Classes Classes `json:"classes,omitempty"`
	// Light is the project's light in the current dispatch, filled in by
	// listings; it is derived, never stored.
	Light Light `json:"light,omitempty"`

	OrgPath     string `json:"-"`
	LeadOrgPath string `json:"-"`
}

// ScopeOf locates the project for the access predicate.
func (p *Project) ScopeOf() Scope { return Scope{Paths: []string{p.OrgPath, p.LeadOrgPath}} }

// Validate checks the rules a project must satisfy whatever its source
// (API, form, workbook, CLI). It also normalises the text fields (trimmed,
// Unicode NFC) after checking them against TextRules, so that every path
// stores the same text for the same input.
// cityCode is the 6-digit code of the city, for the project code check.
func (p *Project) Validate(cityCode string) error {
	d := p.cleanText()
	add := func(field, format string, args ...any) {
		d = append(d, Detail{Field: field, Format: format, Args: args})
	}
	if strings.TrimSpace(p.Name) == "" {
		add("name", "is required")
	}
	if p.Year < 2000 || p.Year > 2100 {
		add("year", "must be a year between 2000 and 2100")
	}
	if p.Org.ID == 0 {
		add("org", "is required")
	}
	if !p.Kind.Valid() {
		add("kind", "must be new, continuing or preparatory")
	}
	if p.Stage != "" && !p.Stage.Valid() {
		add("stage", "is not a known stage")
	}
	if p.AnnualPlan > p.TotalInvestment && p.TotalInvestment >= 0 {
		add("annual_plan", "annual plan %s is greater than total investment %s", p.AnnualPlan, p.TotalInvestment)
	}
	if p.Kind == KindNew && p.PlannedStart.IsZero() {
		add("planned_start", "is required for a new project")
	}
	if p.Code != "" && !hasField(d, "code") {
		if e := AsError(CheckProjectCode(p.Code, cityCode)); e != nil {
			add("code", e.Format, e.Args...)
		}
	}
	if len(d) == 0 {
		return nil
	}
	e := FieldError(d[0].Field, d[0].Format, d[0].Args...)
	e.Details = d
	return e
}

var codeShape = regexp.MustCompile(`^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$`)

// CheckProjectCode checks a national project code (GB/T 40058-2021): its
// shape, and that its place lies in the city (first four digits of the
// administrative code). The check digit's algorithm is not public, so it is
// not checked.
func CheckProjectCode(code, cityCode string) error {
	if !codeShape.MatchString(code) {
		return Errorf(EValidation, "project code %q is not of the form YYYY-AAAAAA-DD-TT-RRRRRC", code)
	}
	if len(cityCode) >= 4 && code[5:9] != cityCode[:4] {
		return Errorf(EValidation, "project code %q is for place %s, outside the city %s", code, code[5:11], cityCode)
	}
	return nil
}

func hasField(ds []Detail, field string) bool {
	for _, d := range ds {
		if d.Field == field {
			return true
		}
	}
	return false
}
