package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// The reserve pool (谋划储备): counties manage the reserve projects in
// their scope, the campaign office all of them and the checklist itself.
// Every change is audited in the transaction that makes it.

// ReserveRow is one reserve project with its checklist marks, maturity,
// packaging agency, funding channels and publication.
type ReserveRow struct {
	Project   qianxiang.Project              `json:"project"`
	County    qianxiang.OrgRef               `json:"county"`
	Agency    string                         `json:"agency"`
	Checks    map[string]qianxiang.CheckMark `json:"checks"`
	Maturity  qianxiang.Maturity             `json:"maturity"`
	Channels  []qianxiang.ChannelMatch       `json:"channels"`
	Marks     map[qianxiang.Channel]string   `json:"channel_marks"`
	Promotion *qianxiang.Promotion           `json:"promotion"`
	Interests int                            `json:"interests"`
}

// PoolGroup is one line of the pool's summary: projects, their total
// investment and how many fall in each maturity band.
type PoolGroup struct {
	Key             string          `json:"key"`
	Name            string          `json:"name"`
	Projects        int             `json:"projects"`
	TotalInvestment qianxiang.Money `json:"total_investment"`
	High            int             `json:"high"`
	Medium          int             `json:"medium"`
	Low             int             `json:"low"`
}

func (g *PoolGroup) add(r ReserveRow) {
	g.Projects++
	g.TotalInvestment += r.Project.TotalInvestment
	switch r.Maturity.Band {
	case qianxiang.BandHigh:
		g.High++
	case qianxiang.BandMedium:
		g.Medium++
	default:
		g.Low++
	}
}

// Pool is the reserve pool as the actor may see it, filtered.
type Pool struct {
	Checklist []qianxiang.ChecklistItem `json:"checklist"`
	Items     []ReserveRow              `json:"items"`
	Total     PoolGroup                 `json:"total"`
	ByCounty  []PoolGroup               `json:"by_county"`
	BySector  []PoolGroup               `json:"by_sector"`
	Sectors   []string                  `json:"-"` // every sector in the actor's pool, for the filter
}

// PoolQuery filters the pool: an organisation code, a sector, a band.
type PoolQuery struct {
	Org, Sector, Maturity string
}

// Checklist is the office's checklist, or the default one until it has
// configured its own.
func (a *App) Checklist(ctx context.Context) ([]qianxiang.ChecklistItem, error) {
	items, err := a.DB.PipelineItems(ctx)
	if err != nil {
		return nil, a.internal(ctx, "checklist", err)
	}
	if len(items) == 0 {
		return append([]qianxiang.ChecklistItem{}, qianxiang.DefaultChecklist...), nil
	}
	return items, nil
}

// SetChecklist replaces the checklist (campaign office only). Projects'
// marks stay keyed by item, so an item removed and added back finds them.
func (a *App) SetChecklist(ctx context.Context, actor qianxiang.Actor, items []qianxiang.ChecklistItem) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if err := qianxiang.CheckChecklist(items); err != nil {
		return err
	}
	return a.internal(ctx, "set checklist", a.DB.Tx(ctx, func(tx *store.Tx) error {
		chs, err := tx.ReplacePipelineItems(ctx, items)
		if err != nil {
			return err
		}
		for _, ch := range chs {
			if err := tx.Audit(ctx, actor.Username, ch.Action, "pipeline_items", ch.ID, ch.Label, ch.Before); err != nil {
				return err
			}
		}
		return nil
	}))
}

// Pool lists the reserve pool within the actor's scope.
func (a *App) Pool(ctx context.Context, actor qianxiang.Actor, q PoolQuery) (*Pool, error) {
	f := qianxiang.PoolFilter{ScopePath: ScopePath(actor), Sector: strings.TrimSpace(q.Sector)}
	if q.Org != "" {
		o, err := orgByCode(ctx, a.DB, "org", q.Org)
		if err != nil {
			return nil, err
		}
		f.OrgPath = o.Path
	}
	band := qianxiang.MaturityBand(q.Maturity)
	if q.Maturity != "" && !band.Valid() {
		return nil, qianxiang.FieldError("maturity", "%q is not a maturity band (high, medium, low)", q.Maturity)
	}
	items, err := a.Checklist(ctx)
	if err != nil {
		return nil, err
	}
	// The whole pool in scope is read (it is small: tens to hundreds of
	// projects) so the sector menu lists every sector whatever the filter.
	all, err := a.DB.PoolProjects(ctx, qianxiang.PoolFilter{ScopePath: f.ScopePath})
	if err != nil {
		return nil, a.internal(ctx, "reserve pool", err)
	}
	pool := &Pool{Checklist: items, Items: []ReserveRow{}, ByCounty: []PoolGroup{}, BySector: []PoolGroup{}, Total: PoolGroup{Key: "total"}}
	seen := map[string]bool{}
	var ps []qianxiang.Project
	for _, p := range all {
		if p.Sector != "" && !seen[p.Sector] {
			seen[p.Sector] = true
			pool.Sectors = append(pool.Sectors, p.Sector)
		}
		if (f.OrgPath == "" || strings.HasPrefix(p.OrgPath, f.OrgPath) || strings.HasPrefix(p.LeadOrgPath, f.OrgPath)) &&
			(f.Sector == "" || p.Sector == f.Sector) {
			ps = append(ps, p)
		}
	}
	rows, err := a.reserveRows(ctx, items, ps)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if band == "" || r.Maturity.Band == band {
			pool.Items = append(pool.Items, r)
			pool.Total.add(r)
		}
	}
	return regroup(pool), nil
}

// regroup sums the pool's rows by county and by sector, in the order
// first seen (counties come in code order).
func regroup(p *Pool) *Pool {
	bc, bs := map[string]int{}, map[string]int{}
	byCounty, bySector := []PoolGroup{}, []PoolGroup{}
	for _, r := range p.Items {
		i, ok := bc[r.County.Code]
		if !ok {
			i = len(byCounty)
			bc[r.County.Code] = i
			byCounty = append(byCounty, PoolGroup{Key: r.County.Code, Name: r.County.Name})
		}
		byCounty[i].add(r)
		j, ok := bs[r.Project.Sector]
		if !ok {
			j = len(bySector)
			bs[r.Project.Sector] = j
			bySector = append(bySector, PoolGroup{Key: r.Project.Sector, Name: r.Project.Sector})
		}
		bySector[j].add(r)
	}
	p.ByCounty, p.BySector = byCounty, bySector
	return p
}

// reserveRows joins the projects with their marks, agency, channels and
// publications.
func (a *App) reserveRows(ctx context.Context, items []qianxiang.ChecklistItem, ps []qianxiang.Project) ([]ReserveRow, error) {
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	checks, err := a.DB.PipelineChecks(ctx, ids)
	if err != nil {
		return nil, a.internal(ctx, "reserve pool", err)
	}
	res, err := a.DB.Reserves(ctx, ids)
	if err != nil {
		return nil, a.internal(ctx, "reserve pool", err)
	}
	proms, err := a.DB.Promotions(ctx, ids)
	if err != nil {
		return nil, a.internal(ctx, "reserve pool", err)
	}
	counts, err := a.DB.InterestCounts(ctx, ids)
	if err != nil {
		return nil, a.internal(ctx, "reserve pool", err)
	}
	county, err := a.countyOf(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ReserveRow, len(ps))
	for i, p := range ps {
		r := ReserveRow{Project: p, County: county(p).Ref(), Agency: res[p.ID].Agency, Checks: checks[p.ID], Marks: res[p.ID].Channels,
			Interests: counts[p.ID]}
		if r.Checks == nil {
			r.Checks = map[string]qianxiang.CheckMark{}
		}
		if r.Marks == nil {
			r.Marks = map[qianxiang.Channel]string{}
		}
		r.Maturity = qianxiang.MaturityOf(items, r.Checks)
		r.Channels = qianxiang.MatchChannels(p, r.Marks)
		if m, ok := proms[p.ID]; ok {
			r.Promotion = &m
		}
		out[i] = r
	}
	return out, nil
}

// Reserve reads one project's reserve row; any project the actor can see
// has one (a promoted project keeps its checklist as history).
func (a *App) Reserve(ctx context.Context, actor qianxiang.Actor, id int64) (ReserveRow, error) {
	p, err := a.Project(ctx, actor, id)
	if err != nil {
		return ReserveRow{}, err
	}
	items, err := a.Checklist(ctx)
	if err != nil {
		return ReserveRow{}, err
	}
	rows, err := a.reserveRows(ctx, items, []qianxiang.Project{p})
	if err != nil {
		return ReserveRow{}, err
	}
	return rows[0], nil
}
