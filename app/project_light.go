package app

import (
	"context"

	"qianxiang"
)

// ProjectLight is one project's standing in the dispatch month whose lights
// the lists show (LightMonth of its plan year): light, reason, completed
// year-to-date and rate, for the project page.
func (a *App) ProjectLight(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.ProjectLight, int, error) {
	p, err := a.Project(ctx, actor, id)
	if err != nil {
		return qianxiang.ProjectLight{}, 0, err
	}
	month := a.LightMonth(ctx, p.Year)
	ls, err := a.lightsOf(ctx, p.Year, month, []qianxiang.Project{p})
	if err != nil {
		return qianxiang.ProjectLight{}, month, err
	}
	return ls[p.ID], month, nil
}
