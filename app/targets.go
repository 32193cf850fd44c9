package app

import (
	"context"
	"fmt"
	"io"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/store"
)

// Targets gives a year's targets (分解下达) as the actor may see them: city
// roles see every organisation's; a county or department sees the
// campaign's and its own (and those below it).
func (a *App) Targets(ctx context.Context, actor qianxiang.Actor, year int) (qianxiang.Targets, error) {
	if err := CheckMonth(year, 1); err != nil {
		return qianxiang.Targets{}, err
	}
	if actor.UserID == 0 && !actor.System {
		return qianxiang.Targets{}, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	t, _, err := a.DB.Targets(ctx, year)
	if err != nil {
		return t, a.internal(ctx, "targets", err)
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return t, a.internal(ctx, "targets", err)
	}
	path := map[string]string{}
	for _, o := range orgs {
		path[o.Code] = o.Path
	}
	seen := t.Orgs[:0]
	for _, o := range t.Orgs {
		if actor.Can(qianxiang.ActRead, qianxiang.Scope{Paths: []string{path[o.Org]}}) {
			seen = append(seen, o)
		}
	}
	t.Orgs = seen
	return t, nil
}

// SetTargets replaces a year's targets (campaign office): the campaign's,
// and the organisations' as listed (an organisation left out loses its
// target). All or nothing; every row written or removed is audited.
func (a *App) SetTargets(ctx context.Context, actor qianxiang.Actor, year int, t qianxiang.Targets) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if err := CheckMonth(year, 1); err != nil {
		return err
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return a.internal(ctx, "save targets", err)
	}
	byCode := map[string]qianxiang.Org{}
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty || o.Kind == qianxiang.OrgDepartment {
			byCode[o.Code] = o
		}
	}
	if err := t.Validate(func(c string) bool { _, ok := byCode[c]; return ok }); err != nil {
		return err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		var changes []store.TargetChange
		label := fmt.Sprintf("%d campaign", year)
		ch, ok, err := tx.PutTarget(ctx, year, 0, label, t.Campaign.Projects, t.Campaign.AnnualPlan, 0)
		if err != nil {
			return err
		}
		if ok {
			changes = append(changes, ch)
		}
		keep := map[int64]bool{}
		for _, ot := range t.Orgs {
			o := byCode[ot.Org]
			keep[o.ID] = true
			ch, ok, err := tx.PutTarget(ctx, year, o.ID, fmt.Sprintf("%d %s", year, o.Code), ot.Projects, ot.AnnualPlan, ot.NewStarts)
			if err != nil {
				return err
			}
			if ok {
				changes = append(changes, ch)
			}
		}
		gone, err := tx.DeleteTargetsExcept(ctx, year, keep)
		if err != nil {
			return err
		}
		for _, g := range gone {
			g.Label = fmt.Sprintf("%d %s", year, g.Label)
			changes = append(changes, g)
		}
		for _, c := range changes {
			if err := tx.Audit(ctx, actor.Username, c.Action, "targets", c.ID, c.Label, c.Before); err != nil {
				return err
			}
		}
		return nil
	})
	return a.internal(ctx, "save targets", err)
}

// applyTargets adds the year's targets to a dispatch computed over
// scopePath: the campaign's target is the total's for the whole city, an
// organisation's own target is the total's for its scope.
func (a *App) applyTargets(ctx context.Context, d *qianxiang.Dispatch, scopePath string) error {
	t, ok, err := a.DB.Targets(ctx, d.Year)
	if err != nil {
		return err
	}
	var orgs []qianxiang.Org
	if scopePath != "" && len(t.Orgs) > 0 {
		if orgs, err = a.DB.Orgs(ctx); err != nil {
			return err
		}
	}
	applyTargetsWith(d, t, ok, orgs, scopePath)
	return nil
}

// applyTargetsWith is applyTargets with the targets (ok: set for the
// year) and the organisations already read (the dispatch keeps them in
// memory, dispatch_inputs.go).
func applyTargetsWith(d *qianxiang.Dispatch, t qianxiang.Targets, ok bool, orgs []qianxiang.Org, scopePath string) {
	var total *qianxiang.TargetFigures
	if scopePath == "" {
		if ok {
			// An office that divided the targets and left the campaign's
			// own blank still runs 千项千亿: its row is measured against
			// the campaign's name, not against zero.
			c := t.Campaign
			if c == (qianxiang.CampaignTarget{}) {
				c = qianxiang.DefaultCampaignTarget()
			}
			total = &qianxiang.TargetFigures{Projects: c.Projects, AnnualPlan: c.AnnualPlan}
		}
	} else if len(t.Orgs) > 0 {
		for _, o := range orgs {
			if o.Path != scopePath {
				continue
			}
			for _, ot := range t.Orgs {
				if ot.Org == o.Code {
					n := ot.NewStarts
					total = &qianxiang.TargetFigures{Projects: ot.Projects, AnnualPlan: ot.AnnualPlan, NewStarts: &n}
				}
			}
		}
	}
	qianxiang.ApplyTargets(d, t, total)
	if scopePath == "" {
		d.Unlisted = qianxiang.TargetedWithoutProjects(d, t)
	}
}

// ImportTargets reads the office's targets workbook (excel.ReadTargets)
// and saves it as SetTargets does: all or nothing, audited.
func (a *App) ImportTargets(ctx context.Context, actor qianxiang.Actor, year int, filename string, r io.Reader) (qianxiang.Targets, error) {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.Targets{}, qianxiang.ErrForbidden()
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return qianxiang.Targets{}, a.internal(ctx, "import targets", err)
	}
	t, err := excel.ReadTargets(r, filename, orgs)
	if err != nil {
		return t, a.internal(ctx, "import targets", err)
	}
	t.Year = year
	return t, a.SetTargets(ctx, actor, year, t)
}
