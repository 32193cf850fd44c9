package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"

	"qianxiang"
)

// loadKeys reads the audit key file, or creates it for a database whose
// chain was never keyed, then seals the database (sealAudit).
func (db *DB) loadKeys(ctx context.Context, path string) error {
	lastKid, err := db.lastKeyID(ctx)
	if err != nil {
		return err
	}
	kr, err := LoadKeyRing(path)
	if keyFileMissing(err) {
		if lastKid != "" {
			return qianxiang.Errorf(qianxiang.EInvalid, "the audit trail of this database is keyed (key %s) but the audit key file %s is missing; give the file with --audit-key or QIANXIANG_AUDIT_KEY_FILE", lastKid, path)
		}
		kr, err = CreateKeyRing(path)
		if errors.Is(err, os.ErrExist) { // another instance made it just now
			kr, err = LoadKeyRing(path)
		}
	}
	if err != nil {
		if qianxiang.AsError(err) != nil {
			return err
		}
		return qianxiang.Errorf(qianxiang.EInvalid, "audit key file %s: %s", path, rootCause(err))
	}
	if lastKid != "" && !kr.Has(lastKid) {
		return qianxiang.Errorf(qianxiang.EInvalid, "the audit key file %s does not hold key %s, which signed this database's newest audit entries; give the right file with --audit-key", path, lastKid)
	}
	db.Keys = kr
	return db.SealAudit(ctx)
}

func (c conn) lastKeyID(ctx context.Context) (string, error) {
	var kid string
	err := c.queryRow(ctx, `SELECT kid FROM audit_log WHERE kid <> '' ORDER BY id DESC LIMIT 1`).Scan(&kid)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return kid, err
}

// SealAudit moves a database that has never been keyed onto the keyed
// chain, once: its first keyed entry (action "seal") covers the head of the
// plain SHA-256 entries written before, so none of them can be changed
// afterwards without the chain breaking; API tokens issued before get their
// MAC and an entry each, so they keep working and are in the trail;
// sessions opened before end (users log in again). A database that already
// has a keyed entry is left alone, so clearing a marker cannot make it bless
// rows planted later.
func (db *DB) SealAudit(ctx context.Context) error {
	return db.Tx(ctx, func(tx *Tx) error {
		// Taking the head first makes instances starting together on one
		// PostgreSQL seal one after the other; the second finds the seal.
		var seq int64
		var head string
		if err := tx.queryRow(ctx, `UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash`).Scan(&seq, &head); err != nil {
			return err
		}
		kid, err := tx.lastKeyID(ctx)
		if err != nil || kid != "" {
			return err
		}
		detail, _ := json.Marshal(map[string]any{"legacy_entries": seq, "legacy_head": head})
		tx.AuditEvent(ctx, "system", "seal", "audit_log", seq, "keyed audit chain begins", string(detail))
		if _, err := tx.exec(ctx, `DELETE FROM sessions`); err != nil {
			return err
		}
		rows, err := tx.query(ctx, `SELECT t.id, t.token_hash, t.user_id, u.role, t.prefix FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`)
		if err != nil {
			return err
		}
		type tok struct {
			id, uid           int64
			hash, role, label string
		}
		var toks []tok
		for rows.Next() {
			var t tok
			if err := rows.Scan(&t.id, &t.hash, &t.uid, &t.role, &t.label); err != nil {
				rows.Close()
				return err
			}
			toks = append(toks, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, t := range toks {
			if _, err := tx.exec(ctx, `UPDATE api_tokens SET mac = ? WHERE id = ?`, tx.keys.tokenMAC(t.hash, t.uid, t.role), t.id); err != nil {
				return err
			}
			if err := tx.Audit(ctx, "system", "seal", "api_tokens", t.id, t.label, ""); err != nil {
				return err
			}
		}
		return nil
	})
}
