package store

import (
	"context"
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
		if e.PrevHash != prev || entryHash(&e) != e.Hash {
			broken = append(broken, qianxiang.Broken{Table: "audit_log", ID: e.ID, Label: e.Label, What: "audit entry altered: its hash does not match the chain"})
		}
		prev = e.Hash
		last[e.Entity+"/"+strconv.FormatInt(e.EntityID, 10)] = e
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
