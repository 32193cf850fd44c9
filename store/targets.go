package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

// Targets reads a year's targets: the campaign's (ok is false when it was
// never set) and the organisations', in org code order.
func (c conn) Targets(ctx context.Context, year int) (t qianxiang.Targets, ok bool, err error) {
	t = qianxiang.Targets{Year: year, Orgs: []qianxiang.OrgTarget{}}
	var plan int64
	err = c.queryRow(ctx, `SELECT projects, annual_plan FROM targets WHERE year = ? AND org_id = 0`, year).Scan(&t.Campaign.Projects, &plan)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return t, false, err
	default:
		ok, t.Campaign.AnnualPlan = true, qianxiang.Money(plan)
	}
	rows, err := c.query(ctx, `SELECT o.code, o.name, t.projects, t.annual_plan, t.new_starts
		FROM targets t JOIN orgs o ON o.id = t.org_id WHERE t.year = ? ORDER BY o.code`, year)
	if err != nil {
		return t, ok, err
	}
	defer rows.Close()
	for rows.Next() {
		var o qianxiang.OrgTarget
		if err := rows.Scan(&o.Org, &o.Name, &o.Projects, &plan, &o.NewStarts); err != nil {
			return t, ok, err
		}
		o.AnnualPlan = qianxiang.Money(plan)
		t.Orgs = append(t.Orgs, o)
	}
	return t, ok, rows.Err()
}

// TargetChange is one row written or removed by PutTargets, for the audit.
type TargetChange struct {
	ID     int64
	Action string // create, update, delete
	Label  string
	Before string
}

// PutTarget writes one target row (orgID 0: the campaign's) and reports
// what changed; an unchanged row is not touched and gives ok false.
func (tx *Tx) PutTarget(ctx context.Context, year int, orgID int64, label string, projects int, plan qianxiang.Money, newStarts int) (ch TargetChange, ok bool, err error) {
	var p, n int
	var a int64
	err = tx.queryRow(ctx, `SELECT id, projects, annual_plan, new_starts FROM targets WHERE year = ? AND org_id = ?`, year, orgID).Scan(&ch.ID, &p, &a, &n)
	ch.Label = label
	if errors.Is(err, sql.ErrNoRows) {
		ch.Action = "create"
		ch.ID, err = tx.insert(ctx, `INSERT INTO targets (year, org_id, projects, annual_plan, new_starts, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			year, orgID, projects, int64(plan), newStarts, ts(tx.now()))
		return ch, err == nil, err
	}
	if err != nil || (p == projects && a == int64(plan) && n == newStarts) {
		return ch, false, err
	}
	ch.Action = "update"
	if ch.Before, err = tx.Snapshot(ctx, "targets", ch.ID); err != nil {
		return ch, false, err
	}
	_, err = tx.exec(ctx, `UPDATE targets SET projects = ?, annual_plan = ?, new_starts = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		projects, int64(plan), newStarts, ts(tx.now()), ch.ID)
	return ch, err == nil, err
}

// DeleteTargetsExcept removes the year's organisation targets whose org is
// not in keep (the campaign's row stays), returning what it removed.
func (tx *Tx) DeleteTargetsExcept(ctx context.Context, year int, keep map[int64]bool) ([]TargetChange, error) {
	rows, err := tx.query(ctx, `SELECT t.id, t.org_id, o.code FROM targets t JOIN orgs o ON o.id = t.org_id WHERE t.year = ?`, year)
	if err != nil {
		return nil, err
	}
	var gone []TargetChange
	for rows.Next() {
		var ch TargetChange
		var org int64
		if err := rows.Scan(&ch.ID, &org, &ch.Label); err != nil {
			rows.Close()
			return nil, err
		}
		if !keep[org] {
			ch.Action = "delete"
			gone = append(gone, ch)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range gone {
		if gone[i].Before, err = tx.Snapshot(ctx, "targets", gone[i].ID); err != nil {
			return nil, err
		}
		if _, err := tx.exec(ctx, `DELETE FROM targets WHERE id = ?`, gone[i].ID); err != nil {
			return nil, err
		}
	}
	return gone, nil
}
