package store

import (
	"context"
	"database/sql"
	"sync/atomic"
	"time"

	"qianxiang"
)

// A read replica (serve --db-read): a PostgreSQL streaming standby that
// takes the heavy reads of pages that may be a moment behind the primary.
// Writes, transactions and every read not marked for the replica go to
// the primary, so nothing that reads its own write can miss it.

type replicaKey struct{}

// readTally counts the reads of one request served by the replica.
type readTally struct{ replica atomic.Int32 }

// PreferReplica marks ctx: its plain reads may be served by the replica.
func PreferReplica(ctx context.Context) context.Context {
	return context.WithValue(ctx, replicaKey{}, &readTally{})
}

// ReadsOnReplica is how many reads under a PreferReplica ctx went to the
// replica (0 when there is none or it was unreachable).
func ReadsOnReplica(ctx context.Context) int {
	if t, ok := ctx.Value(replicaKey{}).(*readTally); ok {
		return int(t.replica.Load())
	}
	return 0
}

// router is the queryer of a DB with a replica: execs always on the
// primary, queries on the replica when the context allows it.
type router struct {
	w, rep *sql.DB
	// down is set while the replica does not answer its health check:
	// the primary takes all reads meanwhile.
	down *atomic.Bool
}

func (r router) pick(ctx context.Context) (*sql.DB, *readTally) {
	if t, ok := ctx.Value(replicaKey{}).(*readTally); ok && !r.down.Load() {
		return r.rep, t
	}
	return r.w, nil
}

func (r router) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return r.w.ExecContext(ctx, q, args...)
}

func (r router) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	db, t := r.pick(ctx)
	if t == nil {
		return db.QueryContext(ctx, q, args...)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil && ctx.Err() == nil {
		// The standby is down or restarting: the primary answers, and
		// takes the reads until the health check finds it back.
		if _, ok := Unavailable(err); ok {
			r.down.Store(true)
		}
		return r.w.QueryContext(ctx, q, args...)
	}
	t.replica.Add(1)
	return rows, nil
}

func (r router) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	db, t := r.pick(ctx)
	if t != nil {
		t.replica.Add(1)
	}
	return db.QueryRowContext(ctx, q, args...)
}

// AttachReplica opens the read replica at dsn (PostgreSQL only, on a
// PostgreSQL primary) and routes marked reads to it.
func (db *DB) AttachReplica(ctx context.Context, dsn string) error {
	d, drv, err := ParseDSN(dsn)
	if err != nil {
		return err
	}
	if d != Postgres || db.d != Postgres {
		return qianxiang.Errorf(qianxiang.EInvalid, "--db-read needs a PostgreSQL primary and a PostgreSQL replica")
	}
	rep, err := sql.Open("pgx", drv)
	if err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "malformed PostgreSQL DSN %q", redact(dsn))
	}
	rep.SetMaxOpenConns(20)
	rep.SetMaxIdleConns(20)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := rep.PingContext(pctx); err != nil {
		rep.Close()
		return qianxiang.Errorf(qianxiang.EInvalid, "cannot reach the read replica %s: %s", redact(dsn), rootCause(err))
	}
	// The replica must hold the same schema the primary was opened on.
	var schema string
	if err := db.w.QueryRowContext(pctx, `SELECT current_schema()`).Scan(&schema); err == nil {
		var n int
		if err := rep.QueryRowContext(pctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'projects'`).Scan(&n); err != nil || n == 0 {
			rep.Close()
			return qianxiang.Errorf(qianxiang.EInvalid, "the read replica %s does not hold this database's tables (schema %s): is it a standby of the primary?", redact(dsn), schema)
		}
	}
	db.rep = rep
	rt := router{w: db.w, rep: rep, down: &atomic.Bool{}}
	db.conn.q = rt
	hctx, stop := context.WithCancel(context.Background())
	db.stopReplica = stop
	go rt.watch(hctx)
	return nil
}

// watch pings the replica every two seconds, so a standby that went away
// stops taking reads within moments and one that came back takes them
// again.
func (r router) watch(ctx context.Context) {
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		err := r.rep.PingContext(pctx)
		cancel()
		if ctx.Err() != nil {
			return
		}
		r.down.Store(err != nil)
	}
}

// HasReplica reports whether a read replica is attached.
func (db *DB) HasReplica() bool { return db.rep != nil }
