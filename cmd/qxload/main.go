// Command qxload is the deadline-day load test: many project units save and
// submit their month's reports at once. It builds the demo city in a fresh
// database (SQLite by default, or --db postgres://…), starts the server on
// a loopback port, and runs --clients concurrent clients for --duration,
// each a reporter of one county who fills in its share of that county's
// projects (save, save again, submit) with a think time between requests;
// the county's admin returns submitted reports so the work never runs out.
// It prints the request count, failures and latency percentiles.
//
// --mix adds the deadline day's other people (mix.go): reviewers approving
// and returning, leaders on the cockpit and the dispatch, the public on the
// portal; the figures are then given per kind of request. --projects N
// builds a city at province scale (demo.FillScale) instead of the demo
// city. A 5xx or a request that got no answer fails the run; a 4xx (a
// report approved meanwhile, a second submit) is counted, not failed.
//
// --servers N runs N real `qianxiang serve` processes on --db instead of
// the server in this process (servers.go): each on its own loopback port,
// its clock set to the deadline day, trusting the proxy's
// X-Forwarded-For. Every request goes to the next server in turn, as a
// round-robin reverse proxy sends them, so each client's token or session
// is used on all of them; the leaders log in (through the servers, before
// the timed run) and use their session cookies. After the run the
// servers are stopped and their logs' warnings and errors summarised.
// scripts/load-two-servers.sh runs it on a fresh PostgreSQL schema.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/store"
	"qianxiang/web"
)

func main() {
	clients := flag.Int("clients", 200, "concurrent clients")
	duration := flag.Duration("duration", time.Minute, "how long to run")
	think := flag.Duration("think", time.Second, "mean pause between a client's requests (a person at a keyboard)")
	dsn := flag.String("db", "", "database (default: a new SQLite file in a temp dir); an empty one: the city is built in it")
	mixFlag := flag.String("mix", "reporter=100", "clients by kind in percent, e.g. reporter=70,reviewer=10,leader=10,public=10")
	projects := flag.Int("projects", 0, "build a city of N projects at province scale (demo.FillScale) instead of the demo city")
	servers := flag.Int("servers", 0, "run N `qianxiang serve` processes on --db and spread the requests over them (0: one server inside this process)")
	bin := flag.String("bin", "", "with --servers: the qianxiang binary (default: go build ./cmd/qianxiang, run from the repository)")
	logdir := flag.String("logdir", "", "with --servers: keep the servers' logs in this directory (default: a temporary one, removed)")
	cpuprofile := flag.String("cpuprofile", "", "without --servers: write a CPU profile of the run (server and clients) to this file")
	flag.Parse()
	m, err := parseMix(*mixFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "qxload:", err)
		os.Exit(2)
	}
	cfg := config{clients: *clients, duration: *duration, think: *think, dsn: *dsn, mix: m, projects: *projects,
		servers: *servers, bin: *bin, cpuprofile: *cpuprofile, logdir: *logdir}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "qxload:", err)
		os.Exit(1)
	}
}

type config struct {
	clients           int
	duration, think   time.Duration
	dsn               string
	mix               mix
	projects, servers int
	bin, cpuprofile   string
	logdir            string
}

type result struct {
	took time.Duration
	code int // 0: no answer
	what string
}

func (r result) failed() bool { return r.code == 0 || r.code >= 500 }

// targets are the servers' base URLs; url gives each request to the next
// one in turn, as a round-robin reverse proxy does, so a client's
// requests (and its session) go to every server.
type targets struct {
	bases []string
	n     atomic.Uint64
}

func (t *targets) url(path string) string {
	return t.bases[(t.n.Add(1)-1)%uint64(len(t.bases))] + path
}

func run(cfg config) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "qxload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	dsn := cfg.dsn
	if dsn == "" {
		dsn = filepath.Join(dir, "load.db")
	}
	// The servers started here and this process sign with one audit key
	// (API tokens are checked with it).
	if os.Getenv("QIANXIANG_AUDIT_KEY_FILE") == "" {
		os.Setenv("QIANXIANG_AUDIT_KEY_FILE", filepath.Join(dir, "audit.key"))
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	a := app.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	// Deadline day: the 25th of this month, reports still open.
	now := time.Now().In(a.Loc)
	day := time.Date(now.Year(), now.Month(), 25, 10, 0, 0, 0, a.Loc)
	a.Now = func() time.Time { return day }
	built := time.Now()
	if cfg.projects > 0 {
		fmt.Printf("building a city of %d projects…\n", cfg.projects)
		if _, _, err := demo.FillScale(ctx, a, demo.Scale{Projects: cfg.projects, Months: 12, Seed: 1}); err != nil {
			return err
		}
	} else {
		fmt.Println("building the demo city…")
		if _, err := demo.Fill(ctx, a); err != nil {
			return err
		}
	}
	fmt.Printf("built in %s\n", time.Since(built).Round(time.Millisecond))
	w, err := setupMix(ctx, a, cfg.clients, cfg.mix, day)
	if err != nil {
		return err
	}
	t := &targets{}
	var procs []*serverProc
	if cfg.servers > 0 {
		bin := cfg.bin
		if bin == "" {
			bin = filepath.Join(dir, "qianxiang")
			fmt.Println("building the qianxiang binary…")
			cmd := exec.Command("go", "build", "-o", bin, "./cmd/qianxiang")
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("go build ./cmd/qianxiang (run qxload from the repository, or give --bin): %w", err)
			}
		}
		logdir := cfg.logdir
		if logdir == "" {
			logdir = dir
		} else if err := os.MkdirAll(logdir, 0o755); err != nil {
			return err
		}
		for i := range cfg.servers {
			p, err := startServer(bin, dsn, day, filepath.Join(logdir, fmt.Sprintf("serve-%d.log", i+1)))
			if p != nil {
				procs = append(procs, p)
			}
			if err != nil {
				stopServers(procs)
				return err
			}
			t.bases = append(t.bases, p.base)
		}
		// Their logs are read after they stop: the warnings and errors
		// of a run are part of its result.
		defer func() { stopServers(procs); summariseLogs(procs) }()
	} else {
		// The serve command's logger at its default level, the lines
		// formatted and dropped: their cost is part of a request's.
		h, err := web.New(a, web.NewJSONLogger(io.Discard, slog.LevelInfo))
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		h.TrustProxy = true
		srv := &http.Server{Handler: h}
		go srv.Serve(ln)
		defer srv.Close()
		t.bases = []string{"http://" + ln.Addr().String()}
	}
	if cfg.cpuprofile != "" {
		if cfg.servers > 0 {
			return fmt.Errorf("--cpuprofile profiles the server inside this process: not with --servers")
		}
		f, err := os.Create(cfg.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	clients := cfg.clients
	shared := &http.Transport{MaxIdleConnsPerHost: clients * 2, MaxConnsPerHost: clients * 2}

	if ls := logins(&http.Client{Timeout: 30 * time.Second, Transport: shared}, t, w); len(ls) > 0 {
		fmt.Println("leaders' logins before the run (4 at a time, spread over the servers):")
		report(ls, 0)
	}
	fmt.Printf("%d clients for %s against %s (%s), think time %s\n", clients, cfg.duration, strings.Join(t.bases, " "), db.Dialect(), cfg.think)
	load0 := loadAvg()
	results := make(chan result, 1<<16)
	var wg sync.WaitGroup
	stop := time.Now().Add(cfg.duration)
	for i := 0; i < clients; i++ {
		// Each person at their own PC: the proxy names it in
		// X-Forwarded-For, so login limits per address count each one's.
		client := &http.Client{Timeout: 30 * time.Second, Transport: forwarded{shared, fmt.Sprintf("10.%d.%d.%d", 1+i>>16, i>>8&255, i&255)}}
		wg.Add(1)
		go func(c person) {
			defer wg.Done()
			c.loop(client, t, stop, cfg.think, results)
		}(w[i])
	}
	go func() { wg.Wait(); close(results) }()
	var all []result
	failed := 0
	for r := range results {
		all = append(all, r)
		if r.failed() {
			failed++
		}
	}
	report(all, cfg.duration)
	fmt.Printf("load average (1 min) at the start: %s, at the end: %s\n", load0, loadAvg())
	if failed > 0 {
		return fmt.Errorf("%d requests failed (5xx or no answer)", failed)
	}
	return nil
}

// forwarded is the reverse proxy's part: it names the client's address.
// The servers are started with --trust-proxy (h.TrustProxy in process).
type forwarded struct {
	rt   http.RoundTripper
	addr string
}

func (f forwarded) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("X-Forwarded-For", f.addr)
	return f.rt.RoundTrip(r)
}

// loadAvg is the machine's one-minute load average (Linux), to say how
// busy the machine was besides this run.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

// report prints, for all requests and for each kind, the count, the 4xx
// and failures, and the latency percentiles.
func report(all []result, d time.Duration) {
	kinds := map[string][]result{"all": all}
	for _, r := range all {
		kinds[r.what] = append(kinds[r.what], r)
	}
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	if d > 0 {
		fmt.Printf("%.0f req/s over %s\n", float64(len(all))/d.Seconds(), d)
	}
	fmt.Printf("%-10s %8s %6s %6s %9s %10s %10s %10s %10s\n", "kind", "requests", "4xx", "5xx", "no answer", "p50", "p95", "p99", "max")
	for _, k := range names {
		rs := kinds[k]
		ts := make([]time.Duration, len(rs))
		c4, c5, none := 0, 0, 0
		for i, r := range rs {
			ts[i] = r.took
			switch {
			case r.code == 0:
				none++ // the client's 30 s timeout, or the connection failed
			case r.code >= 500:
				c5++
			case r.code >= 400:
				c4++
			}
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		pct := func(p float64) time.Duration {
			if len(ts) == 0 {
				return 0
			}
			return ts[min(len(ts)-1, int(float64(len(ts))*p))].Round(100 * time.Microsecond)
		}
		fmt.Printf("%-10s %8d %6d %6d %9d %10s %10s %10s %10s\n", k, len(rs), c4, c5, none, pct(0.50), pct(0.95), pct(0.99), pct(1))
	}
}

// jitter gives a pause around mean (±50%).
func jitter(mean time.Duration) time.Duration {
	if mean <= 0 {
		return 0
	}
	return mean/2 + time.Duration(rand.Int64N(int64(mean)))
}
