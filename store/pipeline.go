package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"qianxiang"
)

// The pipeline's tables are governed (audited, verified) and backed up,
// children after projects. Expressions of interest carry personal data;
// they are governed like the rest so a record cannot be slipped in or
// altered outside the application.
func init() {
	governed = append(governed,
		struct{ Table, LabelCol string }{"pipeline_items", "name"},
		struct{ Table, LabelCol string }{"pipeline_checks", "item_key"},
		struct{ Table, LabelCol string }{"pipeline_reserves", "agency"},
		struct{ Table, LabelCol string }{"promotions", "contact"},
		struct{ Table, LabelCol string }{"promotion_interests", "company"})
	backupTables = append(backupTables, "pipeline_items", "pipeline_checks", "pipeline_reserves", "promotions", "promotion_interests")
	// The list the restore uses to move PostgreSQL's identity counters past
	// restored rows (named after the congress, which introduced it).
	sequencedTables = append(sequencedTables, "pipeline_items", "pipeline_checks", "pipeline_reserves", "promotions", "promotion_interests")
}

// poolStagesExcluded leaves the reserve pool out of a year's plan.
const poolStagesExcluded = `p.stage NOT IN ('idea', 'reserve')`

// RowChange is one row a replace wrote or removed, for the audit.
type RowChange struct {
	Table  string // set where a change may be of several tables
	ID     int64
	Action string // create, update, delete
	Label  string
	Before string
}

// PipelineItems reads the office's checklist in its order (empty when the
// office has not configured one).
func (c conn) PipelineItems(ctx context.Context) ([]qianxiang.ChecklistItem, error) {
	rows, err := c.query(ctx, `SELECT key, name, weight, mandatory FROM pipeline_items ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.ChecklistItem{}
	for rows.Next() {
		var it qianxiang.ChecklistItem
		var m int
		if err := rows.Scan(&it.Key, &it.Name, &it.Weight, &m); err != nil {
			return nil, err
		}
		it.Mandatory = m == 1
		out = append(out, it)
	}
	return out, rows.Err()
}

// ReplacePipelineItems makes the stored checklist exactly items, touching
// only rows that change, and reports the changes.
func (tx *Tx) ReplacePipelineItems(ctx context.Context, items []qianxiang.ChecklistItem) ([]RowChange, error) {
	type row struct {
		id   int64
		it   qianxiang.ChecklistItem
		pos  int
		seen bool
	}
	rows, err := tx.query(ctx, `SELECT id, key, name, weight, mandatory, position FROM pipeline_items`)
	if err != nil {
		return nil, err
	}
	have := map[string]*row{}
	for rows.Next() {
		r := &row{}
		var m int
		if err := rows.Scan(&r.id, &r.it.Key, &r.it.Name, &r.it.Weight, &m, &r.pos); err != nil {
			rows.Close()
			return nil, err
		}
		r.it.Mandatory = m == 1
		have[r.it.Key] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []RowChange
	now := ts(tx.now())
	for pos, it := range items {
		r, ok := have[it.Key]
		if !ok {
			id, err := tx.insert(ctx, `INSERT INTO pipeline_items (key, name, weight, mandatory, position, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
				it.Key, it.Name, it.Weight, b2i(it.Mandatory), pos, now)
			if err != nil {
				return nil, err
			}
			out = append(out, RowChange{ID: id, Action: "create", Label: it.Name})
			continue
		}
		r.seen = true
		if r.it == it && r.pos == pos {
			continue
		}
		before, err := tx.Snapshot(ctx, "pipeline_items", r.id)
		if err != nil {
			return nil, err
		}
		if _, err := tx.exec(ctx, `UPDATE pipeline_items SET name = ?, weight = ?, mandatory = ?, position = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			it.Name, it.Weight, b2i(it.Mandatory), pos, now, r.id); err != nil {
			return nil, err
		}
		out = append(out, RowChange{ID: r.id, Action: "update", Label: it.Name, Before: before})
	}
	for _, r := range have {
		if r.seen {
			continue
		}
		before, err := tx.Snapshot(ctx, "pipeline_items", r.id)
		if err != nil {
			return nil, err
		}
		if _, err := tx.exec(ctx, `DELETE FROM pipeline_items WHERE id = ?`, r.id); err != nil {
			return nil, err
		}
		out = append(out, RowChange{ID: r.id, Action: "delete", Label: r.it.Name, Before: before})
	}
	return out, nil
}

// PoolProjects lists the projects at stage idea or reserve, of any year,
// within the filter, by county then id.
func (c conn) PoolProjects(ctx context.Context, f qianxiang.PoolFilter) ([]qianxiang.Project, error) {
	where := []string{`p.stage IN ('idea', 'reserve')`}
	var args []any
	if f.ScopePath != "" {
		where, args = append(where, `(co.path LIKE ? OR lo.path LIKE ?)`), append(args, f.ScopePath+"%", f.ScopePath+"%")
	}
	if f.OrgPath != "" {
		where, args = append(where, `(co.path LIKE ? OR lo.path LIKE ?)`), append(args, f.OrgPath+"%", f.OrgPath+"%")
	}
	if f.Sector != "" {
		where, args = append(where, `p.sector = ?`), append(args, f.Sector)
	}
	rows, err := c.query(ctx, `SELECT `+projectCols+projectFrom+` WHERE `+strings.Join(where, ` AND `)+` ORDER BY co.code, p.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Project{}
	row := newProjectRow(false, false)
	for rows.Next() {
		p, err := row.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PipelineChecks reads the checklist marks of projects, by project and key.
func (c conn) PipelineChecks(ctx context.Context, ids []int64) (map[int64]map[string]qianxiang.CheckMark, error) {
	out := map[int64]map[string]qianxiang.CheckMark{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := c.query(ctx, `SELECT project_id, item_key, done, done_on, note FROM pipeline_checks WHERE project_id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var pid int64
			var m qianxiang.CheckMark
			var done int
			var on string
			if err := rows.Scan(&pid, &m.Key, &done, &on, &m.Note); err != nil {
				rows.Close()
				return nil, err
			}
			m.Done = done == 1
			m.DoneOn, _ = qianxiang.ParseDate(on)
			if out[pid] == nil {
				out[pid] = map[string]qianxiang.CheckMark{}
			}
			out[pid][m.Key] = m
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PutCheck writes a project's mark of one item; an unchanged mark is not
// touched (ok false).
func (tx *Tx) PutCheck(ctx context.Context, projectID int64, m qianxiang.CheckMark, by string) (ch RowChange, ok bool, err error) {
	var done int
	var on, note string
	err = tx.queryRow(ctx, `SELECT id, done, done_on, note FROM pipeline_checks WHERE project_id = ? AND item_key = ?`, projectID, m.Key).
		Scan(&ch.ID, &done, &on, &note)
	ch.Label = m.Key
	now := ts(tx.now())
	if errors.Is(err, sql.ErrNoRows) {
		ch.Action = "create"
		ch.ID, err = tx.insert(ctx, `INSERT INTO pipeline_checks (project_id, item_key, done, done_on, note, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			projectID, m.Key, b2i(m.Done), m.DoneOn.String(), m.Note, by, now)
		return ch, err == nil, err
	}
	if err != nil || (done == b2i(m.Done) && on == m.DoneOn.String() && note == m.Note) {
		return ch, false, err
	}
	ch.Action = "update"
	if ch.Before, err = tx.Snapshot(ctx, "pipeline_checks", ch.ID); err != nil {
		return ch, false, err
	}
	_, err = tx.exec(ctx, `UPDATE pipeline_checks SET done = ?, done_on = ?, note = ?, updated_by = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		b2i(m.Done), m.DoneOn.String(), m.Note, by, now, ch.ID)
	return ch, err == nil, err
}
