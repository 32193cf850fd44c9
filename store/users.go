package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

const userCols = `u.id, u.username, u.display_name, u.role, u.password_hash, u.active, u.must_change, u.version,
	o.id, o.code, o.name, o.kind, COALESCE(o.parent_id, 0), o.path, o.version`

func scanUser(s interface{ Scan(...any) error }) (qianxiang.User, error) {
	var u qianxiang.User
	var role, kind string
	var active, must int
	err := s.Scan(&u.ID, &u.Username, &u.DisplayName, &role, &u.PasswordHash, &active, &must, &u.Version,
		&u.Org.ID, &u.Org.Code, &u.Org.Name, &kind, &u.Org.ParentID, &u.Org.Path, &u.Org.Version)
	u.Role, u.Org.Kind, u.Active, u.MustChange = qianxiang.Role(role), qianxiang.OrgKind(kind), active == 1, must == 1
	return u, err
}

func (c conn) userWhere(ctx context.Context, where string, arg any) (qianxiang.User, error) {
	u, err := scanUser(c.queryRow(ctx, `SELECT `+userCols+` FROM users u JOIN orgs o ON o.id = u.org_id WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return u, qianxiang.ErrNotFound("user")
	}
	return u, err
}

// UserByName finds a user by username.
func (c conn) UserByName(ctx context.Context, name string) (qianxiang.User, error) {
	return c.userWhere(ctx, `u.username = ?`, name)
}

// UserByID finds a user by id.
func (c conn) UserByID(ctx context.Context, id int64) (qianxiang.User, error) {
	return c.userWhere(ctx, `u.id = ?`, id)
}

// Users lists users, by organisation path then name.
func (c conn) Users(ctx context.Context) ([]qianxiang.User, error) {
	rows, err := c.query(ctx, `SELECT `+userCols+` FROM users u JOIN orgs o ON o.id = u.org_id ORDER BY o.path, u.username`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// InsertUser adds a user.
func (tx *Tx) InsertUser(ctx context.Context, u *qianxiang.User) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO users (username, display_name, role, org_id, password_hash, active, must_change, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, u.Username, u.DisplayName, string(u.Role), u.Org.ID, u.PasswordHash, b2i(u.Active), b2i(u.MustChange), now, now)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "username %q is taken", u.Username)
	}
	u.ID, u.Version = id, 1
	return err
}

// UpdateUser writes role, org, display name, password hash, flags.
func (tx *Tx) UpdateUser(ctx context.Context, u *qianxiang.User) error {
	_, err := tx.exec(ctx, `UPDATE users SET display_name = ?, role = ?, org_id = ?, password_hash = ?, active = ?, must_change = ?,
		version = version + 1, updated_at = ? WHERE id = ?`,
		u.DisplayName, string(u.Role), u.Org.ID, u.PasswordHash, b2i(u.Active), b2i(u.MustChange), ts(tx.now()), u.ID)
	u.Version++
	return err
}
