package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

// assessLabels name the components on the pages (English keys of the
// catalog; zh_assess.go has the Chinese).
var assessLabels = map[qianxiang.AssessComponent]string{
	qianxiang.AssessCompletion: "Completion against time progress",
	qianxiang.AssessStart:      "Start rate",
	qianxiang.AssessTarget:     "Target rate against time progress",
	qianxiang.AssessEntry:      "Statistics entry rate",
	qianxiang.AssessProblems:   "Problems solved on time",
	qianxiang.AssessReports:    "Reports on time",
}

// assessWeightField is one weight of the office's form, as typed.
type assessWeightField struct {
	Key, Label, Value, Err string
}

type assessView struct {
	Year, Month int
	Years       []int
	City        string
	A           *qianxiang.Assessment
	Components  []qianxiang.AssessComponent
	// The boards of each ranking.
	CountyRed, CountyBlack, DeptRed, DeptBlack []qianxiang.AssessRow
	// The chart of one organisation's score over the year.
	ChartOrg  qianxiang.OrgRef
	ChartRows []qianxiang.OrgRef
	Chart     template.HTML
	CanEdit   bool
	Weights   []assessWeightField
	Board     string
	BoardErr  string
	Sum       int
}

// Self links to this page with other parameters.
func (v *assessView) Self(path string, kv ...string) string {
	return path + "?" + queryString(append([]string{"year", strconv.Itoa(v.Year), "month", strconv.Itoa(v.Month)}, kv...)...)
}

// Months are the months of the picker.
func (v *assessView) Months() []int { return []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} }

// assessStanding is the reader's own line, above the tables.
type assessStanding struct {
	Row     qianxiang.AssessRow
	Ranking string // "among counties" or "among departments"
	Of      int
}

// Standing gives the reader's own place, nil when not ranked.
func (v *assessView) Standing() *assessStanding {
	row, ranking, ok := v.A.Row(v.A.Self)
	if !ok || row.Rank == 0 {
		return nil
	}
	rows := v.A.Counties
	if ranking == "departments" {
		rows = v.A.Departments
	}
	n := 0
	for _, r := range rows {
		if r.Rank > 0 {
			n++
		}
	}
	return &assessStanding{Row: row, Ranking: "among " + ranking, Of: n}
}

// Label names a component.
func (v *assessView) Label(c qianxiang.AssessComponent) string { return assessLabels[c] }

func (s *Server) loadAssessment(r *http.Request) (*assessView, error) {
	y, m, err := s.yearMonth(r)
	if err != nil {
		return nil, err
	}
	ctx, a := r.Context(), actor(r)
	as, err := s.App.Assessment(ctx, a, y, m)
	if err != nil {
		return nil, err
	}
	v := &assessView{Year: y, Month: m, A: as, Components: qianxiang.AssessComponents,
		CountyRed: qianxiang.Board(as.Counties, "red"), CountyBlack: qianxiang.Board(as.Counties, "black"),
		DeptRed: qianxiang.Board(as.Departments, "red"), DeptBlack: qianxiang.Board(as.Departments, "black"),
		CanEdit: a.Can(qianxiang.ActSettings, qianxiang.Scope{})}
	if city, ok := s.App.City(ctx); ok {
		v.City = city.Name
	}
	v.Years, _ = s.App.Years(ctx)
	if len(v.Years) == 0 {
		v.Years = []int{y}
	}
	v.setWeights(as.Settings)
	// The chart follows the organisation asked for, else the reader's
	// own, else the first county.
	for _, rows := range [][]qianxiang.AssessRow{as.Counties, as.Departments} {
		for _, row := range rows {
			v.ChartRows = append(v.ChartRows, row.Org)
		}
	}
	want := r.URL.Query().Get("org")
	if want == "" {
		want = as.Self
	}
	for _, o := range v.ChartRows {
		if o.Code == want || (want == "" && v.ChartOrg.Code == "") {
			v.ChartOrg = o
		}
	}
	if v.ChartOrg.Code == "" && len(v.ChartRows) > 0 {
		v.ChartOrg = v.ChartRows[0]
	}
	if v.ChartOrg.Code != "" {
		h, err := s.App.AssessmentHistory(ctx, a, y, m)
		if err != nil {
			return nil, err
		}
		lang := info(r).Lang
		v.Chart = assessChart(h, v.ChartOrg.Code, assessChartLabels{
			Org: v.ChartOrg.Name, Best: i18n.T(lang, "Best score of its ranking"), Mean: i18n.T(lang, "Average of its ranking"),
			Rank: func(n int) string { return i18n.T(lang, "#%d", n) },
		}, func(month int) string {
			return v.Self("/assessment", "month", strconv.Itoa(month), "org", v.ChartOrg.Code)
		})
	}
	return v, nil
}

func (v *assessView) setWeights(st qianxiang.AssessSettings) {
	v.Weights = v.Weights[:0]
	for _, c := range qianxiang.AssessComponents {
		v.Weights = append(v.Weights, assessWeightField{Key: string(c), Label: assessLabels[c], Value: strconv.Itoa(st.Weights.Of(c))})
	}
	v.Board, v.Sum = strconv.Itoa(st.BoardSize), st.Weights.Sum()
}

func (s *Server) assessmentPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loadAssessment(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Assessment", "dispatch", v)
	if r.URL.Query().Get("saved") == "1" {
		p.Flash = i18n.T(p.Lang, "Weights saved. Every month's scores of the year follow them.")
	}
	if p.Print {
		p.Title = fmt.Sprintf("%s %s", v.City, i18n.T(p.Lang, "Assessment ranking, %d, months 1-%d", v.Year, v.Month))
	}
	return s.render(w, r, 200, "assessment", p)
}

// assessmentWeightsSubmit saves the office's weights. A weight that is not
// a whole number is refused beside its field; the service refuses the rest
// (below zero, not adding up to 100) and nothing is saved.
func (s *Server) assessmentWeightsSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
	lang := info(r).Lang
	q := r.URL.Query()
	q.Set("year", r.FormValue("year"))
	q.Set("month", r.FormValue("month"))
	r.URL.RawQuery = q.Encode()
	v, err := s.loadAssessment(r)
	if err != nil {
		return err
	}
	var in qianxiang.AssessSettings
	bad := false
	vals := map[string]int{}
	for i := range v.Weights {
		f := &v.Weights[i]
		f.Value = strings.TrimSpace(r.FormValue(f.Key))
		n, err := strconv.Atoi(f.Value)
		if err != nil {
			f.Err, bad = i18n.T(lang, "write a whole number of points, e.g. 20"), true
		}
		vals[f.Key] = n
	}
	in.Weights = qianxiang.AssessWeights{Completion: vals["completion"], StartRate: vals["start_rate"], TargetRate: vals["target_rate"],
		EntryRate: vals["entry_rate"], ProblemsOnTime: vals["problems_on_time"], ReportsOnTime: vals["reports_on_time"]}
	v.Board = strings.TrimSpace(r.FormValue("board_size"))
	if in.BoardSize, err = strconv.Atoi(v.Board); err != nil {
		v.BoardErr, bad = i18n.T(lang, "write a whole number, e.g. 3"), true
	}
	v.Sum = in.Weights.Sum()
	p := s.page(r, "Assessment", "dispatch", v)
	if !bad {
		err := s.App.SetAssessSettings(r.Context(), actor(r), v.Year, in)
		if err == nil {
			http.Redirect(w, r, v.Self("/assessment", "saved", "1")+"#weights", http.StatusSeeOther)
			return nil
		}
		e := qianxiang.AsError(err)
		if e == nil || len(e.Details) == 0 || e.Details[0].Field == "" {
			return err
		}
		for _, d := range e.Details {
			msg := i18n.Message(lang, d)
			switch k := strings.TrimPrefix(d.Field, "weights."); {
			case d.Field == "board_size":
				v.BoardErr = msg
			case d.Field == "weights":
				p.Details = append(p.Details, i18n.T(lang, "The weights %s", msg))
			default:
				for i := range v.Weights {
					if v.Weights[i].Key == k {
						v.Weights[i].Err = msg
					}
				}
			}
		}
	}
	p.Error = i18n.T(lang, "The weights were not saved: correct the fields marked below.")
	return s.render(w, r, http.StatusUnprocessableEntity, "assessment", p)
}

// assessmentXLSX is the month's assessment as a workbook for the meeting.
func (s *Server) assessmentXLSX(w http.ResponseWriter, r *http.Request) error {
	y, m, err := s.yearMonth(r)
	if err != nil {
		return err
	}
	as, err := s.App.Assessment(r.Context(), actor(r), y, m)
	if err != nil {
		return err
	}
	city := ""
	if c, ok := s.App.City(r.Context()); ok {
		city = c.Name
	}
	name := fmt.Sprintf("assessment-%04d-%02d.xlsx", y, m)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, name,
		url.PathEscape(fmt.Sprintf("%s考核排名-%d年%d月.xlsx", city, y, m))))
	return excel.WriteAssessment(w, as, city)
}

// goalTile is the cockpit's tile of the campaign against its target: the
// office's campaign target when set, else the campaign's name (1,000
// projects, 1,000 亿元) for the city; a county's or department's own
// assigned target on its cockpit.
type goalTile struct {
	Projects, TargetProjects int
	Plan, TargetPlan, Done   qianxiang.Money
	ProjectsRate, PlanRate   qianxiang.Fraction
	DoneRate                 *qianxiang.Fraction
	Named                    bool // the campaign's name, not a target the office set
}

func goalOf(d *qianxiang.Dispatch, scope string) *goalTile {
	t := d.Total.Target
	named := false
	if t == nil {
		if scope != "" {
			return nil
		}
		c := qianxiang.DefaultCampaignTarget()
		t, named = &qianxiang.TargetFigures{Projects: c.Projects, AnnualPlan: c.AnnualPlan}, true
	}
	g := &goalTile{Projects: d.Total.Projects, TargetProjects: t.Projects, Plan: d.Total.AnnualPlan, TargetPlan: t.AnnualPlan,
		Done: d.Total.CompletedYTD, Named: named}
	if t.Projects > 0 {
		g.ProjectsRate = qianxiang.Fraction(float64(g.Projects) / float64(t.Projects))
	}
	if t.AnnualPlan > 0 {
		g.PlanRate = qianxiang.Fraction(float64(g.Plan) / float64(t.AnnualPlan))
		f := qianxiang.Fraction(float64(g.Done) / float64(t.AnnualPlan))
		g.DoneRate = &f
	}
	return g
}

// yi2 shows 万元 as 亿元 with two decimals (10,000,000 万元 → 1,000.00).
func yi2(m qianxiang.Money) string {
	return fmtMoney((m + 5000) / 10000)
}

func init() {
	funcs["goalOf"] = goalOf
	funcs["yi2"] = yi2
	funcs["assessPart"] = func(r qianxiang.AssessRow, c qianxiang.AssessComponent) qianxiang.AssessPart { return r.Part(c) }
	// assessFigures shows what a component's value is made of: "3 / 4", or
	// amounts in 万元.
	funcs["assessFigures"] = func(p qianxiang.AssessPart) string {
		if p.Component.Amounts() {
			return fmtMoney(qianxiang.Money(p.Num)) + " / " + fmtMoney(qianxiang.Money(p.Den))
		}
		return fmt.Sprintf("%d / %d", p.Num, p.Den)
	}
}
