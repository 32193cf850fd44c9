package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// The read pool's statements are prepared once and reused; statements of
// every length (IN lists) never grow the cache past its bound, and a write
// is seen by the next run of a statement prepared before it.
func TestStatementCacheIsBoundedAndSeesWrites(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.stmts == nil {
		t.Fatal("SQLite's read pool has no statement cache")
	}
	v0, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.Exec(`UPDATE data_version SET n = n + 5 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if v1, err := db.DataVersion(ctx); err != nil || v1 != v0+5 {
		t.Fatalf("after a write the prepared statement reads %d, %v; want %d", v1, err, v0+5)
	}
	for n := 1; n <= maxStmts+50; n++ {
		q := `SELECT COUNT(*) FROM data_version WHERE id IN (` + strings.TrimSuffix(strings.Repeat("?,", n), ",") + `)`
		args := make([]any, n)
		for i := range args {
			args[i] = 1
		}
		var got int
		if err := db.queryRow(ctx, q, args...).Scan(&got); err != nil || got != 1 {
			t.Fatalf("IN list of %d: %d, %v", n, got, err)
		}
	}
	db.stmts.mu.RLock()
	size := len(db.stmts.m)
	db.stmts.mu.RUnlock()
	if size > maxStmts {
		t.Errorf("the cache holds %d statements, bound %d", size, maxStmts)
	}
}
