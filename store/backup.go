package store

import (
	"bufio"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"qianxiang"
)

// backupTables are copied in this order, parents before children. Sessions
// and login throttling are not: a restored city logs in afresh.
var backupTables = []string{"orgs", "users", "api_tokens", "settings", "audit_head", "audit_log",
	"projects", "reports", "blobs", "photos", "problems", "problem_co_orgs", "problem_instructions", "webhook_config",
	"order_numbers", "orders", "task_lists", "tasks", "task_progress", "approvals", "land_needs", "funding_needs", "bank_matches", "targets"}

const backupFormat = "qianxiang-backup"

type backupHeader struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Dialect Dialect   `json:"dialect"`
	At      time.Time `json:"at"`
}

type backupTable struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
}

// Backup writes a consistent snapshot of the database (one read
// transaction) as gzip-compressed JSON lines. The format is the same for
// both databases, so a city can move from SQLite to PostgreSQL with it.
func (db *DB) Backup(ctx context.Context, w io.Writer) (rows int, err error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.d == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := db.r.BeginTx(ctx, opts)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	zw := gzip.NewWriter(w)
	enc := json.NewEncoder(zw)
	if err := enc.Encode(backupHeader{Format: backupFormat, Version: 1, Dialect: db.d, At: db.Now()}); err != nil {
		return 0, err
	}
	for _, t := range backupTables {
		n, err := dumpTable(ctx, tx, enc, t)
		if err != nil {
			return rows, fmt.Errorf("backup %s: %w", t, err)
		}
		rows += n
	}
	return rows, zw.Close()
}

func dumpTable(ctx context.Context, tx *sql.Tx, enc *json.Encoder, table string) (int, error) {
	order := "id"
	switch table {
	case "blobs":
		order = "sha256"
	case "congress_ballots":
		order = "vote_id, deputy_id"
	case "congress_motion_signers":
		order = "motion_id, seq"
	case "user_phones":
		order = "user_id"
	}
	rs, err := tx.QueryContext(ctx, `SELECT * FROM `+table+` ORDER BY `+order)
	if err != nil {
		return 0, err
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return 0, err
	}
	if err := enc.Encode(backupTable{Table: table, Columns: cols}); err != nil {
		return 0, err
	}
	n := 0
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rs.Next() {
		if err := rs.Scan(ptrs...); err != nil {
			return n, err
		}
		row := make([]any, len(cols))
		for i, v := range vals {
			row[i] = typed(v)
		}
		if err := enc.Encode(row); err != nil {
			return n, err
		}
		n++
	}
	return n, rs.Err()
}

// typed keeps a value's kind through JSON: numbers stay numbers, binary
// data becomes {"b64": …}.
func typed(v any) any {
	switch x := v.(type) {
	case []byte:
		return map[string]string{"b64": base64.StdEncoding.EncodeToString(x)}
	case int32:
		return int64(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return v
}

// Restore loads a backup into this database, which must hold no data yet.
func (db *DB) Restore(ctx context.Context, r io.Reader) (rows int, err error) {
	var n int
	if err := db.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM orgs) + (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM projects)`).Scan(&n); err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, qianxiang.Errorf(qianxiang.EValidation, "the target database is not empty; restore only into a new database")
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return 0, qianxiang.Errorf(qianxiang.EValidation, "not a Qianxiang backup (not gzip)")
	}
	dec := json.NewDecoder(bufio.NewReader(zr))
	dec.UseNumber()
	var h backupHeader
	if err := dec.Decode(&h); err != nil || h.Format != backupFormat {
		return 0, qianxiang.Errorf(qianxiang.EValidation, "not a Qianxiang backup")
	}
	if h.Version != 1 {
		return 0, qianxiang.Errorf(qianxiang.EValidation, "backup format version %d is newer than this program understands", h.Version)
	}
	var faults restoreFaults
	err = db.Tx(ctx, func(tx *Tx) error {
		// An empty database holds only its seal (audit_seal.go): the
		// backup's trail replaces it.
		if _, err := tx.exec(ctx, `DELETE FROM audit_head`); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM audit_log`); err != nil {
			return err
		}
		var cur backupTable
		var insert string
		for {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err == io.EOF {
				break
			} else if err != nil {
				return qianxiang.Errorf(qianxiang.EValidation, "the backup is damaged: %s", err.Error())
			}
			if len(raw) > 0 && raw[0] == '{' {
				if err := json.Unmarshal(raw, &cur); err != nil || !knownTable(cur.Table) {
					return qianxiang.Errorf(qianxiang.EValidation, "the backup names an unknown table")
				}
				// The names go into the INSERT as they are: only plain
				// column names, so a crafted file cannot add SQL of its own.
				for _, c := range cur.Columns {
					if !columnName.MatchString(c) {
						return qianxiang.Errorf(qianxiang.EValidation, "the backup is damaged in table %s", cur.Table)
					}
				}
				ph := strings.TrimSuffix(strings.Repeat("?,", len(cur.Columns)), ",")
				insert = `INSERT INTO ` + cur.Table + ` (` + strings.Join(cur.Columns, ", ") + `) VALUES (` + ph + `)`
				continue
			}
			var row []any
			d := json.NewDecoder(strings.NewReader(string(raw)))
			d.UseNumber()
			if err := d.Decode(&row); err != nil || len(row) != len(cur.Columns) {
				return qianxiang.Errorf(qianxiang.EValidation, "the backup is damaged in table %s", cur.Table)
			}
			if !faults.check(cur.Table, cur.Columns, row) || faults.count > 0 {
				// Keep reading to list every faulty record; nothing more
				// is written, and the transaction is rolled back below.
				continue
			}
			for i, v := range row {
				row[i] = untyped(v)
			}
			if _, err := tx.exec(ctx, insert, row...); err != nil {
				return fmt.Errorf("restore %s: %w", cur.Table, err)
			}
			rows++
		}
		if err := faults.err(); err != nil {
			return err
		}
		if err := tx.resetSequences(ctx); err != nil {
			return err
		}
		// A keyed trail verifies, and its tokens work, only with the key
		// it was made with.
		kid, err := tx.lastKeyID(ctx)
		if err == nil && kid != "" && !db.Keys.Has(kid) {
			return qianxiang.Errorf(qianxiang.EValidation, "the backup's audit trail was signed with audit key %s, which is not in the audit key file %s; restore with --audit-key naming the key file of the database the backup came from", kid, db.Keys.Path)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	// A backup from before the keyed chain is sealed now.
	return rows, db.SealAudit(ctx)
}

var columnName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

func knownTable(t string) bool {
	for _, x := range backupTables {
		if x == t {
			return true
		}
	}
	return false
}

func untyped(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		if s, ok := x["b64"].(string); ok {
			b, _ := base64.StdEncoding.DecodeString(s)
			return b
		}
	}
	return v
}

// resetSequences moves PostgreSQL's identity counters past the restored ids
// (SQLite's AUTOINCREMENT follows the largest id by itself).
func (tx *Tx) resetSequences(ctx context.Context) error {
	if tx.d != Postgres {
		return nil
	}
	for _, t := range append([]string{"orgs", "users", "api_tokens", "settings", "projects", "reports", "photos", "problems",
		"problem_co_orgs", "problem_instructions", "webhook_config",
		"order_numbers", "orders", "task_lists", "tasks", "task_progress", "approvals", "land_needs", "funding_needs", "bank_matches", "targets"}, sequencedTables...) {
		if _, err := tx.exec(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), COALESCE((SELECT MAX(id) FROM `+t+`), 0) + 1, false)`); err != nil {
			return err
		}
	}
	return nil
}
