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

// editablePoolProject loads a project in the transaction for a change of
// its reserve record: visible, writable by the actor, and in the pool.
func editablePoolProject(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, id int64) (qianxiang.Project, error) {
	p, err := tx.Project(ctx, id)
	if err != nil {
		return p, err
	}
	if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
		return p, err
	}
	if !p.Stage.InPool() {
		return p, qianxiang.Errorf(qianxiang.EValidation, "only a project in the reserve pool (idea or reserve stage) has a maturity checklist to change; this one is at stage %s", string(p.Stage))
	}
	return p, nil
}

// CheckInput is a mark sent for one checklist item.
type CheckInput struct {
	Key    string `json:"key"`
	Done   bool   `json:"done"`
	DoneOn string `json:"done_on"`
	Note   string `json:"note"`
}

// SetChecks writes a project's marks of the items given (others unchanged).
func (a *App) SetChecks(ctx context.Context, actor qianxiang.Actor, id int64, in []CheckInput) error {
	items, err := a.Checklist(ctx)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, it := range items {
		known[it.Key] = true
	}
	marks := make([]qianxiang.CheckMark, len(in))
	for i, c := range in {
		f := "items[" + itoa(int64(i)) + "]"
		if !known[c.Key] {
			return qianxiang.FieldError(f+".key", "%q is not on the checklist", c.Key)
		}
		m := qianxiang.CheckMark{Key: c.Key, Done: c.Done}
		if m.DoneOn, err = qianxiang.ParseDate(c.DoneOn); err != nil || m.DoneOn.MonthOnly() {
			return qianxiang.FieldError(f+".done_on", "%q is not a date (YYYY-MM-DD)", c.DoneOn)
		}
		if !m.DoneOn.IsZero() && a.Today().Before(m.DoneOn) {
			return qianxiang.FieldError(f+".done_on", "%s is in the future", m.DoneOn.String())
		}
		if !m.Done {
			m.DoneOn = qianxiang.Date{}
		}
		var d *qianxiang.Detail
		if m.Note, d = qianxiang.CleanText("note", c.Note); d != nil {
			return qianxiang.FieldError(f+".note", d.Format, d.Args...)
		}
		marks[i] = m
	}
	return a.internal(ctx, "set checklist marks", a.DB.Tx(ctx, func(tx *store.Tx) error {
		if _, err := editablePoolProject(ctx, tx, actor, id); err != nil {
			return err
		}
		for _, m := range marks {
			ch, ok, err := tx.PutCheck(ctx, id, m, actor.Username)
			if err != nil {
				return err
			}
			if ok {
				if err := tx.Audit(ctx, actor.Username, ch.Action, "pipeline_checks", ch.ID, ch.Label, ch.Before); err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// ReserveInput is a reserve project's agency and manual channel marks.
type ReserveInput struct {
	Agency   string                       `json:"agency"`
	Channels map[qianxiang.Channel]string `json:"channels"`
}

// SetReserve writes the consulting agency and the channel marks.
func (a *App) SetReserve(ctx context.Context, actor qianxiang.Actor, id int64, in ReserveInput) error {
	agency, d := qianxiang.CleanText("agency", in.Agency)
	if d != nil {
		return qianxiang.FieldError("agency", d.Format, d.Args...)
	}
	if err := qianxiang.CheckChannelMarks(in.Channels); err != nil {
		return err
	}
	return a.internal(ctx, "set reserve", a.DB.Tx(ctx, func(tx *store.Tx) error {
		if _, err := editablePoolProject(ctx, tx, actor, id); err != nil {
			return err
		}
		ch, ok, err := tx.PutReserve(ctx, id, store.ReserveInfo{Agency: agency, Channels: in.Channels})
		if err != nil || !ok {
			return err
		}
		return tx.Audit(ctx, actor.Username, ch.Action, "pipeline_reserves", ch.ID, ch.Label, ch.Before)
	}))
}

// PromoteProject moves a reserve project into the plan of year (the
// project's year + 1 when year is 0) at the preparatory stage, refused
// while mandatory checklist items are not done. It is the same record, so
// its history, reports, problems and checklist stay with it.
func (a *App) PromoteProject(ctx context.Context, actor qianxiang.Actor, id int64, year int) (qianxiang.Project, error) {
	ps, err := a.PromoteProjects(ctx, actor, []int64{id}, year)
	if err != nil {
		return qianxiang.Project{}, err
	}
	return ps[0], nil
}

// PromoteProjects promotes several reserve projects in one transaction, as
// the office does at the year's end: all of them or, on the first refusal,
// none (the refusal names the project).
func (a *App) PromoteProjects(ctx context.Context, actor qianxiang.Actor, ids []int64, year int) ([]qianxiang.Project, error) {
	items, err := a.Checklist(ctx)
	if err != nil {
		return nil, err
	}
	var out []qianxiang.Project
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			p, err := a.promote(ctx, tx, actor, items, id, year)
			if err != nil {
				if e := qianxiang.AsError(err); e != nil && len(ids) > 1 && e.Code == qianxiang.EValidation {
					batch := qianxiang.Errorf(e.Code, "project %d (%s) was not promoted, nor any other: %s", id, p.Name, e.Error())
					batch.Details = e.Details
					return batch
				}
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, a.internal(ctx, "promote project", err)
}

func (a *App) promote(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, items []qianxiang.ChecklistItem, id int64, year int) (qianxiang.Project, error) {
	p, err := tx.Project(ctx, id)
	if err != nil {
		return p, err
	}
	if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
		return qianxiang.Project{}, err
	}
	checks, err := tx.PipelineChecks(ctx, []int64{id})
	if err != nil {
		return p, err
	}
	if year == 0 {
		year = p.Year + 1
	}
	if err := qianxiang.CheckPromotion(p, qianxiang.MaturityOf(items, checks[id]), year); err != nil {
		return p, err
	}
	before, err := tx.Snapshot(ctx, "projects", id)
	if err != nil {
		return p, err
	}
	p.Promote(year)
	if err := p.Validate(a.CityCode(ctx)); err != nil {
		return p, err
	}
	if err := tx.UpdateProject(ctx, &p); err != nil {
		return p, err
	}
	return p, tx.Audit(ctx, actor.Username, "promote", "projects", id, p.Name, before)
}

// deletePipelineOf removes and audits a project's pipeline records when the
// project itself is deleted (in the caller's transaction).
func (a *App) deletePipelineOf(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, id int64) error {
	chs, err := tx.DeletePipelineOf(ctx, id)
	if err != nil {
		return err
	}
	for _, ch := range chs {
		if err := tx.Audit(ctx, actor.Username, "delete", ch.Table, ch.ID, ch.Label, ch.Before); err != nil {
			return err
		}
	}
	return nil
}
