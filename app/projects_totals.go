package app

import (
	"context"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// The registry's totals line (count, sums, completed to date and in the
// month) covers the whole filtered set, however small the page: at
// 10,000 projects it was most of a list request's work. It changes only
// with the data, so it is kept per filter under the data version, as
// the dispatch is (dispatch_cache.go): any committed change to projects,
// reports, organisations or classes moves the version and the next
// request counts again. So are the organisations a page names. The page
// itself is always read from the database.

// registryTotals gives the totals of filter f (light: the light asked
// for, which with the version decides f.IDs) at data version v.
func (a *App) registryTotals(ctx context.Context, v int64, f qianxiang.ProjectFilter, light string, fig store.ListFigures) (*qianxiang.ProjectTotals, error) {
	if f.IDs != nil && light == "" {
		// A list of ids the key does not name: counted afresh.
		t, err := a.DB.ProjectTotals(ctx, f, fig)
		return &t, err
	}
	key := figureKey{kind: "registry-totals", year: f.Year, month: f.FigureMonth, scope: totalsKey(f, light)}
	ctx = context.WithoutCancel(ctx)
	val, err := a.listTotals.figure(v, key, func() (any, error) {
		t, err := a.DB.ProjectTotals(ctx, f, fig)
		return &t, err
	})
	if err != nil {
		return nil, err
	}
	// A copy: the cached value is shared between requests.
	t := *val.(*qianxiang.ProjectTotals)
	return &t, nil
}

// orgsByID gives every organisation by id at data version v, so a page
// takes its projects' organisations from memory.
func (a *App) orgsByID(ctx context.Context, v int64) (map[int64]qianxiang.Org, error) {
	ctx = context.WithoutCancel(ctx)
	val, err := a.listTotals.figure(v, figureKey{kind: "orgs-by-id"}, func() (any, error) {
		orgs, err := a.DB.Orgs(ctx)
		if err != nil {
			return nil, err
		}
		m := make(map[int64]qianxiang.Org, len(orgs))
		for _, o := range orgs {
			m[o.ID] = o
		}
		return m, nil
	})
	if err != nil {
		return nil, err
	}
	return val.(map[int64]qianxiang.Org), nil
}

// listMonth is DefaultDispatchMonth with the latest reported month read
// once per data version; the fallback follows the calendar, so it is
// worked out each time.
func (a *App) listMonth(ctx context.Context, v int64, year int) int {
	ctx = context.WithoutCancel(ctx)
	val, err := a.listTotals.figure(v, figureKey{kind: "latest-month", year: year}, func() (any, error) {
		return a.DB.LatestMonth(ctx, year)
	})
	if m, ok := val.(int); err == nil && ok && m > 0 {
		return m
	}
	return a.LightMonth(ctx, year)
}

// totalsKey names everything of a filter the totals depend on besides
// the year, the month and the data version: not the page or the sort.
// Each field is quoted, so no two filters share a key.
func totalsKey(f qianxiang.ProjectFilter, light string) string {
	var b strings.Builder
	for _, s := range []string{f.ScopePath, f.OrgCode, f.LeadOrgCode, f.Kind, f.Stage, f.Sector, f.Leader,
		f.Q, f.Class, strconv.FormatBool(f.InPlan), light} {
		b.WriteString(strconv.Quote(s))
	}
	return b.String()
}
