package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The CPU time read from /proc grows as this process works.
func TestProcCPU(t *testing.T) {
	before, err := procCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	for start := time.Now(); time.Since(start) < 300*time.Millisecond; {
	}
	after, err := procCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if after <= before {
		t.Errorf("CPU time did not grow: %s then %s", before, after)
	}
	if _, err := procCPU(1 << 30); err == nil {
		t.Error("a process that does not exist gave a CPU time")
	}
}

// A round counts the server's answers, sends the Authorization header,
// and counts any answer but 200 as an error, which fails the run.
func TestRunCountsAndFails(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer good" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"items":[]}`))
	}))
	defer srv.Close()
	pid := strconv.Itoa(os.Getpid())
	args := []string{"--a", "x=" + srv.URL, "--a-pid", pid, "--a-auth", "Bearer good",
		"--b", "y=" + srv.URL, "--b-pid", pid, "--b-auth", "Bearer good",
		"--clients", "2", "--round", "50ms", "--rounds", "2", "--warmup", "10ms"}
	if err := run(args); err != nil {
		t.Fatalf("a good run failed: %v", err)
	}
	bad := append([]string(nil), args...)
	bad[11] = "Bearer bad" // --b-auth
	if err := run(bad); err == nil || !strings.Contains(err.Error(), "answered 401") {
		t.Errorf("a refused request did not stop the run: %v", err)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{0.5, 51 * time.Millisecond}, {0.99, 100 * time.Millisecond}, {1, 100 * time.Millisecond}} {
		if got := pct(d, c.p); got != c.want {
			t.Errorf("pct(%v) = %s, want %s", c.p, got, c.want)
		}
	}
	if pct(nil, 0.5) != 0 {
		t.Error("no latencies gave a percentile")
	}
}
