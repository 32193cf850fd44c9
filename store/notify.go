package store

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
)

// notifyChannel carries live updates between the servers that share one
// PostgreSQL (a hall screen may hang off any of them).
const notifyChannel = "qianxiang_events"

// Notify queues a live update, sent by PostgreSQL when the transaction
// commits (and never if it rolls back); the payload is prefixed with the
// schema so that databases sharing a server do not hear each other. On
// SQLite, where there is one server, the caller delivers in process.
func (tx *Tx) Notify(ctx context.Context, payload string) error {
	if tx.d != Postgres {
		return nil
	}
	_, err := tx.exec(ctx, `SELECT pg_notify('`+notifyChannel+`', current_schema() || '|' || ?)`, payload)
	return err
}

// Listen calls deliver with the payload of every update committed by any
// server on the same database, until ctx ends or the connection fails.
// ready is called once the LISTEN is in place.
func (db *DB) Listen(ctx context.Context, ready func(), deliver func(payload string)) error {
	conn, err := pgx.Connect(ctx, db.DSN)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var schema string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, `LISTEN `+notifyChannel); err != nil {
		return err
	}
	ready()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if s, p, ok := strings.Cut(n.Payload, "|"); ok && s == schema {
			deliver(p)
		}
	}
}
