package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"qianxiang"
)

// InsertSession stores a session of a user who has that role, with its MAC.
func (tx *Tx) InsertSession(ctx context.Context, s qianxiang.Session, role qianxiang.Role) error {
	if tx.keys == nil {
		return errors.New("session: no audit key loaded")
	}
	_, err := tx.exec(ctx, `INSERT INTO sessions (id, user_id, csrf, created_at, expires_at, mac) VALUES (?, ?, ?, ?, ?, ?)`,
		s.ID, s.UserID, s.CSRF, ts(tx.now()), ts(s.ExpiresAt), tx.keys.sessionMAC(s.ID, s.UserID, string(role)))
	return err
}

// DeleteExpiredSessions drops sessions past their expiry.
func (tx *Tx) DeleteExpiredSessions(ctx context.Context) error {
	_, err := tx.exec(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, ts(tx.now()))
	return err
}

// SessionByID finds an unexpired session.
func (c conn) SessionByID(ctx context.Context, id string) (qianxiang.Session, error) {
	s := qianxiang.Session{ID: id}
	var exp string
	err := c.queryRow(ctx, `SELECT user_id, csrf, expires_at, mac FROM sessions WHERE id = ? AND expires_at > ?`, id, ts(c.now())).Scan(&s.UserID, &s.CSRF, &exp, &s.MAC)
	if errors.Is(err, sql.ErrNoRows) {
		return s, qianxiang.Errorf(qianxiang.EUnauthenticated, "session expired; log in again")
	}
	s.ExpiresAt = parseTS(exp)
	return s, err
}

// ExtendSession moves a session's expiry.
func (tx *Tx) ExtendSession(ctx context.Context, id string, exp time.Time) error {
	_, err := tx.exec(ctx, `UPDATE sessions SET expires_at = ? WHERE id = ?`, ts(exp), id)
	return err
}

// DeleteSession logs a session out; it returns the session's user (0 when
// there was no such session).
func (tx *Tx) DeleteSession(ctx context.Context, id string) (int64, error) {
	var uid int64
	err := tx.queryRow(ctx, `DELETE FROM sessions WHERE id = ? RETURNING user_id`, id).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return uid, err
}

// DeleteUserSessions logs a user out everywhere (password change, deactivation).
func (tx *Tx) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := tx.exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	return err
}

// InsertToken stores a token's hash for a user who has that role, with
// the MAC that makes it usable.
func (tx *Tx) InsertToken(ctx context.Context, userID int64, role qianxiang.Role, name, hash, prefix string) (int64, error) {
	if tx.keys == nil {
		return 0, errors.New("token: no audit key loaded")
	}
	return tx.insert(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, mac) VALUES (?, ?, ?, ?, ?, ?)`,
		userID, name, hash, prefix, ts(tx.now()), tx.keys.tokenMAC(hash, userID, string(role)))
}

// RemacUserTokens gives a user's tokens the MAC of their new role (a role
// changed by the application) and returns their ids, to be audited.
func (tx *Tx) RemacUserTokens(ctx context.Context, userID int64, role qianxiang.Role) ([]int64, error) {
	rows, err := tx.query(ctx, `SELECT id, token_hash FROM api_tokens WHERE user_id = ? ORDER BY id`, userID)
	if err != nil {
		return nil, err
	}
	type tok struct {
		id   int64
		hash string
	}
	var toks []tok
	for rows.Next() {
		var t tok
		if err := rows.Scan(&t.id, &t.hash); err != nil {
			rows.Close()
			return nil, err
		}
		toks = append(toks, t)
	}
	rows.Close()
	var ids []int64
	for _, t := range toks {
		if _, err := tx.exec(ctx, `UPDATE api_tokens SET mac = ? WHERE id = ?`, tx.keys.tokenMAC(t.hash, userID, string(role)), t.id); err != nil {
			return nil, err
		}
		ids = append(ids, t.id)
	}
	return ids, rows.Err()
}

// TokenUser finds the user of an unrevoked token by the token's hash; it
// returns the token's id, user and MAC (checked by the caller against the
// user's role).
func (c conn) TokenUser(ctx context.Context, hash string) (int64, int64, string, error) {
	id, uid, mac, _, err := c.TokenUse(ctx, hash)
	return id, uid, mac, err
}

// TokenUse is TokenUser with when the token was last used, so a caller
// can leave a token used a moment ago untouched without a write.
func (c conn) TokenUse(ctx context.Context, hash string) (int64, int64, string, time.Time, error) {
	var id, uid int64
	var mac, used string
	err := c.queryRow(ctx, `SELECT id, user_id, mac, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at = ''`, hash).Scan(&id, &uid, &mac, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, "", time.Time{}, qianxiang.Errorf(qianxiang.EUnauthenticated, "invalid or revoked API token")
	}
	var at time.Time
	if used != "" {
		at = parseTS(used)
	}
	return id, uid, mac, at, err
}

// TouchToken records a token's use, at most once a minute.
func (tx *Tx) TouchToken(ctx context.Context, id int64) error {
	now := tx.now()
	_, err := tx.exec(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND last_used_at < ?`, ts(now), id, ts(now.Add(-time.Minute)))
	return err
}

// Tokens lists tokens, of one user or (userID 0) of all.
func (c conn) Tokens(ctx context.Context, userID int64) ([]qianxiang.Token, error) {
	q := `SELECT t.id, t.user_id, u.username, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id`
	var args []any
	if userID != 0 {
		q += ` WHERE t.user_id = ?`
		args = append(args, userID)
	}
	rows, err := c.query(ctx, q+` ORDER BY t.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.Token
	for rows.Next() {
		var t qianxiang.Token
		var created, revoked string
		if err := rows.Scan(&t.ID, &t.UserID, &t.Username, &t.Name, &t.Prefix, &created, &t.LastUsedAt, &revoked); err != nil {
			return nil, err
		}
		t.CreatedAt, t.Revoked = parseTS(created), revoked != ""
		out = append(out, t)
	}
	return out, rows.Err()
}

// TokenByID finds one token.
func (c conn) TokenByID(ctx context.Context, id int64) (qianxiang.Token, error) {
	ts, err := c.Tokens(ctx, 0)
	if err != nil {
		return qianxiang.Token{}, err
	}
	for _, t := range ts {
		if t.ID == id {
			return t, nil
		}
	}
	return qianxiang.Token{}, qianxiang.ErrNotFound("token")
}

// RevokeToken revokes a token.
func (tx *Tx) RevokeToken(ctx context.Context, id int64) error {
	_, err := tx.exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = ''`, ts(tx.now()), id)
	return err
}

// LoginFailures returns the failures counted for a key (user or address)
// in the current window, and until when it is locked.
func (c conn) LoginFailures(ctx context.Context, key string) (int, time.Time, time.Time, error) {
	var n int
	var first, locked string
	err := c.queryRow(ctx, `SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?`, key).Scan(&n, &first, &locked)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, time.Time{}, nil
	}
	return n, parseTS(first), parseTS(locked), err
}

// LockLoginFailures reads the failures of a key inside a write transaction
// and holds the key's row until the transaction ends (PostgreSQL's row lock;
// SQLite has one writer anyway), so that concurrent login attempts count
// one after the other instead of all reading the same count. A key seen for
// the first time gets a row with no failures, so that there is a row to lock.
func (tx *Tx) LockLoginFailures(ctx context.Context, key string) (int, time.Time, time.Time, error) {
	if _, err := tx.exec(ctx, `INSERT INTO login_failures (key, failures, first_at, locked_until) VALUES (?, 0, '', '')
		ON CONFLICT (key) DO NOTHING`, key); err != nil {
		return 0, time.Time{}, time.Time{}, err
	}
	q := `SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?`
	if tx.d == Postgres {
		q += ` FOR UPDATE`
	}
	var n int
	var first, locked string
	err := tx.queryRow(ctx, q, key).Scan(&n, &first, &locked)
	return n, parseTS(first), parseTS(locked), err
}

// UncountLoginAttempt takes back one attempt counted for a key, and lifts
// the key's lock when that leaves it below limit: a login that succeeded
// was counted beforehand but is not a failure.
func (tx *Tx) UncountLoginAttempt(ctx context.Context, key string, limit int) error {
	if _, err := tx.exec(ctx, `UPDATE login_failures SET failures = failures - 1 WHERE key = ? AND failures > 0`, key); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `UPDATE login_failures SET locked_until = '' WHERE key = ? AND failures < ?`, key, limit)
	return err
}

// SetLoginFailures records failures for a key.
func (tx *Tx) SetLoginFailures(ctx context.Context, key string, n int, first, lockedUntil time.Time) error {
	locked := ""
	if !lockedUntil.IsZero() {
		locked = ts(lockedUntil)
	}
	_, err := tx.exec(ctx, `INSERT INTO login_failures (key, failures, first_at, locked_until) VALUES (?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at, locked_until = excluded.locked_until`,
		key, n, ts(first), locked)
	return err
}

// ClearLoginFailures forgets the failures of a key after a good login.
func (tx *Tx) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := tx.exec(ctx, `DELETE FROM login_failures WHERE key = ?`, key)
	return err
}
