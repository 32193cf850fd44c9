package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the read pool's prepared statements by their SQL, so a
// request does not parse the same statements again: on SQLite the parser
// was a seventh of the registry API's CPU. database/sql prepares a cached
// statement once on each connection that runs it. PostgreSQL's driver
// (pgx) already caches statements per connection, so only SQLite uses it.
type stmtCache struct {
	db *sql.DB
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

// maxStmts bounds the cache: statements with lists of ids (IN (?,?,…))
// differ by their length, and a list of any length must not grow it.
const maxStmts = 256

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}}
}

// stmt gives the prepared statement for q, or nil when the cache is full
// or the statement does not prepare (the caller then runs q unprepared,
// and gets the driver's own error if any).
func (c *stmtCache) stmt(ctx context.Context, q string) *sql.Stmt {
	c.mu.RLock()
	s, ok := c.m[q]
	full := len(c.m) >= maxStmts
	c.mu.RUnlock()
	if ok || full {
		return s
	}
	s, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if had, ok := c.m[q]; ok {
		s.Close()
		return had
	}
	if len(c.m) >= maxStmts {
		s.Close()
		return nil
	}
	c.m[q] = s
	return s
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, s := range c.m {
		s.Close()
		delete(c.m, q)
	}
}
