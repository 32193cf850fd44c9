package store

import (
	"context"
	"path/filepath"
	"testing"
)

// Every SQLite connection gets the map and the cache sized in db.go: the
// pragmas ride in the DSN, so a typo there would silently leave SQLite's
// 2 MB default.
func TestSQLiteMemoryPragmas(t *testing.T) {
	db, err := OpenNoMigrate(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check := func(name string, q func(string) (int64, error), wantCache int64) {
		t.Helper()
		mm, err := q("PRAGMA mmap_size")
		if err != nil || mm != 1<<30 {
			t.Errorf("%s: mmap_size %d, %v; want 1 GiB", name, mm, err)
		}
		cs, err := q("PRAGMA cache_size")
		if err != nil || cs != wantCache {
			t.Errorf("%s: cache_size %d, %v; want %d", name, cs, err, wantCache)
		}
	}
	for name, pool := range map[string]struct {
		q     func(string) (int64, error)
		cache int64
	}{
		"reader": {func(s string) (n int64, err error) { err = db.r.QueryRow(s).Scan(&n); return }, -16384},
		"writer": {func(s string) (n int64, err error) { err = db.w.QueryRow(s).Scan(&n); return }, -32768},
	} {
		check(name, pool.q, pool.cache)
	}
}
