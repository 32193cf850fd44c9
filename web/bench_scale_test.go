package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
	"qianxiang/store"
	"qianxiang/web"
)

// benchSizes are the plan sizes of the scale benchmarks: a city, a big
// city, a province. QX_BENCH_SIZES=1000,10000 narrows them.
func benchSizes() []int {
	sizes := []int{1000, 10000, 50000}
	if s := os.Getenv("QX_BENCH_SIZES"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				sizes = append(sizes, n)
			}
		}
	}
	return sizes
}

// BenchmarkScale measures, at 1,000, 10,000 and 50,000 projects with twelve
// months of reports, on both databases, the server's CPU per request
// (process user+system time: the machine is shared, so wall time says
// more about the neighbours) of:
//   - the city cockpit (goal ≤ 50 ms at 10,000), with the data unchanged
//     since the last request ("warm") and right after a report changed
//     ("after-save": the dispatch and series are computed anew);
//   - the registry API, GET /api/v1/projects?year&org&sort&per_page=50,
//     with a token, likewise;
//   - the dispatch API and its summary: the bytes sent.
//
// The handler is called directly: the figure is the server's own work.
// On PostgreSQL the database's CPU is another process's: the wall time
// (ms/op) is reported beside it.
func BenchmarkScale(b *testing.B) {
	for _, n := range benchSizes() {
		for _, kind := range testenv.Kinds {
			b.Run(fmt.Sprintf("%d/%s", n, kind), func(b *testing.B) {
				a := testenv.Open(b, kind)
				a.Now = func() time.Time { return time.Date(2023, 12, 20, 10, 0, 0, 0, a.Loc) }
				testenv.SeedPlan(b, a, n, 12)
				ctx := context.Background()
				city := testenv.User(b, a, "zhb", qianxiang.RoleCommand, "141100")
				secret, _, _, err := a.Login(ctx, "zhb", testenv.Password, "127.0.0.1")
				if err != nil {
					b.Fatal(err)
				}
				tok, err := a.CreateToken(ctx, city, "zhb", "bench")
				if err != nil {
					b.Fatal(err)
				}
				s, err := web.New(a, slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn})))
				if err != nil {
					b.Fatal(err)
				}
				raw := testenv.Raw(b, a)
				pg := a.DB.Dialect() == store.Postgres
				touch := 0
				// save changes one report's amount behind the application,
				// which moves the data version as a save does.
				save := func() {
					touch++
					q := `UPDATE reports SET completed = completed + 1 WHERE project_id = ? AND month = 12`
					if pg {
						q = strings.Replace(q, "?", "$1", 1)
					}
					if _, err := raw.Exec(q, touch%n+1); err != nil {
						b.Fatal(err)
					}
				}
				get := func(path string, cookie bool) *httptest.ResponseRecorder {
					req := httptest.NewRequest("GET", path, nil)
					if cookie {
						req.AddCookie(&http.Cookie{Name: "qx_session", Value: secret})
					} else {
						req.Header.Set("Authorization", "Bearer "+tok)
					}
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, req)
					if rec.Code != 200 {
						b.Fatalf("%s: %d %s", path, rec.Code, rec.Body.String())
					}
					return rec
				}
				list := "/api/v1/projects?year=2023&org=141102&sort=-annual_plan&per_page=50"
				for _, c := range []struct {
					name   string
					path   string
					cookie bool
					before func()
				}{
					{"cockpit/warm", "/cockpit", true, nil},
					{"cockpit/after-save", "/cockpit", true, save},
					{"projects-api/warm", list, false, nil},
					{"projects-api/after-save", list, false, save},
				} {
					b.Run(c.name, func(b *testing.B) {
						get(c.path, c.cookie) // warm the templates and the cache
						var cpu, wall time.Duration
						b.ResetTimer()
						for range b.N {
							if c.before != nil {
								b.StopTimer()
								c.before()
								b.StartTimer()
							}
							w0, c0 := time.Now(), cpuTime()
							get(c.path, c.cookie)
							cpu += cpuTime() - c0
							wall += time.Since(w0)
						}
						b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
						b.ReportMetric(float64(wall.Microseconds())/1000/float64(b.N), "ms/op")
					})
				}
				b.Run("dispatch-json", func(b *testing.B) {
					var full, sum int
					for range b.N {
						full = get("/api/v1/dispatch?year=2023&month=12", false).Body.Len()
						sum = get("/api/v1/dispatch?year=2023&month=12&summary=1", false).Body.Len()
					}
					b.ReportMetric(float64(full)/1024, "full-KB")
					b.ReportMetric(float64(sum)/1024, "summary-KB")
				})
			})
		}
	}
}
