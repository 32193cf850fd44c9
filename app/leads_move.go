package app

import (
	"context"

	"qianxiang"
	"qianxiang/store"
)

// MoveLead changes a lead's stage. Going to 落地 the first time creates the
// registry project (in the lead's county, with its leader, team and
// target) and links it, all in one transaction with the audit entries; a
// refusal anywhere writes nothing.
func (a *App) MoveLead(ctx context.Context, actor qianxiang.Actor, id int64, in qianxiang.LeadMoveInput) (LeadView, error) {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		l, err := tx.Lead(ctx, id)
		if err != nil {
			return err
		}
		if !l.Visible(actor) {
			return qianxiang.ErrNotFound("lead")
		}
		if !l.MayEdit(actor) {
			return qianxiang.ErrForbidden()
		}
		before, err := tx.Snapshot(ctx, "leads", id)
		if err != nil {
			return err
		}
		today := a.Today()
		m, err := l.Move(in, today)
		if err != nil {
			return err
		}
		if m.To == qianxiang.LeadLanded && l.Project == nil {
			if err := a.landLead(ctx, tx, actor, &l, in, today); err != nil {
				return err
			}
		}
		if err := tx.UpdateLead(ctx, &l, true); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "move", "leads", l.ID, l.Investor, before); err != nil {
			return err
		}
		m.By = actor.Username
		if err := tx.InsertLeadMove(ctx, &m); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "lead_moves", m.ID, string(m.To), "")
	})
	if err != nil {
		return LeadView{}, a.internal(ctx, "move lead", err)
	}
	return a.Lead(ctx, actor, id)
}

// landLead creates the lead's registry project in the caller's transaction.
func (a *App) landLead(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, l *qianxiang.Lead, in qianxiang.LeadMoveInput, today qianxiang.Date) error {
	p, err := l.LandedProject(in, today)
	if err != nil {
		return err
	}
	county, err := tx.OrgByCode(ctx, l.County.Code)
	if err != nil {
		return err
	}
	p.Org, p.OrgPath, p.LeadOrg, p.LeadOrgPath = county.Ref(), county.Path, county.Ref(), county.Path
	if !actor.Can(qianxiang.ActEditProject, p.ScopeOf()) {
		return qianxiang.ErrForbidden()
	}
	if err := p.Validate(a.CityCode(ctx)); err != nil {
		// The project's fields come from the move's project_* fields.
		if e := qianxiang.AsError(err); e != nil {
			for i := range e.Details {
				e.Details[i].Field = landedField(e.Details[i].Field)
			}
			if len(e.Details) > 0 {
				e.Args[0] = e.Details[0].Field
			}
		}
		return err
	}
	if err := tx.InsertProject(ctx, &p); err != nil {
		return err
	}
	if err := tx.Audit(ctx, actor.Username, "create", "projects", p.ID, p.Name, ""); err != nil {
		return err
	}
	l.Project = &qianxiang.ProjectRef{ID: p.ID, Code: p.Code, Name: p.Name, Org: p.Org}
	return nil
}

// landedField names a project field as the move request spells it.
func landedField(f string) string {
	switch f {
	case "name":
		return "project_name"
	case "year":
		return "project_year"
	case "total_investment", "annual_plan":
		return "investment"
	}
	return f
}
