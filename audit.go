package qianxiang

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// AuditEntry is one link of the audit chain: who changed which record, and
// the record's canonical JSON before and after.
type AuditEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID int64     `json:"entity_id"`
	Label    string    `json:"label"`
	Before   string    `json:"before,omitempty"`
	After    string    `json:"after,omitempty"`
	PrevHash string    `json:"-"`
	Hash     string    `json:"hash"`
	// Kid names the audit key the hash is an HMAC under; empty for the
	// plain SHA-256 entries written before the chain was keyed.
	Kid string `json:"key_id,omitempty"`
}

// AuditFilter selects entries of the trail, newest first.
type AuditFilter struct {
	Table string
	ID    int64
	Actor string
	Limit int
}

// Broken is one finding of the audit verification.
type Broken struct {
	Table string `json:"table"`
	ID    int64  `json:"id"`
	Label string `json:"label"`
	What  string `json:"what"`
}

func (b Broken) String() string {
	s := fmt.Sprintf("%s %d", b.Table, b.ID)
	if b.Label != "" {
		s += fmt.Sprintf(" (%s)", b.Label)
	}
	return s + ": " + b.What
}

// Changed names the fields an entry changed, leaving out the bookkeeping
// columns every write changes; a create or a delete changes the whole
// record and names none.
func (e AuditEntry) Changed() []string {
	if e.Before == "" || e.After == "" {
		return nil
	}
	var cols []string
	for _, c := range ChangedFields(e.Before, e.After) {
		if !bookkeeping[c] {
			cols = append(cols, c)
		}
	}
	return cols
}

// bookkeeping columns change with every write and say nothing to a reader.
var bookkeeping = map[string]bool{"id": true, "version": true, "created_at": true, "updated_at": true}

// ChangedFields names, sorted, every field whose value differs between two
// snapshots of a record (JSON objects whose values are strings or null, as
// the audit trail keeps them). Absent, null and "" are one empty value, so
// a column added by a migration is not a change. A snapshot that is not a
// JSON object names nothing.
func ChangedFields(before, after string) []string {
	var b, a map[string]*string
	if json.Unmarshal([]byte(before), &b) != nil || json.Unmarshal([]byte(after), &a) != nil {
		return nil
	}
	var cols []string
	for k, v := range a {
		if deref(v) != deref(b[k]) {
			cols = append(cols, k)
		}
	}
	for k, v := range b {
		if _, both := a[k]; !both && deref(v) != "" {
			cols = append(cols, k)
		}
	}
	sort.Strings(cols)
	return cols
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
