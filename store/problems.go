package store

import (
	"context"
	"time"

	"qianxiang"
)

// Problem is an obstacle raised on a project (问题清单). For now problems
// come from the 存在问题 column of imported monthly reports.
type Problem struct {
	ID          int64            `json:"id"`
	ProjectID   int64            `json:"project_id"`
	Category    string           `json:"category"`
	Description string           `json:"description"`
	OwnerOrg    qianxiang.OrgRef `json:"owner_org"`
	Due         string           `json:"due"`
	Status      string           `json:"status"`
	Resolution  string           `json:"resolution"`
	Source      string           `json:"source"`
	CreatedAt   time.Time        `json:"created_at"`
}

// ProjectProblems lists a project's problems, newest first.
func (c conn) ProjectProblems(ctx context.Context, projectID int64) ([]Problem, error) {
	rows, err := c.query(ctx, `SELECT pr.id, pr.project_id, pr.category, pr.description, COALESCE(o.code, ''), COALESCE(o.name, ''),
		pr.due, pr.status, pr.resolution, pr.source, pr.created_at
		FROM problems pr LEFT JOIN orgs o ON o.id = pr.owner_org_id WHERE pr.project_id = ? ORDER BY pr.id DESC`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Problem{}
	for rows.Next() {
		var p Problem
		var created string
		if err := rows.Scan(&p.ID, &p.ProjectID, &p.Category, &p.Description, &p.OwnerOrg.Code, &p.OwnerOrg.Name,
			&p.Due, &p.Status, &p.Resolution, &p.Source, &created); err != nil {
			return nil, err
		}
		p.CreatedAt = parseTS(created)
		out = append(out, p)
	}
	return out, rows.Err()
}
