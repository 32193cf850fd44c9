package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

// Events are governed; a project joining or leaving is audited as an
// event of entity batch_start_projects with the event's id (its rows go
// with a removed project).
func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"batch_starts", "title"})
	backupTables = append(backupTables, "batch_starts", "batch_start_projects")
	sequencedTables = append(sequencedTables, "batch_starts", "batch_start_projects")
}

const batchCols = `b.id, b.year, b.held_on, b.place, b.leader, b.title, b.notes, b.version, o.id, o.code, o.name, o.path`

func scanBatch(s interface{ Scan(...any) error }) (qianxiang.BatchStart, error) {
	var b qianxiang.BatchStart
	var on string
	err := s.Scan(&b.ID, &b.Year, &on, &b.Place, &b.Leader, &b.Title, &b.Notes, &b.Version, &b.Org.ID, &b.Org.Code, &b.Org.Name, &b.OrgPath)
	b.Date, _ = qianxiang.ParseDate(on)
	b.Projects = []qianxiang.BatchProject{}
	return b, err
}

// BatchStarts lists a year's events (0: every year) by date, with their
// projects and sums.
func (c conn) BatchStarts(ctx context.Context, year int) ([]qianxiang.BatchStart, error) {
	q := `SELECT ` + batchCols + ` FROM batch_starts b JOIN orgs o ON o.id = b.org_id`
	var args []any
	if year != 0 {
		q += ` WHERE b.year = ?`
		args = append(args, year)
	}
	rows, err := c.query(ctx, q+` ORDER BY b.held_on, b.id`, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.BatchStart{}
	for rows.Next() {
		b, err := scanBatch(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, c.fillBatchProjects(ctx, out)
}

// BatchStart reads one event with its projects.
func (c conn) BatchStart(ctx context.Context, id int64) (qianxiang.BatchStart, error) {
	b, err := scanBatch(c.queryRow(ctx, `SELECT `+batchCols+` FROM batch_starts b JOIN orgs o ON o.id = b.org_id WHERE b.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return b, qianxiang.ErrNotFound("batch start")
	}
	if err != nil {
		return b, err
	}
	one := []qianxiang.BatchStart{b}
	err = c.fillBatchProjects(ctx, one)
	return one[0], err
}

func (c conn) fillBatchProjects(ctx context.Context, bs []qianxiang.BatchStart) error {
	if len(bs) == 0 {
		return nil
	}
	at := map[int64]int{}
	args := make([]any, len(bs))
	for i, b := range bs {
		at[b.ID] = i
		args[i] = b.ID
	}
	rows, err := c.query(ctx, `SELECT bp.batch_id, bp.applied, p.id, p.code, p.name, p.owner, p.kind, p.total_investment, p.annual_plan,
		p.started_on, p.confidential, o.id, o.code, o.name, o.path
		FROM batch_start_projects bp JOIN projects p ON p.id = bp.project_id JOIN orgs o ON o.id = p.org_id
		WHERE bp.batch_id IN (`+inList(len(bs))+`) ORDER BY o.code, p.name, p.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p qianxiang.BatchProject
		var batch, total, plan int64
		var applied, conf int
		var kind, so string
		if err := rows.Scan(&batch, &applied, &p.ID, &p.Code, &p.Name, &p.Owner, &kind, &total, &plan, &so, &conf,
			&p.Org.ID, &p.Org.Code, &p.Org.Name, &p.OrgPath); err != nil {
			return err
		}
		p.Kind, p.TotalInvestment, p.AnnualPlan, p.Confidential = qianxiang.Kind(kind), qianxiang.Money(total), qianxiang.Money(plan), conf == 1
		p.StartedOn, _ = qianxiang.ParseDate(so)
		i := at[batch]
		p.FromEvent = qianxiang.FromEvent(p.StartedOn, applied == 1, bs[i].Date)
		bs[i].Projects = append(bs[i].Projects, p)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range bs {
		bs[i].Sum()
	}
	return nil
}

// InsertBatchStart adds an event.
func (tx *Tx) InsertBatchStart(ctx context.Context, b *qianxiang.BatchStart) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO batch_starts (year, held_on, place, org_id, leader, title, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, b.Year, b.Date.String(), b.Place, b.Org.ID, b.Leader, b.Title, b.Notes, now, now)
	b.ID, b.Version = id, 1
	return err
}

// UpdateBatchStart writes an event at the version read (stale: conflict).
func (tx *Tx) UpdateBatchStart(ctx context.Context, b *qianxiang.BatchStart) error {
	res, err := tx.exec(ctx, `UPDATE batch_starts SET year = ?, held_on = ?, place = ?, org_id = ?, leader = ?, title = ?, notes = ?,
		version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		b.Year, b.Date.String(), b.Place, b.Org.ID, b.Leader, b.Title, b.Notes, ts(tx.now()), b.ID, b.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the event was changed by someone else since you opened it; reload and edit again")
	}
	b.Version++
	return nil
}

// BatchLink is a project's membership of an event.
type BatchLink struct {
	BatchID    int64
	Applied    bool
	PriorStage qianxiang.Stage
}

// BatchOf gives the event a project is in (ok false: none).
func (c conn) BatchOf(ctx context.Context, projectID int64) (l BatchLink, ok bool, err error) {
	var applied int
	var st string
	err = c.queryRow(ctx, `SELECT batch_id, applied, prior_stage FROM batch_start_projects WHERE project_id = ?`, projectID).Scan(&l.BatchID, &applied, &st)
	if errors.Is(err, sql.ErrNoRows) {
		return l, false, nil
	}
	l.Applied, l.PriorStage = applied == 1, qianxiang.Stage(st)
	return l, err == nil, err
}

// BatchLinks gives the memberships of an event's projects, by project.
func (c conn) BatchLinks(ctx context.Context, batchID int64) (map[int64]BatchLink, error) {
	rows, err := c.query(ctx, `SELECT project_id, applied, prior_stage FROM batch_start_projects WHERE batch_id = ?`, batchID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]BatchLink{}
	for rows.Next() {
		var id int64
		var applied int
		var st string
		if err := rows.Scan(&id, &applied, &st); err != nil {
			return nil, err
		}
		out[id] = BatchLink{BatchID: batchID, Applied: applied == 1, PriorStage: qianxiang.Stage(st)}
	}
	return out, rows.Err()
}

// JoinBatch adds a project to an event.
func (tx *Tx) JoinBatch(ctx context.Context, batchID, projectID int64, l BatchLink) error {
	_, err := tx.exec(ctx, `INSERT INTO batch_start_projects (batch_id, project_id, applied, prior_stage) VALUES (?, ?, ?, ?)`,
		batchID, projectID, b2i(l.Applied), string(l.PriorStage))
	return err
}

// SetBatchApplied records whether the event set the project's date.
func (tx *Tx) SetBatchApplied(ctx context.Context, projectID int64, applied bool) error {
	_, err := tx.exec(ctx, `UPDATE batch_start_projects SET applied = ? WHERE project_id = ?`, b2i(applied), projectID)
	return err
}

// LeaveBatch removes a project from its event.
func (tx *Tx) LeaveBatch(ctx context.Context, projectID int64) error {
	_, err := tx.exec(ctx, `DELETE FROM batch_start_projects WHERE project_id = ?`, projectID)
	return err
}
