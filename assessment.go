package qianxiang

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"time"
)

// The monthly assessment (考核 · 奖惩) scores every county and every
// department out of 100 from six components, each weighted by the campaign
// office. A component is a fraction earned between 0 and 1:
//
//   - completion: completion rate against time progress, Σ completed YTD /
//     Σ annual plan ÷ (N/12), capped at 1 (reaching time progress earns the
//     whole weight); not measured without an annual plan;
//   - start_rate: started new projects / new projects in the plan (the
//     dispatch's start rate); not measured without new projects;
//   - target_rate: completed YTD / assigned annual investment ÷ (N/12),
//     capped at 1; not measured when no target is assigned;
//   - entry_rate (统计入库率): among started projects with total investment
//     ≥ 500 万元, those in the statistics; not measured when there are none;
//   - problems_on_time: among problems owned by the organisation (or one
//     below it) whose due date lies in the year up to the end of month N,
//     those resolved on or before their due date; not measured when none
//     fell due;
//   - reports_on_time: among the monthly reports due in months 1..N, those
//     submitted or approved and not late (迟报); a missing report counts as
//     not on time.
//
// A component that is not measured for an organisation earns nothing and
// weighs nothing: the weights of the measured components are scaled up to
// 100, so that a department without new projects is neither rewarded nor
// punished for it. Every component's value, weight, applied weight and
// points are kept, so an organisation sees why it ranks where it does.

// AssessComponent names one component of the score.
type AssessComponent string

const (
	AssessCompletion AssessComponent = "completion"       // 投资完成率对时序进度
	AssessStart      AssessComponent = "start_rate"       // 开工率
	AssessTarget     AssessComponent = "target_rate"      // 目标完成率
	AssessEntry      AssessComponent = "entry_rate"       // 统计入库率
	AssessProblems   AssessComponent = "problems_on_time" // 问题按期解决率
	AssessReports    AssessComponent = "reports_on_time"  // 按时报送率
)

// AssessComponents in the order the office's scoring sheet lists them.
var AssessComponents = []AssessComponent{AssessCompletion, AssessStart, AssessTarget, AssessEntry, AssessProblems, AssessReports}

// StatsThreshold is the total investment from which a project belongs in
// the fixed-asset investment statistics: 500 万元.
const StatsThreshold Money = 500 * 100

// AssessWeights are the campaign office's weights for one year, in whole
// points adding up to 100, and how many organisations the 红榜 and 黑榜
// name.
type AssessWeights struct {
	Completion     int `json:"completion"`
	StartRate      int `json:"start_rate"`
	TargetRate     int `json:"target_rate"`
	EntryRate      int `json:"entry_rate"`
	ProblemsOnTime int `json:"problems_on_time"`
	ReportsOnTime  int `json:"reports_on_time"`
}

// AssessSettings are a year's weights and board size.
type AssessSettings struct {
	Year      int           `json:"year"`
	Weights   AssessWeights `json:"weights"`
	BoardSize int           `json:"board_size"` // 红榜 top N, 黑榜 bottom N
	// Set is false while the office has not set the year's weights: the
	// defaults apply.
	Set bool `json:"set"`
}

// DefaultAssessSettings weighs delivery most: 30 completion, 20 start
// rate, 20 target rate, 10 each for entry, problems and reports; boards of 3.
func DefaultAssessSettings(year int) AssessSettings {
	return AssessSettings{Year: year, BoardSize: 3, Weights: AssessWeights{
		Completion: 30, StartRate: 20, TargetRate: 20, EntryRate: 10, ProblemsOnTime: 10, ReportsOnTime: 10}}
}

// Of gives a component's weight.
func (w AssessWeights) Of(c AssessComponent) int {
	switch c {
	case AssessCompletion:
		return w.Completion
	case AssessStart:
		return w.StartRate
	case AssessTarget:
		return w.TargetRate
	case AssessEntry:
		return w.EntryRate
	case AssessProblems:
		return w.ProblemsOnTime
	case AssessReports:
		return w.ReportsOnTime
	}
	return 0
}

// Sum adds the weights.
func (w AssessWeights) Sum() int {
	n := 0
	for _, c := range AssessComponents {
		n += w.Of(c)
	}
	return n
}

// Validate refuses a weight below 0 or above 100, weights that do not add
// up to 100, and a board size outside 1..20, each named by its field.
func (s AssessSettings) Validate() error {
	var ds []Detail
	for _, c := range AssessComponents {
		if v := s.Weights.Of(c); v < 0 || v > 100 {
			ds = append(ds, Detail{Field: "weights." + string(c), Format: "must be between 0 and 100, not %d", Args: []any{v}})
		}
	}
	if len(ds) == 0 && s.Weights.Sum() != 100 {
		ds = append(ds, Detail{Field: "weights", Format: "must add up to 100, not %d", Args: []any{s.Weights.Sum()}})
	}
	if s.BoardSize < 1 || s.BoardSize > 20 {
		ds = append(ds, Detail{Field: "board_size", Format: "must be between 1 and 20, not %d", Args: []any{s.BoardSize}})
	}
	switch len(ds) {
	case 0:
		return nil
	case 1:
		return &Error{Code: EValidation, Format: "%s: " + ds[0].Format, Args: append([]any{ds[0].Field}, ds[0].Args...), Details: ds}
	}
	e := Errorf(EValidation, "%d faults in the assessment weights", len(ds))
	e.Details = ds
	return e
}

// Points are hundredths of a point of the score (8550 = 85.50).
type Points int64

// MarshalJSON writes the points with 2 decimals.
func (p Points) MarshalJSON() ([]byte, error) { return []byte(p.String()), nil }

// String gives "85.50".
func (p Points) String() string { return strconv.FormatFloat(float64(p)/100, 'f', 2, 64) }

// Float gives the points as a number (for charts and workbooks).
func (p Points) Float() float64 { return float64(p) / 100 }

// AssessFacts are one organisation's measured figures for month N.
type AssessFacts struct {
	Org                         OrgRef
	AnnualPlan, CompletedYTD    Money
	TargetPlan                  Money // assigned annual investment; 0: none
	NewProjects, StartedNew     int
	StatsExpected, StatsEntered int
	ProblemsDue, ProblemsOnTime int
	ReportsDue, ReportsOnTime   int
}

// AssessPart is one component of an organisation's score.
type AssessPart struct {
	Component AssessComponent `json:"component"`
	Measured  bool            `json:"measured"`
	// Num and Den are the counts or amounts behind the value: amounts are
	// hundredths of 万元 for completion and target rate (JSON gives 万元).
	Num   int64     `json:"-"`
	Den   int64     `json:"-"`
	Value *Fraction `json:"value"` // Num/Den; null when not measured
	// Earned is the fraction of the weight earned (capped at 1; for
	// completion and target rate, the value against time progress).
	Earned  Fraction `json:"earned"`
	Weight  int      `json:"weight"`  // as the office set it
	Applied Fraction `json:"applied"` // the weight scaled over the measured components
	Points  Points   `json:"points"`
}

// AssessRow is one organisation's line of the ranking.
type AssessRow struct {
	Org   OrgRef       `json:"org"`
	Rank  int          `json:"rank"` // 0: nothing measured, not ranked
	Score Points       `json:"score"`
	Board string       `json:"board,omitempty"` // "red" (红榜), "black" (黑榜) or ""
	Parts []AssessPart `json:"components"`
}

// Assessment is the month's scoring of counties and of departments, each
// ranked among themselves.
type Assessment struct {
	Year         int            `json:"year"`
	Month        int            `json:"month"`
	TimeProgress Fraction       `json:"time_progress"`
	Settings     AssessSettings `json:"settings"`
	Counties     []AssessRow    `json:"counties"`
	Departments  []AssessRow    `json:"departments"`
	// Self is the reader's own organisation's code when it is ranked.
	Self string `json:"self,omitempty"`
}

// ScoreOrg computes one organisation's components and score for month N.
func ScoreOrg(month int, w AssessWeights, f AssessFacts) AssessRow {
	row := AssessRow{Org: f.Org, Parts: make([]AssessPart, 0, len(AssessComponents))}
	measured := 0
	for _, c := range AssessComponents {
		p := AssessPart{Component: c, Weight: w.Of(c)}
		switch c {
		case AssessCompletion:
			p.Num, p.Den = int64(f.CompletedYTD), int64(f.AnnualPlan)
		case AssessStart:
			p.Num, p.Den = int64(f.StartedNew), int64(f.NewProjects)
		case AssessTarget:
			p.Num, p.Den = int64(f.CompletedYTD), int64(f.TargetPlan)
		case AssessEntry:
			p.Num, p.Den = int64(f.StatsEntered), int64(f.StatsExpected)
		case AssessProblems:
			p.Num, p.Den = int64(f.ProblemsOnTime), int64(f.ProblemsDue)
		case AssessReports:
			p.Num, p.Den = int64(f.ReportsOnTime), int64(f.ReportsDue)
		}
		if p.Den > 0 {
			p.Measured = true
			v := Fraction(float64(p.Num) / float64(p.Den))
			p.Value = &v
			p.Earned = v
			if c == AssessCompletion || c == AssessTarget {
				// Against time progress N/12, exactly: num·12 ≥ den·N earns all.
				if cmpProducts(p.Num, 12, p.Den, int64(month)) >= 0 {
					p.Earned = 1
				} else {
					p.Earned = Fraction(float64(p.Num) * 12 / (float64(p.Den) * float64(month)))
				}
			}
			p.Earned = Fraction(min(max(float64(p.Earned), 0), 1))
			measured += p.Weight
		}
		row.Parts = append(row.Parts, p)
	}
	if measured == 0 {
		return row
	}
	// The score is rounded once; the parts are rounded each and the
	// rounding difference goes to the largest part, so that the parts the
	// page shows add up to the score it shows.
	exact, largest := 0.0, -1
	var sum Points
	for i := range row.Parts {
		p := &row.Parts[i]
		if !p.Measured {
			continue
		}
		p.Applied = Fraction(float64(p.Weight) * 100 / float64(measured))
		x := float64(p.Weight) * float64(p.Earned) * 100 / float64(measured)
		exact += x
		p.Points = Points(math.Round(x * 100))
		sum += p.Points
		if largest < 0 || p.Points > row.Parts[largest].Points {
			largest = i
		}
	}
	row.Score = Points(math.Round(exact * 100))
	if d := row.Score - sum; d != 0 && largest >= 0 {
		row.Parts[largest].Points += d
	}
	return row
}

// RankAssessment scores each organisation and ranks them: higher score
// first; the same score (to the hundredth shown) shares a rank and the next
// rank skips (1, 1, 3); equal scores are listed by org code. The top
// boardSize ranks are the 红榜, the bottom boardSize the 黑榜 (ties at the
// edge included; an organisation on the 红榜 is never also on the 黑榜).
// An organisation with nothing measured is listed last, unranked.
func RankAssessment(month int, w AssessWeights, boardSize int, facts []AssessFacts) []AssessRow {
	rows := make([]AssessRow, 0, len(facts))
	for _, f := range facts {
		rows = append(rows, ScoreOrg(month, w, f))
	}
	ranked := func(r AssessRow) bool {
		for _, p := range r.Parts {
			if p.Measured {
				return true
			}
		}
		return false
	}
	slices.SortStableFunc(rows, func(a, b AssessRow) int {
		ra, rb := ranked(a), ranked(b)
		if ra != rb {
			if ra {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Org.Code, b.Org.Code))
	})
	n := 0
	for i := range rows {
		if !ranked(rows[i]) {
			break
		}
		n++
		if i > 0 && rows[i].Score == rows[i-1].Score {
			rows[i].Rank = rows[i-1].Rank
		} else {
			rows[i].Rank = i + 1
		}
	}
	for i := 0; i < n; i++ {
		if rows[i].Rank <= boardSize {
			rows[i].Board = "red"
			continue
		}
		// Its place from the bottom: 1 + those scoring strictly less.
		below := 0
		for j := i + 1; j < n; j++ {
			if rows[j].Score < rows[i].Score {
				below++
			}
		}
		if below < boardSize {
			rows[i].Board = "black"
		}
	}
	return rows
}

// Board gives the rows on the 红榜 ("red") or 黑榜 ("black"), the 黑榜
// worst first.
func Board(rows []AssessRow, board string) []AssessRow {
	var out []AssessRow
	for _, r := range rows {
		if r.Board == board {
			out = append(out, r)
		}
	}
	if board == "black" {
		slices.SortStableFunc(out, func(a, b AssessRow) int {
			return cmp.Or(cmp.Compare(a.Score, b.Score), cmp.Compare(a.Org.Code, b.Org.Code))
		})
	}
	return out
}

// Part finds a row's component.
func (r AssessRow) Part(c AssessComponent) AssessPart {
	for _, p := range r.Parts {
		if p.Component == c {
			return p
		}
	}
	return AssessPart{Component: c}
}

// Row finds an organisation's row in either ranking.
func (a *Assessment) Row(code string) (AssessRow, string, bool) {
	for _, r := range a.Counties {
		if r.Org.Code == code {
			return r, "counties", true
		}
	}
	for _, r := range a.Departments {
		if r.Org.Code == code {
			return r, "departments", true
		}
	}
	return AssessRow{}, "", false
}

// MonthEnd is the last day of a month.
func MonthEnd(year, month int) Date {
	return DateOf(time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC))
}

// Due says whether projects of kind k report every month (the dispatch's
// rule), for counting the reports due over several months.
func (s DispatchSettings) Due(k Kind) bool { return s.reports(k) }

// Amounts says whether a component's Num and Den are amounts of money.
func (c AssessComponent) Amounts() bool { return c == AssessCompletion || c == AssessTarget }

// MarshalJSON writes num and den in 万元 for amounts, as counts otherwise.
func (p AssessPart) MarshalJSON() ([]byte, error) {
	type plain AssessPart
	var num, den any = p.Num, p.Den
	if p.Component.Amounts() {
		num, den = Money(p.Num), Money(p.Den)
	}
	return json.Marshal(struct {
		plain
		Num any `json:"num"`
		Den any `json:"den"`
	}{plain(p), num, den})
}
