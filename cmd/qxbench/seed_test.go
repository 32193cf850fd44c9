package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// seed writes every project of the plan as a row a peer can load, with the
// organisation's code and the amounts as stored.
func TestSeedWritesTheRows(t *testing.T) {
	dir := t.TempDir()
	rows := filepath.Join(dir, "rows.jsonl")
	if err := seed([]string{"--db", filepath.Join(dir, "q.db"), "--projects", "40", "--year", "2023", "--rows", rows}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(rows)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); n++ {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if r.Year != 2023 || len(r.Org) != 6 || r.Name == "" || r.AnnualPlan <= 0 {
			t.Errorf("line %d is not a project of the plan: %+v", n+1, r)
		}
	}
	if n != 40 {
		t.Errorf("%d rows, want 40", n)
	}
	if err := seed([]string{"--db", filepath.Join(dir, "q.db"), "--projects", "40"}); err == nil {
		t.Error("a second seed into the same database succeeded")
	}
}
