package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"qianxiang"
)

// checkpointDomain separates checkpoint signatures from the key's other uses.
const checkpointDomain = "qianxiang audit checkpoint v1"

// MakeCheckpoint reads the chain's newest entry and the governed tables'
// sizes in one read transaction and signs them with the current key.
func (db *DB) MakeCheckpoint(ctx context.Context) (qianxiang.Checkpoint, error) {
	cp := qianxiang.Checkpoint{Format: qianxiang.CheckpointFormat, Version: 1, Dialect: string(db.d), At: ts(db.Now()), Counts: map[string]int64{}}
	opts := &sql.TxOptions{ReadOnly: true}
	if db.d == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := db.r.BeginTx(ctx, opts)
	if err != nil {
		return cp, err
	}
	defer tx.Rollback()
	c := conn{q: tx, d: db.d, now: db.clock}
	err = c.queryRow(ctx, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&cp.Seq, &cp.Hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return cp, err
	}
	for _, g := range governed {
		var n int64
		if err := c.queryRow(ctx, `SELECT COUNT(*) FROM `+g.Table).Scan(&n); err != nil {
			return cp, err
		}
		cp.Counts[g.Table] = n
	}
	cp.Counts["audit_log"] = cp.Seq
	cp.Sig = db.Keys.Sign(checkpointDomain, cp.SignedParts()...)
	return cp, nil
}

// CheckCheckpoint holds the database against a checkpoint: its signature
// must be the application's, and the chain must still hold its entry with
// the same hash (the chain's hashes cover everything before it).
func (db *DB) CheckCheckpoint(ctx context.Context, cp qianxiang.Checkpoint) ([]qianxiang.Broken, error) {
	label := "checkpoint of " + cp.At
	if !db.Keys.Check(cp.Sig, checkpointDomain, cp.SignedParts()...) {
		return []qianxiang.Broken{{Table: "checkpoint", ID: cp.Seq, Label: label, What: "the checkpoint's signature does not match: the file was altered, or was made with an audit key not in the key file"}}, nil
	}
	if cp.Seq == 0 {
		return nil, nil
	}
	var last int64
	if err := db.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM audit_log`).Scan(&last); err != nil {
		return nil, err
	}
	var hash string
	err := db.queryRow(ctx, `SELECT hash FROM audit_log WHERE id = ?`, cp.Seq).Scan(&hash)
	switch {
	case errors.Is(err, sql.ErrNoRows) && last < cp.Seq:
		return []qianxiang.Broken{{Table: "checkpoint", ID: cp.Seq, Label: label, What: fmt.Sprintf("the trail ends at entry %d but held %d entries at the checkpoint: history was truncated", last, cp.Seq)}}, nil
	case errors.Is(err, sql.ErrNoRows):
		return []qianxiang.Broken{{Table: "checkpoint", ID: cp.Seq, Label: label, What: fmt.Sprintf("entry %d, the checkpoint's head, is missing: history before the checkpoint was removed", cp.Seq)}}, nil
	case err != nil:
		return nil, err
	case hash != cp.Hash:
		return []qianxiang.Broken{{Table: "checkpoint", ID: cp.Seq, Label: label, What: fmt.Sprintf("entry %d differs from the checkpoint: history before the checkpoint was rewritten", cp.Seq)}}, nil
	}
	return nil, nil
}
