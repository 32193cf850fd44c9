package store

import "context"

// SectorsInUse gives every sector the projects of any year name, sorted:
// the first list of sectors the office is offered.
func (c conn) SectorsInUse(ctx context.Context) ([]string, error) {
	rows, err := c.query(ctx, `SELECT DISTINCT sector FROM projects WHERE sector <> '' ORDER BY sector`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
