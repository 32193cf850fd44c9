package app

import (
	"cmp"
	"context"
	"slices"

	"qianxiang"
)

// DispatchUncached computes a scope's dispatch as a cache miss does (the
// year's inputs rolled forward to the current data version, then the
// rules), for the benchmarks that compare its work with the bare query.
func (a *App) DispatchUncached(ctx context.Context, year, month int, scopePath string) (*qianxiang.Dispatch, error) {
	v, err := a.dataVersion(ctx)
	if err != nil {
		return nil, err
	}
	return a.computeDispatch(ctx, v, year, month, scopePath)
}

// DispatchCold computes a scope's dispatch from nothing in memory: the
// year's inputs read whole, then the rules.
func (a *App) DispatchCold(ctx context.Context, year, month int, scopePath string) (*qianxiang.Dispatch, error) {
	v, err := a.dataVersion(ctx)
	if err != nil {
		return nil, err
	}
	in, err := a.loadYearInputs(ctx, v, year)
	if err != nil {
		return nil, err
	}
	return in.dispatch(month, scopePath), nil
}

// SeriesCold is the series from inputs read whole.
func (a *App) SeriesCold(ctx context.Context, year, month int, scopePath string) ([]qianxiang.SeriesPoint, error) {
	v, err := a.dataVersion(ctx)
	if err != nil {
		return nil, err
	}
	in, err := a.loadYearInputs(ctx, v, year)
	if err != nil {
		return nil, err
	}
	return in.series(month, scopePath), nil
}

// DispatchSQL is the dispatch as it was computed before the inputs were
// kept in memory: the summaries summed in SQL per request
// (store.DispatchInputFacts), the targets and classes read anew. An
// independent path, the reference the in-memory one must equal. The
// projects are put in the order the in-memory inputs keep (the SQL reads
// them in no set order on PostgreSQL).
func (a *App) DispatchSQL(ctx context.Context, year, month int, scopePath string) (*qianxiang.Dispatch, error) {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	refs := map[int64]qianxiang.OrgRef{}
	for _, o := range orgs {
		refs[o.ID] = o.Ref()
	}
	ps, fs, facts, err := a.DB.DispatchInputFacts(ctx, year, month, scopePath, refs)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(ps, func(x, y qianxiang.DispatchProject) int {
		return cmp.Or(cmp.Compare(x.Org.Code, y.Org.Code), cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
	})
	d := qianxiang.ComputeDispatch(year, month, a.DispatchSettings(ctx), ps, fs)
	if err := a.applyTargets(ctx, d, scopePath); err != nil {
		return nil, err
	}
	qianxiang.ApplyEntryRates(d, facts)
	if err := a.applyClasses(ctx, d, ps); err != nil {
		return nil, err
	}
	d.ByOrg, d.ByLeadOrg = slices.Clip(d.ByOrg), slices.Clip(d.ByLeadOrg)
	d.RedProjects, d.Missing, d.Implausible = slices.Clip(d.RedProjects), slices.Clip(d.Missing), slices.Clip(d.Implausible)
	d.ByClass, d.Lines = slices.Clip(d.ByClass), slices.Clip(d.Lines)
	return d, nil
}

// SeriesSQL is the series summed in SQL (store.MonthTotals), the
// reference the in-memory series must equal.
func (a *App) SeriesSQL(ctx context.Context, year, month int, scopePath string) ([]qianxiang.SeriesPoint, error) {
	plan, perMonth, err := a.DB.MonthTotals(ctx, year, month, scopePath)
	if err != nil {
		return nil, err
	}
	return qianxiang.SeriesFromTotals(month, plan, perMonth), nil
}

// DispatchFor is the shared dispatch of a scope as every page reads it
// (cached per data version, computed from the rolled-forward inputs).
func (a *App) DispatchFor(ctx context.Context, year, month int, scopePath string) (*qianxiang.Dispatch, error) {
	return a.dispatchFor(ctx, year, month, scopePath)
}

// SeriesFor is the cockpit's series of a scope as the pages read it.
func (a *App) SeriesFor(ctx context.Context, year, month int, scopePath string) ([]qianxiang.SeriesPoint, error) {
	return a.seriesFor(ctx, year, month, scopePath)
}

// InputsRead counts the year inputs read whole and rolled forward.
func (a *App) InputsRead() (loads, rolls int64) {
	return a.inputs.loads.Load(), a.inputs.rolls.Load()
}

// SetRollForwardLimit makes more than n changed projects a whole read.
func (a *App) SetRollForwardLimit(n int) { a.inputs.limit = n }
