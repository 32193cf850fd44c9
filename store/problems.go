package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"qianxiang"
)

// The project's leader is a user when a leader's display name (or user
// name) is what the project's 包联市领导 field says.
const problemSelect = `SELECT pr.id, p.id, p.code, p.name, po.code, po.name, po.path, lo.path,
	pr.category, pr.description, COALESCE(o.id, 0), COALESCE(o.code, ''), COALESCE(o.name, ''), COALESCE(o.path, ''),
	pr.due, pr.status, pr.resolution, pr.note, pr.source, pr.raised_by, pr.escalated_at, pr.escalated_to,
	pr.resolved_at, pr.created_at, pr.version, p.leader, COALESCE(lu.id, 0), COALESCE(lu.username, ''), COALESCE(lu.display_name, '')
	FROM problems pr
	JOIN projects p ON p.id = pr.project_id
	JOIN orgs po ON po.id = p.org_id
	JOIN orgs lo ON lo.id = p.lead_org_id
	LEFT JOIN orgs o ON o.id = pr.owner_org_id
	LEFT JOIN users lu ON lu.id = (SELECT MIN(u.id) FROM users u WHERE u.role = 'leader' AND u.active = 1 AND p.leader <> ''
		AND (u.display_name = p.leader OR u.username = p.leader))`

func scanProblem(s interface{ Scan(...any) error }) (qianxiang.Problem, error) {
	var p qianxiang.Problem
	var cat, status, due, esc, resolved, created, leaderName string
	var countyPath, leadPath string
	var lid int64
	var lname, ldisp string
	err := s.Scan(&p.ID, &p.Project.ID, &p.Project.Code, &p.Project.Name, &p.Project.Org.Code, &p.Project.Org.Name, &countyPath, &leadPath,
		&cat, &p.Description, &p.OwnerOrg.ID, &p.OwnerOrg.Code, &p.OwnerOrg.Name, &p.OwnerPath,
		&due, &status, &p.Resolution, &p.Note, &p.Source, &p.RaisedBy, &esc, &p.EscalatedTo,
		&resolved, &created, &p.Version, &leaderName, &lid, &lname, &ldisp)
	if err != nil {
		return p, err
	}
	p.Category, p.Status = qianxiang.ProblemCategory(cat), qianxiang.ProblemStatus(status)
	p.Due, _ = qianxiang.ParseDate(due)
	p.EscalatedAt, p.ResolvedAt, p.CreatedAt = parseTS(esc), parseTS(resolved), parseTS(created)
	p.ProjectScope = qianxiang.Scope{Paths: []string{countyPath, leadPath}}
	if lid != 0 {
		p.Leader = &qianxiang.LeaderRef{ID: lid, Username: lname, Name: ldisp}
	} else if leaderName != "" {
		p.Leader = &qianxiang.LeaderRef{Name: leaderName}
	}
	p.CoOrgs = []qianxiang.OrgRef{}
	return p, nil
}

// Problems lists problems, most urgent first: pending before solved, then
// by due date.
func (c conn) Problems(ctx context.Context, f qianxiang.ProblemFilter) ([]qianxiang.Problem, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where, args = append(where, cond), append(args, a...) }
	if f.ProjectID != 0 {
		add(`pr.project_id = ?`, f.ProjectID)
	}
	if f.Status != "" {
		add(`pr.status = ?`, string(f.Status))
	}
	if f.Category != "" {
		add(`pr.category = ?`, string(f.Category))
	}
	if f.OrgPath != "" {
		add(`(o.path LIKE ? OR EXISTS (SELECT 1 FROM problem_co_orgs c JOIN orgs co ON co.id = c.org_id WHERE c.problem_id = pr.id AND co.path LIKE ?))`,
			f.OrgPath+"%", f.OrgPath+"%")
	}
	if f.LeaderID != 0 {
		add(`lu.id = ?`, f.LeaderID)
	}
	if f.Escalated {
		add(`pr.escalated_at <> ''`)
	}
	if f.Pending {
		add(`pr.status IN ('open', 'in_progress')`)
	}
	if f.Overdue {
		add(`pr.status IN ('open', 'in_progress') AND pr.due <> '' AND pr.due < ?`, f.Today.String())
	}
	if f.Scope != "" {
		s := f.Scope + "%"
		add(`(po.path LIKE ? OR lo.path LIKE ? OR o.path LIKE ? OR EXISTS (SELECT 1 FROM problem_co_orgs c JOIN orgs co ON co.id = c.org_id WHERE c.problem_id = pr.id AND co.path LIKE ?))`, s, s, s, s)
	}
	q := problemSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY CASE WHEN pr.status IN ('open', 'in_progress') THEN 0 ELSE 1 END, CASE WHEN pr.due = '' THEN 1 ELSE 0 END, pr.due, pr.id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Problem{}
	for rows.Next() {
		p, err := scanProblem(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, c.fillCoOrgs(ctx, out)
}

// fillCoOrgs reads the co-organisations of listed problems in one query.
func (c conn) fillCoOrgs(ctx context.Context, ps []qianxiang.Problem) error {
	if len(ps) == 0 {
		return nil
	}
	idx := map[int64]int{}
	ph := make([]string, len(ps))
	args := make([]any, len(ps))
	for i, p := range ps {
		idx[p.ID], ph[i], args[i] = i, "?", p.ID
	}
	rows, err := c.query(ctx, `SELECT c.problem_id, o.id, o.code, o.name, o.path FROM problem_co_orgs c JOIN orgs o ON o.id = c.org_id
		WHERE c.problem_id IN (`+strings.Join(ph, ",")+`) ORDER BY o.code`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var o qianxiang.OrgRef
		var path string
		if err := rows.Scan(&pid, &o.ID, &o.Code, &o.Name, &path); err != nil {
			return err
		}
		p := &ps[idx[pid]]
		p.CoOrgs, p.CoPaths = append(p.CoOrgs, o), append(p.CoPaths, path)
	}
	return rows.Err()
}

// Problem reads one problem.
func (c conn) Problem(ctx context.Context, id int64) (qianxiang.Problem, error) {
	p, err := scanProblem(c.queryRow(ctx, problemSelect+` WHERE pr.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, qianxiang.ErrNotFound("problem")
	}
	if err != nil {
		return p, err
	}
	ps := []qianxiang.Problem{p}
	err = c.fillCoOrgs(ctx, ps)
	return ps[0], err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func coCodes(cos []qianxiang.OrgRef) string {
	codes := make([]string, len(cos))
	for i, o := range cos {
		codes[i] = o.Code
	}
	return strings.Join(codes, ",")
}

// InsertProblem adds a problem raised on a project and sets its ID.
func (tx *Tx) InsertProblem(ctx context.Context, p *qianxiang.Problem) error {
	now := ts(tx.now())
	if p.Status == "" {
		p.Status = qianxiang.ProblemOpen
	}
	id, err := tx.insert(ctx, `INSERT INTO problems (project_id, category, description, owner_org_id, due, status, resolution, source,
		co_orgs, note, raised_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, '', ?, ?, ?)`,
		p.Project.ID, string(p.Category), p.Description, nullID(p.OwnerOrg.ID), p.Due.String(), string(p.Status), p.Source,
		coCodes(p.CoOrgs), p.RaisedBy, now, now)
	if err != nil {
		return err
	}
	p.ID, p.Version, p.CreatedAt = id, 1, parseTS(now)
	return tx.setCoOrgs(ctx, id, p.CoOrgs)
}

func (tx *Tx) setCoOrgs(ctx context.Context, id int64, cos []qianxiang.OrgRef) error {
	if _, err := tx.exec(ctx, `DELETE FROM problem_co_orgs WHERE problem_id = ?`, id); err != nil {
		return err
	}
	for _, o := range cos {
		if _, err := tx.exec(ctx, `INSERT INTO problem_co_orgs (problem_id, org_id) VALUES (?, ?)`, id, o.ID); err != nil {
			return err
		}
	}
	return nil
}

// UpdateProblem writes a problem's workflow fields if its version is still
// the one read; otherwise someone else changed it first (conflict).
func (tx *Tx) UpdateProblem(ctx context.Context, p *qianxiang.Problem) error {
	resolved := ""
	if !p.ResolvedAt.IsZero() {
		resolved = ts(p.ResolvedAt)
	}
	res, err := tx.exec(ctx, `UPDATE problems SET category = ?, description = ?, owner_org_id = ?, due = ?, status = ?, resolution = ?,
		co_orgs = ?, note = ?, resolved_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		string(p.Category), p.Description, nullID(p.OwnerOrg.ID), p.Due.String(), string(p.Status), p.Resolution,
		coCodes(p.CoOrgs), p.Note, resolved, ts(tx.now()), p.ID, p.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the problem was changed by someone else; reload it and try again")
	}
	p.Version++
	return tx.setCoOrgs(ctx, p.ID, p.CoOrgs)
}

// Escalate marks a problem as gone up to a leader, once: it reports false
// when another server (or an earlier sweep) already did.
func (tx *Tx) Escalate(ctx context.Context, id, leaderID int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE problems SET escalated_at = ?, escalated_to = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND escalated_at = ''`, ts(tx.now()), leaderID, ts(tx.now()), id)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
