package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"qianxiang"
)

// AuditItem is a change waiting to be chained: the record's content before
// and after it are taken when the change is made; the chain is written when
// the transaction is about to commit.
type AuditItem struct {
	Actor, Action, Table string
	ID                   int64
	Label, Before, After string
}

// Audit records a change made in this transaction. The record's content
// after the change is read back from the table now, so what the trail covers
// is exactly what is stored. before is the snapshot taken before the change
// ("" for a create); a delete records an empty after.
//
// The entry joins the chain only when the transaction commits (see
// flushAudit): the chain's lock is then held for the last moment of the
// transaction rather than from its first audited change, so a long import
// does not stop every other audited write.
func (tx *Tx) Audit(ctx context.Context, actor, action, table string, id int64, label, before string) error {
	after, err := tx.Snapshot(ctx, table, id)
	if err != nil {
		return err
	}
	tx.pending = append(tx.pending, AuditItem{actor, action, table, id, label, before, after})
	return nil
}

// AuditEvent records an act that leaves no governed record behind (a login,
// a logout, a key rotation); detail is a JSON object kept as the entry's after.
func (tx *Tx) AuditEvent(ctx context.Context, actor, action, entity string, id int64, label, detail string) {
	tx.pending = append(tx.pending, AuditItem{actor, action, entity, id, label, "", detail})
}

// AuditItems queues entries whose snapshots the caller read in bulk
// (imports: see Snapshots).
func (tx *Tx) AuditItems(items []AuditItem) { tx.pending = append(tx.pending, items...) }

// flushAudit chains the transaction's pending entries: one statement takes
// the head row (which serialises writers of the chain on PostgreSQL, where
// many instances share it; SQLite has one writer anyway) and reserves their
// numbers, the hashes are made here, and the entries go in with one bulk
// INSERT (bulk.go).
func (tx *Tx) flushAudit(ctx context.Context) error {
	if len(tx.pending) == 0 {
		return nil
	}
	if tx.keys == nil {
		return fmt.Errorf("audit: no audit key loaded")
	}
	items := tx.pending
	tx.pending = nil
	var seq int64
	var prev string
	if err := tx.queryRow(ctx, `UPDATE audit_head SET seq = seq + ? WHERE id = 1 RETURNING seq, hash`, len(items)).Scan(&seq, &prev); err != nil {
		return err
	}
	first := seq - int64(len(items)) + 1
	at := tx.now()
	kid := tx.keys.Current().ID
	eh, err := newEntryHasher(tx.keys, kid)
	if err != nil {
		return err
	}
	atText := ts(at)
	rows := make([][]any, len(items))
	for i, it := range items {
		e := qianxiang.AuditEntry{ID: first + int64(i), At: at, Actor: it.Actor, Action: it.Action, Entity: it.Table, EntityID: it.ID,
			Label: it.Label, Before: it.Before, After: it.After, PrevHash: prev, Kid: kid}
		h := eh.mac(&e, atText)
		rows[i] = []any{e.ID, atText, e.Actor, e.Action, e.Entity, e.EntityID, e.Label, e.Before, e.After, e.PrevHash, h, e.Kid}
		prev = h
	}
	if err := tx.bulkInsert(ctx, "audit_log", strings.Fields(strings.ReplaceAll(auditCols, ",", " ")), rows, nil); err != nil {
		return err
	}
	_, err = tx.exec(ctx, `UPDATE audit_head SET hash = ? WHERE id = 1`, prev)
	return err
}

// entryDomain separates the chain's HMACs from the key's other uses.
const entryDomain = "qianxiang audit entry v1"

func entryFields(e *qianxiang.AuditEntry) []string {
	return []string{e.PrevHash, strconv.FormatInt(e.ID, 10), ts(e.At), e.Actor, e.Action,
		e.Entity, strconv.FormatInt(e.EntityID, 10), e.Label, e.Before, e.After}
}

// keyedHash is the HMAC of the entry under its key (the key id is part of
// the input, so an entry cannot be moved to another key).
func keyedHash(e *qianxiang.AuditEntry, kr *KeyRing) (string, error) {
	return kr.MAC(e.Kid, entryDomain, append(entryFields(e), e.Kid)...)
}

// legacyHash is the plain SHA-256 of the entries written before the chain
// was keyed: they still verify, and the first keyed entry (the seal)
// covers their head.
func legacyHash(e *qianxiang.AuditEntry) string {
	h := sha256.New()
	for _, s := range entryFields(e) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
