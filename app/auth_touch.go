package app

import (
	"context"
	"sync"

	"qianxiang/store"
)

// Token uses are recorded in batches: the first use queued while no batch
// is being written starts a writer that records every queued token in one
// transaction and stops when the queue is empty.

type touchQueue struct {
	mu      sync.Mutex
	ids     map[int64]bool
	running bool
}

var touchQueues sync.Map // *App -> *touchQueue

func (a *App) touchLater(id int64) {
	v, _ := touchQueues.LoadOrStore(a, &touchQueue{ids: map[int64]bool{}})
	q := v.(*touchQueue)
	q.mu.Lock()
	defer q.mu.Unlock()
	q.ids[id] = true
	if q.running {
		return
	}
	q.running = true
	go func() {
		for {
			q.mu.Lock()
			if len(q.ids) == 0 {
				q.running = false
				q.mu.Unlock()
				return
			}
			ids := q.ids
			q.ids = map[int64]bool{}
			q.mu.Unlock()
			ctx := context.Background()
			if err := a.DB.Tx(ctx, func(tx *store.Tx) error {
				for id := range ids {
					if err := tx.TouchToken(ctx, id); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				a.Log.Warn("touch tokens", "err", err)
			}
		}
	}()
}
