// Package store is the one place for SQL. It speaks to SQLite (modernc.org/sqlite,
// pure Go, the embedded default) and PostgreSQL (pgx) with the same queries:
// placeholders are written as ? and rebound to $n for PostgreSQL, and the few
// schema differences are filled in by the migration templates.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"

	"qianxiang"
)

// Dialect names the database behind a DB.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open database: a writer and a reader pool (the same pool on
// PostgreSQL; on SQLite one writer connection so writers queue in Go rather
// than fail with SQLITE_BUSY, and a read pool that WAL lets run beside it).
type DB struct {
	conn
	w   *sql.DB
	r   *sql.DB
	rep *sql.DB // the read replica (replica.go), nil without one
	// stopReplica ends the replica's health check.
	stopReplica func()
	DSN         string
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Keys sign the audit chain, tokens and sessions (audit_keys.go).
	Keys *KeyRing
	// OnFigures is called after a committed change of the figures the
	// cockpit shows (live.go); on PostgreSQL a notification carries it
	// to every server as well.
	OnFigures func()
	// writers bounds the write transactions in flight on PostgreSQL
	// (nil on SQLite, whose single writer connection does it).
	writers chan struct{}
}

// pgWriters is how many write transactions one server runs at once on
// PostgreSQL; the others wait in Go, holding no connection. Every audited
// write takes the audit chain's head row in turn, so more writers in
// flight do not commit faster: they would only sit on the pool's
// connections, idle in transaction, while the reads — the cockpit, the
// grid, the public pages — wait for one (the deadline-day load on two
// servers at 5,000 projects).
const pgWriters = 8

// queryer is what *sql.DB and *sql.Tx share.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn carries the methods that run on the read pool and inside a Tx alike.
type conn struct {
	q   queryer
	d   Dialect
	now func() time.Time
	// stmts prepares the read pool's statements once (SQLite; nil in a
	// transaction and on PostgreSQL).
	stmts *stmtCache
}

// ParseDSN splits a DSN into dialect and driver DSN: a file path or
// sqlite:PATH for SQLite, postgres:// or postgresql:// for PostgreSQL.
func ParseDSN(dsn string) (Dialect, string, error) {
	dsn = strings.TrimSpace(dsn)
	switch {
	case dsn == "":
		return "", "", qianxiang.Errorf(qianxiang.EInvalid, "database DSN is empty")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			return "", "", qianxiang.Errorf(qianxiang.EInvalid, "malformed PostgreSQL DSN %q", redact(dsn))
		}
		return Postgres, dsn, nil
	case strings.Contains(dsn, "://"):
		return "", "", qianxiang.Errorf(qianxiang.EInvalid, "unknown database DSN scheme in %q (use a file path, sqlite:PATH or postgres://…)", redact(dsn))
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	if path == "" {
		return "", "", qianxiang.Errorf(qianxiang.EInvalid, "sqlite DSN names no file")
	}
	return SQLite, path, nil
}

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxx")
	}
	return u.String()
}

// SQLite's memory, sized for the data. A province's year (50,000 projects,
// twelve months of reports, the audit chain) is a database of 80–200 MB;
// SQLite's default page cache is 2 MB per connection, so every dispatch
// re-read most of it through read() system calls and copies.
//   - mmap_size 1 GiB maps the file (address space, not memory: pages come
//     from the operating system's file cache, shared by all nine
//     connections and read without a copy), with room for years of growth.
//   - cache_size keeps the hot b-tree pages (indexes, the projects table)
//     decoded per connection: 16 MiB for each of the eight readers and
//     32 MiB for the writer, whose pages cannot come from the map once it
//     has changed them — at most 160 MiB in all, and only when the data is
//     that big (the cache grows on demand).
const (
	sqliteMemory      = "&_pragma=mmap_size(1073741824)"
	sqliteReaderCache = "-16384" // KiB: 16 MiB
	sqliteWriterCache = "-32768" // KiB: 32 MiB
)

// Options are what Open is told besides the DSN.
type Options struct {
	// AuditKeyFile is the audit key file; empty: DefaultKeyFile.
	AuditKeyFile string
	// ReadDSN is a PostgreSQL streaming replica for heavy reads; empty: none.
	ReadDSN string
}

// Open connects, runs the migrations and loads the audit key (see OpenWith).
func Open(ctx context.Context, dsn string) (*DB, error) {
	return OpenWith(ctx, dsn, Options{})
}

// OpenWith connects, runs the migrations and loads the audit key file,
// creating it when the database has never been keyed; a database whose
// chain was made with a key the file lacks is refused.
func OpenWith(ctx context.Context, dsn string, opt Options) (*DB, error) {
	db, err := OpenNoMigrate(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	path := opt.AuditKeyFile
	if path == "" {
		path = DefaultKeyFile(dsn)
	}
	if err := db.loadKeys(ctx, path); err != nil {
		db.Close()
		return nil, err
	}
	if opt.ReadDSN != "" {
		if err := db.AttachReplica(ctx, opt.ReadDSN); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// OpenNoMigrate connects without touching the schema.
func OpenNoMigrate(ctx context.Context, dsn string) (*DB, error) {
	d, drv, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db := &DB{DSN: dsn, Now: func() time.Time { return time.Now().UTC() }}
	switch d {
	case SQLite:
		pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
			sqliteMemory
		if db.w, err = sql.Open("sqlite", "file:"+drv+"?"+pragmas+"&_pragma=cache_size("+sqliteWriterCache+")&_txlock=immediate"); err != nil {
			return nil, err
		}
		db.w.SetMaxOpenConns(1)
		if db.r, err = sql.Open("sqlite", "file:"+drv+"?"+pragmas+"&_pragma=cache_size("+sqliteReaderCache+")&_pragma=query_only(1)"); err != nil {
			return nil, err
		}
		db.r.SetMaxOpenConns(8)
	case Postgres:
		if db.w, err = sql.Open("pgx", drv); err != nil {
			return nil, qianxiang.Errorf(qianxiang.EInvalid, "malformed PostgreSQL DSN %q", redact(dsn))
		}
		db.w.SetMaxOpenConns(20)
		db.w.SetMaxIdleConns(20)
		db.r = db.w
		db.writers = make(chan struct{}, pgWriters)
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.w.PingContext(pctx); err != nil {
		db.Close()
		return nil, qianxiang.Errorf(qianxiang.EInvalid, "cannot reach the database %s: %s", redact(dsn), rootCause(err))
	}
	db.conn = conn{q: db.r, d: d, now: db.clock}
	if d == SQLite {
		db.conn.stmts = newStmtCache(db.r)
	}
	return db, nil
}

func rootCause(err error) string {
	for errors.Unwrap(err) != nil {
		err = errors.Unwrap(err)
	}
	// Drivers sometimes answer in several lines; a CLI refusal is one line.
	return strings.Join(strings.Fields(err.Error()), " ")
}

func (db *DB) clock() time.Time { return db.Now() }

// Dialect of the database.
func (db *DB) Dialect() Dialect { return db.d }

// Close closes both pools.
func (db *DB) Close() error {
	if db.rep != nil {
		db.stopReplica()
		db.rep.Close()
	}
	if db.stmts != nil {
		db.stmts.close()
	}
	if db.r != nil && db.r != db.w {
		db.r.Close()
	}
	if db.w != nil {
		return db.w.Close()
	}
	return nil
}

// Tx is a write transaction.
type Tx struct {
	conn
	tx      *sql.Tx
	keys    *KeyRing
	pending []AuditItem // audit entries chained at commit (audit_chain.go)
}

// Tx runs fn in one transaction: committed if fn returns nil, rolled back
// otherwise, so nothing is ever half-written.
func (db *DB) Tx(ctx context.Context, fn func(*Tx) error) error {
	if db.writers != nil {
		select {
		case db.writers <- struct{}{}:
			defer func() { <-db.writers }()
		case <-ctx.Done():
			return fmt.Errorf("begin: %w", ctx.Err())
		}
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &Tx{conn: conn{q: tx, d: db.d, now: db.clock}, tx: tx, keys: db.Keys}
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	live := t.changesFigures()
	if err := t.flushAudit(ctx); err != nil {
		tx.Rollback()
		return fmt.Errorf("audit: %w", err)
	}
	if live {
		if err := t.Notify(ctx, FiguresTopic); err != nil {
			tx.Rollback()
			return fmt.Errorf("notify: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	if live && db.OnFigures != nil {
		db.OnFigures()
	}
	return nil
}

// rebind turns ? placeholders into $1, $2 … for PostgreSQL.
func (c conn) rebind(q string) string {
	if c.d != Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

func (c conn) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return c.q.ExecContext(ctx, c.rebind(q), args...)
}

func (c conn) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if c.stmts != nil {
		if s := c.stmts.stmt(ctx, q); s != nil {
			return s.QueryContext(ctx, args...)
		}
	}
	return c.q.QueryContext(ctx, c.rebind(q), args...)
}

func (c conn) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if c.stmts != nil {
		if s := c.stmts.stmt(ctx, q); s != nil {
			return s.QueryRowContext(ctx, args...)
		}
	}
	return c.q.QueryRowContext(ctx, c.rebind(q), args...)
}

// insert runs an INSERT … RETURNING id.
func (c conn) insert(ctx context.Context, q string, args ...any) (int64, error) {
	var id int64
	err := c.queryRow(ctx, q+" RETURNING id", args...).Scan(&id)
	return id, err
}

// ts formats a timestamp the way every table stores it: UTC text that sorts.
func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func parseTS(s string) time.Time {
	t, _ := time.Parse("2006-01-02T15:04:05.000Z", s)
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isUnique reports a unique-constraint violation on either database.
func isUnique(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505") || strings.Contains(s, "duplicate key")
}
