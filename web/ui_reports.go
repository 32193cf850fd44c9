package web

import (
	"fmt"
	"net/http"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// gridStatuses are the grid's filters: a report status, "empty" (nothing
// saved yet) or "missing" (not counted: empty, draft or returned).
var gridStatuses = []string{"empty", "draft", "submitted", "approved", "returned", "missing"}

// gridRow is one line of the grid as the page shows it.
type gridRow struct {
	app.GridRow
	Status    string // "empty" or the report's status
	Completed string // the input's value: "" until something is saved
	Progress  string
	StartedOn string
	Version   int
	// StartInput: a new project not yet started gets a start date field.
	StartInput bool
	Editable   bool // the caller may save and submit it now
	Reviewable bool // the caller may approve or return it
	// CanFill and Fillable let the page reopen the row when a reviewer
	// returns it: the role may fill it, and the deadline does not stop it.
	CanFill, Fillable, CanReview bool
	YTD                          qianxiang.Money // months 1..N with this month's figure
}

// gridView is what reports.html reads.
type gridView struct {
	*app.Grid
	Rows       []gridRow
	Month      string // YYYY-MM
	Prev, Next string
	Org        string
	Status     string
	Orgs       []qianxiang.Org
	CanFill    bool
	CanReview  bool
	CanImport  bool
	LateFill   bool // the caller can still fill a locked month (marked late)
	Statuses   []string
	// Summary replaces the rows for city-wide users who have not picked an
	// organisation.
	Summary    []orgProgress
	DeadlineOK bool // the deadline has not passed
}

// reportMonth reads month=YYYY-MM, by default the city's current month.
func (s *Server) reportMonth(r *http.Request) (int, int, error) {
	if v := r.FormValue("month"); v != "" {
		return monthParam(v)
	}
	t := s.App.Today()
	return t.Year, t.Month, nil
}

func (s *Server) loadGrid(r *http.Request) (*gridView, error) {
	y, m, err := s.reportMonth(r)
	if err != nil {
		return nil, err
	}
	ctx, a := r.Context(), actor(r)
	org, status := r.FormValue("org"), r.FormValue("status")
	if status != "" && !gridHasStatus(status) {
		return nil, qianxiang.FieldError("status", "must be one of empty, draft, submitted, approved, returned, missing")
	}
	// The grid is narrowed here rather than by ReportGrid's county filter,
	// so a lead department's code selects the projects it leads too.
	g, err := s.App.ReportGrid(ctx, a, y, m, "")
	if err != nil {
		return nil, err
	}
	if org != "" {
		narrowGrid(g, org)
	}
	first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	v := &gridView{Grid: g, Month: fmt.Sprintf("%04d-%02d", y, m), Org: org, Status: status, Statuses: gridStatuses,
		Prev: first.AddDate(0, -1, 0).Format("2006-01"), Next: first.AddDate(0, 1, 0).Format("2006-01"), DeadlineOK: !g.Locked}
	v.CanImport = a.Can(qianxiang.ActImportReports, qianxiang.Scope{})
	if orgs, err := s.App.Orgs(ctx, a); err == nil {
		for _, o := range orgs {
			if o.Kind == qianxiang.OrgCounty || o.Kind == qianxiang.OrgDepartment {
				v.Orgs = append(v.Orgs, o)
			}
		}
	}
	// City-wide roles may save late anywhere; others learn it row by row.
	v.LateFill = a.Can(qianxiang.ActLateReport, qianxiang.Scope{})
	if org == "" && len(v.Orgs) > 1 {
		v.Summary = gridSummary(g)
		return v, nil
	}
	for _, gr := range g.Rows {
		v.Rows = append(v.Rows, s.gridRowFor(a, g, gr))
		row := &v.Rows[len(v.Rows)-1]
		v.CanFill = v.CanFill || row.Editable
		v.CanReview = v.CanReview || a.Can(qianxiang.ActReviewReport, gr.Project.ScopeOf())
		v.LateFill = v.LateFill || a.Can(qianxiang.ActLateReport, gr.Project.ScopeOf())
	}
	return v, nil
}

func (s *Server) gridRowFor(a qianxiang.Actor, g *app.Grid, gr app.GridRow) gridRow {
	p := gr.Project
	row := gridRow{GridRow: gr, Status: "empty", YTD: gr.YTDBefore}
	scope := p.ScopeOf()
	r := qianxiang.Report{Year: g.Year, Month: g.Month, Status: qianxiang.ReportDraft}
	if rep := gr.Report; rep != nil {
		r = *rep
		row.Status, row.Version = string(rep.Status), rep.Version
		row.Completed, row.Progress, row.StartedOn = rep.Completed.String(), rep.Progress, rep.StartedOn.String()
		if s, ok := qianxiang.AddMoney(row.YTD, rep.Completed); ok && rep.Completed.Plausible() {
			row.YTD = s
		}
		row.Reviewable = rep.Status.Reviewable()
	}
	// The page asks the rule the service asks when the row is saved.
	open := r.Editable(qianxiang.ReportGate{Locked: g.Locked, MayLate: a.Can(qianxiang.ActLateReport, scope)}) == nil
	row.CanFill = a.Can(qianxiang.ActFillReport, scope)
	row.CanReview = a.Can(qianxiang.ActReviewReport, scope)
	row.Fillable = row.CanFill && (!g.Locked || a.Can(qianxiang.ActLateReport, scope) || (gr.Report != nil && gr.Report.Reopened))
	row.Editable = open && row.CanFill
	// A month that has not begun refuses every save (ReportableMonth): the
	// page must not offer one.
	if g.Future {
		row.Editable, row.Fillable = false, false
	}
	row.Reviewable = row.Reviewable && row.CanReview
	row.StartInput = p.Kind == qianxiang.KindNew && (p.StartedOn.IsZero() || row.StartedOn != "")
	return row
}

// Shows reports whether a row passes the status filter.
func (v *gridView) Shows(row gridRow) bool {
	switch v.Status {
	case "":
		return true
	case "missing":
		return row.Status == "empty" || row.Status == "draft" || row.Status == "returned"
	}
	return row.Status == v.Status
}

// Missing counts the rows not yet counted in the dispatch.
func (v *gridView) Missing() int { return v.Counts.Empty + v.Counts.Draft + v.Counts.Returned }

func (s *Server) reportsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loadGrid(r)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "reports", s.page(r, "Monthly reports", "dispatch", v))
}

// reportsImport takes a month's 调度表 workbook from the campaign office and
// shows the grid again with what was imported or every row's error.
func (s *Server) reportsImport(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActImportReports); err != nil {
		return err
	}
	lang := info(r).Lang
	f, name, upErr := s.uploadedFile(w, r)
	v, err := s.loadGrid(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Monthly reports", "dispatch", v)
	fail := func(err error) error {
		p.Error = i18n.Error(lang, err)
		if e := qianxiang.AsError(err); e != nil {
			for _, d := range e.Details {
				p.Details = append(p.Details, i18n.Detail(lang, d))
			}
		}
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "reports", p)
	}
	if upErr != nil {
		return fail(upErr)
	}
	defer f.Close()
	imp, err := s.App.ImportReports(r.Context(), actor(r), v.Year, v.Grid.Month, name, f, flag(r, "dry_run"))
	if err != nil {
		return fail(err)
	}
	if flag(r, "dry_run") {
		p.Flash = i18n.T(lang, "Checked: %d reports for %d-%02d can be imported; nothing was written.", len(imp.Rows), v.Year, imp.Month)
		return s.render(w, r, 200, "reports", p)
	}
	// Reload so the grid shows what was imported.
	if v, err = s.loadGrid(r); err != nil {
		return err
	}
	p.Data = v
	p.Flash = i18n.T(lang, "Imported %d reports for %d-%02d as submitted.", len(imp.Rows), v.Year, imp.Month)
	return s.render(w, r, 200, "reports", p)
}

func gridHasStatus(s string) bool {
	for _, x := range gridStatuses {
		if x == s {
			return true
		}
	}
	return false
}

// narrowGrid keeps the rows of one county or lead organisation and counts
// their statuses again.
func narrowGrid(g *app.Grid, org string) {
	rows := g.Rows[:0]
	g.Counts.Empty, g.Counts.Draft, g.Counts.Submitted, g.Counts.Approved, g.Counts.Returned = 0, 0, 0, 0, 0
	for _, r := range g.Rows {
		if r.Project.Org.Code != org && r.Project.LeadOrg.Code != org {
			continue
		}
		rows = append(rows, r)
		switch {
		case r.Report == nil:
			g.Counts.Empty++
		case r.Report.Status == qianxiang.ReportDraft:
			g.Counts.Draft++
		case r.Report.Status == qianxiang.ReportSubmitted:
			g.Counts.Submitted++
		case r.Report.Status == qianxiang.ReportApproved:
			g.Counts.Approved++
		case r.Report.Status == qianxiang.ReportReturned:
			g.Counts.Returned++
		}
	}
	g.Rows = rows
}
