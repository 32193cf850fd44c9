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
// target, completion and lights by county. It is the same for every
// visitor, so it is computed once per data version (like the dispatch)
// from the year's inputs kept in memory: on a deadline day, when every
// save moves the version, a visitor pays for a roll-forward and the rules
// over the public projects, not for reading the year again.
func (a *App) PublicProgress(ctx context.Context, year int) (qianxiang.PublicProgress, error) {
	if year == 0 {
		year = a.Today().Year
	}
	if err := checkPublicYear(year); err != nil {
		return qianxiang.PublicProgress{}, err
	}
	v, err := a.dataVersion(ctx)
	if err != nil {
		return qianxiang.PublicProgress{}, a.internal(ctx, "public progress", err)
	}
	cctx := context.WithoutCancel(ctx) // others may wait for this computation
	val, err := a.figures.figure(v, figureKey{kind: "public-progress", year: year}, func() (any, error) {
		return a.computePublicProgress(cctx, v, year)
	})
	if err != nil {
		return qianxiang.PublicProgress{}, err
	}
	// The cached value is shared: its slices are read, never written;
	// the batch starts (not a dispatch input) are read fresh.
	pr := val.(qianxiang.PublicProgress)
	if pr.BatchStarts, err = a.PublicBatchStarts(ctx, year); err != nil {
		return pr, err
	}
	return pr, nil
}

// computePublicProgress is the work behind a miss of PublicProgress at data
// version v: the year's plan projects that are not confidential, their
// counted reports of the latest month, and the dispatch rules over them.
func (a *App) computePublicProgress(ctx context.Context, v int64, year int) (qianxiang.PublicProgress, error) {
	public, total, err := a.DB.PublicPlan(ctx, year)
	if err != nil {
		return qianxiang.PublicProgress{}, a.internal(ctx, "public projects", err)
	}
	in, err := a.inputsAt(ctx, v, year)
	if err != nil {
		return qianxiang.PublicProgress{}, a.internal(ctx, "public progress", err)
	}
	month := a.DefaultDispatchMonth(ctx, year)
	ps := make([]qianxiang.DispatchProject, 0, len(public))
	fs := make([]qianxiang.MonthFigure, 0, len(public))
	for i := range in.projects {
		p := &in.projects[i]
		if !public[p.ID] {
			continue
		}
		ps = append(ps, p.DispatchProject)
		if m := in.months[i]; m != nil {
			if f, ok := m.figure(p.ID, month); ok {
				fs = append(fs, f)
			}
		}
	}
	d := qianxiang.ComputeDispatch(year, month, in.settings, ps, fs)
	// The office's own campaign target for the year, once set, is what the
	// public is shown progress against; 1,000 亿元 until then.
	goal := qianxiang.CampaignGoal
	if in.targetsOK && in.targets.Campaign.AnnualPlan > 0 {
		goal = in.targets.Campaign.AnnualPlan
	}
	return qianxiang.PublicProgressOf(d, total, goal), nil
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
