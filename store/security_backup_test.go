package store_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// A backup names each table's columns, and restore put those names into
// its INSERT as they were: a crafted backup file ran SQL of its own.
func TestSecurityRestoreRefusesColumnNamesThatAreNotNames(t *testing.T) {
	ctx := context.Background()
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			db, err := store.OpenWith(ctx, testenv.DSN(t, kind), store.Options{AuditKeyFile: testenv.KeyFile(t)})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			enc := json.NewEncoder(zw)
			enc.Encode(map[string]any{"format": "qianxiang-backup", "version": 1, "dialect": kind, "at": "2024-01-01T00:00:00Z"})
			enc.Encode(map[string]any{"table": "settings", "columns": []string{"id", "key", "value", "version",
				"updated_at) VALUES (?, ?, ?, ?, ?); INSERT INTO settings (id, key, value, version, updated_at) VALUES (99, 'injected', 'x', 1, 'x'); --"}})
			enc.Encode([]any{1, "dispatch", "{}", 1, "2024-01-01T00:00:00.000Z"})
			zw.Close()
			_, err = db.Restore(ctx, &b)
			if qianxiang.ErrorCode(err) != qianxiang.EValidation {
				t.Fatalf("restore of a crafted column list: %v, want refused as damaged", err)
			}
			if v, ok, _ := db.Setting(ctx, "injected"); ok {
				t.Fatalf("the backup's own SQL ran: setting %q", v)
			}
		})
	}
}
