package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
)

// Why a database cannot serve for now: the server says so (503) instead of
// an internal error, and serves again by itself once the cause is gone.
const (
	DownUnreachable = "unreachable" // PostgreSQL restarting, connections cut
	DownFull        = "full"        // the disk (or the database's quota) is full
	DownReadOnly    = "readonly"    // the file or its file system is read-only
)

// SQLite's primary result codes (sqlite3.h) that mean "not now".
const (
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
)

// Unavailable tells whether err means the database cannot serve for now
// rather than that the request or the code is wrong, and why.
func Unavailable(err error) (string, bool) {
	if err == nil || errors.Is(err, context.Canceled) {
		return "", false
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqliteFull:
			return DownFull, true
		case sqliteReadOnly:
			return DownReadOnly, true
		case sqliteIOErr, sqliteCantOpen:
			return downIO(err), true
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03", // shutdown, crash, starting up
			pe.Code == "53300", // too many connections
			pe.Code == "55000" && strings.Contains(pe.Message, "not currently accepting connections"):
			return DownUnreachable, true
		case pe.Code == "53100": // disk full
			return DownFull, true
		case pe.Code == "25006": // read-only transaction (a standby or default_transaction_read_only)
			return DownReadOnly, true
		}
		return "", false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || pgconn.SafeToRetry(err) {
		return DownUnreachable, true
	}
	s := err.Error()
	for _, m := range []string{"conn closed", "connection refused", "connection reset", "broken pipe", "failed to connect", "unexpected EOF", "server closed the connection"} {
		if strings.Contains(s, m) {
			return DownUnreachable, true
		}
	}
	switch {
	case strings.Contains(s, "database or disk is full"), strings.Contains(s, "no space left on device"):
		return DownFull, true
	case strings.Contains(s, "readonly database"), strings.Contains(s, "read-only file system"):
		return DownReadOnly, true
	}
	return "", false
}

// Unavailable is the package's Unavailable refined by a look at the
// SQLite file's file system: an I/O error is a full disk when no space is
// left there, a read-only database when it cannot be written.
func (db *DB) Unavailable(err error) (string, bool) {
	why, ok := Unavailable(err)
	if !ok || db.d != SQLite || why != DownUnreachable {
		return why, ok
	}
	_, path, perr := ParseDSN(db.DSN)
	if perr != nil {
		return why, ok
	}
	dir := filepath.Dir(path)
	var fs syscall.Statfs_t
	if syscall.Statfs(dir, &fs) == nil && fs.Bavail == 0 {
		return DownFull, true
	}
	if syscall.Access(dir, 2 /* W_OK */) != nil || syscall.Access(path, 2) != nil {
		return DownReadOnly, true
	}
	return why, ok
}

// downIO tells a full disk or a read-only file system behind an I/O error.
func downIO(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "no space"), strings.Contains(s, "full"):
		return DownFull
	case strings.Contains(s, "read-only"), strings.Contains(s, "readonly"):
		return DownReadOnly
	}
	return DownUnreachable
}
