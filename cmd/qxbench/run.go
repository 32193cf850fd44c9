package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// target is one server under test.
type target struct {
	name, url, auth string
	pid             int
	// what the rounds measured
	requests, errors int
	took             time.Duration // the rounds' wall time
	cpu              time.Duration // the server's CPU time in its rounds
	lat              []time.Duration
	firstErr         string
	bytes            int
}

func run(args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	aSpec := fs.String("a", "", "first server: name=URL")
	bSpec := fs.String("b", "", "second server: name=URL")
	aPID := fs.Int("a-pid", 0, "process id of the first server (its CPU time is read from /proc)")
	bPID := fs.Int("b-pid", 0, "process id of the second server")
	aAuth := fs.String("a-auth", "", "Authorization header of the first server's requests")
	bAuth := fs.String("b-auth", "", "Authorization header of the second server's requests")
	clients := fs.Int("clients", 64, "concurrent clients")
	round := fs.Duration("round", 5*time.Second, "length of one round")
	rounds := fs.Int("rounds", 6, "rounds per server, alternating")
	warmup := fs.Duration("warmup", 2*time.Second, "unmeasured load on each server first")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ts := make([]*target, 0, 2)
	for _, s := range []struct {
		spec, auth string
		pid        int
	}{{*aSpec, *aAuth, *aPID}, {*bSpec, *bAuth, *bPID}} {
		name, url, ok := strings.Cut(s.spec, "=")
		if !ok || name == "" || url == "" {
			return fmt.Errorf("--a and --b take name=URL, got %q", s.spec)
		}
		if s.pid <= 0 {
			return fmt.Errorf("%s: the server's process id is required (--a-pid, --b-pid)", name)
		}
		if _, err := procCPU(s.pid); err != nil {
			return err
		}
		ts = append(ts, &target{name: name, url: url, auth: s.auth, pid: s.pid})
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: 2 * *clients, MaxIdleConnsPerHost: *clients, IdleConnTimeout: time.Minute}}
	for _, t := range ts {
		if err := probe(client, t); err != nil {
			return err
		}
		load(client, t, *clients, *warmup, false)
	}
	for r := 0; r < *rounds; r++ {
		for _, t := range ts {
			load(client, t, *clients, *round, true)
		}
	}
	report(os.Stdout, ts, *clients, *rounds, *round)
	for _, t := range ts {
		if t.errors > 0 {
			return fmt.Errorf("%s: %d of %d requests failed (first: %s)", t.name, t.errors, t.requests, t.firstErr)
		}
	}
	return nil
}

// probe makes one request and says what came back, so a wrong URL or token
// stops the run before it measures errors.
func probe(c *http.Client, t *target) error {
	code, n, err := get(c, t)
	if err != nil {
		return fmt.Errorf("%s: %v", t.name, err)
	}
	if code != 200 {
		return fmt.Errorf("%s: %s answered %d", t.name, t.url, code)
	}
	t.bytes = n
	return nil
}

func get(c *http.Client, t *target) (int, int, error) {
	req, err := http.NewRequestWithContext(context.Background(), "GET", t.url, nil)
	if err != nil {
		return 0, 0, err
	}
	if t.auth != "" {
		req.Header.Set("Authorization", t.auth)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, 0, err
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, int(n), err
}

// load runs clients concurrent request loops against t for d; measured,
// it adds the round's requests, latencies and the server's CPU to t.
func load(c *http.Client, t *target, clients int, d time.Duration, measured bool) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	cpu0, _ := procCPU(t.pid)
	start := time.Now()
	stop := start.Add(d)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var errs int
			var first string
			for time.Now().Before(stop) {
				t0 := time.Now()
				code, _, err := get(c, t)
				lat = append(lat, time.Since(t0))
				if err != nil || code != 200 {
					errs++
					if first == "" {
						first = fmt.Sprintf("status %d %v", code, err)
					}
				}
			}
			if !measured {
				return
			}
			mu.Lock()
			t.lat = append(t.lat, lat...)
			t.requests += len(lat)
			t.errors += errs
			if t.firstErr == "" {
				t.firstErr = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if measured {
		t.took += time.Since(start)
		cpu1, _ := procCPU(t.pid)
		t.cpu += cpu1 - cpu0
	}
}

// procCPU is a process's user+system CPU time so far (/proc/PID/stat
// fields 14 and 15, in clock ticks of 1/100 s: Linux's USER_HZ).
func procCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("reading the CPU time of process %d: %v", pid, err)
	}
	// The command name (field 2) may hold spaces: count after its ')'.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("process %d: unreadable /proc stat", pid)
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("process %d: unreadable /proc stat", pid)
	}
	// f[0] is field 3 (state): utime is field 14, stime 15.
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("process %d: unreadable /proc stat", pid)
	}
	return time.Duration(ut+st) * 10 * time.Millisecond, nil
}

func report(w io.Writer, ts []*target, clients, rounds int, round time.Duration) {
	fmt.Fprintf(w, "%d clients, %d alternating rounds of %s per server\n", clients, rounds, round)
	fmt.Fprintf(w, "%-12s %9s %7s %9s %9s %9s %12s %9s\n", "server", "requests", "errors", "req/s", "p50 ms", "p99 ms", "cpu ms/req", "bytes")
	rate := make([]float64, len(ts))
	for i, t := range ts {
		slices.Sort(t.lat)
		rate[i] = float64(t.requests) / t.took.Seconds()
		cpu := 0.0
		if t.requests > 0 {
			cpu = float64(t.cpu.Microseconds()) / 1000 / float64(t.requests)
		}
		fmt.Fprintf(w, "%-12s %9d %7d %9.0f %9.1f %9.1f %12.2f %9d\n", t.name, t.requests, t.errors, rate[i],
			ms(pct(t.lat, 0.50)), ms(pct(t.lat, 0.99)), cpu, t.bytes)
	}
	if len(ts) == 2 && rate[1] > 0 {
		fmt.Fprintf(w, "%s / %s: %.2f× the requests per second\n", ts[0].name, ts[1].name, rate[0]/rate[1])
	}
}

func pct(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(float64(len(sorted))*p))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
