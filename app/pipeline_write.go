package app

import (
	"context"

	"qianxiang"
	"qianxiang/store"
)

// Changes to the reserve pool: checklist marks, agency and channel marks,
// promotion into a plan, and the pipeline records of a deleted project.

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
		had, err := tx.PipelineChecks(ctx, []int64{id})
		if err != nil {
			return err
		}
		for _, m := range marks {
			// An item ticked done without a date was done when it was
			// first ticked: that day is kept, or today's is recorded, so
			// the checklist always says when a step was completed.
			if m.Done && m.DoneOn.IsZero() {
				if old := had[id][m.Key]; old.Done && !old.DoneOn.IsZero() {
					m.DoneOn = old.DoneOn
				} else {
					m.DoneOn = a.Today()
				}
			}
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
