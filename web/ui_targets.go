package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// targetRow is one organisation's line of the targets form, as typed, with
// what the dispatch of the latest month says beside it.
type targetRow struct {
	Code, Name, Kind          string
	Projects, Plan, NewStarts string
	PlanSum, CompletedYTD     qianxiang.Money
	TargetRate                *qianxiang.Fraction
	Errs                      map[string]string
}

type targetsForm struct {
	Year, Month      int
	Years            []int
	CampaignProjects string
	CampaignPlan     string
	Errors           map[string]string
	Rows             []*targetRow
	CanEdit          bool
	Total            qianxiang.DispatchTotals
	// Counties and Departments add up the stored targets of each kind, so
	// the office dividing the campaign's 1,000 亿元 sees what is still
	// undivided. Departments are summed apart: their projects are also in
	// the counties, so the two sums overlap.
	Counties, Departments targetSum
	// Campaign is the stored campaign target (zero when not set).
	Campaign qianxiang.CampaignTarget
	// CityWide: the reader sees every organisation's target, so the sums
	// mean something (a county sees only its own).
	CityWide bool
}

// targetSum adds up assigned targets of one kind of organisation.
type targetSum struct {
	Orgs, Projects, NewStarts int
	Plan                      qianxiang.Money
}

// Share is the sum's annual investment against the campaign's, or nil
// when the campaign has none.
func (t targetSum) Share(c qianxiang.CampaignTarget) *qianxiang.Fraction {
	if c.AnnualPlan <= 0 {
		return nil
	}
	f := qianxiang.Fraction(float64(t.Plan) / float64(c.AnnualPlan))
	return &f
}

// Undivided is the campaign's annual investment not yet assigned; Over
// is what was assigned beyond it.
func (t targetSum) Undivided(c qianxiang.CampaignTarget) qianxiang.Money {
	return max(c.AnnualPlan-t.Plan, 0)
}

// Over: see Undivided.
func (t targetSum) Over(c qianxiang.CampaignTarget) qianxiang.Money {
	return max(t.Plan-c.AnnualPlan, 0)
}

// targetsFormFor fills the form with the stored targets and the month's
// dispatch figures of every county and department.
func (s *Server) targetsFormFor(r *http.Request, year int) (*targetsForm, error) {
	ctx, a := r.Context(), actor(r)
	t, err := s.App.Targets(ctx, a, year)
	if err != nil {
		return nil, err
	}
	month := s.App.DefaultDispatchMonth(ctx, year)
	d, err := s.App.Dispatch(ctx, a, year, month)
	if err != nil {
		return nil, err
	}
	orgs, err := s.App.Orgs(ctx, a)
	if err != nil {
		return nil, err
	}
	years, _ := s.App.Years(ctx)
	f := &targetsForm{Year: year, Month: month, Years: years, Errors: map[string]string{}, Total: d.Total,
		CanEdit: a.Can(qianxiang.ActSettings, qianxiang.Scope{})}
	f.Campaign, f.CityWide = t.Campaign, app.ScopePath(a) == ""
	if t.Campaign != (qianxiang.CampaignTarget{}) {
		f.CampaignProjects, f.CampaignPlan = strconv.Itoa(t.Campaign.Projects), t.Campaign.AnnualPlan.String()
	}
	set := map[string]qianxiang.OrgTarget{}
	for _, o := range t.Orgs {
		set[o.Org] = o
	}
	figures := map[string]qianxiang.OrgDispatch{}
	for _, o := range slices.Concat(d.ByOrg, d.Departments(), d.Unlisted) {
		figures[o.Org.Code] = o
	}
	for _, o := range orgs {
		if o.Kind != qianxiang.OrgCounty && o.Kind != qianxiang.OrgDepartment {
			continue
		}
		row := &targetRow{Code: o.Code, Name: o.Name, Kind: string(o.Kind), Errs: map[string]string{}}
		if ot, ok := set[o.Code]; ok {
			row.Projects, row.Plan, row.NewStarts = strconv.Itoa(ot.Projects), ot.AnnualPlan.String(), strconv.Itoa(ot.NewStarts)
			sum := &f.Counties
			if o.Kind == qianxiang.OrgDepartment {
				sum = &f.Departments
			}
			sum.Orgs++
			sum.Projects += ot.Projects
			sum.NewStarts += ot.NewStarts
			sum.Plan += ot.AnnualPlan
		}
		if fg, ok := figures[o.Code]; ok {
			row.PlanSum, row.CompletedYTD, row.TargetRate = fg.AnnualPlan, fg.CompletedYTD, fg.TargetRate
		}
		f.Rows = append(f.Rows, row)
	}
	// Counties first, then departments, each in code order, as the
	// office's own tables (and the circular) list them.
	county := func(r *targetRow) int {
		if r.Kind == string(qianxiang.OrgCounty) {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(f.Rows, func(x, y *targetRow) int {
		return cmp.Or(cmp.Compare(county(x), county(y)), cmp.Compare(x.Code, y.Code))
	})
	return f, nil
}

func (s *Server) targetsYear(r *http.Request) (int, error) {
	return queryInt(r, "year", s.App.DefaultYear(r.Context()))
}

func (s *Server) targetsPage(w http.ResponseWriter, r *http.Request) error {
	year, err := s.targetsYear(r)
	if err != nil {
		return err
	}
	f, err := s.targetsFormFor(r, year)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "targets", s.page(r, "Targets", "targets", f))
}

// targetsSubmit saves the whole form: blank rows carry no target. A value
// that is not a number is refused beside its field before anything is sent
// to the service, which refuses the rest (below zero, unknown organisation).
func (s *Server) targetsSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
	lang := info(r).Lang
	year, err := strconv.Atoi(r.FormValue("year"))
	if err != nil {
		return qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	f, err := s.targetsFormFor(r, year)
	if err != nil {
		return err
	}
	in := qianxiang.Targets{Year: year}
	num := func(v string, errs map[string]string, key string) int {
		n, err := strconv.Atoi(v)
		if v != "" && err != nil {
			errs[key] = i18n.T(lang, "write a whole number")
		}
		return n
	}
	amount := func(v string, errs map[string]string, key string) qianxiang.Money {
		m, err := qianxiang.ParseMoney(strings.TrimSpace(v))
		if v != "" && err != nil {
			errs[key] = i18n.T(lang, "write an amount in 10k yuan, e.g. 800000")
		}
		return m
	}
	f.CampaignProjects, f.CampaignPlan = strings.TrimSpace(r.FormValue("campaign.projects")), strings.TrimSpace(r.FormValue("campaign.annual_plan"))
	in.Campaign.Projects = num(f.CampaignProjects, f.Errors, "campaign.projects")
	in.Campaign.AnnualPlan = amount(f.CampaignPlan, f.Errors, "campaign.annual_plan")
	index := map[int]*targetRow{} // position in in.Orgs → row, to place the service's faults
	bad := len(f.Errors) > 0
	for _, row := range f.Rows {
		row.Projects = strings.TrimSpace(r.FormValue("projects." + row.Code))
		row.Plan = strings.TrimSpace(r.FormValue("annual_plan." + row.Code))
		row.NewStarts = strings.TrimSpace(r.FormValue("new_starts." + row.Code))
		if row.Projects == "" && row.Plan == "" && row.NewStarts == "" {
			continue
		}
		ot := qianxiang.OrgTarget{Org: row.Code}
		ot.Projects = num(row.Projects, row.Errs, "projects")
		ot.AnnualPlan = amount(row.Plan, row.Errs, "annual_plan")
		ot.NewStarts = num(row.NewStarts, row.Errs, "new_starts")
		bad = bad || len(row.Errs) > 0
		index[len(in.Orgs)] = row
		in.Orgs = append(in.Orgs, ot)
	}
	p := s.page(r, "Targets", "targets", f)
	if !bad {
		err := s.App.SetTargets(r.Context(), actor(r), year, in)
		if err == nil {
			saved, err := s.targetsFormFor(r, year)
			if err != nil {
				return err
			}
			p.Data, p.Flash = saved, i18n.T(lang, "Targets saved. The dispatch shows each organisation against its own target from now on.")
			return s.render(w, r, 200, "targets", p)
		}
		e := qianxiang.AsError(err)
		if e == nil || len(e.Details) == 0 || e.Details[0].Field == "" {
			return err
		}
		for _, d := range e.Details {
			var i int
			var field string
			if _, err := fmt.Sscanf(strings.Replace(d.Field, "].", "] ", 1), "orgs[%d] %s", &i, &field); err == nil && index[i] != nil {
				index[i].Errs[field] = i18n.Message(lang, d)
			} else {
				f.Errors[d.Field] = i18n.Message(lang, d)
			}
		}
	}
	p.Error = i18n.T(lang, "The targets were not saved: correct the fields marked below.")
	return s.render(w, r, http.StatusUnprocessableEntity, "targets", p)
}

func init() {
	// hasTargets: whether any organisation of a dispatch has a target.
	funcs["hasTargets"] = func(d *qianxiang.Dispatch) bool {
		for _, rows := range [][]qianxiang.OrgDispatch{d.ByOrg, d.ByLeadOrg, d.Unlisted} {
			for _, o := range rows {
				if o.Target != nil {
					return true
				}
			}
		}
		return false
	}
	// quarterMark shows a quarter flag: ✓ reached time progress, ✗ not,
	// nothing outside months 3, 6, 9, 12.
	funcs["quarterMark"] = func(b *bool) string {
		switch {
		case b == nil:
			return ""
		case *b:
			return "✓"
		}
		return "✗"
	}
}

// targetsImport takes the office's workbook from the targets page.
func (s *Server) targetsImport(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
	lang := info(r).Lang
	f, name, err := s.uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	year, err := strconv.Atoi(r.FormValue("year"))
	if err != nil {
		return qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	_, ierr := s.App.ImportTargets(r.Context(), actor(r), year, name, f)
	form, err := s.targetsFormFor(r, year)
	if err != nil {
		return err
	}
	p := s.page(r, "Targets", "targets", form)
	if ierr == nil {
		p.Flash = i18n.T(lang, "Targets saved. The dispatch shows each organisation against its own target from now on.")
		return s.render(w, r, 200, "targets", p)
	}
	e := qianxiang.AsError(ierr)
	if e == nil || e.Code == qianxiang.EForbidden {
		return ierr
	}
	p.Error = i18n.T(lang, "The workbook was not imported; nothing was changed:") + " " + i18n.Message(lang, qianxiang.Detail{Format: e.Format, Args: e.Args})
	for _, d := range e.Details {
		p.Details = append(p.Details, i18n.Detail(lang, d))
	}
	return s.render(w, r, http.StatusUnprocessableEntity, "targets", p)
}
