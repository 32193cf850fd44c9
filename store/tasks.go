package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"qianxiang"
)

// TaskLists lists the ledger's lists of a year (0: every year).
func (c conn) TaskLists(ctx context.Context, year int) ([]qianxiang.TaskList, error) {
	q, args := `SELECT id, year, title, source, version FROM task_lists`, []any{}
	if year != 0 {
		q, args = q+` WHERE year = ?`, append(args, year)
	}
	rows, err := c.query(ctx, q+` ORDER BY year DESC, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.TaskList{}
	for rows.Next() {
		var l qianxiang.TaskList
		if err := rows.Scan(&l.ID, &l.Year, &l.Title, &l.Source, &l.Version); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// TaskListByTitle finds a year's list by its title.
func (c conn) TaskListByTitle(ctx context.Context, year int, title string) (qianxiang.TaskList, error) {
	var l qianxiang.TaskList
	err := c.queryRow(ctx, `SELECT id, year, title, source, version FROM task_lists WHERE year = ? AND title = ?`, year, title).
		Scan(&l.ID, &l.Year, &l.Title, &l.Source, &l.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return l, qianxiang.ErrNotFound("task list")
	}
	return l, err
}

// InsertTaskList adds a list.
func (tx *Tx) InsertTaskList(ctx context.Context, l *qianxiang.TaskList) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO task_lists (year, title, source, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`,
		l.Year, l.Title, l.Source, now, now)
	l.ID, l.Version = id, 1
	return err
}

const taskCols = `t.id, t.list_id, l.title, l.year, t.no, t.title, o.id, o.code, o.name, o.path, t.co_orgs, t.milestones, t.version, COALESCE(t.leader, '')`

// storedOrg is how co-organisations are kept in the task row: ids only, so
// a renamed organisation shows its new name.
func scanTask(c conn, ctx context.Context, s interface{ Scan(...any) error }, orgs map[int64]qianxiang.Org) (qianxiang.Task, error) {
	var t qianxiang.Task
	var co, ms string
	if err := s.Scan(&t.ID, &t.ListID, &t.ListTitle, &t.Year, &t.No, &t.Title, &t.LeadOrg.ID, &t.LeadOrg.Code, &t.LeadOrg.Name, &t.LeadPath,
		&co, &ms, &t.Version, &t.Leader); err != nil {
		return t, err
	}
	var ids []int64
	json.Unmarshal([]byte(co), &ids)
	t.CoOrgs = []qianxiang.OrgRef{}
	for _, id := range ids {
		if o, ok := orgs[id]; ok {
			t.CoOrgs, t.CoPaths = append(t.CoOrgs, o.Ref()), append(t.CoPaths, o.Path)
		}
	}
	json.Unmarshal([]byte(ms), &t.Milestones)
	if t.Milestones == nil {
		t.Milestones = []qianxiang.Milestone{}
	}
	return t, nil
}

func (c conn) orgMap(ctx context.Context) (map[int64]qianxiang.Org, error) {
	os, err := c.Orgs(ctx)
	m := map[int64]qianxiang.Org{}
	for _, o := range os {
		m[o.ID] = o
	}
	return m, err
}

// Tasks lists the tasks of a list (0: of every list of the year; both 0:
// every task), in list and number order.
func (c conn) Tasks(ctx context.Context, listID int64, year int) ([]qianxiang.Task, error) {
	orgs, err := c.orgMap(ctx)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + taskCols + ` FROM tasks t JOIN task_lists l ON l.id = t.list_id JOIN orgs o ON o.id = t.lead_org_id WHERE 1 = 1`
	var args []any
	if listID != 0 {
		q, args = q+` AND t.list_id = ?`, append(args, listID)
	}
	if year != 0 {
		q, args = q+` AND l.year = ?`, append(args, year)
	}
	rows, err := c.query(ctx, q+` ORDER BY l.year DESC, l.id, t.no`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Task{}
	for rows.Next() {
		t, err := scanTask(c, ctx, rows, orgs)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Task reads one task.
func (c conn) Task(ctx context.Context, id int64) (qianxiang.Task, error) {
	orgs, err := c.orgMap(ctx)
	if err != nil {
		return qianxiang.Task{}, err
	}
	t, err := scanTask(c, ctx, c.queryRow(ctx, `SELECT `+taskCols+` FROM tasks t JOIN task_lists l ON l.id = t.list_id
		JOIN orgs o ON o.id = t.lead_org_id WHERE t.id = ?`, id), orgs)
	if errors.Is(err, sql.ErrNoRows) {
		return t, qianxiang.ErrNotFound("task")
	}
	return t, err
}

func taskJSON(t *qianxiang.Task) (string, string) {
	ids := []int64{}
	for _, o := range t.CoOrgs {
		ids = append(ids, o.ID)
	}
	co, _ := json.Marshal(ids)
	ms, _ := json.Marshal(t.Milestones)
	return string(co), string(ms)
}

// InsertTask adds a task to its list.
func (tx *Tx) InsertTask(ctx context.Context, t *qianxiang.Task) error {
	now := ts(tx.now())
	co, ms := taskJSON(t)
	id, err := tx.insert(ctx, `INSERT INTO tasks (list_id, no, title, lead_org_id, leader, co_orgs, milestones, version, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`, t.ListID, t.No, t.Title, t.LeadOrg.ID, nullText(t.Leader), co, ms, now, now)
	t.ID, t.Version = id, 1
	return err
}

// UpdateTask saves a task (its decomposition and milestones).
func (tx *Tx) UpdateTask(ctx context.Context, t *qianxiang.Task) error {
	co, ms := taskJSON(t)
	_, err := tx.exec(ctx, `UPDATE tasks SET no = ?, title = ?, lead_org_id = ?, leader = ?, co_orgs = ?, milestones = ?, version = version + 1,
		updated_at = ? WHERE id = ?`, t.No, t.Title, t.LeadOrg.ID, nullText(t.Leader), co, ms, ts(tx.now()), t.ID)
	t.Version++
	return err
}

// TaskProgress lists the progress reports of tasks (nil: of every task).
func (c conn) TaskProgress(ctx context.Context, taskIDs []int64) ([]qianxiang.TaskProgress, error) {
	q := `SELECT tp.id, tp.task_id, o.id, o.code, o.name, tp.year, tp.month, tp.text, tp.milestone_done, tp.reported_by, tp.updated_at
		FROM task_progress tp JOIN orgs o ON o.id = tp.org_id`
	var args []any
	if taskIDs != nil {
		if len(taskIDs) == 0 {
			return []qianxiang.TaskProgress{}, nil
		}
		q += ` WHERE tp.task_id IN (` + taskIDList(len(taskIDs)) + `)`
		for _, id := range taskIDs {
			args = append(args, id)
		}
	}
	rows, err := c.query(ctx, q+` ORDER BY tp.task_id, tp.year, tp.month, o.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.TaskProgress{}
	for rows.Next() {
		var p qianxiang.TaskProgress
		var done int
		var at string
		if err := rows.Scan(&p.ID, &p.TaskID, &p.Org.ID, &p.Org.Code, &p.Org.Name, &p.Year, &p.Month, &p.Text, &done, &p.ReportedBy, &at); err != nil {
			return nil, err
		}
		p.MilestoneDone, p.At = done == 1, parseTS(at)
		out = append(out, p)
	}
	return out, rows.Err()
}

func taskIDList(n int) string {
	b := make([]byte, 0, 2*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}

// UpsertTaskProgress saves an organisation's report for a month (a second
// report of the same month replaces the first) and returns its id and the
// snapshot before ("" when new), for the audit.
func (tx *Tx) UpsertTaskProgress(ctx context.Context, p *qianxiang.TaskProgress) (string, error) {
	var id int64
	err := tx.queryRow(ctx, `SELECT id FROM task_progress WHERE task_id = ? AND org_id = ? AND year = ? AND month = ?`,
		p.TaskID, p.Org.ID, p.Year, p.Month).Scan(&id)
	now := ts(tx.now())
	if errors.Is(err, sql.ErrNoRows) {
		p.ID, err = tx.insert(ctx, `INSERT INTO task_progress (task_id, org_id, year, month, text, milestone_done, reported_by, version, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`, p.TaskID, p.Org.ID, p.Year, p.Month, p.Text, b2i(p.MilestoneDone), p.ReportedBy, now, now)
		return "", err
	}
	if err != nil {
		return "", err
	}
	before, err := tx.Snapshot(ctx, "task_progress", id)
	if err != nil {
		return "", err
	}
	p.ID = id
	_, err = tx.exec(ctx, `UPDATE task_progress SET text = ?, milestone_done = ?, reported_by = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		p.Text, b2i(p.MilestoneDone), p.ReportedBy, now, id)
	return before, err
}

// nullText keeps "no value" as NULL in a nullable text column.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}
