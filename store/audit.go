package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"qianxiang"
)

// Governed tables: every change to them is audited, and audit verify
// compares their rows with the trail. labelCol names the column shown to
// people when a record is reported.
var governed = []struct{ Table, LabelCol string }{
	{"orgs", "name"},
	{"users", "username"},
	{"settings", "key"},
	{"projects", "name"},
	{"reports", "id"},
	{"problems", "description"},
	{"photos", "name"},
	{"problem_instructions", "text"},
	{"webhook_config", "url"},
	{"api_tokens", "prefix"},
	{"orders", "seq"},
	{"task_lists", "title"},
	{"tasks", "title"},
	{"task_progress", "id"},
	{"approvals", "kind"},
	{"land_needs", "id"},
	{"funding_needs", "id"},
	{"bank_matches", "bank"},
	{"targets", "year"},
}

// secretCols are never copied into the trail; their hash is, so a direct
// edit of a password hash still shows.
var secretCols = map[string]bool{"password_hash": true, "secret": true, "token_hash": true}

// volatileCols change without an audited act (a token's last use) and are
// left out of snapshots.
var volatileCols = map[string]bool{"last_used_at": true}

// Snapshot reads a governed row as canonical JSON (sorted keys, every value
// a string or null), the same on SQLite and PostgreSQL. It returns "" when
// the row does not exist.
func (c conn) Snapshot(ctx context.Context, table string, id int64) (string, error) {
	if !isGoverned(table) {
		return "", fmt.Errorf("table %s is not governed", table)
	}
	return c.rowSnapshot(ctx, table, id)
}

// rowSnapshot is Snapshot for any table with an id column: the rows of
// link tables (a project's classes) are recorded this way when they go.
func (c conn) rowSnapshot(ctx context.Context, table string, id int64) (string, error) {
	rows, err := c.query(ctx, `SELECT * FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	if !rows.Next() {
		return "", rows.Err()
	}
	m, err := scanCanonical(rows)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(m)
	return string(b), err
}

func isGoverned(table string) bool {
	for _, g := range governed {
		if g.Table == table {
			return true
		}
	}
	return false
}

func scanCanonical(rows *sql.Rows) (map[string]any, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	m := make(map[string]any, len(cols))
	for i, col := range cols {
		if volatileCols[col] {
			continue
		}
		v := canonical(vals[i])
		if s, ok := v.(string); ok && secretCols[col] {
			sum := sha256.Sum256([]byte(s))
			v = "sha256:" + hex.EncodeToString(sum[:])
		}
		m[col] = v
	}
	return m, nil
}

// canonical turns a driver value into a string (or nil) so the two
// databases' drivers produce the same snapshot.
func canonical(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case []byte:
		return string(x)
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "1"
		}
		return "0"
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}

const auditCols = `id, at, actor, action, entity, entity_id, label, before_json, after_json, prev_hash, hash, kid`

// History lists the audit entries of one record, oldest first.
func (c conn) History(ctx context.Context, table string, id int64) ([]qianxiang.AuditEntry, error) {
	return c.auditRows(ctx, `SELECT `+auditCols+` FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`, table, id)
}

func (c conn) auditRows(ctx context.Context, q string, args ...any) ([]qianxiang.AuditEntry, error) {
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func scanAudit(rows *sql.Rows) (qianxiang.AuditEntry, error) {
	var e qianxiang.AuditEntry
	var at string
	err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Label, &e.Before, &e.After, &e.PrevHash, &e.Hash, &e.Kid)
	e.At = parseTS(at)
	return e, err
}

// AuditEntries lists entries of the trail, newest first.
func (c conn) AuditEntries(ctx context.Context, f qianxiang.AuditFilter) ([]qianxiang.AuditEntry, error) {
	var where []string
	var args []any
	if f.Table != "" {
		where, args = append(where, `entity = ?`), append(args, f.Table)
	}
	if f.ID != 0 {
		where, args = append(where, `entity_id = ?`), append(args, f.ID)
	}
	if f.Actor != "" {
		where, args = append(where, `actor = ?`), append(args, f.Actor)
	}
	q := `SELECT ` + auditCols + ` FROM audit_log`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 200
	}
	return c.auditRows(ctx, q+` ORDER BY id DESC LIMIT ?`, append(args, f.Limit)...)
}
