package app

import (
	"context"

	"qianxiang"
)

// ProjectLight is one project's standing in a dispatch month: light,
// reason, completed year-to-date and rate, for the project page. Month 0
// is the month the registry and the dispatch show by default
// (DefaultDispatchMonth), so one project has one light for one month
// wherever it is shown.
func (a *App) ProjectLight(ctx context.Context, actor qianxiang.Actor, id int64, month int) (qianxiang.ProjectLight, int, error) {
	p, err := a.Project(ctx, actor, id)
	if err != nil {
		return qianxiang.ProjectLight{}, 0, err
	}
	if month == 0 {
		month = a.DefaultDispatchMonth(ctx, p.Year)
	} else if err := CheckMonth(p.Year, month); err != nil {
		return qianxiang.ProjectLight{}, 0, err
	}
	ls, err := a.lightsOf(ctx, p.Year, month, []qianxiang.Project{p})
	if err != nil {
		return qianxiang.ProjectLight{}, month, err
	}
	return ls[p.ID], month, nil
}
