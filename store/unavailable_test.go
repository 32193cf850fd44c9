package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestUnavailableTellsTheCause: errors of a database that cannot serve
// for now are told apart from the rest, and by cause; a refusal by a
// constraint or a bug in a query is not "unavailable".
func TestUnavailableTellsTheCause(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string // "" : not unavailable
	}{
		{"admin shutdown", &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}, DownUnreachable},
		{"starting up", &pgconn.PgError{Code: "57P03", Message: "the database system is starting up"}, DownUnreachable},
		{"connection exception", fmt.Errorf("query: %w", &pgconn.PgError{Code: "08006"}), DownUnreachable},
		{"not accepting connections", &pgconn.PgError{Code: "55000", Message: `database "x" is not currently accepting connections`}, DownUnreachable},
		{"other 55000", &pgconn.PgError{Code: "55000", Message: "object not in prerequisite state"}, ""},
		{"disk full", &pgconn.PgError{Code: "53100", Message: "could not extend file"}, DownFull},
		{"read-only transaction", &pgconn.PgError{Code: "25006"}, DownReadOnly},
		{"unique violation", &pgconn.PgError{Code: "23505"}, ""},
		{"syntax error", &pgconn.PgError{Code: "42601"}, ""},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, DownUnreachable},
		{"sqlite full text", errors.New("database or disk is full (13)"), DownFull},
		{"sqlite readonly text", errors.New("attempt to write a readonly database (8)"), DownReadOnly},
		{"canceled", context.Canceled, ""},
		{"plain", errors.New("no such column: foo"), ""},
		{"nil", nil, ""},
	} {
		got, ok := Unavailable(c.err)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("%s: Unavailable(%v) = %q, %v; want %q", c.name, c.err, got, ok, c.want)
		}
	}
}
