package store

import (
	"context"
	"database/sql"
	"maps"
	"slices"
	"strings"

	"qianxiang"
)

// report_months (migration 240) keeps every project's counted reports of a
// year packed in one row, as dispatch_inputs.ReportMonths packs them, so a
// server that starts cold reads one short row per project instead of
// grouping every report row of the year: the stored form of that query,
// the way an index is the stored form of a sort.
//
// It is kept by the database, in the transaction that changes the
// reports, whoever writes them (the app, an import, a restore, SQL by
// hand):
//   - SQLite: row triggers repack the project a changed row belongs to;
//     while a bulk save's data_bulk marker is in place they skip, and the
//     bulk save repacks the projects it wrote before it returns
//     (repackReportMonths).
//   - PostgreSQL: statement triggers note the (year, project) of the
//     counted rows a statement changed in report_months_dirty, and the
//     data-version bump at commit, once it holds the version's row lock
//     (so concurrent saves of one project repack one after the other),
//     repacks the noted projects in one statement, so a 50,000-row import repacks each project once; a
//     project left with no counted report keeps an empty pack there.
//
// The pack's expression is written once, here: the migration's triggers
// and the query that reads some projects' reports live (a roll-forward)
// both use it.

// reportPack gives the aggregate columns of a pack over rows of reports
// for a dialect: the counted reports' integers joined by commas, each
// amount*64 + 16*(has a start date) + month, negative when the amount is
// out of bounds; then the earliest and latest start dates stated (""
// when none). A bounded amount times 64 fits a BIGINT: qianxiang.MaxAmount
// is 1e14 fen. SQLite's form is the shorter one its triggers compile on
// every save (a comparison is 0 or 1 there, and group_concat joins
// numbers by commas as they are); both give the same text.
func reportPack(d Dialect) string {
	dates := `COALESCE(MIN(NULLIF(started_on, '')), ''), COALESCE(MAX(NULLIF(started_on, '')), '')`
	if d == Postgres {
		return `string_agg(CAST(CASE WHEN completed BETWEEN 0 AND ` + maxAmountSQL + `
        THEN completed * 64 + CASE WHEN started_on <> '' THEN 16 ELSE 0 END + month
        ELSE -(CASE WHEN started_on <> '' THEN 16 ELSE 0 END + month) END AS TEXT), ','), ` + dates
	}
	return `group_concat(CASE WHEN completed BETWEEN 0 AND ` + maxAmountSQL + `
        THEN completed * 64 + (started_on <> '') * 16 + month
        ELSE -((started_on <> '') * 16 + month) END), ` + dates
}

// packedReports reads a year's packs from report_months: what
// ReportMonths's query would give for the whole year.
func (c conn) packedReports(ctx context.Context, year int) (*sql.Rows, error) {
	return c.query(ctx, `SELECT project_id, packed, first_start, last_start FROM report_months WHERE year = ? AND packed <> ''`, year)
}

// repackReportMonths packs again the (year, project)s of reports rs,
// after a bulk save on SQLite wrote them with the row triggers quiet
// (PostgreSQL's triggers repack at commit by themselves). The status test
// is kept off the indexes (+status): the projects' reports are found by
// (year, project) in reports_dispatch, never by walking the year's
// counted reports in reports_latest, whatever the statistics say.
func (tx *Tx) repackReportMonths(ctx context.Context, rs []*qianxiang.Report) error {
	keys := map[int][]int64{}
	seen := map[[2]int64]bool{}
	for _, r := range rs {
		if k := [2]int64{int64(r.Year), r.ProjectID}; !seen[k] {
			seen[k] = true
			keys[r.Year] = append(keys[r.Year], r.ProjectID)
		}
	}
	years := slices.Sorted(maps.Keys(keys))
	for _, year := range years {
		ids := keys[year]
		for start := 0; start < len(ids); start += bulkChunk {
			chunk := ids[start:min(start+bulkChunk, len(ids))]
			args := make([]any, 0, len(chunk)+1)
			args = append(args, year)
			for _, id := range chunk {
				args = append(args, id)
			}
			in := `year = ? AND project_id IN (` + inList(len(chunk)) + `)`
			if _, err := tx.exec(ctx, `DELETE FROM report_months WHERE `+in, args...); err != nil {
				return err
			}
			if _, err := tx.exec(ctx, `INSERT INTO report_months (year, project_id, packed, first_start, last_start)
				SELECT year, project_id, `+reportPack(tx.d)+` FROM reports
				WHERE `+in+` AND month BETWEEN 1 AND 12 AND +`+countedReport+`
				GROUP BY year, project_id`, args...); err != nil {
				return err
			}
		}
	}
	return nil
}

// packVars are what migration 240 needs of the program: the pack (on one
// line: a trigger's body must be) and which reports count. A later change to either needs a migration that
// makes the triggers and the packs again.
func packVars(d Dialect) map[string]string {
	return map[string]string{"Pack": strings.Join(strings.Fields(reportPack(d)), " "),
		"Counted": countedReport, "CountedIn": strings.TrimPrefix(countedReport, "status IN ")}
}
