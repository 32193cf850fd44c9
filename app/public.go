package app

import (
	"context"
	"fmt"

	"qianxiang"
)

// The public side (domain.md, "Public data") needs no login: every reader
// goes through PublicProjects, which never returns a confidential project,
// and the domain drops confidential ones again before anything is written.

func checkPublicYear(year int) error {
	if year < 2000 || year > 2100 {
		return qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	return nil
}

// countyOf finds a project's county (or the city for city-level units).
func (a *App) countyOf(ctx context.Context) (func(p qianxiang.Project) qianxiang.Org, error) {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, a.internal(ctx, "read organisations", err)
	}
	return func(p qianxiang.Project) qianxiang.Org {
		var city qianxiang.Org
		for _, o := range orgs {
			if o.Kind == qianxiang.OrgCounty && o.Contains(p.OrgPath) {
				return o
			}
			if o.Kind == qianxiang.OrgCity && o.ParentID == 0 {
				city = o
			}
		}
		return city
	}, nil
}

// PublicOC4IDS is the year's public projects as an OC4IDS 0.9 project
// package; uri is the package's own address.
func (a *App) PublicOC4IDS(ctx context.Context, year int, uri string) (qianxiang.OC4IDSPackage, error) {
	if err := checkPublicYear(year); err != nil {
		return qianxiang.OC4IDSPackage{}, err
	}
	ps, err := a.DB.PublicProjects(ctx, year)
	if err != nil {
		return qianxiang.OC4IDSPackage{}, a.internal(ctx, "public projects", err)
	}
	if len(ps) == 0 {
		// The schema wants at least one project in a package.
		return qianxiang.OC4IDSPackage{}, qianxiang.Errorf(qianxiang.ENotFound, "no public projects in the %d plan", year)
	}
	county, err := a.countyOf(ctx)
	if err != nil {
		return qianxiang.OC4IDSPackage{}, err
	}
	city, _ := a.City(ctx)
	pub := qianxiang.OC4IDSPublisher{Name: city.Name, Prefix: OC4IDSPrefix(city.Code), URI: uri, CityCode: city.Code}
	return qianxiang.ToOC4IDS(pub, a.Now().In(a.Loc), ps, func(p qianxiang.Project) (string, string) {
		c := county(p)
		if c.Kind != qianxiang.OrgCounty {
			return "", ""
		}
		return c.Code, c.Name
	}), nil
}

// OC4IDSPrefix is the project id prefix. OC4IDS prefixes are registered
// with the Open Contracting Partnership; until the city registers one, this
// local prefix keeps ids unique and recognisable.
func OC4IDSPrefix(cityCode string) string { return fmt.Sprintf("oc4ids-qx%s-", cityCode) }

// PublicProgress is the campaign's progress over the public projects: the
// latest month with counted reports, the plan against the 1,000 亿元
// target, completion and lights by county.
func (a *App) PublicProgress(ctx context.Context, year int) (qianxiang.PublicProgress, error) {
	if year == 0 {
		year = a.Today().Year
	}
	if err := checkPublicYear(year); err != nil {
		return qianxiang.PublicProgress{}, err
	}
	ps, err := a.DB.PublicProjects(ctx, year)
	if err != nil {
		return qianxiang.PublicProgress{}, a.internal(ctx, "public projects", err)
	}
	public := make(map[int64]bool, len(ps))
	var total qianxiang.Money
	for _, p := range ps {
		if p.Stage.InPool() {
			continue // the reserve pool is not in the plan (DispatchInput)
		}
		public[p.ID] = true
		total += p.TotalInvestment
	}
	month := a.DefaultDispatchMonth(ctx, year)
	dps, fs, err := a.DB.DispatchInput(ctx, year, month, "")
	if err != nil {
		return qianxiang.PublicProgress{}, a.internal(ctx, "public progress", err)
	}
	keep := dps[:0]
	for _, p := range dps {
		if public[p.ID] {
			keep = append(keep, p)
		}
	}
	kept := fs[:0]
	for _, f := range fs {
		if public[f.ProjectID] {
			kept = append(kept, f)
		}
	}
	d := qianxiang.ComputeDispatch(year, month, a.DispatchSettings(ctx), keep, kept)
	// The office's own campaign target for the year, once set, is what the
	// public is shown progress against; 1,000 亿元 until then.
	goal := qianxiang.CampaignGoal
	if t, ok, err := a.DB.Targets(ctx, year); err == nil && ok && t.Campaign.AnnualPlan > 0 {
		goal = t.Campaign.AnnualPlan
	}
	pr := qianxiang.PublicProgressOf(d, total, goal)
	if pr.BatchStarts, err = a.PublicBatchStarts(ctx, year); err != nil {
		return pr, err
	}
	return pr, nil
}

// PublicProject is one project's public form; a confidential or unknown
// id is not found.
func (a *App) PublicProject(ctx context.Context, id int64) (qianxiang.PublicProject, error) {
	p, err := a.DB.Project(ctx, id)
	if err != nil {
		return qianxiang.PublicProject{}, a.internal(ctx, "public project", err)
	}
	county, err := a.countyOf(ctx)
	if err != nil {
		return qianxiang.PublicProject{}, err
	}
	if p.Year != 0 {
		if ls, err := a.lightsOf(ctx, p.Year, a.DefaultDispatchMonth(ctx, p.Year), []qianxiang.Project{p}); err == nil {
			p.Light = ls[p.ID].Light
		}
	}
	pp, ok := qianxiang.PublicOf(p, county(p).Ref())
	if !ok {
		return pp, qianxiang.ErrNotFound("project")
	}
	return pp, nil
}
