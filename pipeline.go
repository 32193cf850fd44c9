package qianxiang

import (
	"regexp"
	"strconv"
	"strings"
)

// The reserve pool (谋划储备): projects at stage idea (谋划) or reserve
// (储备) are conceived and packaged before they enter a year's plan. Each
// carries a maturity checklist the campaign office configures, a maturity
// score derived from it, the consulting agency that packages it and the
// national funding channels it may fit (pipeline_policy.go).

// InPool reports a stage of the reserve pool.
func (s Stage) InPool() bool { return s == StageIdea || s == StageReserve }

// ChecklistItem is one step of a project's maturity (可研, 用地预审 …).
// Weight is its share in the score; a mandatory item must be done before
// the project can be promoted into a year's plan.
type ChecklistItem struct {
	Key       string `json:"key"`
	Name      string `json:"name"`
	Weight    int    `json:"weight"`
	Mandatory bool   `json:"mandatory"`
}

// DefaultChecklist is used until the office configures its own: the steps
// a project's preparation goes through before it can start, with the three
// without which no plan admits a project (feasibility, land, funding)
// mandatory.
var DefaultChecklist = []ChecklistItem{
	{"feasibility", "可行性研究报告", 3, true},
	{"site", "规划选址", 2, false},
	{"land", "用地预审", 2, true},
	{"environment", "环境影响评价", 2, false},
	{"funding", "资金来源落实", 3, true},
	{"approvals", "审批手续启动", 1, false},
}

var checkKey = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// CheckChecklist validates the office's checklist: 1 to 30 items, keys
// unique (lower-case letters, digits, _), names given, weights 1 to 100.
func CheckChecklist(items []ChecklistItem) error {
	var d []Detail
	add := func(field, format string, args ...any) {
		d = append(d, Detail{Field: field, Format: format, Args: args})
	}
	if len(items) == 0 || len(items) > 30 {
		add("items", "give between 1 and 30 checklist items (%d given)", len(items))
	}
	seen := map[string]bool{}
	for i := range items {
		it := &items[i]
		f := "items[" + strconv.Itoa(i) + "]"
		it.Key = strings.TrimSpace(it.Key)
		if !checkKey.MatchString(it.Key) {
			add(f+".key", "%q is not a key (lower-case letters, digits and _, starting with a letter)", it.Key)
		} else if seen[it.Key] {
			add(f+".key", "%q is given twice", it.Key)
		}
		seen[it.Key] = true
		name, e := CleanText("title", it.Name)
		switch {
		case e != nil:
			add(f+".name", e.Format, e.Args...)
		case name == "":
			add(f+".name", "is required")
		}
		it.Name = name
		if it.Weight < 1 || it.Weight > 100 {
			add(f+".weight", "must be a whole number from 1 to 100")
		}
	}
	if len(d) == 0 {
		return nil
	}
	e := FieldError(d[0].Field, d[0].Format, d[0].Args...)
	e.Details = d
	return e
}

// CheckMark is a project's state of one checklist item.
type CheckMark struct {
	Key    string `json:"key"`
	Done   bool   `json:"done"`
	DoneOn Date   `json:"done_on"`
	Note   string `json:"note"`
}

// MaturityBand groups scores for the pool's tables.
type MaturityBand string

const (
	BandHigh   MaturityBand = "high"   // 成熟: score ≥ 80%
	BandMedium MaturityBand = "medium" // 较成熟: 50% ≤ score < 80%
	BandLow    MaturityBand = "low"    // 培育: below 50%
)

// MaturityBands from most to least mature.
var MaturityBands = []MaturityBand{BandHigh, BandMedium, BandLow}

// Valid reports a known band.
func (b MaturityBand) Valid() bool { return b == BandHigh || b == BandMedium || b == BandLow }

// Maturity is a project's score on the checklist: the weighted share of
// items done, Σ weight of done items / Σ weight of all items. Marks of
// keys no longer on the checklist do not count.
type Maturity struct {
	Score            Fraction        `json:"score"`
	DoneWeight       int             `json:"done_weight"`
	TotalWeight      int             `json:"total_weight"`
	Done             int             `json:"done"`
	Items            int             `json:"items"`
	Band             MaturityBand    `json:"band"`
	MissingMandatory []ChecklistItem `json:"missing_mandatory"`
}

// MaturityOf scores marks against the checklist. The band is decided on
// the exact weights (done·10 ≥ total·8), never on a rounded float.
func MaturityOf(items []ChecklistItem, marks map[string]CheckMark) Maturity {
	m := Maturity{Items: len(items), MissingMandatory: []ChecklistItem{}}
	for _, it := range items {
		m.TotalWeight += it.Weight
		if marks[it.Key].Done {
			m.DoneWeight += it.Weight
			m.Done++
		} else if it.Mandatory {
			m.MissingMandatory = append(m.MissingMandatory, it)
		}
	}
	m.Score, _ = fractionOf(int64(m.DoneWeight), int64(m.TotalWeight))
	switch {
	case m.TotalWeight > 0 && m.DoneWeight*10 >= m.TotalWeight*8:
		m.Band = BandHigh
	case m.TotalWeight > 0 && m.DoneWeight*10 >= m.TotalWeight*5:
		m.Band = BandMedium
	default:
		m.Band = BandLow
	}
	return m
}

// CheckPromotion says whether a project may be promoted from the pool into
// the plan of year: it must be in the pool, the year not before its own,
// and every mandatory item done. The refusal lists the missing items.
func CheckPromotion(p Project, m Maturity, year int) error {
	switch {
	case !p.Stage.InPool():
		return Errorf(EValidation, "only a project in the reserve pool (idea or reserve stage) can be promoted; this one is at stage %s", string(p.Stage))
	case year < 2000 || year > 2100:
		return FieldError("year", "must be a year between 2000 and 2100")
	case year < p.Year:
		return FieldError("year", "%d is before the project's year %d", year, p.Year)
	}
	if len(m.MissingMandatory) == 0 {
		return nil
	}
	names := make([]string, len(m.MissingMandatory))
	for i, it := range m.MissingMandatory {
		names[i] = it.Name
	}
	e := Errorf(EValidation, "cannot promote: mandatory checklist items not done: %s", strings.Join(names, "、"))
	for _, it := range m.MissingMandatory {
		e.Details = append(e.Details, Detail{Field: "checklist." + it.Key, Format: "%s is mandatory and not done", Args: []any{it.Name}})
	}
	return e
}

// Promote moves the project into the plan of year at the preparatory stage
// (前期). It is the same record, so its history stays with it.
func (p *Project) Promote(year int) {
	p.Year, p.Stage = year, StagePreparing
}

// PoolFilter selects the reserve pool's projects.
type PoolFilter struct {
	ScopePath string // the actor's reach ("" for city-wide)
	OrgPath   string // a county or department and what lies below it
	Sector    string
}
