package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"qianxiang"
)

const projectCols = `p.id, p.year, p.code, p.name, p.owner, p.kind, p.stage, p.sector, p.scope,
	p.total_investment, p.annual_plan, p.planned_start, p.planned_end, p.started_on, p.leader,
	p.team, p.target, p.in_stats, p.contact, p.phone, p.notes, p.extra, p.version, p.confidential,
	co.id, co.code, co.name, co.path, lo.id, lo.code, lo.name, lo.path`

const projectFrom = ` FROM projects p JOIN orgs co ON co.id = p.org_id JOIN orgs lo ON lo.id = p.lead_org_id`

func scanProject(s interface{ Scan(...any) error }) (qianxiang.Project, error) {
	var p qianxiang.Project
	var kind, stage, ps, pe, so, team, target, extra string
	var total, plan int64
	var inStats, confidential int
	err := s.Scan(&p.ID, &p.Year, &p.Code, &p.Name, &p.Owner, &kind, &stage, &p.Sector, &p.Scope,
		&total, &plan, &ps, &pe, &so, &p.Leader, &team, &target, &inStats, &p.Contact, &p.Phone, &p.Notes, &extra, &p.Version, &confidential,
		&p.Org.ID, &p.Org.Code, &p.Org.Name, &p.OrgPath, &p.LeadOrg.ID, &p.LeadOrg.Code, &p.LeadOrg.Name, &p.LeadOrgPath)
	if err != nil {
		return p, err
	}
	p.Kind, p.Stage = qianxiang.Kind(kind), qianxiang.Stage(stage)
	p.TotalInvestment, p.AnnualPlan, p.InStats = qianxiang.Money(total), qianxiang.Money(plan), inStats == 1
	p.Confidential = confidential == 1
	p.PlannedStart, _ = qianxiang.ParseDate(ps)
	p.PlannedEnd, _ = qianxiang.ParseDate(pe)
	p.StartedOn, _ = qianxiang.ParseDate(so)
	json.Unmarshal([]byte(team), &p.Team)
	json.Unmarshal([]byte(target), &p.Target)
	json.Unmarshal([]byte(extra), &p.Extra)
	if p.Team == nil {
		p.Team = []qianxiang.TeamMember{}
	}
	return p, nil
}

// Project reads one project.
func (c conn) Project(ctx context.Context, id int64) (qianxiang.Project, error) {
	p, err := scanProject(c.queryRow(ctx, `SELECT `+projectCols+projectFrom+` WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, qianxiang.ErrNotFound("project")
	}
	if err == nil {
		one := []qianxiang.Project{p}
		err = c.fillClasses(ctx, one)
		p = one[0]
	}
	return p, err
}

func projectArgs(p *qianxiang.Project) []any {
	team, _ := json.Marshal(p.Team)
	if p.Team == nil {
		team = []byte("[]")
	}
	target, _ := json.Marshal(p.Target)
	extra := []byte("{}")
	if len(p.Extra) > 0 {
		extra, _ = json.Marshal(p.Extra)
	}
	return []any{p.Year, p.Code, p.Name, p.Owner, p.Org.ID, p.LeadOrg.ID, string(p.Kind), string(p.Stage), p.Sector, p.Scope,
		int64(p.TotalInvestment), int64(p.AnnualPlan), p.PlannedStart.String(), p.PlannedEnd.String(), p.StartedOn.String(),
		p.Leader, string(team), string(target), b2i(p.InStats), p.Contact, p.Phone, p.Notes, string(extra), b2i(p.Confidential)}
}

// InsertProject adds a project.
func (tx *Tx) InsertProject(ctx context.Context, p *qianxiang.Project) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, sqlInsertProject,
		append(projectArgs(p), now, now)...)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "project code %s is already in the %d plan", p.Code, p.Year)
	}
	p.ID, p.Version = id, 1
	return err
}

// UpdateProject writes a project if its version is still the one read;
// a stale version is a conflict.
func (tx *Tx) UpdateProject(ctx context.Context, p *qianxiang.Project) error {
	res, err := tx.exec(ctx, sqlUpdateProject, append(projectArgs(p), ts(tx.now()), p.ID, p.Version)...)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "project code %s is already in the %d plan", p.Code, p.Year)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the project was changed by someone else since you opened it; reload and edit again")
	}
	p.Version++
	return nil
}

// SetProjectStarted records the actual start date a report gave and the
// stage that follows from it.
func (tx *Tx) SetProjectStarted(ctx context.Context, id int64, d qianxiang.Date, stage qianxiang.Stage) error {
	_, err := tx.exec(ctx, `UPDATE projects SET started_on = ?, stage = ?, version = version + 1, updated_at = ? WHERE id = ?`, d.String(), string(stage), ts(tx.now()), id)
	return err
}

// DeleteProject removes a project (its reports go with it).
func (tx *Tx) DeleteProject(ctx context.Context, id int64, version int) error {
	// A project that an investment lead landed as stays: the lead links it.
	var lead int64
	if err := tx.queryRow(ctx, `SELECT id FROM leads WHERE project_id = ?`, id).Scan(&lead); err == nil {
		return qianxiang.Errorf(qianxiang.EConflict, "the project came from investment lead %d and cannot be deleted", lead)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	res, err := tx.exec(ctx, `DELETE FROM projects WHERE id = ? AND version = ?`, id, version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the project was changed by someone else since you opened it; reload first")
	}
	return nil
}

var projectSorts = map[string]string{
	"name": "p.name, p.id", "-name": "p.name DESC, p.id",
	"total_investment": "p.total_investment, p.id", "-total_investment": "p.total_investment DESC, p.id",
	"annual_plan": "p.annual_plan, p.id", "-annual_plan": "p.annual_plan DESC, p.id",
	"planned_start": "p.planned_start, p.id", "-planned_start": "p.planned_start DESC, p.id",
	"code": "p.code, p.id", "id": "p.id",
	// Counties sort in the order they were created, which for a preset city
	// is the order of their codes; the index on (year, org_id) serves it.
	"org": "p.org_id, p.id", "-org": "p.org_id DESC, p.id", "": "p.org_id, p.id",
}

// ValidSort reports a known sort key.
func ValidSort(s string) bool {
	_, ok := projectSorts[s]
	_, fig := figureSorts[s]
	return ok || fig
}

// Projects returns a page of projects and the totals of the whole filtered set.
func (c conn) Projects(ctx context.Context, f qianxiang.ProjectFilter) ([]qianxiang.Project, qianxiang.ProjectTotals, error) {
	return c.ProjectsWithLights(ctx, f, nil)
}

// ProjectsWithLights is Projects given the dispatch's lights of month
// f.FigureMonth for every project of the year in scope (nil: none): the
// totals' completed-to-date is then the sum of the filtered projects'
// CompletedYTD, the dispatch's own figure, instead of a second sum over
// every report of the filtered projects.
func (c conn) ProjectsWithLights(ctx context.Context, f qianxiang.ProjectFilter, lights map[int64]qianxiang.ProjectLight) ([]qianxiang.Project, qianxiang.ProjectTotals, error) {
	var t qianxiang.ProjectTotals
	where, args, err := c.projectWhere(ctx, f)
	if err != nil {
		return nil, t, err
	}
	if err := c.queryRow(ctx, `SELECT COUNT(*), CAST(COALESCE(SUM(`+plausible("p.total_investment")+`), 0) AS BIGINT),
		CAST(COALESCE(SUM(`+plausible("p.annual_plan")+`), 0) AS BIGINT),
		COALESCE(SUM(CASE WHEN `+implausible("p.total_investment")+` + `+implausible("p.annual_plan")+` > 0 THEN 1 ELSE 0 END), 0)
		FROM projects p`+where, args...).
		Scan(&t.Count, (*int64)(&t.TotalInvestment), (*int64)(&t.AnnualPlan), &t.Implausible); err != nil {
		return nil, t, err
	}
	switch {
	case f.FigureMonth > 0 && f.Year != 0 && lights != nil && f.InPlan && f.Stage == "":
		// The lights cover the year's plan, which this filter stays in.
		if t.CompletedYTD, t.MonthCompleted, err = c.figureTotalsFrom(ctx, f.Year, f.FigureMonth, where, args, lights); err != nil {
			return nil, t, err
		}
	case f.FigureMonth > 0 && f.Year != 0:
		if t.CompletedYTD, t.MonthCompleted, err = c.figureTotals(ctx, f.Year, f.FigureMonth, where, args); err != nil {
			return nil, t, err
		}
	}
	q := `SELECT ` + projectCols + projectFrom + where + ` ORDER BY ` + projectSorts[f.Sort]
	if order, ok := figureSorts[f.Sort]; ok {
		if f.FigureMonth == 0 || f.Year == 0 {
			return nil, t, qianxiang.FieldError("sort", "%q needs a year", f.Sort)
		}
		q = `SELECT ` + projectCols + projectFrom + figureFrom() + where + ` ORDER BY ` + order
		args = append([]any{f.FigureMonth, f.FigureMonth, f.Year}, args...)
	}
	if f.PerPage > 0 {
		page := max(f.Page, 1)
		q += ` LIMIT ? OFFSET ?`
		args = append(args, f.PerPage, (page-1)*f.PerPage)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, t, err
	}
	defer rows.Close()
	out := []qianxiang.Project{}
	for rows.Next() {
		p, err := scanProject(rows)
		if err != nil {
			return nil, t, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, t, err
	}
	rows.Close()
	return out, t, c.fillClasses(ctx, out)
}

// Distinct lists the distinct non-empty values of a project column among
// a year's projects under scopePath ("" for all), for filter menus.
func (c conn) Distinct(ctx context.Context, year int, col, scopePath string) ([]string, error) {
	if col != "sector" && col != "leader" {
		return nil, errors.New("not a distinct column")
	}
	where, args, err := c.projectWhere(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: scopePath})
	if err != nil {
		return nil, err
	}
	if where == "" {
		where = " WHERE 1 = 1"
	}
	rows, err := c.query(ctx, `SELECT DISTINCT p.`+col+` FROM projects p`+where+` AND p.`+col+` <> '' ORDER BY p.`+col, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Years lists the plan years present.
func (c conn) Years(ctx context.Context) ([]int, error) {
	rows, err := c.query(ctx, `SELECT DISTINCT year FROM projects ORDER BY year DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
