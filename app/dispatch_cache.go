package app

import (
	"context"
	"sync"
)

// figureCache keeps what the cockpit, the dispatch page, the API and the
// registry's lights compute from the dispatch inputs — dispatches, series
// and the organisations — under the data version (store.DataVersion)
// they were computed at. Every committed change to those inputs moves the
// version in the database, on whichever server made it, so an entry is
// used only while its inputs are unchanged: no figure is older than the
// data. One request computes a missing entry; others asking for it at the
// same time wait for that one.
type figureCache struct {
	mu      sync.Mutex
	version int64
	entries map[figureKey]*figureEntry
	tick    uint64
}

// figureKey names one cached figure: a kind ("dispatch", "series"), a
// year and month, and the scope path ("" the whole city).
type figureKey struct {
	kind        string
	year, month int
	scope       string
}

type figureEntry struct {
	done chan struct{} // closed once val and err are set
	val  any
	err  error
	used uint64
}

// maxFigures bounds the entries of one version: a province's dispatch is
// megabytes, and the keys asked for between two saves are few (the
// current month of the city and of each county, a month or two back).
const maxFigures = 48

// figure returns the cached value of key at data version v, computing it
// with compute when missing. A version older than the cache's (a request
// that read it before another's newer read) is computed and not kept.
func (c *figureCache) figure(v int64, key figureKey, compute func() (any, error)) (any, error) {
	c.mu.Lock()
	if v < c.version {
		c.mu.Unlock()
		return compute()
	}
	if v > c.version || c.entries == nil {
		c.version, c.entries = v, map[figureKey]*figureEntry{}
	}
	c.tick++
	if e, ok := c.entries[key]; ok {
		e.used = c.tick
		c.mu.Unlock()
		<-e.done
		return e.val, e.err
	}
	if len(c.entries) >= maxFigures {
		c.evictLocked()
	}
	e := &figureEntry{done: make(chan struct{}), used: c.tick}
	c.entries[key] = e
	c.mu.Unlock()

	e.val, e.err = compute()
	close(e.done)
	if e.err != nil {
		// Errors are not kept: the next request tries again.
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		c.mu.Unlock()
	}
	return e.val, e.err
}

// evictLocked drops the least recently used finished entry.
func (c *figureCache) evictLocked() {
	var oldest figureKey
	var at uint64
	found := false
	for k, e := range c.entries {
		select {
		case <-e.done:
		default:
			continue // being computed: someone waits for it
		}
		if !found || e.used < at {
			oldest, at, found = k, e.used, true
		}
	}
	if found {
		delete(c.entries, oldest)
	}
}

// dataVersion reads the version the cache is keyed on.
func (a *App) dataVersion(ctx context.Context) (int64, error) {
	return a.DB.DataVersion(ctx)
}
