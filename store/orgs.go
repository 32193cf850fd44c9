package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"qianxiang"
)

const orgCols = `id, code, name, kind, COALESCE(parent_id, 0), path, version`

func scanOrg(s interface{ Scan(...any) error }) (qianxiang.Org, error) {
	var o qianxiang.Org
	var kind string
	err := s.Scan(&o.ID, &o.Code, &o.Name, &kind, &o.ParentID, &o.Path, &o.Version)
	o.Kind = qianxiang.OrgKind(kind)
	return o, err
}

// Orgs lists every organisation, by path so that the tree reads top-down.
func (c conn) Orgs(ctx context.Context) ([]qianxiang.Org, error) {
	rows, err := c.query(ctx, `SELECT `+orgCols+` FROM orgs ORDER BY path`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.Org
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// OrgByCode finds an organisation by its code.
func (c conn) OrgByCode(ctx context.Context, code string) (qianxiang.Org, error) {
	o, err := scanOrg(c.queryRow(ctx, `SELECT `+orgCols+` FROM orgs WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return o, qianxiang.Errorf(qianxiang.ENotFound, "organisation %q not found", code)
	}
	return o, err
}

// OrgByID finds an organisation by id.
func (c conn) OrgByID(ctx context.Context, id int64) (qianxiang.Org, error) {
	o, err := scanOrg(c.queryRow(ctx, `SELECT `+orgCols+` FROM orgs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, qianxiang.ErrNotFound("organisation")
	}
	return o, err
}

// InsertOrg adds an organisation under its parent and sets its path.
func (tx *Tx) InsertOrg(ctx context.Context, o *qianxiang.Org) error {
	parentPath := "/"
	var parent any
	if o.ParentID != 0 {
		p, err := tx.OrgByID(ctx, o.ParentID)
		if err != nil {
			return err
		}
		parentPath, parent = p.Path, p.ID
	}
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO orgs (code, name, kind, parent_id, path, created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
		o.Code, o.Name, string(o.Kind), parent, now, now)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "organisation code %q already exists", o.Code)
	}
	if err != nil {
		return err
	}
	o.ID, o.Path, o.Version = id, fmt.Sprintf("%s%d/", parentPath, id), 1
	_, err = tx.exec(ctx, `UPDATE orgs SET path = ? WHERE id = ?`, o.Path, id)
	return err
}
