package app_test

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/excel"
	"qianxiang/internal/testenv"
	"qianxiang/internal/workbooks"
)

// cost is what one run of something took: wall and process CPU time, bytes
// and objects allocated.
type cost struct {
	wall, cpu      time.Duration
	bytes, objects uint64
}

// measure runs f once and says what it cost.
func measure(f func()) cost {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	w0, c0 := time.Now(), cpuTime()
	f()
	c, w := cpuTime()-c0, time.Since(w0)
	runtime.ReadMemStats(&m1)
	return cost{w, c, m1.TotalAlloc - m0.TotalAlloc, m1.Mallocs - m0.Mallocs}
}

func (c *cost) add(d cost) {
	c.wall, c.cpu, c.bytes, c.objects = c.wall+d.wall, c.cpu+d.cpu, c.bytes+d.bytes, c.objects+d.objects
}

// lvliangPlaces gives the lvliang preset's counties and departments.
func lvliangPlaces(tb testing.TB, a *app.App) (counties, depts []qianxiang.Org) {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, o := range orgs {
		switch o.Kind {
		case qianxiang.OrgCounty:
			counties = append(counties, o)
		case qianxiang.OrgDepartment:
			depts = append(depts, o)
		}
	}
	return counties, depts
}

// BenchmarkImportCityWorkbook: the 1,100-project city list (the
// city-sectioned-2023 layout, workbooks.City) read three ways, interleaved
// so each meets the same load:
//   - bare: excelize opens the workbook and returns the sheet's cells
//     (GetRows), the floor;
//   - parse: our reader (excel.ReadProjects: every cell read, the layout,
//     sections, amounts and dates understood, rows checked);
//   - dryrun: the whole preview an office gets (App.ImportProjects dry
//     run: the organisations, classification lists and the year's plan
//     read, every row matched and checked against the domain's rules).
//
// It reports each one's CPU, wall time and allocations per import and the
// ratios to bare (goal: time ≤ 1.5×, bytes allocated ≤ 2×).
//
//	go test -run XXX -bench ImportCityWorkbook -benchtime 20x ./app/
func BenchmarkImportCityWorkbook(b *testing.B) {
	const rows = 1100
	a := testenv.Open(b, "sqlite")
	testenv.Lvliang(b, a)
	cmd := testenv.User(b, a, "zhb", qianxiang.RoleCommand, "141100")
	counties, depts := lvliangPlaces(b, a)
	data, _, _, err := workbooks.City(rows, counties, depts)
	if err != nil {
		b.Fatal(err)
	}
	orgs, _ := a.DB.Orgs(ctx)
	var bare, parse, dry cost
	for range b.N {
		bare.add(measure(func() {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			got, err := f.GetRows("项目清单")
			if err != nil || len(got) < rows {
				b.Fatalf("excelize: %d rows, %v", len(got), err)
			}
			f.Close()
		}))
		parse.add(measure(func() {
			imp, err := excel.ReadProjects(bytes.NewReader(data), "city.xlsx", excel.ImportOptions{Year: 2023, CityCode: "141100", Orgs: orgs})
			if err != nil || len(imp.Rows) != rows || len(imp.Errors) > 0 {
				b.Fatalf("parse: %v, %d rows, errors %v", err, len(imp.Rows), imp.Errors)
			}
		}))
		dry.add(measure(func() {
			res, err := a.ImportProjects(ctx, cmd, 2023, "city.xlsx", bytes.NewReader(data), true, false)
			if err != nil || res.Created != rows {
				b.Fatalf("dry run: %v, %+v", err, res.Errors)
			}
		}))
	}
	n := float64(b.N)
	for _, c := range []struct {
		name string
		c    cost
	}{{"bare", bare}, {"parse", parse}, {"dryrun", dry}} {
		b.ReportMetric(float64(c.c.cpu.Microseconds())/1000/n, c.name+"-cpu-ms")
		b.ReportMetric(float64(c.c.bytes)/(1<<20)/n, c.name+"-MB")
		b.ReportMetric(float64(c.c.objects)/n, c.name+"-allocs")
	}
	for _, c := range []struct {
		name string
		c    cost
	}{{"parse", parse}, {"dryrun", dry}} {
		b.ReportMetric(float64(c.c.cpu)/float64(bare.cpu), c.name+"/bare-cpu")
		b.ReportMetric(float64(c.c.wall)/float64(bare.wall), c.name+"/bare-wall")
		b.ReportMetric(float64(c.c.bytes)/float64(bare.bytes), c.name+"/bare-bytes")
	}
}

// envInt reads a size from the environment.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkProvinceMonth: issue 14's province month on both databases.
//
// reports: a city of QX_IMPORT_REPORTS (47,500) projects of 2025 with
// months 1–2 reported (demo.FillScale: one transaction, audited), then
// the 调度表 of March reporting every project (workbooks.Dispatch: a
// problem on one row in 500, a start on a third of the new projects not
// yet started): its dry run, its import (every report new), and its
// import again (every report an update: the before and after of each in
// the trail).
//
// projects: a list of QX_IMPORT_PROJECTS (20,000) projects in the city
// layout (workbooks.City) into an empty plan: dry run and import.
//
// After each, the audit trail must verify clean (App.VerifyAudit, what
// `qianxiang audit verify` runs). Goal: each import ≤ 5 s.
//
//	go test -run XXX -bench ProvinceMonth -benchtime 1x -timeout 60m ./app/
func BenchmarkProvinceMonth(b *testing.B) {
	nReports := envInt("QX_IMPORT_REPORTS", 47500)
	nProjects := envInt("QX_IMPORT_PROJECTS", 20000)
	for _, kind := range testenv.Kinds {
		b.Run(kind+"/reports", func(b *testing.B) {
			a := testenv.Open(b, kind)
			a.Now = func() time.Time { return time.Date(2025, 4, 8, 10, 0, 0, 0, a.Loc) }
			if _, _, err := demo.FillScale(ctx, a, demo.Scale{Projects: nReports, Year: 2025, Months: 2, ProblemEvery: nReports + 1, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			cmd := testenv.User(b, a, "qx-import", qianxiang.RoleCommand, "141100")
			ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: 2025, Sort: "id"})
			if err != nil {
				b.Fatal(err)
			}
			data, err := workbooks.Dispatch(2025, 3, ps, 500)
			if err != nil {
				b.Fatal(err)
			}
			run := func(dry bool) cost {
				return measure(func() {
					imp, err := a.ImportReports(ctx, cmd, 2025, 3, "调度表.xlsx", bytes.NewReader(data), dry)
					if err != nil || len(imp.Rows) != len(ps) {
						b.Fatalf("import (dry run %v): %v, %d rows", dry, err, len(imp.Rows))
					}
				})
			}
			for range b.N {
				dry, first, again := run(true), run(false), run(false)
				verifyClean(b, a)
				reportImport(b, "dryrun", dry)
				reportImport(b, "import", first)
				reportImport(b, "again", again)
			}
		})
		b.Run(kind+"/projects", func(b *testing.B) {
			for range b.N {
				a := testenv.Open(b, kind)
				testenv.Lvliang(b, a)
				cmd := testenv.User(b, a, "qx-import", qianxiang.RoleCommand, "141100")
				counties, depts := lvliangPlaces(b, a)
				data, _, _, err := workbooks.City(nProjects, counties, depts)
				if err != nil {
					b.Fatal(err)
				}
				run := func(dry bool) cost {
					return measure(func() {
						res, err := a.ImportProjects(ctx, cmd, 2023, "清单.xlsx", bytes.NewReader(data), dry, false)
						if err != nil || res.Created != nProjects {
							b.Fatalf("import (dry run %v): %v, %d created", dry, err, res.Created)
						}
					})
				}
				dry, imp := run(true), run(false)
				verifyClean(b, a)
				reportImport(b, "dryrun", dry)
				reportImport(b, "import", imp)
			}
		})
	}
}

func reportImport(b *testing.B, name string, c cost) {
	b.ReportMetric(c.wall.Seconds(), name+"-s")
	b.ReportMetric(c.cpu.Seconds(), name+"-cpu-s")
}

// verifyClean fails unless the audit trail verifies without a finding.
func verifyClean(b *testing.B, a *app.App) {
	b.Helper()
	n, broken, err := a.VerifyAudit(context.Background(), qianxiang.SystemActor)
	if err != nil || len(broken) > 0 {
		b.Fatalf("audit verify: %d findings (first %v), %v", len(broken), broken[:min(1, len(broken))], err)
	}
	b.Logf("audit verify: %d entries, clean", n)
}
