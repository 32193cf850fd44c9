package web_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"qianxiang/internal/testenv"
	"qianxiang/web"
)

// bareHealthz is the floor: the same JSON answer from a bare net/http
// handler, no middleware.
func bareHealthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(200)
	json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}

// BenchmarkHealthz runs GET /api/v1/healthz through the whole middleware
// chain and through the bare handler in the same run, interleaved in
// blocks of 200 so both meet the same load on a shared machine; it
// reports each side's wall and CPU time per request and ratio = our
// throughput / the bare handler's (goal ≥ 0.9), by wall and by CPU.
// "direct" calls the handlers in the process; "loopback" goes through a
// real HTTP server and client over 127.0.0.1 (keep-alive).
func BenchmarkHealthz(b *testing.B) {
	a := testenv.Open(b, "sqlite")
	// info is the default; at debug the probe's own request line is
	// written (by hand, as every request's is at info); at warn nothing is.
	for _, level := range []slog.Level{slog.LevelInfo, slog.LevelDebug, slog.LevelWarn} {
		// The serve command's logger: JSON lines, here into the void.
		log := web.NewJSONLogger(io.Discard, level)
		s, err := web.New(a, log)
		if err != nil {
			b.Fatal(err)
		}
		bare := http.HandlerFunc(bareHealthz)
		b.Run("direct/log="+level.String(), func(b *testing.B) {
			// One request for every call, so the figure is the handlers'
			// own work rather than building requests.
			req := httptest.NewRequest("GET", "/api/v1/healthz", nil)
			req.RemoteAddr = "127.0.0.1:40000"
			call := func(h http.Handler) {
				rec := &discardWriter{h: http.Header{}}
				h.ServeHTTP(rec, req)
				if rec.code != 200 {
					b.Fatal(rec.code)
				}
			}
			interleave(b, func() { call(bare) }, func() { call(s) })
		})
		b.Run("loopback/log="+level.String(), func(b *testing.B) {
			loopback(b, bare, s)
		})
		if level != slog.LevelInfo {
			continue
		}
		// The same, against a bare handler that sends our three extra
		// response headers (a JSON answer's security headers; the probe's
		// request id goes only with its log line, at debug): what is left
		// is the middleware's own cost over the network.
		b.Run("loopback-same-headers/log="+level.String(), func(b *testing.B) {
			loopback(b, http.HandlerFunc(bareWithHeaders), s)
		})
	}
}

// bareWithHeaders is bareHealthz with the headers our chain adds.
func bareWithHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["X-Content-Type-Options"] = []string{"nosniff"}
	h["X-Frame-Options"] = []string{"DENY"}
	h["Content-Security-Policy"] = []string{"default-src 'none'; frame-ancestors 'none'"}
	bareHealthz(w, r)
}

// loopback interleaves GET /api/v1/healthz over 127.0.0.1 (keep-alive)
// to bare and to ours.
func loopback(b *testing.B, bare, ours http.Handler) {
	bs, qs := httptest.NewServer(bare), httptest.NewServer(ours)
	defer bs.Close()
	defer qs.Close()
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	get := func(url string) func() {
		return func() {
			res, err := c.Get(url + "/api/v1/healthz")
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Fatal(res.StatusCode)
			}
		}
	}
	interleave(b, get(bs.URL), get(qs.URL))
}

// interleave runs bare and ours b.N times each in alternating blocks and
// reports both sides per request and their ratios.
func interleave(b *testing.B, bare, ours func()) {
	const block = 200
	var wall, cpu [2]time.Duration
	fs := [2]func(){bare, ours}
	b.ResetTimer()
	for done := 0; done < b.N; done += block {
		n := min(block, b.N-done)
		for k, f := range fs {
			w0, c0 := time.Now(), cpuTime()
			for range n {
				f()
			}
			wall[k] += time.Since(w0)
			cpu[k] += cpuTime() - c0
		}
	}
	per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) }
	b.ReportMetric(per(wall[0]), "bare-ns/op")
	b.ReportMetric(per(wall[1]), "ours-ns/op")
	b.ReportMetric(per(cpu[0]), "bare-cpu-ns/op")
	b.ReportMetric(per(cpu[1]), "ours-cpu-ns/op")
	b.ReportMetric(float64(wall[0])/float64(wall[1]), "ratio-wall")
	if cpu[1] > 0 {
		b.ReportMetric(float64(cpu[0])/float64(cpu[1]), "ratio-cpu")
	}
}

// discardWriter is the cheapest ResponseWriter: headers kept, body dropped.
type discardWriter struct {
	h    http.Header
	code int
}

func (d *discardWriter) Header() http.Header { return d.h }
func (d *discardWriter) WriteHeader(c int)   { d.code = c }
func (d *discardWriter) Write(b []byte) (int, error) {
	if d.code == 0 {
		d.code = 200
	}
	return len(b), nil
}
