package app

import (
	"context"

	"qianxiang"
)

// DispatchOf is the dispatch of one county or department for the
// cockpit's drill-down: the office clicks a county and sees that county's
// own cockpit, with its place in the city's ranking. org "" is the
// caller's own view (Dispatch). A reader may open an organisation only
// inside their scope; outside it the organisation does not exist for them.
func (a *App) DispatchOf(ctx context.Context, actor qianxiang.Actor, year, month int, org string) (*qianxiang.Dispatch, qianxiang.OrgRef, error) {
	if org == "" {
		d, err := a.Dispatch(ctx, actor, year, month)
		return d, qianxiang.OrgRef{}, err
	}
	if err := CheckMonth(year, month); err != nil {
		return nil, qianxiang.OrgRef{}, err
	}
	o, err := a.scopedOrg(ctx, actor, org)
	if err != nil {
		return nil, qianxiang.OrgRef{}, err
	}
	d, err := a.dispatchFor(ctx, year, month, o.Path)
	if err != nil {
		return nil, qianxiang.OrgRef{}, err
	}
	city, err := a.dispatchFor(ctx, year, month, "")
	if err != nil {
		return nil, qianxiang.OrgRef{}, err
	}
	if st, ok := qianxiang.StandingOf(city, o.ID); ok {
		d = withStanding(d, st)
	}
	return d, o.Ref(), nil
}

// SeriesOf is Series over one organisation's projects (org "" as Series).
func (a *App) SeriesOf(ctx context.Context, actor qianxiang.Actor, year, month int, org string) ([]qianxiang.SeriesPoint, error) {
	if org == "" {
		return a.Series(ctx, actor, year, month)
	}
	if err := CheckMonth(year, month); err != nil {
		return nil, err
	}
	o, err := a.scopedOrg(ctx, actor, org)
	if err != nil {
		return nil, err
	}
	return a.seriesFor(ctx, year, month, o.Path)
}

// scopedOrg finds an organisation by code that the actor may read; one
// outside their scope is "not found", as for projects.
func (a *App) scopedOrg(ctx context.Context, actor qianxiang.Actor, code string) (qianxiang.Org, error) {
	if actor.UserID == 0 && !actor.System {
		return qianxiang.Org{}, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	o, err := a.DB.OrgByCode(ctx, code)
	if qianxiang.ErrorCode(err) == qianxiang.ENotFound || (err == nil && !actor.InScope(qianxiang.Scope{Paths: []string{o.Path}})) {
		return qianxiang.Org{}, qianxiang.Errorf(qianxiang.ENotFound, "organisation %q not found", code)
	}
	if err != nil {
		return qianxiang.Org{}, a.internal(ctx, "organisation", err)
	}
	return o, nil
}
