// Package testenv starts what tests need: a database of either kind (a
// fresh SQLite file, or a fresh schema in the PostgreSQL named by
// QIANXIANG_TEST_PG), the services, a server on a free port, and a real
// headless Chromium.
package testenv

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/store"
)

// Kinds of database the store tests run on.
var Kinds = []string{"sqlite", "postgres"}

// PGURL is the PostgreSQL used by tests: QIANXIANG_TEST_PG, else the local
// server this machine and CI run.
func PGURL() string {
	if u := os.Getenv("QIANXIANG_TEST_PG"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// DSN gives a fresh, empty database of the kind. PostgreSQL tests fail
// (never skip) when the server is unreachable, unless QIANXIANG_TEST_PG=off.
func DSN(tb testing.TB, kind string) string {
	tb.Helper()
	if kind == "sqlite" {
		return filepath.Join(tb.TempDir(), "test.db")
	}
	base := PGURL()
	if base == "off" {
		tb.Skip("PostgreSQL tests turned off by QIANXIANG_TEST_PG=off")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("t_%d_%d", os.Getpid(), rand.Uint64()%1e12)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		tb.Fatalf("postgres at %s is needed for the store tests (set QIANXIANG_TEST_PG): %v", base, err)
	}
	tb.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			a.Close()
		}
	})
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// KeyFile is a path for an audit key file of the test's own (created by
// the first Open that is given it).
func KeyFile(tb testing.TB) string {
	return filepath.Join(tb.TempDir(), "audit.key")
}

// Open opens a fresh database of the kind with the services over it; its
// audit key file is the test's own.
func Open(tb testing.TB, kind string) *app.App {
	tb.Helper()
	return OpenDSN(tb, DSN(tb, kind), KeyFile(tb))
}

// OpenDSN opens a database with the services over it, signing with the
// given audit key file.
func OpenDSN(tb testing.TB, dsn, keyFile string) *app.App {
	tb.Helper()
	db, err := store.OpenWith(context.Background(), dsn, store.Options{AuditKeyFile: keyFile})
	if err != nil {
		tb.Fatalf("open %s: %v", dsn, err)
	}
	tb.Cleanup(func() { db.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return app.New(db, log)
}

// Each runs f once per database kind as subtests.
func Each(t *testing.T, f func(t *testing.T, a *app.App)) {
	for _, k := range Kinds {
		t.Run(k, func(t *testing.T) { f(t, Open(t, k)) })
	}
}

// Lvliang creates the lvliang organisations and returns them by code.
func Lvliang(tb testing.TB, a *app.App) map[string]qianxiang.Org {
	tb.Helper()
	ctx := context.Background()
	if _, err := a.InitPreset(ctx, qianxiang.SystemActor, "lvliang"); err != nil {
		tb.Fatal(err)
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	m := map[string]qianxiang.Org{}
	for _, o := range orgs {
		m[o.Code] = o
	}
	return m
}

// User adds a user with a known password and returns them as an actor.
func User(tb testing.TB, a *app.App, username string, role qianxiang.Role, org string) qianxiang.Actor {
	tb.Helper()
	u, _, err := a.AddUser(context.Background(), qianxiang.SystemActor, app.NewUser{Username: username, Role: role, OrgCode: org, Password: Password})
	if err != nil {
		tb.Fatal(err)
	}
	return u.Actor()
}

// Password is the password User gives everyone.
const Password = "Test-pass-2023"

// Samples is the folder of sample workbooks (shared/ beside the checkout).
func Samples(tb testing.TB) string {
	tb.Helper()
	dir, _ := os.Getwd()
	for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
		p := filepath.Join(d, "..", "shared", "samples")
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			if _, err := os.Stat(p); err != nil {
				tb.Fatalf("sample workbooks not found at %s", p)
			}
			return p
		}
	}
	tb.Fatal("go.mod not found above " + dir)
	return ""
}

// Contains fails unless s contains every want.
func Contains(tb testing.TB, s string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(s, w) {
			tb.Fatalf("want %q in:\n%s", w, s)
		}
	}
}

// Raw opens a second, plain connection to the app's database, to change
// rows behind the application's back (the audit tests do).
func Raw(tb testing.TB, a *app.App) *sql.DB {
	tb.Helper()
	d, dsn, err := store.ParseDSN(a.DB.DSN)
	if err != nil {
		tb.Fatal(err)
	}
	driver := "pgx"
	if d == store.SQLite {
		driver, dsn = "sqlite", "file:"+dsn+"?_pragma=busy_timeout(10000)"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
