package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

// InsertUpload stores an upload and drops every expired one, so the table
// never grows beyond the files of the last hour or so.
func (tx *Tx) InsertUpload(ctx context.Context, u *qianxiang.Upload) error {
	now := tx.now()
	if _, err := tx.exec(ctx, `DELETE FROM uploads WHERE expires_at < ?`, ts(now)); err != nil {
		return err
	}
	u.CreatedAt = now
	_, err := tx.exec(ctx, `INSERT INTO uploads (id, user_id, kind, filename, year, update_existing, size, data, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.UserID, u.Kind, u.Filename, u.Year, b2i(u.Update), len(u.Data), u.Data, ts(now), ts(u.ExpiresAt))
	return err
}

// TakeUpload removes an unexpired upload of the user and returns it. Taking
// it (rather than reading it) means two clicks on Confirm, or two server
// instances, cannot import the same file twice: only one DELETE wins.
func (tx *Tx) TakeUpload(ctx context.Context, id string, userID int64, kind string) (qianxiang.Upload, error) {
	u := qianxiang.Upload{ID: id}
	var upd int
	var created, expires string
	err := tx.queryRow(ctx, `SELECT user_id, kind, filename, year, update_existing, data, created_at, expires_at FROM uploads
		WHERE id = ? AND user_id = ? AND kind = ? AND expires_at > ?`, id, userID, kind, ts(tx.now())).
		Scan(&u.UserID, &u.Kind, &u.Filename, &u.Year, &upd, &u.Data, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return u, qianxiang.Errorf(qianxiang.ENotFound, "the uploaded file has expired or was already imported; upload it again")
	}
	if err != nil {
		return u, err
	}
	res, err := tx.exec(ctx, `DELETE FROM uploads WHERE id = ?`, id)
	if err != nil {
		return u, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return u, qianxiang.Errorf(qianxiang.ENotFound, "the uploaded file has expired or was already imported; upload it again")
	}
	u.Update, u.CreatedAt, u.ExpiresAt = upd == 1, parseTS(created), parseTS(expires)
	return u, nil
}
