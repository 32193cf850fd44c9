package app_test

import (
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// benchSizes are the plan sizes the scale benchmarks run at: a city, a
// big city, a province. QX_BENCH_SIZES=1000,10000 narrows them.
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

// benchReader opens the database as the store opens its read pool, for
// queries the store has no method for.
func benchReader(b *testing.B, a *app.App) *sql.DB {
	d, dsn, err := store.ParseDSN(a.DB.DSN)
	if err != nil {
		b.Fatal(err)
	}
	driver := "pgx"
	if d == store.SQLite {
		driver, dsn = "sqlite", "file:"+dsn+"?_pragma=busy_timeout(10000)&_pragma=mmap_size(1073741824)&_pragma=cache_size(-16384)&_pragma=query_only(1)"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkDispatchVsQuery compares, at each size on both databases, the
// dispatch of December computed on a cache miss with the bare GROUP BY
// over the reports that a from-scratch dispatch cannot do without
// (store.Summaries: one row per project, summed in SQL) — the floor. They
// run interleaved so they meet the same load.
//   - dispatch: the miss a report save causes: one report is changed
//     behind the application (untimed) before each, then the version and
//     the change log are read, that project's reports read again, and the
//     rules run over the year's inputs in memory; ratio-cpu and ratio-wall
//     are its CPU and wall time over the bare query's (goal ≤ 1.5).
//   - cold: the dispatch from nothing in memory (a new server, or after a
//     change to projects, settings or organisations): the projects and
//     every counted report of the year read whole, then the rules.
//   - plain: the plainest GROUP BY (project_id, SUM(completed)), a second
//     floor.
//   - cached: what a request pays while the data has not changed.
//
// On PostgreSQL the queries' CPU is the server's, outside this process:
// compare wall times there.
func BenchmarkDispatchVsQuery(b *testing.B) {
	for _, n := range benchSizes() {
		for _, kind := range testenv.Kinds {
			b.Run(fmt.Sprintf("%d/%s", n, kind), func(b *testing.B) {
				a := testenv.Open(b, kind)
				seedPlan(b, a, n, 12)
				bare := func() {
					fs, err := a.DB.Summaries(ctx, 2023, 12)
					if err != nil || len(fs) != n {
						b.Fatal(err, len(fs))
					}
				}
				// The plainest GROUP BY there is, on a pool opened as the
				// store opens its readers.
				raw := benchReader(b, a)
				plain := func() {
					rows, err := raw.Query(`SELECT project_id, SUM(completed) FROM reports WHERE year = 2023 AND month <= 12 GROUP BY project_id`)
					if err != nil {
						b.Fatal(err)
					}
					got := 0
					for rows.Next() {
						var id, sum int64
						rows.Scan(&id, &sum)
						got++
					}
					rows.Close()
					if got != n {
						b.Fatal(got)
					}
				}
				dispatch := func() {
					d, err := a.DispatchUncached(ctx, 2023, 12, "")
					if err != nil || d.Total.Projects != n {
						b.Fatal(err)
					}
				}
				cold := func() {
					d, err := a.DispatchCold(ctx, 2023, 12, "")
					if err != nil || d.Total.Projects != n {
						b.Fatal(err)
					}
				}
				// save changes one report behind the application, as a save
				// does (the triggers move the version and log the project),
				// before each dispatch: the dispatch is then the miss a
				// save causes.
				pg, rw := a.DB.Dialect() == store.Postgres, testenv.Raw(b, a)
				touch := 0
				save := func() {
					touch++
					q := `UPDATE reports SET completed = completed + 1 WHERE project_id = ? AND month = 12`
					if pg {
						q = strings.Replace(q, "?", "$1", 1)
					}
					if _, err := rw.Exec(q, touch%n+1); err != nil {
						b.Fatal(err)
					}
				}
				bare()
				plain()
				dispatch() // warm them all
				cold()
				var wall, cpu [4]time.Duration
				b.ResetTimer()
				for range b.N {
					for k, f := range []func(){bare, dispatch, plain, cold} {
						if k == 1 {
							save()
						}
						w0, c0 := time.Now(), cpuTime()
						f()
						wall[k] += time.Since(w0)
						cpu[k] += cpuTime() - c0
					}
				}
				b.StopTimer()
				ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
				b.ReportMetric(ms(cpu[0]), "bare-cpu-ms/op")
				b.ReportMetric(ms(cpu[1]), "dispatch-cpu-ms/op")
				b.ReportMetric(ms(wall[0]), "bare-ms/op")
				b.ReportMetric(ms(wall[1]), "dispatch-ms/op")
				b.ReportMetric(ms(cpu[2]), "plain-cpu-ms/op")
				b.ReportMetric(ms(wall[2]), "plain-ms/op")
				b.ReportMetric(float64(cpu[1])/float64(max(cpu[0], 1)), "ratio-cpu")
				b.ReportMetric(float64(wall[1])/float64(max(wall[0], 1)), "ratio-wall")
				b.ReportMetric(float64(wall[1])/float64(max(wall[2], 1)), "ratio-plain-wall")
				b.ReportMetric(ms(cpu[3]), "cold-cpu-ms/op")
				b.ReportMetric(ms(wall[3]), "cold-ms/op")
				b.ReportMetric(float64(cpu[3])/float64(max(cpu[0], 1)), "cold-ratio-cpu")
				b.ReportMetric(float64(wall[3])/float64(max(wall[0], 1)), "cold-ratio-wall")
				// The cached dispatch: one version read and a map lookup.
				if _, err := a.Dispatch(ctx, qianxiang.SystemActor, 2023, 12); err != nil {
					b.Fatal(err)
				}
				const cachedN = 200
				w0, c0 := time.Now(), cpuTime()
				for range cachedN {
					if _, err := a.Dispatch(ctx, qianxiang.SystemActor, 2023, 12); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/cachedN, "cached-cpu-ms/op")
				b.ReportMetric(float64(time.Since(w0).Microseconds())/1000/cachedN, "cached-ms/op")
			})
		}
	}
}

// BenchmarkReportSaveWrite is what the stored packs (migration 240) add to
// a save: one counted report's amount changed and committed at 10,000
// projects × 12 months, on a plain connection (the statement, the
// triggers and the commit; not the app's reads, checks and audit around
// it). Wall time per save.
func BenchmarkReportSaveWrite(b *testing.B) {
	for _, kind := range testenv.Kinds {
		b.Run(kind, func(b *testing.B) {
			a := testenv.Open(b, kind)
			const n = 10000
			seedPlan(b, a, n, 12)
			rw := testenv.Raw(b, a)
			q := `UPDATE reports SET completed = completed + 1 WHERE project_id = ? AND year = 2023 AND month = 12`
			if a.DB.Dialect() == store.Postgres {
				q = rebind(q)
			}
			b.Run("text", func(b *testing.B) {
				for i := range b.N {
					if _, err := rw.Exec(q, i%n+1); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("prepared", func(b *testing.B) {
				st, err := rw.Prepare(q)
				if err != nil {
					b.Fatal(err)
				}
				defer st.Close()
				for i := range b.N {
					if _, err := st.Exec(i%n + 1); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
