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

// UserByName finds a user by username: the exact name first, else the one
// user whose name has the same key (qianxiang.UsernameKey: case and width
// folded), so ADMIN and ａｄｍｉｎ find admin. The key is compared here in Go,
// not with SQL lower(), which folds only ASCII on SQLite and follows the
// collation on PostgreSQL: both databases answer alike. Two older accounts
// whose names differ only in case are found only by their exact names.
func (c conn) UserByName(ctx context.Context, name string) (qianxiang.User, error) {
	u, err := c.userWhere(ctx, `u.username = ?`, name)
	if qianxiang.ErrorCode(err) != qianxiang.ENotFound {
		return u, err
	}
	key := qianxiang.UsernameKey(name)
	if key == "" {
		return u, err
	}
	found, err := c.UserIDsWithKey(ctx, key)
	if err != nil {
		return u, err
	}
	if len(found) != 1 {
		return u, qianxiang.ErrNotFound("user")
	}
	return c.UserByID(ctx, found[0])
}

// UserIDsWithKey lists the users whose names have the key
// (qianxiang.UsernameKey). Accounts are people, hundreds or a few thousand,
// so they are all read and compared in Go.
func (c conn) UserIDsWithKey(ctx context.Context, key string) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT id, username FROM users ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var found []int64
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		if qianxiang.UsernameKey(n) == key {
			found = append(found, id)
		}
	}
	return found, rows.Err()
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
