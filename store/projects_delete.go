package store

import (
	"context"

	"qianxiang"
)

// projectChildren are the tables whose rows hang on a project, leaves
// first, each with the rows of one project (the ? is its id) and the
// column that labels a row in the trail. The foreign keys would cascade
// most of them, but silently: audit verify would then report every one
// as deleted outside the application, and their content would be lost.
// A table that gains a project_id must be added here (the test
// TestEveryProjectChildIsListed finds one that is not).
var projectChildren = []struct{ table, where, label string }{
	{"photos", "report_id IN (SELECT id FROM reports WHERE project_id = ?)", "name"},
	{"reports", "project_id = ?", "month"},
	{"problem_instructions", "problem_id IN (SELECT id FROM problems WHERE project_id = ?)", "text"},
	{"problem_co_orgs", "problem_id IN (SELECT id FROM problems WHERE project_id = ?)", "org_id"},
	{"problems", "project_id = ?", "description"},
	{"approvals", "project_id = ?", "kind"},
	{"land_needs", "project_id = ?", "id"},
	{"funding_needs", "project_id = ?", "id"},
	{"bank_matches", "project_id = ?", "bank"},
	{"stat_entry_steps", "entry_id IN (SELECT id FROM stat_entries WHERE project_id = ?)", "action"},
	{"stat_files", "project_id = ?", "name"},
	{"stat_verifications", "project_id = ?", "people"},
	{"stat_entries", "project_id = ?", "status"},
	{"project_classes", "project_id = ?", "entry_id"},
	{"batch_start_projects", "project_id = ?", "batch_id"},
	{"project_places", "project_id = ?", "project_id"},
}

// ProjectTies counts the records that keep a project from being deleted
// (see qianxiang.ProjectTies).
func (c conn) ProjectTies(ctx context.Context, id int64) (qianxiang.ProjectTies, error) {
	var t qianxiang.ProjectTies
	err := c.queryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM reports WHERE project_id = ? AND status <> ?),
		(SELECT COUNT(*) FROM problems WHERE project_id = ?),
		(SELECT COUNT(*) FROM suggestions WHERE project_id = ?),
		(SELECT COUNT(*) FROM station_problems WHERE project_id = ?)`,
		id, string(qianxiang.ReportDraft), id, id, id).Scan(&t.SentReports, &t.Problems, &t.Suggestions, &t.StationProblems)
	return t, err
}

// DeleteProjectChildren removes the rows that hang on a project (before
// the project itself) and returns them, with their content, as delete
// entries for the trail.
func (tx *Tx) DeleteProjectChildren(ctx context.Context, actor string, id int64) ([]AuditItem, error) {
	var out []AuditItem
	for _, c := range projectChildren {
		rows, err := tx.query(ctx, `SELECT id, `+c.label+` FROM `+c.table+` WHERE `+c.where+` ORDER BY id`, id)
		if err != nil {
			return nil, err
		}
		var items []AuditItem
		for rows.Next() {
			it := AuditItem{Actor: actor, Action: "delete", Table: c.table}
			var label any
			if err := rows.Scan(&it.ID, &label); err != nil {
				rows.Close()
				return nil, err
			}
			it.Label, _ = canonical(label).(string)
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for i := range items {
			if items[i].Before, err = tx.rowSnapshot(ctx, c.table, items[i].ID); err != nil {
				return nil, err
			}
		}
		if len(items) > 0 {
			if _, err := tx.exec(ctx, `DELETE FROM `+c.table+` WHERE `+c.where, id); err != nil {
				return nil, err
			}
		}
		out = append(out, items...)
	}
	return out, nil
}
