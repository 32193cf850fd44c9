package store

import (
	"context"
	"encoding/json"
	"strconv"

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
	err = tx.bulkInsert(ctx, "reports", reportInsertCols, rows, func(m map[string]any) error {
		b, err := json.Marshal(m)
		id, _ := m["id"].(string)
		n, _ := strconv.ParseInt(id, 10, 64)
		snaps[n] = string(b)
		return err
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
