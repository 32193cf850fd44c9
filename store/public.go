package store

import (
	"context"

	"qianxiang"
)

// PublicProjects reads a year's projects that are not confidential, in id
// order; the public side reads nothing else.
func (c conn) PublicProjects(ctx context.Context, year int) ([]qianxiang.Project, error) {
	rows, err := c.query(ctx, `SELECT `+projectCols+projectFrom+` WHERE p.year = ? AND p.confidential = 0 ORDER BY p.id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Project{}
	for rows.Next() {
		p, err := scanProject(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
