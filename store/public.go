package store

import (
	"context"

	"qianxiang"
)

// PublicPlan gives the ids of a year's plan projects that are not
// confidential (the reserve pool is not in the plan) and their total
// investment: the public progress is figured over these.
func (c conn) PublicPlan(ctx context.Context, year int) (map[int64]bool, qianxiang.Money, error) {
	rows, err := c.query(ctx, `SELECT p.id, p.total_investment FROM projects p WHERE p.year = ? AND p.confidential = 0 AND `+poolStagesExcluded, year)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	ids := map[int64]bool{}
	var total qianxiang.Money
	for rows.Next() {
		var id, inv int64
		if err := rows.Scan(&id, &inv); err != nil {
			return nil, 0, err
		}
		ids[id] = true
		total += qianxiang.Money(inv)
	}
	return ids, total, rows.Err()
}

// PublicProjects reads a year's projects that are not confidential, in id
// order; the public side reads nothing else.
func (c conn) PublicProjects(ctx context.Context, year int) ([]qianxiang.Project, error) {
	rows, err := c.query(ctx, `SELECT `+projectCols+projectFrom+` WHERE p.year = ? AND p.confidential = 0 ORDER BY p.id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Project{}
	row := newProjectRow(false, false)
	for rows.Next() {
		p, err := row.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
