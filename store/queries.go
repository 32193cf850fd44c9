package store

import (
	"embed"
	"strings"
)

// The long statements live in queries/<file>.<Method>.sql, named after the
// file and method that run them, so they read as SQL and diff as SQL.
//
//go:embed queries/*.sql
var queryFiles embed.FS

// Shared fragments are written {{name}} in the files and filled in once,
// here, so a rule such as which reports count is spelled in one place.
var queryFragments = strings.NewReplacer(
	"{{counted_report}}", countedReport,
	"{{plausible_completed}}", plausible("completed"),
	"{{implausible_completed}}", implausible("completed"),
	"{{plausible_plan}}", plausible("p.annual_plan"),
	"{{max_amount}}", maxAmountSQL,
)

// loadQuery reads a statement at start-up. The files are embedded in the
// binary, so a missing one is a build mistake that every test meets first.
func loadQuery(name string) string {
	b, err := queryFiles.ReadFile("queries/" + name + ".sql")
	if err != nil {
		panic("store: no query file " + name + ".sql")
	}
	loadedQueries[name] = true
	return queryFragments.Replace(string(b))
}

// loadedQueries names the files loaded, so a test finds a file no method
// runs.
var loadedQueries = map[string]bool{}

var (
	sqlInsertProject = loadQuery("projects.InsertProject")
	sqlUpdateProject = loadQuery("projects.UpdateProject")
	sqlInsertReport  = loadQuery("reports.SaveReport.insert")
	sqlUpdateReport  = loadQuery("reports.SaveReport.update")
	sqlSummaries     = loadQuery("reports.summaries")
	sqlMonthFigures  = loadQuery("reports.MonthFigures")
	sqlMonthTotals   = loadQuery("series.MonthTotals")
	sqlReportMonths  = loadQuery("dispatch_inputs.ReportMonths")
	sqlReportRows    = loadQuery("dispatch_inputs.ReportRows")
)
