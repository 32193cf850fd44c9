package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"qianxiang"
)

// The weights are governed (audited, verified) and backed up.
func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"assessment_weights", "year"})
	backupTables = append(backupTables, "assessment_weights")
	sequencedTables = append(sequencedTables, "assessment_weights")
}

// AssessSettings reads a year's weights; ok is false when the office has
// not set them (the defaults are returned, Set false).
func (c conn) AssessSettings(ctx context.Context, year int) (qianxiang.AssessSettings, bool, error) {
	s := qianxiang.AssessSettings{Year: year}
	w := &s.Weights
	err := c.queryRow(ctx, `SELECT completion, start_rate, target_rate, entry_rate, problems_on_time, reports_on_time, board_size
		FROM assessment_weights WHERE year = ?`, year).Scan(&w.Completion, &w.StartRate, &w.TargetRate, &w.EntryRate,
		&w.ProblemsOnTime, &w.ReportsOnTime, &s.BoardSize)
	if errors.Is(err, sql.ErrNoRows) {
		return qianxiang.DefaultAssessSettings(year), false, nil
	}
	if err != nil {
		return s, false, err
	}
	s.Set = true
	return s, true, nil
}

// PutAssessSettings writes a year's weights; it returns the row's id, the
// action (create or update; "" when nothing changed) and the row before.
func (tx *Tx) PutAssessSettings(ctx context.Context, s qianxiang.AssessSettings) (id int64, action, before string, err error) {
	w := s.Weights
	vals := []any{w.Completion, w.StartRate, w.TargetRate, w.EntryRate, w.ProblemsOnTime, w.ReportsOnTime, s.BoardSize}
	old, ok, err := tx.AssessSettings(ctx, s.Year)
	if err != nil {
		return 0, "", "", err
	}
	if !ok {
		id, err = tx.insert(ctx, `INSERT INTO assessment_weights (completion, start_rate, target_rate, entry_rate, problems_on_time,
			reports_on_time, board_size, year, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(vals, s.Year, ts(tx.now()))...)
		return id, "create", "", err
	}
	if err := tx.queryRow(ctx, `SELECT id FROM assessment_weights WHERE year = ?`, s.Year).Scan(&id); err != nil {
		return 0, "", "", err
	}
	if old.Weights == s.Weights && old.BoardSize == s.BoardSize {
		return id, "", "", nil
	}
	if before, err = tx.Snapshot(ctx, "assessment_weights", id); err != nil {
		return 0, "", "", err
	}
	_, err = tx.exec(ctx, `UPDATE assessment_weights SET completion = ?, start_rate = ?, target_rate = ?, entry_rate = ?,
		problems_on_time = ?, reports_on_time = ?, board_size = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		append(vals, ts(tx.now()), id)...)
	return id, "update", before, err
}

// AssessProject is what the assessment reads of a project beyond the
// dispatch: its total investment, whether it is in the statistics, and how
// many of its reports of each month were counted and not late (OnTime[m]).
type AssessProject struct {
	ID              int64
	TotalInvestment qianxiang.Money
	InStats         bool
	OnTime          [13]int
}

// OnTimeThrough counts the on-time reports of months 1..month.
func (p AssessProject) OnTimeThrough(month int) int {
	n := 0
	for m := 1; m <= month && m <= 12; m++ {
		n += p.OnTime[m]
	}
	return n
}

// AssessProjects reads the year's projects for the assessment, in two
// queries whatever the number of months asked for.
func (c conn) AssessProjects(ctx context.Context, year int) (map[int64]*AssessProject, error) {
	rows, err := c.query(ctx, `SELECT id, total_investment, in_stats FROM projects WHERE year = ?`, year)
	if err != nil {
		return nil, err
	}
	out := map[int64]*AssessProject{}
	for rows.Next() {
		p := &AssessProject{}
		var total int64
		var in int
		if err := rows.Scan(&p.ID, &total, &in); err != nil {
			rows.Close()
			return nil, err
		}
		p.TotalInvestment, p.InStats = qianxiang.Money(total), in == 1
		out[p.ID] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = c.query(ctx, `SELECT project_id, month, COUNT(*) FROM reports
		WHERE year = ? AND late = 0 AND `+countedReport+` GROUP BY project_id, month`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m, n int
		if err := rows.Scan(&id, &m, &n); err != nil {
			return nil, err
		}
		if p := out[id]; p != nil && m >= 1 && m <= 12 {
			p.OnTime[m] = n
		}
	}
	return out, rows.Err()
}

// AssessProblem is a problem that fell due: its owner's place in the tree,
// its due date, and when it was resolved (zero while pending).
type AssessProblem struct {
	OwnerPath  string
	Due        qianxiang.Date
	ResolvedAt time.Time
}

// AssessProblems reads the problems with an owner whose due date lies in
// [from, to] (both YYYY-MM-DD).
func (c conn) AssessProblems(ctx context.Context, from, to qianxiang.Date) ([]AssessProblem, error) {
	rows, err := c.query(ctx, `SELECT o.path, pr.due, CASE WHEN pr.status IN ('open', 'in_progress') THEN '' ELSE pr.resolved_at END
		FROM problems pr JOIN orgs o ON o.id = pr.owner_org_id
		WHERE pr.due <> '' AND pr.due >= ? AND pr.due <= ? ORDER BY pr.id`, from.String(), to.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AssessProblem
	for rows.Next() {
		var p AssessProblem
		var due, res string
		if err := rows.Scan(&p.OwnerPath, &due, &res); err != nil {
			return nil, err
		}
		if p.Due, err = qianxiang.ParseDate(due); err != nil {
			return nil, fmt.Errorf("problem due %q: %w", due, err)
		}
		p.ResolvedAt = parseTS(res)
		out = append(out, p)
	}
	return out, rows.Err()
}
