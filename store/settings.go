package store

import (
	"context"
	"database/sql"
	"errors"
)

// Setting reads one setting's value; ok is false when unset.
func (c conn) Setting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := c.queryRow(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return v, err == nil, err
}

// PutSetting writes a setting and returns its id (for the audit entry) and
// its content before the change.
func (tx *Tx) PutSetting(ctx context.Context, key, value string) (int64, string, error) {
	var id int64
	err := tx.queryRow(ctx, `SELECT id FROM settings WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id, err = tx.insert(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)`, key, value, ts(tx.now()))
		return id, "", err
	}
	if err != nil {
		return 0, "", err
	}
	before, err := tx.Snapshot(ctx, "settings", id)
	if err != nil {
		return 0, "", err
	}
	_, err = tx.exec(ctx, `UPDATE settings SET value = ?, version = version + 1, updated_at = ? WHERE id = ?`, value, ts(tx.now()), id)
	return id, before, err
}
