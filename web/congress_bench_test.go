package web_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
	"qianxiang/web"
)

// BenchmarkHall2977 is the National People's Congress: 2,977 deputies,
// all checked in, vote through the API at once (64 at a time, each with
// their own token), while ten hall screens follow the vote's event stream;
// then the vote closes and each screen's time to the result is taken. On
// PostgreSQL the deputies and screens are spread over two servers sharing
// the database, and the close is sent to one of them. Reported: seconds
// for all ballots, ballots per second, failed requests, and the p99 of the
// screens' result latency (and, on PostgreSQL, of the screens on the
// server the close was not sent to), and the process's CPU seconds
// (user + system) spent while the ballots went in: the machine is shared,
// so wall time alone says little.
//
//	go test -run XXX -bench Hall2977 -benchtime 3x ./web/
func BenchmarkHall2977(b *testing.B) {
	const n = 2977
	for _, kind := range testenv.Kinds {
		b.Run(kind, func(b *testing.B) {
			a := testenv.Open(b, kind)
			h := newHall(b, a, n, 0)
			servers := []*httptest.Server{benchServer(b, a)}
			if kind == "postgres" {
				db2, err := store.OpenWith(context.Background(), a.DB.DSN, store.Options{AuditKeyFile: a.DB.Keys.Path})
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { db2.Close() })
				servers = append(servers, benchServer(b, app.New(db2, slog.New(slog.NewTextHandler(io.Discard, nil)))))
			}
			toks := make([]string, n)
			for i := range toks {
				toks[i] = h.token(b, a, i)
			}
			base := servers[0].URL
			mid := postJSON(b, base, h.staffTok, "/api/v1/meetings", `{"congress":"lvliang-4","body":"plenary","title":"全体会议","date":"2023-03-05"}`)
			checkInAllWeb(b, a, mid, h)
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128}}
			var lat, other []time.Duration
			var spent, cpu time.Duration
			failed := int64(0)
			b.ResetTimer()
			for it := 0; it < b.N; it++ {
				vid := postJSON(b, base, h.staffTok, fmt.Sprintf("/api/v1/meetings/%d/votes", mid), `{"title":"决议草案"}`)
				postJSON(b, base, h.staffTok, fmt.Sprintf("/api/v1/votes/%d/open", vid), ``)
				results := make(chan screenResult, 10)
				var ready sync.WaitGroup
				ctx, cancel := context.WithCancel(context.Background())
				for s := 0; s < 10; s++ {
					ready.Add(1)
					go screen(ctx, servers[s%len(servers)].URL, s%len(servers), h.staffTok, vid, &ready, results)
				}
				ready.Wait()
				cpu0 := cpuTime()
				start := time.Now()
				var wg sync.WaitGroup
				sem := make(chan struct{}, 64)
				var bad atomic.Int64
				for i := 0; i < n; i++ {
					wg.Add(1)
					sem <- struct{}{}
					go func(i int) {
						defer wg.Done()
						defer func() { <-sem }()
						choice := []string{"for", "against", "abstain"}[i%3]
						req, _ := http.NewRequest("POST", servers[i%len(servers)].URL+fmt.Sprintf("/api/v1/votes/%d/ballot", vid),
							strings.NewReader(`{"choice":"`+choice+`"}`))
						req.Header.Set("Authorization", "Bearer "+toks[i])
						req.Header.Set("Content-Type", "application/json")
						res, err := client.Do(req)
						if err != nil {
							bad.Add(1)
							return
						}
						io.Copy(io.Discard, res.Body)
						res.Body.Close()
						if res.StatusCode != 200 {
							bad.Add(1)
						}
					}(i)
				}
				wg.Wait()
				spent += time.Since(start)
				cpu += cpuTime() - cpu0
				failed += bad.Load()
				closeAt := time.Now()
				body := postJSONBody(b, base, h.staffTok, fmt.Sprintf("/api/v1/votes/%d/close", vid))
				if !strings.Contains(body, fmt.Sprintf(`"cast":%d`, n)) {
					b.Fatalf("not every ballot counted: %s", body)
				}
				for s := 0; s < 10; s++ {
					select {
					case res := <-results:
						lat = append(lat, res.at.Sub(closeAt))
						if res.server != 0 {
							other = append(other, res.at.Sub(closeAt))
						}
					case <-time.After(10 * time.Second):
						b.Fatal("a screen never saw the result")
					}
				}
				cancel()
			}
			b.StopTimer()
			p99 := percentile99(lat)
			b.ReportMetric(spent.Seconds()/float64(b.N), "s/2977-ballots")
			b.ReportMetric(float64(n*b.N)/spent.Seconds(), "ballots/s")
			b.ReportMetric(float64(failed), "failed")
			b.ReportMetric(float64(p99.Milliseconds()), "p99-result-ms")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/2977-ballots")
			if len(other) > 0 {
				b.ReportMetric(float64(percentile99(other).Milliseconds()), "p99-other-server-ms")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

func benchServer(b *testing.B, a *app.App) *httptest.Server {
	s, err := web.New(a, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s)
	b.Cleanup(srv.Close)
	return srv
}

func percentile99(d []time.Duration) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[(len(d)*99+99)/100-1]
}

// cpuTime is the CPU the process (servers and clients) has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type screenResult struct {
	at     time.Time
	server int
}

// screen follows a vote's events as the hall screen does and reports
// when the result arrives, and on which server.
func screen(ctx context.Context, base string, server int, tok string, vid int64, ready *sync.WaitGroup, results chan<- screenResult) {
	req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/api/v1/votes/%d/events", base, vid), nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		ready.Done()
		return
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first && strings.HasPrefix(line, "data:") {
			first = false
			ready.Done()
		}
		if line == "event: result" {
			results <- screenResult{time.Now(), server}
			return
		}
	}
}

func postJSONBody(b *testing.B, base, tok, path string) string {
	req, _ := http.NewRequest("POST", base+path, strings.NewReader(`{}`))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		b.Fatalf("%s: %d %s", path, res.StatusCode, body)
	}
	return string(body)
}

func postJSON(b *testing.B, base, tok, path, body string) int64 {
	if body == "" {
		body = "{}"
	}
	req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		b.Fatalf("%s: %d %s", path, res.StatusCode, out)
	}
	var id int64
	fmt.Sscanf(string(out[strings.Index(string(out), `"id":`)+5:]), "%d", &id)
	return id
}

func checkInAllWeb(b *testing.B, a *app.App, meeting int64, h *hall) {
	err := a.DB.Tx(context.Background(), func(tx *store.Tx) error {
		for _, d := range h.deputies {
			if _, err := tx.SetAttendance(context.Background(), meeting, d.ID, qianxiang.AttendanceRecord{Status: "present", Via: "list"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
