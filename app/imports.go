package app

import (
	"bytes"
	"context"
	"io"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/store"
)

// ImportResult is what an import did, or would do on a dry run.
type ImportResult struct {
	DryRun   bool                    `json:"dry_run"`
	Sheet    string                  `json:"sheet"`
	Unit     string                  `json:"unit"`
	Created  int                     `json:"created"`
	Updated  int                     `json:"updated"`
	Rows     []ImportRow             `json:"rows"`
	Errors   []qianxiang.Detail      `json:"-"`
	Warnings []qianxiang.Detail      `json:"-"`
	Totals   qianxiang.ProjectTotals `json:"totals"`
	// InPlan counts the rows refused only because their project is already
	// in the plan (update was not asked for): importing the same list twice
	// must not double the plan.
	InPlan int `json:"in_plan"`
	// NewSectors are the sectors the workbook added to the office's list.
	NewSectors []string `json:"new_sectors,omitempty"`
}

// OnlyInPlan reports a preview whose every error is a project already in
// the plan: importing it as an update instead would go through.
func (r *ImportResult) OnlyInPlan() bool {
	return r != nil && r.InPlan > 0 && len(r.Errors) == r.InPlan
}

// ImportRow is one project of the preview.
type ImportRow struct {
	Row     int               `json:"row"`
	Action  string            `json:"action"` // create, update, or in_plan (refused: already in the plan)
	Project qianxiang.Project `json:"project"`
}

// ImportProjects reads a project list and, unless dryRun, writes it in one
// transaction: all of it or, on any error, nothing. Rows match an existing
// project of the year by code, else by name + county (an uncoded list is
// matched by name); with update they change it, without it they are
// refused, each named, so that a list imported twice is not added twice. The result is returned with the error,
// so the preview can show each error on its row.
func (a *App) ImportProjects(ctx context.Context, actor qianxiang.Actor, year int, filename string, r io.Reader, dryRun, update bool) (*ImportResult, error) {
	if !actor.Can(qianxiang.ActImportPlan, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	if year < 2000 || year > 2100 {
		return nil, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, a.internal(ctx, "import", err)
	}
	lists, err := a.DB.ClassLists(ctx)
	if err != nil {
		return nil, a.internal(ctx, "import", err)
	}
	imp, err := excel.ReadProjects(r, filename, excel.ImportOptions{Year: year, CityCode: a.CityCode(ctx), Orgs: orgs, Classes: lists})
	if err != nil {
		return nil, err
	}
	res := &ImportResult{DryRun: dryRun, Sheet: imp.Sheet, Unit: imp.Unit, Errors: imp.Errors, Warnings: imp.Warnings}
	existing, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: year})
	if err != nil {
		return nil, a.internal(ctx, "import", err)
	}
	plan := qianxiang.NewProjectMatcher(existing)
	for _, row := range imp.Rows {
		p := row.Project
		p.Year = year
		normalizeProject(&p)
		ir := ImportRow{Row: row.Row, Action: "create", Project: p}
		// Match by name too when not updating: such a row is refused
		// rather than added a second time.
		match := plan.Match(p, true)
		byCodeMatch := match != nil && p.Code != "" && match.Code == p.Code
		if match != nil && !update {
			ir.Action = "in_plan"
		}
		switch {
		case match != nil && !update && byCodeMatch:
			res.InPlan++
			res.Errors = append(res.Errors, qianxiang.Detail{Row: row.Row, Field: "code",
				Format: "project code %s is already in the %d plan (import with update to change it)", Args: []any{p.Code, year}})
		case match != nil && !update:
			res.InPlan++
			res.Errors = append(res.Errors, qianxiang.Detail{Row: row.Row, Field: "name",
				Format: "%s in %s is already in the %d plan: import with update to change it rather than add it a second time", Args: []any{p.Name, p.Org.Name, year}})
		case match != nil:
			ir.Action = "update"
			p.ID, p.Version, p.StartedOn = match.ID, match.Version, match.StartedOn
			if len(match.Team) > 0 && len(p.Team) == 0 {
				p.Team = match.Team
			}
			if p.Target == (qianxiang.Target{}) {
				p.Target = match.Target
			}
			ir.Project = p
			res.Updated++
		default:
			res.Created++
		}
		res.Totals.Count++
		res.Totals.TotalInvestment += p.TotalInvestment
		res.Totals.AnnualPlan += p.AnnualPlan
		res.Rows = append(res.Rows, ir)
	}
	res.Errors = append(res.Errors, checkImportedProjects(a.CityCode(ctx), res.Rows, res.Errors)...)
	if len(res.Errors) > 0 {
		return res, importError(res.Errors)
	}
	if dryRun {
		return res, nil
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := writeImport(ctx, tx, actor, res.Rows); err != nil {
			return err
		}
		// The workbook's sectors are kept as written; those new to the
		// office's list join it, and the result names them.
		res.NewSectors, err = a.addImportedSectors(ctx, tx, actor, res.Rows)
		return err
	})
	return res, a.internal(ctx, "import", err)
}

// importError gathers row errors into one refusal that lists them all.
func importError(ds []qianxiang.Detail) error {
	e := qianxiang.Errorf(qianxiang.EValidation, "the file has %d errors; nothing was imported", len(ds))
	e.Details = ds
	return e
}

// ExportProjects writes the year's projects the actor can see as a workbook
// in the import layout.
func (a *App) ExportProjects(ctx context.Context, actor qianxiang.Actor, year int, w io.Writer) error {
	if year < 2000 || year > 2100 {
		return qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: ScopePath(actor), Sort: "id"})
	if err != nil {
		return a.internal(ctx, "export", err)
	}
	city, _ := a.City(ctx)
	return a.internal(ctx, "export", excel.WriteProjects(w, year, city.Name, ps))
}

// ImportReports reads a month's 调度表 and records its rows as submitted
// reports, all or nothing. Imports by the campaign office are not locked by
// the deadline. A 存在问题 cell opens a problem on the project.
func (a *App) ImportReports(ctx context.Context, actor qianxiang.Actor, year, month int, filename string, r io.Reader, dryRun bool) (*excel.ReportImport, error) {
	if !actor.Can(qianxiang.ActImportReports, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	if month != 0 {
		if err := CheckMonth(year, month); err != nil {
			return nil, err
		}
	}
	// Read no more than the importer takes: it refuses a larger file.
	data, err := io.ReadAll(io.LimitReader(r, excel.MaxFileSize+1))
	if err != nil {
		return nil, qianxiang.Errorf(qianxiang.EInvalid, "the file could not be read")
	}
	// The sheet is read while the plan and the months before load: it
	// needs nothing from them, and each is a good part of a province's
	// import.
	opened := make(chan struct{})
	var book *excel.ReportBook
	var bookErr error
	go func() {
		defer close(opened)
		book, bookErr = excel.OpenReports(bytes.NewReader(data), filename)
	}()
	defer func() {
		<-opened
		if book != nil {
			book.Close()
		}
	}()
	orgs, ps, prior, err := a.reportPlan(ctx, year, month)
	<-opened
	if bookErr != nil {
		return nil, bookErr
	}
	if err != nil {
		return nil, a.internal(ctx, "import reports", err)
	}
	if month == 0 {
		// The month comes from the workbook's title: read it once to learn
		// it, then again with the right year-to-date for the cumulative check.
		first, err := book.Read(excel.ReportOptions{Year: year, Orgs: orgs, Projects: ps})
		if err != nil {
			return nil, err
		}
		month = first.Month
		if err := CheckMonth(year, month); err != nil {
			return nil, err
		}
		if prior, err = a.priorYTD(ctx, year, month); err != nil {
			return nil, a.internal(ctx, "import reports", err)
		}
	}
	imp, err := book.Read(excel.ReportOptions{Year: year, Month: month, Orgs: orgs, Projects: ps, PriorYTD: prior})
	if err != nil {
		return nil, err
	}
	if err := a.checkReportMonth(year, imp.Month); err != nil {
		return imp, err
	}
	byID := map[int64]qianxiang.Project{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	imp.Errors = append(imp.Errors, checkImportedReports(imp, byID, prior)...)
	if len(imp.Errors) > 0 {
		return imp, importError(imp.Errors)
	}
	if dryRun {
		return imp, nil
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		return a.writeReportImport(ctx, tx, actor, year, imp, byID)
	})
	return imp, a.internal(ctx, "import reports", err)
}
