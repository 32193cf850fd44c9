package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"qianxiang"
)

// Verify re-walks the chain and compares every governed record with its last
// entry. It returns the entries checked and every break found.
func (db *DB) Verify(ctx context.Context) (int64, []qianxiang.Broken, error) {
	var broken []qianxiang.Broken
	last := map[string]qianxiang.AuditEntry{} // table/id -> last entry
	rows, err := db.query(ctx, `SELECT `+auditCols+` FROM audit_log ORDER BY id`)
	if err != nil {
		return 0, nil, err
	}
	var n int64
	prev := ""
	keyed := false // a keyed entry was seen: every later one must be keyed too
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			rows.Close()
			return 0, nil, err
		}
		n++
		if e.ID != n {
			broken = append(broken, qianxiang.Broken{Table: "audit_log", ID: e.ID, What: fmt.Sprintf("entry out of sequence (expected %d): entries were removed", n)})
			n = e.ID
		}
		if what := db.checkEntry(e, prev, keyed); what != "" {
			broken = append(broken, qianxiang.Broken{Table: "audit_log", ID: e.ID, Label: e.Label, What: what})
		}
		keyed = keyed || e.Kid != ""
		prev = e.Hash
		if isGoverned(e.Entity) {
			last[e.Entity+"/"+strconv.FormatInt(e.EntityID, 10)] = e
		}
	}
	rows.Close()
	var head string
	if err := db.queryRow(ctx, `SELECT hash FROM audit_head WHERE id = 1`).Scan(&head); err == nil && head != prev {
		broken = append(broken, qianxiang.Broken{Table: "audit_log", ID: n, What: "the newest audit entries were removed"})
	}
	for _, g := range governed {
		b, err := db.verifyTable(ctx, g.Table, g.LabelCol, last)
		if err != nil {
			return 0, nil, err
		}
		broken = append(broken, b...)
	}
	b, err := db.verifyBlobs(ctx)
	if err != nil {
		return 0, nil, err
	}
	broken = append(broken, b...)
	if b, err = db.verifyCredentials(ctx); err != nil {
		return 0, nil, err
	}
	broken = append(broken, b...)
	// Whatever remains in last was audited but is gone from its table.
	var gone []string
	for k, e := range last {
		if e.Action != "delete" {
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	for _, k := range gone {
		e := last[k]
		broken = append(broken, qianxiang.Broken{Table: e.Entity, ID: e.EntityID, Label: e.Label, What: "deleted outside the application"})
	}
	return n, broken, nil
}

func (db *DB) verifyTable(ctx context.Context, table, labelCol string, last map[string]qianxiang.AuditEntry) ([]qianxiang.Broken, error) {
	rows, err := db.query(ctx, `SELECT * FROM `+table+` ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.Broken
	for rows.Next() {
		m, err := scanCanonical(rows)
		if err != nil {
			return nil, err
		}
		b, _ := json.Marshal(m)
		id, _ := strconv.ParseInt(fmt.Sprint(m["id"]), 10, 64)
		label, _ := m[labelCol].(string)
		key := table + "/" + strconv.FormatInt(id, 10)
		e, ok := last[key]
		delete(last, key)
		switch {
		case !ok:
			out = append(out, qianxiang.Broken{Table: table, ID: id, Label: label, What: "not in the audit trail: inserted outside the application"})
		case e.Action == "delete":
			out = append(out, qianxiang.Broken{Table: table, ID: id, Label: label, What: "deleted in the audit trail but present in the database"})
		case e.After != string(b) && !sameRow(e.After, m):
			out = append(out, qianxiang.Broken{Table: table, ID: id, Label: label, What: "changed outside the application: " + diffFields(e.After, string(b))})
		}
	}
	return out, rows.Err()
}

// checkEntry says what is wrong with one entry of the chain, or "". A keyed
// entry must carry the HMAC of its content and its predecessor's hash under
// the key it names; one that does not was written by someone without the
// key. Plain SHA-256 entries are accepted only before the first keyed one
// (the seal covers them).
func (db *DB) checkEntry(e qianxiang.AuditEntry, prev string, keyed bool) string {
	if e.Kid == "" {
		if keyed {
			return "unkeyed entry after the keyed chain began: it was not written by the application (forged)"
		}
		if e.PrevHash != prev || legacyHash(&e) != e.Hash {
			return "audit entry altered: its hash does not match the chain"
		}
		return ""
	}
	if db.Keys == nil || !db.Keys.Has(e.Kid) {
		return fmt.Sprintf("made with audit key %s, which is not in the audit key file: it cannot be verified", e.Kid)
	}
	h, _ := keyedHash(&e, db.Keys)
	if !hmac.Equal([]byte(h), []byte(e.Hash)) {
		return fmt.Sprintf("audit entry altered or forged: its keyed hash (key %s) does not match", e.Kid)
	}
	if e.PrevHash != prev {
		return "the entries before it were changed: the chain breaks here"
	}
	return ""
}

// verifyCredentials names API tokens and sessions whose MAC is not the one
// the application made for their user and role: planted with SQL, or left
// from a role raised with SQL. Neither would be let in.
func (db *DB) verifyCredentials(ctx context.Context) ([]qianxiang.Broken, error) {
	var out []qianxiang.Broken
	for _, q := range []struct{ table, sql string }{
		{"api_tokens", `SELECT t.id, t.prefix, t.token_hash, t.user_id, u.role, t.mac FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.revoked_at = '' ORDER BY t.id`},
		{"sessions", `SELECT 0, u.username, s.id, s.user_id, u.role, s.mac FROM sessions s JOIN users u ON u.id = s.user_id ORDER BY s.created_at`},
	} {
		rows, err := db.query(ctx, q.sql)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, uid int64
			var label, hash, role, mac string
			if err := rows.Scan(&id, &label, &hash, &uid, &role, &mac); err != nil {
				rows.Close()
				return nil, err
			}
			if q.table == "api_tokens" && !db.Keys.TokenGenuine(mac, hash, uid, role) {
				out = append(out, qianxiang.Broken{Table: q.table, ID: id, Label: label, What: "the token's MAC does not match its user and role: not issued by the application (it is refused)"})
			}
			if q.table == "sessions" && !db.Keys.SessionGenuine(mac, hash, uid, role) {
				out = append(out, qianxiang.Broken{Table: q.table, ID: 0, Label: label, What: "a session of this user was not opened by the application (it is refused)"})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// diffFields names the columns that differ between two snapshots.
func diffFields(a, b string) string {
	return "fields " + strings.Join(qianxiang.ChangedFields(a, b), ", ")
}

// verifyBlobs checks that every stored photo still hashes to its name: a
// photo is evidence of reported progress, and its row in photos (governed
// above) names it by that hash.
func (db *DB) verifyBlobs(ctx context.Context) ([]qianxiang.Broken, error) {
	rows, err := db.query(ctx, `SELECT sha256, data FROM blobs ORDER BY sha256`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.Broken
	for rows.Next() {
		var name string
		var data []byte
		if err := rows.Scan(&name, &data); err != nil {
			return nil, err
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != name {
			out = append(out, qianxiang.Broken{Table: "blobs", Label: name, What: "the stored file no longer matches its hash: it was replaced outside the application"})
		}
	}
	return out, rows.Err()
}

// sameRow compares a snapshot with a row read now, allowing for columns a
// later migration added: absent from the old snapshot and still at their
// empty default, they are not a change made outside the application.
func sameRow(snapshot string, now map[string]any) bool {
	var was map[string]any
	if json.Unmarshal([]byte(snapshot), &was) != nil {
		return false
	}
	for k, v := range now {
		old, ok := was[k]
		if !ok {
			if v == nil || v == "" || v == "0" {
				continue
			}
			return false
		}
		if fmt.Sprint(old) != fmt.Sprint(v) {
			return false
		}
	}
	for k := range was {
		if _, ok := now[k]; !ok {
			return false
		}
	}
	return true
}
