package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"qianxiang"
)

// projectInsertCols are the columns a batch insert writes (projectArgs,
// the id, and the two timestamps).
const projectInsertCols = `id, year, code, name, owner, org_id, lead_org_id, kind, stage, sector, scope,
	total_investment, annual_plan, planned_start, planned_end, started_on, leader, team, target, in_stats, contact, phone, notes, extra, confidential,
	created_at, updated_at`

// projectBatch is how many ids or codes one lookup names.
const projectBatch = 500

// InsertProjects adds many projects in bulk (bulk.go), giving each its id
// (imports: one statement, or one per 500 rows on SQLite, instead of one
// per row), and
// returns each new row's snapshot for the trail, read back by the INSERT
// itself. A code already in the plan, or twice in the list, is a conflict
// naming the project's index in ps.
func (tx *Tx) InsertProjects(ctx context.Context, ps []*qianxiang.Project) (map[int64]string, error) {
	snaps := make(map[int64]string, len(ps))
	if len(ps) == 0 {
		return snaps, nil
	}
	if err := tx.checkCodesFree(ctx, ps); err != nil {
		return nil, err
	}
	ids, err := tx.reserveIDs(ctx, "projects", len(ps))
	if err != nil {
		return nil, err
	}
	now := ts(tx.now())
	rows := make([][]any, len(ps))
	for i, p := range ps {
		rows[i] = append(append([]any{ids[i]}, projectArgs(p)...), now, now)
	}
	cols := strings.Fields(strings.ReplaceAll(projectInsertCols, ",", " "))
	err = tx.bulkInsert(ctx, "projects", cols, rows, func(id int64, snap string) error {
		snaps[id] = snap
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, p := range ps {
		p.ID, p.Version = ids[i], 1
	}
	return snaps, nil
}

// readSnapshots reads rows of a governed table as snapshots by id, and
// closes them.
func readSnapshots(rows *sql.Rows, out map[int64]string) error {
	defer rows.Close()
	snaps, err := newSnapshotRows(rows)
	if err != nil {
		return err
	}
	for rows.Next() {
		id, snap, err := snaps.next(rows)
		if err != nil {
			return err
		}
		out[id] = snap
	}
	return rows.Err()
}

// CodeTakenError names the project (by its index in the batch) whose code
// is already in the plan.
type CodeTakenError struct {
	Index int
	Err   *qianxiang.Error
}

func (e *CodeTakenError) Error() string { return e.Err.Error() }
func (e *CodeTakenError) Unwrap() error { return e.Err }

// checkCodesFree refuses codes already used in their year, before the
// INSERT, so the refusal can name the row (a failed statement could not).
func (tx *Tx) checkCodesFree(ctx context.Context, ps []*qianxiang.Project) error {
	seen := map[string]int{}
	var byYear = map[int][]string{}
	for i, p := range ps {
		if p.Code == "" {
			continue
		}
		k := p.Code + "\x00" + strconv.Itoa(p.Year)
		if _, dup := seen[k]; dup {
			return &CodeTakenError{i, qianxiang.Errorf(qianxiang.EConflict, "project code %s is already in the %d plan", p.Code, p.Year)}
		}
		seen[k] = i
		byYear[p.Year] = append(byYear[p.Year], p.Code)
	}
	for year, codes := range byYear {
		for start := 0; start < len(codes); start += projectBatch {
			chunk := codes[start:min(start+projectBatch, len(codes))]
			args := []any{year}
			for _, c := range chunk {
				args = append(args, c)
			}
			var taken string
			err := tx.queryRow(ctx, `SELECT code FROM projects WHERE year = ? AND code IN (`+placeholders(len(chunk))+`) LIMIT 1`, args...).Scan(&taken)
			if err == nil {
				return &CodeTakenError{seen[taken+"\x00"+strconv.Itoa(year)], qianxiang.Errorf(qianxiang.EConflict, "project code %s is already in the %d plan", taken, year)}
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
	}
	return nil
}

// reserveIDs takes n ids for a table inside the write transaction: from
// PostgreSQL's identity sequence, or past SQLite's AUTOINCREMENT counter
// (which an explicit id moves on, and which no one else moves meanwhile:
// SQLite has one writer).
func (tx *Tx) reserveIDs(ctx context.Context, table string, n int) ([]int64, error) {
	ids := make([]int64, 0, n)
	if tx.d == Postgres {
		rows, err := tx.query(ctx, `SELECT nextval(pg_get_serial_sequence('`+table+`', 'id')) FROM generate_series(1, ?)`, n)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, rows.Err()
	}
	var last int64
	if err := tx.queryRow(ctx, `SELECT MAX(m) FROM (SELECT COALESCE(MAX(id), 0) AS m FROM `+table+`
		UNION ALL SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = ?)`, table).Scan(&last); err != nil {
		return nil, err
	}
	for i := 1; i <= n; i++ {
		ids = append(ids, last+int64(i))
	}
	return ids, nil
}

// Snapshots reads many governed rows as Snapshot does, by id, in chunks.
func (c conn) Snapshots(ctx context.Context, table string, ids []int64) (map[int64]string, error) {
	if !isGoverned(table) {
		return nil, fmt.Errorf("table %s is not governed", table)
	}
	out := make(map[int64]string, len(ids))
	for start := 0; start < len(ids); start += projectBatch {
		chunk := ids[start:min(start+projectBatch, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := c.query(ctx, `SELECT * FROM `+table+` WHERE id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		if err := readSnapshots(rows, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// SetProjectsStarted records the start of many projects at once, as
// SetProjectStarted does one: one statement per 500 ids.
func (tx *Tx) SetProjectsStarted(ctx context.Context, ids []int64, d qianxiang.Date, stage qianxiang.Stage) error {
	now := ts(tx.now())
	for start := 0; start < len(ids); start += projectBatch {
		chunk := ids[start:min(start+projectBatch, len(ids))]
		args := []any{d.String(), string(stage), now}
		for _, id := range chunk {
			args = append(args, id)
		}
		if _, err := tx.exec(ctx, `UPDATE projects SET started_on = ?, stage = ?, version = version + 1, updated_at = ? WHERE id IN (`+placeholders(len(chunk))+`)`, args...); err != nil {
			return err
		}
	}
	return nil
}
