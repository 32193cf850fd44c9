package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"qianxiang"
	"qianxiang/store"
)

// ProjectFactors reads a project's factor guarantee for whoever may see the
// project. Reading first raises the problems of 容缺 promises it has
// missed, so a missed promise never waits for the scheduled sweep.
func (a *App) ProjectFactors(ctx context.Context, actor qianxiang.Actor, projectID int64) (qianxiang.Factors, error) {
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return qianxiang.Factors{}, err
	}
	if _, err := a.SweepPromises(ctx, projectID); err != nil {
		return qianxiang.Factors{}, err
	}
	f, err := a.DB.Factors(ctx, projectID)
	if err != nil {
		return f, a.internal(ctx, "factors", err)
	}
	f.Sum(a.Today())
	return f, nil
}

// approvalNames are the checklist's items as the problem they raise names
// them (the problem's words are data, kept in the city's language).
var approvalNames = map[string]string{"project_approval": "立项", "land_presite": "用地预审与选址", "planning_permit": "规划许可",
	"eia": "环评", "energy": "能评", "construction_permit": "施工许可"}

var errClaimed = errors.New("claimed by another sweep")

// SweepPromises raises one problem for every 容缺 promise missed by today
// (of one project, or of all when projectID is 0). It is idempotent: an
// approval that has raised its problem is never swept again, and two
// servers sweeping at once raise it once (the claim is a conditional
// update in the same transaction as the problem).
func (a *App) SweepPromises(ctx context.Context, projectID int64) (int, error) {
	today := a.Today()
	missed, err := a.DB.MissedPromises(ctx, today)
	if err != nil {
		return 0, a.internal(ctx, "sweep promises", err)
	}
	n := 0
	for _, ap := range missed {
		if projectID != 0 && ap.ProjectID != projectID {
			continue
		}
		err := a.DB.Tx(ctx, func(tx *store.Tx) error {
			p, err := tx.Project(ctx, ap.ProjectID)
			if err != nil {
				return err
			}
			name := approvalNames[ap.Kind]
			if ap.Kind == "custom" {
				name = ap.Name
			}
			desc := fmt.Sprintf("容缺办理承诺逾期：%s，承诺于%s前补齐“%s”，至今未补齐", name, ap.PromisedBy, ap.Doc)
			due := qianxiang.DateOf(time.Date(today.Year, time.Month(today.Month), today.Day+qianxiang.MissedPromiseDueDays, 0, 0, 0, 0, time.UTC))
			before, err := tx.Snapshot(ctx, "approvals", ap.ID)
			if err != nil {
				return err
			}
			pr := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: p.ID, Name: p.Name}, Category: qianxiang.CatApproval, Description: desc,
				OwnerOrg: p.LeadOrg, Due: due, Source: "factor", RaisedBy: "system"}
			// Raised as any problem is: audited, its owner told.
			if err := a.insertProblem(ctx, tx, qianxiang.Actor{Username: "system", System: true}, &pr); err != nil {
				return err
			}
			ok, err := tx.ClaimMissedPromise(ctx, ap.ID, pr.ID)
			if err != nil {
				return err
			}
			if !ok {
				return errClaimed
			}
			return tx.Audit(ctx, "system", "promise_missed", "approvals", ap.ID, ap.Kind, before)
		})
		switch {
		case errors.Is(err, errClaimed):
		case err != nil:
			return n, a.internal(ctx, "sweep promises", err)
		default:
			n++
		}
	}
	return n, nil
}

// editFactors checks the actor may change the project's factors: the
// project's scope owners (its county or lead organisation) and up.
func (a *App) editFactors(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, projectID int64) error {
	p, err := tx.Project(ctx, projectID)
	if err != nil {
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			return qianxiang.ErrNotFound("project")
		}
		return err
	}
	return actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project")
}

// saveFactor runs one save of a factor line: access, validation, the
// line's own project, save and audit in one transaction.
func (a *App) saveFactor(ctx context.Context, actor qianxiang.Actor, projectID int64, kind string, id *int64, validate func() error,
	save func(*store.Tx) error) error {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := a.editFactors(ctx, tx, actor, projectID); err != nil {
			return err
		}
		if err := validate(); err != nil {
			return err
		}
		table := store.FactorTable[kind]
		before, action := "", "create"
		if *id != 0 {
			pid, err := tx.FactorProject(ctx, kind, *id)
			if err != nil || pid != projectID {
				return qianxiang.ErrNotFound(kind)
			}
			if before, err = tx.Snapshot(ctx, table, *id); err != nil {
				return err
			}
			action = "update"
		}
		if err := save(tx); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, action, table, *id, kind, before)
	})
	return a.internal(ctx, "save "+kind, err)
}

// SaveApproval adds or changes a line of the approvals checklist.
func (a *App) SaveApproval(ctx context.Context, actor qianxiang.Actor, projectID int64, ap qianxiang.Approval) (qianxiang.Approval, error) {
	ap.ProjectID = projectID
	err := a.saveFactor(ctx, actor, projectID, "approval", &ap.ID, ap.Validate, func(tx *store.Tx) error { return tx.SaveApproval(ctx, &ap) })
	return ap, err
}

// SaveLand adds or changes a land need.
func (a *App) SaveLand(ctx context.Context, actor qianxiang.Actor, projectID int64, l qianxiang.LandNeed) (qianxiang.LandNeed, error) {
	l.ProjectID = projectID
	err := a.saveFactor(ctx, actor, projectID, "land", &l.ID, l.Validate, func(tx *store.Tx) error { return tx.SaveLand(ctx, &l) })
	return l, err
}

// SaveFunding adds or changes a funding need.
func (a *App) SaveFunding(ctx context.Context, actor qianxiang.Actor, projectID int64, f qianxiang.FundingNeed) (qianxiang.FundingNeed, error) {
	f.ProjectID = projectID
	err := a.saveFactor(ctx, actor, projectID, "funding", &f.ID, f.Validate, func(tx *store.Tx) error { return tx.SaveFunding(ctx, &f) })
	return f, err
}

// SaveBank adds or changes a bank matchmaking line.
func (a *App) SaveBank(ctx context.Context, actor qianxiang.Actor, projectID int64, b qianxiang.BankMatch) (qianxiang.BankMatch, error) {
	b.ProjectID = projectID
	err := a.saveFactor(ctx, actor, projectID, "bank", &b.ID, b.Validate, func(tx *store.Tx) error { return tx.SaveBank(ctx, &b) })
	return b, err
}

// DeleteFactor removes a factor line of the project.
func (a *App) DeleteFactor(ctx context.Context, actor qianxiang.Actor, projectID int64, kind string, id int64) error {
	table, ok := store.FactorTable[kind]
	if !ok {
		return qianxiang.FieldError("kind", "must be approval, land, funding or bank")
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := a.editFactors(ctx, tx, actor, projectID); err != nil {
			return err
		}
		pid, err := tx.FactorProject(ctx, kind, id)
		if err != nil || pid != projectID {
			return qianxiang.ErrNotFound(kind)
		}
		before, err := tx.Snapshot(ctx, table, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteFactor(ctx, kind, id); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "delete", table, id, kind, before)
	})
	return a.internal(ctx, "delete "+kind, err)
}

// RunPromiseSweeps sweeps for missed 容缺 promises now and then every
// interval until ctx ends (serve runs it; several servers may, since a
// sweep raises each problem once whoever runs it).
func (a *App) RunPromiseSweeps(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := a.SweepPromises(ctx, 0); err != nil && ctx.Err() == nil {
			a.Log.WarnContext(ctx, "promise sweep failed", "err", err)
		} else if n > 0 {
			a.Log.InfoContext(ctx, "missed 容缺 promises raised as problems", "problems", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
