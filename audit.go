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

// Changed names the fields an entry changed; a create or a delete changes
// the whole record and names none.
func (e AuditEntry) Changed() []string {
	if e.Before == "" || e.After == "" {
		return nil
	}
	var before, after map[string]any
	json.Unmarshal([]byte(e.Before), &before)
	json.Unmarshal([]byte(e.After), &after)
	var cols []string
	for k, v := range after {
		if k == "version" || k == "updated_at" || k == "created_at" {
			continue
		}
		if fmt.Sprint(before[k]) != fmt.Sprint(v) {
			cols = append(cols, k)
		}
	}
	sort.Strings(cols)
	return cols
}
