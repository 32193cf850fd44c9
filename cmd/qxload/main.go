// Command qxload is the deadline-day load test: many project units save and
// submit their month's reports at once. It builds the demo city in a fresh
// database (SQLite by default, or --db postgres://…), starts the server on
// a loopback port, and runs --clients concurrent clients for --duration,
// each a reporter of one county who fills in its share of that county's
// projects (save, save again, submit) with a think time between requests;
// the county's admin returns submitted reports so the work never runs out.
// It prints the request count, failures and latency percentiles.
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
	"path/filepath"
	"sort"
	"strings"
	"sync"
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
	dsn := flag.String("db", "", "database (default: a new SQLite file in a temp dir)")
	flag.Parse()
	if err := run(*clients, *duration, *think, *dsn); err != nil {
		fmt.Fprintln(os.Stderr, "qxload:", err)
		os.Exit(1)
	}
}

type result struct {
	took time.Duration
	ok   bool
	what string
}

func run(clients int, duration, think time.Duration, dsn string) error {
	ctx := context.Background()
	if dsn == "" {
		dir, _ := os.MkdirTemp("", "qxload")
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "load.db")
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
	fmt.Println("building the demo city…")
	if _, err := demo.Fill(ctx, a); err != nil {
		return err
	}
	w, err := setup(ctx, a, clients, day)
	if err != nil {
		return err
	}
	h, err := web.New(a, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients * 2, MaxConnsPerHost: clients * 2}}

	fmt.Printf("%d clients for %s against %s (%s), think time %s\n", clients, duration, base, db.Dialect(), think)
	results := make(chan result, 1<<16)
	var wg sync.WaitGroup
	stop := time.Now().Add(duration)
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(c worker) {
			defer wg.Done()
			c.loop(client, base, stop, think, results)
		}(w[i])
	}
	go func() { wg.Wait(); close(results) }()
	var all []result
	byWhat := map[string]int{}
	failed := 0
	for r := range results {
		all = append(all, r)
		byWhat[r.what]++
		if !r.ok {
			failed++
		}
	}
	report(all, failed, byWhat, duration)
	if failed > 0 {
		return fmt.Errorf("%d requests failed", failed)
	}
	return nil
}

func report(all []result, failed int, byWhat map[string]int, d time.Duration) {
	ts := make([]time.Duration, len(all))
	for i, r := range all {
		ts[i] = r.took
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	pct := func(p float64) time.Duration {
		if len(ts) == 0 {
			return 0
		}
		return ts[min(len(ts)-1, int(float64(len(ts))*p))]
	}
	var kinds []string
	for k, n := range byWhat {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(kinds)
	fmt.Printf("requests %d (%s), failed %d, %.0f req/s\n", len(all), strings.Join(kinds, ", "), failed, float64(len(all))/d.Seconds())
	fmt.Printf("latency p50 %s  p95 %s  p99 %s  max %s\n", pct(0.50).Round(time.Microsecond), pct(0.95).Round(time.Microsecond),
		pct(0.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
}

// jitter gives a pause around mean (±50%).
func jitter(mean time.Duration) time.Duration {
	if mean <= 0 {
		return 0
	}
	return mean/2 + time.Duration(rand.Int64N(int64(mean)))
}
