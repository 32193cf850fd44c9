package app

import (
	"context"
	"slices"
	"strings"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/store"
)

// reportPlan loads what a 调度表 is read against: the organisations, the
// year's plan, and (when the month is known) each project's sum of the
// months before it.
func (a *App) reportPlan(ctx context.Context, year, month int) ([]qianxiang.Org, []qianxiang.Project, map[int64]qianxiang.Money, error) {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	byOrg := make(map[int64]qianxiang.Org, len(orgs))
	for _, o := range orgs {
		byOrg[o.ID] = o
	}
	ps, err := a.DB.ReportPlan(ctx, year, byOrg)
	if err != nil {
		return nil, nil, nil, err
	}
	var prior map[int64]qianxiang.Money
	if month != 0 {
		if prior, err = a.priorYTD(ctx, year, month); err != nil {
			return nil, nil, nil, err
		}
	}
	return orgs, ps, prior, nil
}

// priorYTD sums each project's reports of months 1..month-1.
func (a *App) priorYTD(ctx context.Context, year, month int) (map[int64]qianxiang.Money, error) {
	fs, err := a.DB.Summaries(ctx, year, month-1)
	if err != nil {
		return nil, err
	}
	prior := map[int64]qianxiang.Money{}
	for _, f := range fs {
		prior[f.ProjectID] += f.Completed
	}
	return prior, nil
}

// writeReportImport records a checked 调度表 inside the caller's
// transaction, in bulk: the month's reports and their snapshots read in
// one query, the rows saved with multi-row upserts that return their
// snapshots after (store.SaveReports), the starts they report recorded
// per start date, and the audit entries queued to be chained in one go at
// commit (store.Tx.AuditItems, as the province generator writes its
// trail). A province's month is some 50,000 rows; row by row — two
// snapshots, a read and a write and a chain link each — it took a minute.
// A 存在问题 cell opens a problem through the services, as before.
func (a *App) writeReportImport(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, year int, imp *excel.ReportImport, byID map[int64]qianxiang.Project) error {
	month := imp.Month
	existing, err := tx.MonthReports(ctx, year, month)
	if err != nil {
		return err
	}
	byProject := make(map[int64]qianxiang.Report, len(existing))
	for _, r := range existing {
		byProject[r.ProjectID] = r
	}
	// The trail's befores: the whole month in one query when the file
	// reports on most of it (a city's or a province's 调度表), else only
	// the reports it changes (a county's, in a province's database).
	var changed []int64
	for _, row := range imp.Rows {
		if r, ok := byProject[row.ProjectID]; ok {
			changed = append(changed, r.ID)
		}
	}
	var befores map[int64]string
	if 2*len(changed) >= len(existing) {
		befores, err = tx.ReportSnapshots(ctx, year, month)
	} else {
		befores, err = tx.Snapshots(ctx, "reports", changed)
	}
	if err != nil {
		return err
	}
	now := a.Now()
	reps := make([]*qianxiang.Report, len(imp.Rows))
	for i, row := range imp.Rows {
		rep, ok := byProject[row.ProjectID]
		if !ok {
			rep = qianxiang.Report{ProjectID: row.ProjectID, Year: year, Month: month}
		}
		rep.Completed, rep.Progress, rep.Status, rep.SubmittedAt, rep.UpdatedBy = row.Completed, row.Progress, qianxiang.ReportSubmitted, &now, actor.Username
		if row.Started || !row.StartedOn.IsZero() {
			rep.StartedOn = row.StartedOn
			if rep.StartedOn.IsZero() {
				rep.StartedOn = qianxiang.Date{Year: year, Month: month}
			}
		}
		reps[i] = &rep
	}
	afters, err := tx.SaveReports(ctx, reps, befores)
	if err != nil {
		return err
	}
	label := " " + monthLabel(year, month)
	items := make([]store.AuditItem, len(reps))
	starts := map[int64]qianxiang.Date{}
	for i, rep := range reps {
		p := byID[rep.ProjectID]
		items[i] = store.AuditItem{Actor: actor.Username, Action: "import", Table: "reports", ID: rep.ID,
			Label: p.Name + label, Before: befores[rep.ID], After: afters[rep.ID]}
		if !rep.StartedOn.IsZero() && p.StartedOn != rep.StartedOn {
			starts[p.ID] = rep.StartedOn
		}
	}
	tx.AuditItems(items)
	if err := a.recordStarts(ctx, tx, actor, starts, byID); err != nil {
		return err
	}
	for _, row := range imp.Rows {
		if desc := strings.TrimSpace(row.Problem); desc != "" {
			p := byID[row.ProjectID]
			pr := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: p.ID}, Category: qianxiang.CatOther, Description: desc,
				OwnerOrg: p.LeadOrg, Source: "调度表" + label, RaisedBy: actor.Username}
			if err := a.insertProblem(ctx, tx, actor, &pr); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordStarts records the starts an import reports (project id → start
// date), as recordStart does one: the projects' snapshots before and
// after read in bulk, one UPDATE per start date and stage, the audit
// entries queued.
func (a *App) recordStarts(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, starts map[int64]qianxiang.Date, byID map[int64]qianxiang.Project) error {
	if len(starts) == 0 {
		return nil
	}
	type change struct {
		d     qianxiang.Date
		stage qianxiang.Stage
	}
	groups := map[change][]int64{}
	ids := make([]int64, 0, len(starts))
	for id, d := range starts {
		c := change{d, qianxiang.StageAfterStart(byID[id].Stage)}
		groups[c] = append(groups[c], id)
		ids = append(ids, id)
	}
	slices.Sort(ids) // the trail in a stable order
	befores, err := tx.Snapshots(ctx, "projects", ids)
	if err != nil {
		return err
	}
	for c, g := range groups {
		if err := tx.SetProjectsStarted(ctx, g, c.d, c.stage); err != nil {
			return err
		}
	}
	afters, err := tx.Snapshots(ctx, "projects", ids)
	if err != nil {
		return err
	}
	items := make([]store.AuditItem, 0, len(ids))
	for _, id := range ids {
		items = append(items, store.AuditItem{Actor: actor.Username, Action: "start", Table: "projects", ID: id,
			Label: byID[id].Name, Before: befores[id], After: afters[id]})
	}
	tx.AuditItems(items)
	return nil
}
