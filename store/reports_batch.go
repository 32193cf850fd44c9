package store

import (
	"context"
	"fmt"

	"qianxiang"
)

// reportInsertCols are the columns InsertReports writes.
var reportInsertCols = []string{"id", "project_id", "year", "month", "completed", "progress", "started_on", "status", "return_reason",
	"late", "reopened", "submitted_at", "reviewed_at", "updated_by", "created_at", "updated_at"}

// InsertReports adds many new reports in bulk (one statement per 500
// rows instead of one per report), giving each its id and version, and
// returns each row's snapshot for the trail, read back by the INSERT
// itself. The generator of province-scale data writes a city's twelve
// months this way; a report already there is a conflict, as in SaveReport.
func (tx *Tx) InsertReports(ctx context.Context, rs []*qianxiang.Report) (map[int64]string, error) {
	snaps := make(map[int64]string, len(rs))
	if len(rs) == 0 {
		return snaps, nil
	}
	ids, err := tx.reserveIDs(ctx, "reports", len(rs))
	if err != nil {
		return nil, err
	}
	now := ts(tx.now())
	rows := make([][]any, len(rs))
	for i, r := range rs {
		rows[i] = []any{ids[i], r.ProjectID, r.Year, r.Month, int64(r.Completed), r.Progress, r.StartedOn.String(), string(r.Status), r.ReturnReason,
			b2i(r.Late), b2i(r.Reopened), tsPtr(r.SubmittedAt), tsPtr(r.ReviewedAt), r.UpdatedBy, now, now}
	}
	err = tx.bulkInsert(ctx, "reports", reportInsertCols, rows, func(id int64, snap string) error {
		snaps[id] = snap
		return nil
	})
	if isUnique(err) {
		return nil, qianxiang.Errorf(qianxiang.EConflict, "a report of these months is already there")
	}
	if err != nil {
		return nil, err
	}
	for i, r := range rs {
		r.ID, r.Version = ids[i], 1
	}
	return snaps, nil
}

// ReportSnapshots reads the reports of a month as snapshots by report id,
// in one query: the trail's "before" of every report an import may change.
func (tx *Tx) ReportSnapshots(ctx context.Context, year, month int) (map[int64]string, error) {
	rows, err := tx.query(ctx, `SELECT * FROM reports WHERE year = ? AND month = ?`, year, month)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	return out, readSnapshots(rows, out)
}

// reportUpsert updates an existing report (one of the month's, at the
// version its caller read) with every column SaveReport's UPDATE writes.
// A report changed meanwhile (another version), or created meanwhile by
// someone else (another id), is left alone and so not returned: the
// caller counts the rows that came back.
const reportUpsert = ` ON CONFLICT (project_id, year, month) DO UPDATE SET
	completed = excluded.completed, progress = excluded.progress, started_on = excluded.started_on,
	status = excluded.status, return_reason = excluded.return_reason, late = excluded.late,
	reopened = excluded.reopened, submitted_at = excluded.submitted_at, reviewed_at = excluded.reviewed_at,
	updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = reports.version + 1
	WHERE reports.id = excluded.id AND reports.version = excluded.version`

// SaveReports saves many reports as SaveReport saves one — a new report
// (ID 0) inserted, an existing one updated at its Version — with
// multi-row upserts of 500 rows instead of a statement or two per report
// (a province's monthly 调度表 is some 50,000). It returns each row's
// snapshot after the change, made here from what was written (the
// statement sets every column but created_at, which an update keeps: it is
// taken from the row's snapshot in befores, read in this transaction)
// rather than read back with RETURNING, whose rows were a sixth of a
// province's import (TestSaveReportsSnapshotsAreStored holds the two the
// same). A report changed or created by someone else meanwhile is not
// written, so fewer rows than given are counted: a conflict, and the
// caller's transaction must then be rolled back.
func (tx *Tx) SaveReports(ctx context.Context, rs []*qianxiang.Report, befores map[int64]string) (map[int64]string, error) {
	snaps := make(map[int64]string, len(rs))
	if len(rs) == 0 {
		return snaps, nil
	}
	fresh := 0
	for _, r := range rs {
		if r.ID == 0 {
			fresh++
		}
	}
	ids, err := tx.reserveIDs(ctx, "reports", fresh)
	if err != nil {
		return nil, err
	}
	now := ts(tx.now())
	rows := make([][]any, len(rs))
	var buf []byte
	for i, r := range rs {
		id, version, created := r.ID, r.Version, now
		if id == 0 {
			id, version, ids = ids[0], 1, ids[1:]
		} else if created = snapshotField(befores[id], "created_at"); created == "" {
			return nil, fmt.Errorf("save reports: no snapshot of report %d before the change", id)
		}
		row := []any{id, r.ProjectID, int64(r.Year), int64(r.Month), int64(r.Completed), r.Progress, r.StartedOn.String(), string(r.Status), r.ReturnReason,
			int64(b2i(r.Late)), int64(b2i(r.Reopened)), tsPtr(r.SubmittedAt), tsPtr(r.ReviewedAt), r.UpdatedBy, created, now, int64(version)}
		rows[i] = row
		after := row[:len(row):len(row)]
		if r.ID != 0 {
			after = append(row[:len(row)-1:len(row)-1], int64(version+1))
		}
		buf = reportSnapshot(buf[:0], after)
		snaps[id] = string(buf)
	}
	cols := append(append([]string{}, reportInsertCols...), "version")
	n, err := tx.logAsBulk(ctx, len(rs), func() (int64, error) {
		return tx.bulkCount(ctx, "reports", cols, rows, reportUpsert)
	})
	if err != nil {
		return nil, err
	}
	if n != int64(len(rs)) {
		return nil, qianxiang.Errorf(qianxiang.EConflict, "%d of the reports were changed by someone else meanwhile; reload and import again", int64(len(rs))-n)
	}
	if tx.triggersQuiet(len(rs)) {
		if err := tx.repackReportMonths(ctx, rs); err != nil {
			return nil, err
		}
	}
	for i, r := range rs {
		if r.ID == 0 {
			r.ID, r.Version = rows[i][0].(int64), 1
		} else {
			r.Version++
		}
	}
	return snaps, nil
}

// ReportPlan reads the year's plan as a 调度表 import needs it — the
// fields a row is matched by and checked against (id, code, name,
// county, kind, stage, amounts, start, lead organisation and the paths),
// with the organisations (id → org) from the caller — not the whole
// record: the team, target and attributes are JSON that took a quarter
// of a province's import to decode and that the import never reads.
func (c conn) ReportPlan(ctx context.Context, year int, orgs map[int64]qianxiang.Org) ([]qianxiang.Project, error) {
	rows, err := c.query(ctx, `SELECT id, code, name, kind, stage, total_investment, annual_plan, started_on, version,
org_id, lead_org_id
		FROM projects WHERE year = ? ORDER BY id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.Project
	for rows.Next() {
		p := qianxiang.Project{Year: year}
		var kind, stage, started string
		var total, plan, org, lead int64
		if err := rows.Scan(&p.ID, &p.Code, &p.Name, &kind, &stage, &total, &plan, &started, &p.Version, &org, &lead); err != nil {
			return nil, err
		}
		p.Kind, p.Stage = qianxiang.Kind(kind), qianxiang.Stage(stage)
		p.TotalInvestment, p.AnnualPlan = qianxiang.Money(total), qianxiang.Money(plan)
		p.StartedOn, _ = qianxiang.ParseDate(started)
		o, l := orgs[org], orgs[lead]
		p.Org, p.OrgPath, p.LeadOrg, p.LeadOrgPath = o.Ref(), o.Path, l.Ref(), l.Path
		out = append(out, p)
	}
	return out, rows.Err()
}
