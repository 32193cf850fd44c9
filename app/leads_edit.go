package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// UpdateLead edits a lead's particulars — investor, region, industry,
// intended investment, source, county, and its one target, leader and
// team — at the version read (AnyVersion: as it is); the stage changes
// only by MoveLead. Audited.
func (a *App) UpdateLead(ctx context.Context, actor qianxiang.Actor, id int64, version int, in LeadInput) (LeadView, error) {
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
		if version != AnyVersion && version != l.Version {
			return qianxiang.Errorf(qianxiang.EConflict, "the lead was changed by someone else; reload it and try again")
		}
		before, err := tx.Snapshot(ctx, "leads", id)
		if err != nil {
			return err
		}
		l.Investor, l.OriginRegion, l.Industry, l.Intended = in.Investor, in.OriginRegion, in.Industry, in.Intended
		l.Source, l.Target, l.Team = strings.TrimSpace(in.Source), in.Target, in.Team
		var faults []error
		if in.County != l.County.Code {
			if l.Project != nil {
				faults = append(faults, qianxiang.FieldError("county", "the lead has landed as a project of %s; its county stays", l.County.Name))
			} else if c, err := a.countyOrg(ctx, "county", in.County); err != nil {
				faults = append(faults, err)
			} else {
				l.County, l.CountyPath = c.Ref(), c.Path
				if !l.MayEdit(actor) {
					return qianxiang.ErrForbidden()
				}
			}
		}
		newLeader := in.Leader != l.Leader.Username
		if newLeader {
			if ld, err := a.leaderUser(ctx, in.Leader); err != nil {
				faults = append(faults, err)
			} else {
				l.Leader = ld
			}
		}
		if err := mergeInvalid(append(faults, l.Validate())...); err != nil {
			return err
		}
		if err := tx.UpdateLead(ctx, &l, false); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "update", "leads", l.ID, l.Investor, before); err != nil {
			return err
		}
		if newLeader {
			return a.tellLeader(ctx, tx, &l)
		}
		return nil
	})
	if err != nil {
		return LeadView{}, a.internal(ctx, "update lead", err)
	}
	return a.Lead(ctx, actor, id)
}

// LeadInputOf gives a lead's particulars as an edit form starts from.
func LeadInputOf(l qianxiang.Lead) LeadInput {
	return LeadInput{Investor: l.Investor, OriginRegion: l.OriginRegion, Industry: l.Industry, Intended: l.Intended, Source: l.Source,
		County: l.County.Code, Target: l.Target, Leader: l.Leader.Username, Team: append([]qianxiang.TeamMember{}, l.Team...)}
}
