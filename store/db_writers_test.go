package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// A burst of writes holds few connections: on PostgreSQL at most eight
// write transactions of a server are in flight at once (the others wait
// in Go, holding no connection), so reads still find one; SQLite runs one
// at a time. Every write of the burst still commits.
func TestWriteTransactionsInFlightAreBounded(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.OpenWith(ctx, testenv.DSN(t, kind), store.Options{AuditKeyFile: testenv.KeyFile(t)})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			limit := int64(8)
			if kind == "sqlite" {
				limit = 1
			}
			var inFlight, most, done atomic.Int64
			var wg sync.WaitGroup
			for range 30 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					err := db.Tx(ctx, func(tx *store.Tx) error {
						n := inFlight.Add(1)
						for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
						}
						time.Sleep(20 * time.Millisecond)
						inFlight.Add(-1)
						return nil
					})
					if err != nil {
						t.Error(err)
						return
					}
					done.Add(1)
				}()
			}
			// A read meanwhile is answered.
			rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			if _, err := db.DataVersion(rctx); err != nil {
				t.Errorf("a read during the burst: %v", err)
			}
			wg.Wait()
			if most.Load() > limit || done.Load() != 30 {
				t.Fatalf("%d write transactions in flight at most (limit %d), %d of 30 committed", most.Load(), limit, done.Load())
			}
		})
	}
}
