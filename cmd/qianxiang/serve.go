package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/store"
	"qianxiang/web"
)

// Server is a running Qianxiang: Run starts it, Close stops it, so tests
// can start the whole thing on :0.
type Server struct {
	App  *app.App
	DB   *store.DB
	Addr string // the address actually listened on
	http *http.Server
	ln   net.Listener
	// stop ends the scheduled work (escalation, reminders, webhook).
	stop context.CancelFunc
}

// ServeConfig is what serve is told.
type ServeConfig struct {
	DSN, Addr  string
	Demo       bool   // fill an empty database with the demo city first
	TrustProxy bool   // behind a reverse proxy: trust its X-Forwarded-* headers
	AuditKey   string // audit key file; empty: store.DefaultKeyFile
	ReadDSN    string // a PostgreSQL streaming replica for the heavy reads
	// SweepEvery is how often the scheduled work runs; 0: every minute.
	SweepEvery time.Duration
	// LogLevel is the least level logged (debug, info, warn, error;
	// empty: info). Above info the per-request line is not even formatted.
	LogLevel string
	// Clock, when set, is the server's time at start (a deadline-day
	// rehearsal on a copy of the data: cmd/qxload); it runs on from there.
	Clock time.Time
}

// ParseLogLevel reads --log-level / QIANXIANG_LOG_LEVEL.
func ParseLogLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "info":
		return slog.LevelInfo, nil
	case "debug":
		return slog.LevelDebug, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, usagef("--log-level %q: use debug, info, warn or error", s)
}

// StartServer opens the database, optionally fills the demo, and listens.
func StartServer(ctx context.Context, env *Env, cfg ServeConfig) (*Server, error) {
	dsn, addr, withDemo := cfg.DSN, cfg.Addr, cfg.Demo
	level, err := ParseLogLevel(cfg.LogLevel)
	if err != nil {
		return nil, err
	}
	db, err := store.OpenWith(ctx, dsn, store.Options{AuditKeyFile: cfg.AuditKey, ReadDSN: cfg.ReadDSN})
	if err != nil {
		return nil, err
	}
	// JSON lines; the request lines are appended by hand into the same
	// writer (web.NewJSONLogger), the rest goes through slog.
	log := web.NewJSONLogger(env.Stderr, level)
	a := app.New(db, log)
	if !cfg.Clock.IsZero() {
		// A rehearsal: the clock starts at Clock and runs on from there.
		off := time.Until(cfg.Clock)
		a.Now = func() time.Time { return time.Now().Add(off) }
		log.Warn("the clock is set for a rehearsal; do not serve real users with it", "clock", cfg.Clock)
	}
	if withDemo {
		logins, err := demo.Fill(ctx, a)
		switch {
		case errors.Is(err, demo.ErrNotEmpty):
			fmt.Fprintln(env.Stdout, "database is not empty: demo data not added")
		case err != nil:
			db.Close()
			return nil, err
		default:
			printLogins(env, logins)
		}
	}
	h, err := web.New(a, log)
	if err != nil {
		db.Close()
		return nil, err
	}
	h.TrustProxy = cfg.TrustProxy
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		db.Close()
		return nil, usagef("cannot listen on %s: %v", addr, err)
	}
	s := &Server{App: a, DB: db, Addr: ln.Addr().String(), ln: ln,
		http: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}}
	go s.http.Serve(ln)
	// Every instance sweeps; the lease and the conditional writes make
	// each escalation, reminder and delivery happen once across them.
	sctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.stop = stop
	every := cfg.SweepEvery
	if every <= 0 {
		every = time.Minute
	}
	go a.RunScheduler(sctx, every)
	go a.RunPromiseSweeps(sctx, time.Hour)
	log.Info("serving", "addr", "http://"+s.Addr, "db", string(db.Dialect()), "read_replica", db.HasReplica(), "instance", a.Instance)
	return s, nil
}

// Close shuts the server down gracefully: in-flight requests finish.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	s.stop()
	s.DB.Close()
	return err
}

func printLogins(env *Env, logins []demo.Login) {
	fmt.Fprintln(env.Stdout, "demo city created; logins (username / password / role / organisation):")
	for _, l := range logins {
		fmt.Fprintf(env.Stdout, "  %-12s %-14s %-11s %s\n", l.Username, l.Password, l.Role, l.Org)
	}
}

func cmdServe(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "serve", "serve [--addr 127.0.0.1:8080] [--demo] [--log-level info]")
	def := os.Getenv("QIANXIANG_ADDR")
	if def == "" {
		def = "127.0.0.1:8080"
	}
	addr := fs.String("addr", def, "address to listen on (env QIANXIANG_ADDR)")
	withDemo := fs.Bool("demo", false, "fill an empty database with the demo city first and print its logins")
	trust := fs.Bool("trust-proxy", os.Getenv("QIANXIANG_TRUST_PROXY") == "1",
		"behind a reverse proxy: take the client's address and https from X-Forwarded-For/-Proto (env QIANXIANG_TRUST_PROXY=1)")
	readDSN := fs.String("db-read", os.Getenv("QIANXIANG_DB_READ"),
		"a PostgreSQL streaming replica of --db for the heavy reads: cockpit, dispatch, lists, exports, public pages (env QIANXIANG_DB_READ)")
	sweep := fs.Duration("sweep-every", time.Minute, "how often the scheduled work (escalations, reminders, webhook) runs")
	level := fs.String("log-level", os.Getenv("QIANXIANG_LOG_LEVEL"),
		"least level logged: debug, info (default; one line per request), warn or error (env QIANXIANG_LOG_LEVEL)")
	clock := fs.String("clock", "", "rehearsals only: start the server's clock at this time (RFC 3339, e.g. 2026-11-25T10:00:00+08:00), as cmd/qxload does for a deadline day")
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := ParseLogLevel(*level); err != nil {
		return err
	}
	var at time.Time
	if *clock != "" {
		t, err := time.Parse(time.RFC3339, *clock)
		if err != nil {
			return usagef("--clock %q: give a time like 2026-11-25T10:00:00+08:00", *clock)
		}
		at = t
	}
	s, err := StartServer(ctx, env, ServeConfig{DSN: *dsn, Addr: *addr, Demo: *withDemo, TrustProxy: *trust, AuditKey: env.AuditKey,
		ReadDSN: *readDSN, SweepEvery: *sweep, LogLevel: *level, Clock: at})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Qianxiang is serving on http://%s\n", s.Addr)
	<-ctx.Done()
	fmt.Fprintln(env.Stdout, "shutting down")
	return s.Close()
}
