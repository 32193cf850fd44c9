package app

import (
	"context"
	"encoding/json"

	"qianxiang"
	"qianxiang/store"
)

const dispatchSettingsKey = "dispatch"

// DispatchSettings reads the campaign office's thresholds (defaults when unset).
func (a *App) DispatchSettings(ctx context.Context) qianxiang.DispatchSettings {
	s := qianxiang.DefaultDispatchSettings()
	if v, ok, err := a.DB.Setting(ctx, dispatchSettingsKey); err == nil && ok {
		json.Unmarshal([]byte(v), &s)
	}
	return s
}

// SetDispatchSettings changes the thresholds (campaign office), audited.
func (a *App) SetDispatchSettings(ctx context.Context, actor qianxiang.Actor, s qianxiang.DispatchSettings) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if err := s.Validate(); err != nil {
		return err
	}
	b, _ := json.Marshal(s)
	return a.internal(ctx, "save settings", a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, before, err := tx.PutSetting(ctx, dispatchSettingsKey, string(b))
		if err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "settings", id, dispatchSettingsKey, before)
	}))
}

// LightMonth is the month whose dispatch gives the lights shown in lists:
// December for a past year, else the month before the city's current one
// (the last month whose reports are in), at least January.
func (a *App) LightMonth(ctx context.Context, year int) int {
	today := a.Today()
	switch {
	case year < today.Year:
		return 12
	case year > today.Year:
		return 1
	}
	return max(today.Month-1, 1)
}

// DefaultDispatchMonth is the latest month of the year with any counted
// report, else LightMonth: the month a user most likely wants to see.
func (a *App) DefaultDispatchMonth(ctx context.Context, year int) int {
	if m, err := a.DB.LatestMonth(ctx, year); err == nil && m > 0 {
		return m
	}
	return a.LightMonth(ctx, year)
}

// dispatchFor gives the dispatch of a scope, computed once per data
// version and shared by the cockpit, the dispatch page, the API and the
// registry's lights. The result is shared: callers copy before changing it.
func (a *App) dispatchFor(ctx context.Context, year, month int, scopePath string) (*qianxiang.Dispatch, error) {
	// The version is read before the data, so an entry is never filed
	// under a version newer than what it was computed from.
	v, err := a.dataVersion(ctx)
	if err != nil {
		return nil, a.internal(ctx, "dispatch", err)
	}
	// Others may wait for this computation: it outlives this request.
	ctx = context.WithoutCancel(ctx)
	val, err := a.figures.figure(v, figureKey{kind: "dispatch", year: year, month: month, scope: scopePath}, func() (any, error) {
		return a.computeDispatch(ctx, v, year, month, scopePath)
	})
	if err != nil {
		return nil, a.internal(ctx, "dispatch", err)
	}
	return val.(*qianxiang.Dispatch), nil
}

// computeDispatch is the work behind a cache miss: the year's inputs at
// data version v (read whole, or rolled forward from the last version by
// the change log: dispatch_inputs.go) and the domain's rules over them.
func (a *App) computeDispatch(ctx context.Context, v int64, year, month int, scopePath string) (*qianxiang.Dispatch, error) {
	in, err := a.inputsAt(ctx, v, year)
	if err != nil {
		return nil, err
	}
	return in.dispatch(month, scopePath), nil
}

// withStanding is a copy of a shared dispatch with the reader's place in
// the city-wide ranking.
func withStanding(d *qianxiang.Dispatch, st qianxiang.Standing) *qianxiang.Dispatch {
	c := *d
	c.Standing = &st
	return &c
}

// lightsOf gives the lights of a page of projects.
func (a *App) lightsOf(ctx context.Context, year, month int, items []qianxiang.Project) (map[int64]qianxiang.ProjectLight, error) {
	ids := make([]int64, len(items))
	for i, p := range items {
		ids[i] = p.ID
	}
	fs, err := a.DB.FiguresFor(ctx, year, month, ids)
	if err != nil {
		return nil, a.internal(ctx, "lights", err)
	}
	by := map[int64][]qianxiang.MonthFigure{}
	for _, f := range fs {
		by[f.ProjectID] = append(by[f.ProjectID], f)
	}
	s := a.DispatchSettings(ctx)
	out := make(map[int64]qianxiang.ProjectLight, len(items))
	for _, p := range items {
		if p.Year != year {
			continue
		}
		dp := qianxiang.DispatchProject{ID: p.ID, Name: p.Name, Org: p.Org, LeadOrg: p.LeadOrg, Kind: p.Kind,
			PlannedStart: p.PlannedStart, StartedOn: p.StartedOn, AnnualPlan: p.AnnualPlan}
		out[p.ID] = qianxiang.ProjectLightFor(year, month, s, dp, by[p.ID])
	}
	return out, nil
}

// CheckMonth validates a year and month parameter.
func CheckMonth(year, month int) error {
	if year < 2000 || year > 2100 {
		return qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	if month < 1 || month > 12 {
		return qianxiang.FieldError("month", "must be between 1 and 12")
	}
	return nil
}

// Dispatch computes the dispatch report of a month over what the actor can
// see (the whole city for city roles, their county or department otherwise).
func (a *App) Dispatch(ctx context.Context, actor qianxiang.Actor, year, month int) (*qianxiang.Dispatch, error) {
	if err := CheckMonth(year, month); err != nil {
		return nil, err
	}
	scope := ScopePath(actor)
	d, err := a.dispatchFor(ctx, year, month, scope)
	if err != nil || scope == "" {
		return d, err
	}
	// A county's or department's own figures say nothing of its place in
	// the city: rank it in the city's dispatch (org aggregates the city
	// publishes to all; no other organisation's projects are exposed).
	city, err := a.dispatchFor(ctx, year, month, "")
	if err != nil {
		return nil, err
	}
	if st, ok := qianxiang.StandingOf(city, actor.OrgID); ok {
		d = withStanding(d, st)
	}
	return d, nil
}

// Series gives the monthly cumulative completion for the cockpit chart.
func (a *App) Series(ctx context.Context, actor qianxiang.Actor, year, month int) ([]qianxiang.SeriesPoint, error) {
	if err := CheckMonth(year, month); err != nil {
		return nil, err
	}
	return a.seriesFor(ctx, year, month, ScopePath(actor))
}

// seriesFor sums the series of a scope from the year's inputs in memory
// (dispatch_inputs.go; store.MonthTotals sums the same in SQL), by the
// rules of qianxiang.MonthlySeries. Cached under the data version like
// the dispatch.
func (a *App) seriesFor(ctx context.Context, year, month int, scopePath string) ([]qianxiang.SeriesPoint, error) {
	v, err := a.dataVersion(ctx)
	if err != nil {
		return nil, a.internal(ctx, "series", err)
	}
	ctx = context.WithoutCancel(ctx) // others may wait for this computation
	val, err := a.figures.figure(v, figureKey{kind: "series", year: year, month: month, scope: scopePath}, func() (any, error) {
		in, err := a.inputsAt(ctx, v, year)
		if err != nil {
			return nil, err
		}
		return in.series(month, scopePath), nil
	})
	if err != nil {
		return nil, a.internal(ctx, "series", err)
	}
	// A copy: the caller may change its points.
	return append([]qianxiang.SeriesPoint(nil), val.([]qianxiang.SeriesPoint)...), nil
}

// DefaultYear is this year's plan when there is one, else the newest
// earlier plan, else the newest (future) plan, else this year.
func (a *App) DefaultYear(ctx context.Context) int {
	ys, err := a.DB.Years(ctx)
	if err != nil || len(ys) == 0 {
		return a.Today().Year
	}
	// This year's campaign while it runs, even when a reserve project was
	// already promoted into next year's plan; else the newest past plan.
	this := a.Today().Year
	for _, y := range ys { // newest first
		if y <= this {
			return y
		}
	}
	return ys[0]
}

// Years lists the plan years, newest first, for year menus.
func (a *App) Years(ctx context.Context) ([]int, error) {
	ys, err := a.DB.Years(ctx)
	return ys, a.internal(ctx, "years", err)
}
