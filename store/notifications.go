package store

import (
	"context"
	"strings"
	"time"

	"qianxiang"
)

// InsertNotification adds a notification for a user. A non-empty dedupe
// key makes it land once: a second insert with the same key (another
// server's sweep, a repeated reminder) is dropped and reports false.
func (tx *Tx) InsertNotification(ctx context.Context, n *qianxiang.Notification, dedupe string) (bool, error) {
	var key any
	if dedupe != "" {
		key = dedupe
	}
	now := tx.now()
	q := `INSERT INTO notifications (user_id, kind, entity, entity_id, subject, link, dedupe, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (dedupe) DO NOTHING`
	res, err := tx.exec(ctx, q, n.UserID, string(n.Kind), n.Entity, n.EntityID, n.Subject, n.Link, key, ts(now))
	if err != nil {
		return false, err
	}
	c, err := res.RowsAffected()
	n.At = parseTS(ts(now))
	return c == 1, err
}

// Notifications lists a user's newest notifications and counts the unread.
func (c conn) Notifications(ctx context.Context, userID int64, limit int) ([]qianxiang.Notification, int, error) {
	var unread int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at = ''`, userID).Scan(&unread); err != nil {
		return nil, 0, err
	}
	if limit <= 0 {
		return nil, unread, nil
	}
	rows, err := c.query(ctx, `SELECT id, user_id, kind, entity, entity_id, subject, link, created_at, read_at FROM notifications
		WHERE user_id = ? ORDER BY id DESC LIMIT ?`, userID, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []qianxiang.Notification{}
	for rows.Next() {
		var n qianxiang.Notification
		var kind, at, read string
		if err := rows.Scan(&n.ID, &n.UserID, &kind, &n.Entity, &n.EntityID, &n.Subject, &n.Link, &at, &read); err != nil {
			return nil, 0, err
		}
		n.Kind, n.At, n.ReadAt = qianxiang.NotificationKind(kind), parseTS(at), parseTS(read)
		out = append(out, n)
	}
	return out, unread, rows.Err()
}

// MarkRead marks a user's notifications read: the given ones, or all.
func (tx *Tx) MarkRead(ctx context.Context, userID int64, ids []int64, at time.Time) (int64, error) {
	q := `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at = ''`
	args := []any{ts(at), userID}
	if len(ids) > 0 {
		ph := make([]string, len(ids))
		for i, id := range ids {
			ph[i] = "?"
			args = append(args, id)
		}
		q += ` AND id IN (` + strings.Join(ph, ",") + `)`
	}
	res, err := tx.exec(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// OrgUserIDs lists the active users of organisations with one of the roles.
func (c conn) OrgUserIDs(ctx context.Context, orgIDs []int64, roles ...qianxiang.Role) ([]int64, error) {
	if len(orgIDs) == 0 || len(roles) == 0 {
		return nil, nil
	}
	var args []any
	oph := make([]string, len(orgIDs))
	for i, id := range orgIDs {
		oph[i] = "?"
		args = append(args, id)
	}
	rph := make([]string, len(roles))
	for i, r := range roles {
		rph[i] = "?"
		args = append(args, string(r))
	}
	rows, err := c.query(ctx, `SELECT id FROM users WHERE active = 1 AND org_id IN (`+strings.Join(oph, ",")+`) AND role IN (`+strings.Join(rph, ",")+`) ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// MarkEntityRead marks a user's notifications about one record read (they
// opened it).
func (tx *Tx) MarkEntityRead(ctx context.Context, userID int64, entity string, id int64, at time.Time) error {
	_, err := tx.exec(ctx, `UPDATE notifications SET read_at = ? WHERE user_id = ? AND entity = ? AND entity_id = ? AND read_at = ''`,
		ts(at), userID, entity, id)
	return err
}
