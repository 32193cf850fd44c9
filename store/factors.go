package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

// The factor tables of a project (要素保障). Each line is its own audited
// row; the service layer decides who may change them.

func factorDate(s string) qianxiang.Date { d, _ := qianxiang.ParseDate(s); return d }

const approvalCols = `id, project_id, kind, name, state, started_on, approved_on, doc, promised_by, problem_id, note, version`

func scanApproval(s interface{ Scan(...any) error }) (qianxiang.Approval, error) {
	var a qianxiang.Approval
	var state, started, approved, promised string
	err := s.Scan(&a.ID, &a.ProjectID, &a.Kind, &a.Name, &state, &started, &approved, &a.Doc, &promised, &a.ProblemID, &a.Note, &a.Version)
	a.State, a.StartedOn, a.ApprovedOn, a.PromisedBy = qianxiang.ApprovalState(state), factorDate(started), factorDate(approved), factorDate(promised)
	return a, err
}

// Factors reads a project's factor guarantee.
func (c conn) Factors(ctx context.Context, projectID int64) (qianxiang.Factors, error) {
	f := qianxiang.Factors{Approvals: []qianxiang.Approval{}, Land: []qianxiang.LandNeed{}, Funding: []qianxiang.FundingNeed{}, Banks: []qianxiang.BankMatch{}}
	rows, err := c.query(ctx, `SELECT `+approvalCols+` FROM approvals WHERE project_id = ? ORDER BY id`, projectID)
	if err != nil {
		return f, err
	}
	for rows.Next() {
		a, err := scanApproval(rows)
		if err != nil {
			rows.Close()
			return f, err
		}
		f.Approvals = append(f.Approvals, a)
	}
	rows.Close()
	rows, err = c.query(ctx, `SELECT id, project_id, area, source, state, note, version FROM land_needs WHERE project_id = ? ORDER BY id`, projectID)
	if err != nil {
		return f, err
	}
	for rows.Next() {
		var l qianxiang.LandNeed
		if err := rows.Scan(&l.ID, &l.ProjectID, &l.Area, &l.Source, &l.State, &l.Note, &l.Version); err != nil {
			rows.Close()
			return f, err
		}
		f.Land = append(f.Land, l)
	}
	rows.Close()
	rows, err = c.query(ctx, `SELECT id, project_id, amount, type, note, version FROM funding_needs WHERE project_id = ? ORDER BY id`, projectID)
	if err != nil {
		return f, err
	}
	for rows.Next() {
		var x qianxiang.FundingNeed
		if err := rows.Scan(&x.ID, &x.ProjectID, &x.Amount, &x.Type, &x.Note, &x.Version); err != nil {
			rows.Close()
			return f, err
		}
		f.Funding = append(f.Funding, x)
	}
	rows.Close()
	rows, err = c.query(ctx, `SELECT id, project_id, event, held_on, bank, intended, signed, note, version FROM bank_matches WHERE project_id = ? ORDER BY held_on, id`, projectID)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	for rows.Next() {
		var b qianxiang.BankMatch
		var held string
		if err := rows.Scan(&b.ID, &b.ProjectID, &b.Event, &held, &b.Bank, &b.Intended, &b.Signed, &b.Note, &b.Version); err != nil {
			return f, err
		}
		b.HeldOn = factorDate(held)
		f.Banks = append(f.Banks, b)
	}
	return f, rows.Err()
}

// FactorTable names the table of a kind of factor line, for the audit.
var FactorTable = map[string]string{"approval": "approvals", "land": "land_needs", "funding": "funding_needs", "bank": "bank_matches"}

// FactorProject gives the project a factor line belongs to.
func (c conn) FactorProject(ctx context.Context, kind string, id int64) (int64, error) {
	t, ok := FactorTable[kind]
	if !ok {
		return 0, qianxiang.ErrNotFound(kind)
	}
	var pid int64
	err := c.queryRow(ctx, `SELECT project_id FROM `+t+` WHERE id = ?`, id).Scan(&pid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, qianxiang.ErrNotFound(kind)
	}
	return pid, err
}

// SaveApproval inserts (ID 0) or updates an approval line.
func (tx *Tx) SaveApproval(ctx context.Context, a *qianxiang.Approval) error {
	now := ts(tx.now())
	if a.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO approvals (project_id, kind, name, state, started_on, approved_on, doc, promised_by, problem_id, note, version, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1, ?, ?)`, a.ProjectID, a.Kind, a.Name, string(a.State), a.StartedOn.String(), a.ApprovedOn.String(),
			a.Doc, a.PromisedBy.String(), a.Note, now, now)
		a.ID, a.Version = id, 1
		return err
	}
	_, err := tx.exec(ctx, `UPDATE approvals SET kind = ?, name = ?, state = ?, started_on = ?, approved_on = ?, doc = ?, promised_by = ?, note = ?,
		version = version + 1, updated_at = ? WHERE id = ?`, a.Kind, a.Name, string(a.State), a.StartedOn.String(), a.ApprovedOn.String(),
		a.Doc, a.PromisedBy.String(), a.Note, now, a.ID)
	return err
}

// SaveLand inserts or updates a land need.
func (tx *Tx) SaveLand(ctx context.Context, l *qianxiang.LandNeed) error {
	now := ts(tx.now())
	if l.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO land_needs (project_id, area, source, state, note, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
			l.ProjectID, int64(l.Area), l.Source, l.State, l.Note, now, now)
		l.ID = id
		return err
	}
	_, err := tx.exec(ctx, `UPDATE land_needs SET area = ?, source = ?, state = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		int64(l.Area), l.Source, l.State, l.Note, now, l.ID)
	return err
}

// SaveFunding inserts or updates a funding need.
func (tx *Tx) SaveFunding(ctx context.Context, f *qianxiang.FundingNeed) error {
	now := ts(tx.now())
	if f.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO funding_needs (project_id, amount, type, note, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
			f.ProjectID, int64(f.Amount), f.Type, f.Note, now, now)
		f.ID = id
		return err
	}
	_, err := tx.exec(ctx, `UPDATE funding_needs SET amount = ?, type = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		int64(f.Amount), f.Type, f.Note, now, f.ID)
	return err
}

// SaveBank inserts or updates a matchmaking line.
func (tx *Tx) SaveBank(ctx context.Context, b *qianxiang.BankMatch) error {
	now := ts(tx.now())
	if b.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO bank_matches (project_id, event, held_on, bank, intended, signed, note, version, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`, b.ProjectID, b.Event, b.HeldOn.String(), b.Bank, int64(b.Intended), int64(b.Signed), b.Note, now, now)
		b.ID = id
		return err
	}
	_, err := tx.exec(ctx, `UPDATE bank_matches SET event = ?, held_on = ?, bank = ?, intended = ?, signed = ?, note = ?, version = version + 1,
		updated_at = ? WHERE id = ?`, b.Event, b.HeldOn.String(), b.Bank, int64(b.Intended), int64(b.Signed), b.Note, now, b.ID)
	return err
}

// DeleteFactor removes one factor line.
func (tx *Tx) DeleteFactor(ctx context.Context, kind string, id int64) error {
	_, err := tx.exec(ctx, `DELETE FROM `+FactorTable[kind]+` WHERE id = ?`, id)
	return err
}

// MissedPromises lists 容缺 approvals whose promise date is before day
// and that have raised no problem yet.
func (c conn) MissedPromises(ctx context.Context, day qianxiang.Date) ([]qianxiang.Approval, error) {
	rows, err := c.query(ctx, `SELECT `+approvalCols+` FROM approvals WHERE state = 'tolerated' AND problem_id = 0 AND promised_by <> '' AND promised_by < ?
		ORDER BY id`, day.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.Approval
	for rows.Next() {
		a, err := scanApproval(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ClaimMissedPromise marks an approval as having raised a problem, only if
// none was raised yet: on PostgreSQL the row lock makes two servers
// sweeping at once raise one problem, and the loser sees claimed=false.
func (tx *Tx) ClaimMissedPromise(ctx context.Context, approvalID, problemID int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE approvals SET problem_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND problem_id = 0 AND state = 'tolerated'`,
		problemID, ts(tx.now()), approvalID)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}
