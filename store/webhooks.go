package store

import (
	"context"
	"time"

	"qianxiang"
)

// QueueDelivery adds a message to send; dedupe drops a repeated event.
func (tx *Tx) QueueDelivery(ctx context.Context, event, payload, dedupe string) error {
	var key any
	if dedupe != "" {
		key = dedupe
	}
	now := ts(tx.now())
	_, err := tx.exec(ctx, `INSERT INTO webhook_deliveries (event, payload, dedupe, next_at, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (dedupe) DO NOTHING`, event, payload, key, now, now)
	return err
}

// ClaimDeliveries takes up to limit due deliveries for this server until
// the claim expires. The claim is a conditional update, so of several
// servers one gets each delivery.
func (db *DB) ClaimDeliveries(ctx context.Context, server string, claim time.Duration, limit int) ([]qianxiang.Delivery, error) {
	now := db.Now()
	var out []qianxiang.Delivery
	err := db.Tx(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT id, event, payload, status, attempts, next_at FROM webhook_deliveries
			WHERE status = 'pending' AND next_at <= ? AND claimed_until < ? ORDER BY next_at, id LIMIT ?`, ts(now), ts(now), limit)
		if err != nil {
			return err
		}
		var cand []qianxiang.Delivery
		for rows.Next() {
			var d qianxiang.Delivery
			var next string
			if err := rows.Scan(&d.ID, &d.Event, &d.Payload, &d.Status, &d.Attempts, &next); err != nil {
				rows.Close()
				return err
			}
			d.NextAt = parseTS(next)
			cand = append(cand, d)
		}
		rows.Close()
		for _, d := range cand {
			res, err := tx.exec(ctx, `UPDATE webhook_deliveries SET claimed_by = ?, claimed_until = ?
				WHERE id = ? AND status = 'pending' AND claimed_until < ?`, server, ts(now.Add(claim)), d.ID, ts(now))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 1 {
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// FinishAttempt logs an attempt and moves the delivery on: delivered,
// pending again at next, or failed for good.
func (db *DB) FinishAttempt(ctx context.Context, a qianxiang.Attempt, status string, next time.Time) error {
	return db.Tx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, `INSERT INTO webhook_attempts (delivery_id, at, url, status_code, error, millis, server) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			a.DeliveryID, ts(a.At), a.URL, a.StatusCode, a.Error, a.Millis, a.Server); err != nil {
			return err
		}
		done := ""
		if status != "pending" {
			done = ts(tx.now())
		}
		_, err := tx.exec(ctx, `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_at = ?, claimed_until = '', done_at = ?
			WHERE id = ?`, status, ts(next), done, a.DeliveryID)
		return err
	})
}

// Attempts lists the newest webhook attempts.
func (c conn) Attempts(ctx context.Context, limit int) ([]qianxiang.Attempt, error) {
	rows, err := c.query(ctx, `SELECT a.id, a.delivery_id, d.event, a.at, a.url, a.status_code, a.error, a.millis, a.server
		FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id ORDER BY a.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Attempt{}
	for rows.Next() {
		var a qianxiang.Attempt
		var at string
		if err := rows.Scan(&a.ID, &a.DeliveryID, &a.Event, &at, &a.URL, &a.StatusCode, &a.Error, &a.Millis, &a.Server); err != nil {
			return nil, err
		}
		a.At = parseTS(at)
		out = append(out, a)
	}
	return out, rows.Err()
}

// AcquireLease takes the named lease for holder until now+ttl, unless
// another holder has it unexpired. On PostgreSQL the second of two servers
// racing waits on the row and then sees the first one's lease.
func (db *DB) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	now := db.Now()
	ok := false
	err := db.Tx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, `INSERT INTO job_leases (name, holder, until) VALUES (?, '', '') ON CONFLICT (name) DO NOTHING`, name); err != nil {
			return err
		}
		res, err := tx.exec(ctx, `UPDATE job_leases SET holder = ?, until = ? WHERE name = ? AND (until < ? OR holder = ?)`,
			holder, ts(now.Add(ttl)), name, ts(now), holder)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		ok = n == 1
		return err
	})
	return ok, err
}

// ReleaseLease gives the lease back early.
func (db *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	_, err := db.w.ExecContext(ctx, db.rebind(`UPDATE job_leases SET until = '' WHERE name = ? AND holder = ?`), name, holder)
	return err
}

// WebhookConfig reads the outbound webhook (zero when none is set).
func (c conn) WebhookConfig(ctx context.Context) (id int64, url, secret string, err error) {
	err = c.queryRow(ctx, `SELECT id, url, secret FROM webhook_config ORDER BY id LIMIT 1`).Scan(&id, &url, &secret)
	if err != nil && isNoRows(err) {
		return 0, "", "", nil
	}
	return id, url, secret, err
}

// PutWebhookConfig writes the webhook and returns its id and the snapshot
// before the change ("" when it is new).
func (tx *Tx) PutWebhookConfig(ctx context.Context, url, secret string) (int64, string, error) {
	id, _, _, err := tx.WebhookConfig(ctx)
	if err != nil {
		return 0, "", err
	}
	now := ts(tx.now())
	if id == 0 {
		id, err = tx.insert(ctx, `INSERT INTO webhook_config (url, secret, updated_at) VALUES (?, ?, ?)`, url, secret, now)
		return id, "", err
	}
	before, err := tx.Snapshot(ctx, "webhook_config", id)
	if err != nil {
		return 0, "", err
	}
	_, err = tx.exec(ctx, `UPDATE webhook_config SET url = ?, secret = ?, version = version + 1, updated_at = ? WHERE id = ?`, url, secret, now, id)
	return id, before, err
}
