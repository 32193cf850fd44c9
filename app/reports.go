package app

import (
	"context"
	"encoding/json"
	"time"

	"qianxiang"
	"qianxiang/store"
)

// ReportInput is what a unit fills in for a month (the domain's; named
// here too so callers of the services need not change).
type ReportInput = qianxiang.ReportInput

// checkVersion refuses a change made on a stale copy of the report: version
// is the one the caller read; 0 (not sent) or AnyVersion skip the check,
// as does a report not yet saved (nothing to be stale against).
func checkVersion(r *qianxiang.Report, version int) error {
	if version == 0 || version == AnyVersion || r.ID == 0 {
		return nil
	}
	if version != r.Version {
		return qianxiang.Errorf(qianxiang.EConflict, "the report was changed by someone else since you opened it; reload")
	}
	return nil
}

// Deadline is the moment month N's reports lock for project units.
func (a *App) Deadline(ctx context.Context, year, month int) time.Time {
	return qianxiang.ReportDeadline(year, month, a.DispatchSettings(ctx).DeadlineDay, a.Loc)
}

// Locked reports whether month N is past its deadline.
func (a *App) Locked(ctx context.Context, year, month int) bool {
	return qianxiang.ReportLocked(a.Now(), year, month, a.DispatchSettings(ctx).DeadlineDay, a.Loc)
}

func (a *App) checkReportMonth(year, month int) error {
	if err := CheckMonth(year, month); err != nil {
		return err
	}
	return qianxiang.ReportableMonth(year, month, a.Today())
}

// reportTx loads a project and its month's report (new when none) inside
// a transaction, checks the actor may act on it, and hands them to fn,
// which changes the report; then it saves and audits.
func (a *App) reportTx(ctx context.Context, actor qianxiang.Actor, act qianxiang.Action, projectID int64, year, month int, action string,
	fn func(tx *store.Tx, p *qianxiang.Project, r *qianxiang.Report) error) (qianxiang.Report, error) {
	var out qianxiang.Report
	if err := a.checkReportMonth(year, month); err != nil {
		return out, err
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Project(ctx, projectID)
		if err != nil {
			return err
		}
		if err := actor.Check(act, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if p.Year != year {
			return qianxiang.Errorf(qianxiang.EValidation, "the project is in the %d plan, not %d", p.Year, year)
		}
		r, err := tx.Report(ctx, projectID, year, month)
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			r, err = qianxiang.Report{ProjectID: projectID, Year: year, Month: month, Status: qianxiang.ReportDraft}, nil
		}
		if err != nil {
			return err
		}
		before := ""
		if r.ID != 0 {
			if before, err = tx.Snapshot(ctx, "reports", r.ID); err != nil {
				return err
			}
		}
		if err := fn(tx, &p, &r); err != nil {
			return err
		}
		r.UpdatedBy = actor.Username
		if err := tx.SaveReport(ctx, &r); err != nil {
			return err
		}
		out = r
		return tx.Audit(ctx, actor.Username, action, "reports", r.ID, p.Name+" "+monthLabel(year, month), before)
	})
	return out, a.internal(ctx, "report "+action, err)
}

// othersYTD sums the counted reports of the report's year other than its
// own month, for the year-to-date bound.
func othersYTD(ctx context.Context, tx *store.Tx, r *qianxiang.Report) (qianxiang.Money, error) {
	rs, err := tx.ProjectReports(ctx, r.ProjectID, r.Year)
	if err != nil {
		return 0, err
	}
	var sum qianxiang.Money
	for _, o := range rs {
		if o.Month != r.Month && o.Status.Counts() && o.Completed.Plausible() {
			sum += o.Completed // bounded amounts: twelve of them cannot overflow
		}
	}
	return sum, nil
}

// detailError is the 422 of one refused field.
func detailError(d qianxiang.Detail) error { return qianxiang.FieldError(d.Field, d.Format, d.Args...) }

func monthLabel(y, m int) string { return qianxiang.Date{Year: y, Month: m}.String() }

// reportGate gathers what the workflow rules need about now and the actor.
// It is asked inside the write's transaction and reads the deadline day
// through it: asking the pool for a second connection while holding one
// left, with as many saves in flight as the pool has connections
// (PostgreSQL: 20 a server), every save waiting for a connection that
// none would give back until the clients gave up (cmd/qxload, two servers).
func (a *App) reportGate(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, p *qianxiang.Project, r *qianxiang.Report) qianxiang.ReportGate {
	s := qianxiang.DefaultDispatchSettings()
	if v, ok, err := tx.Setting(ctx, dispatchSettingsKey); err == nil && ok {
		json.Unmarshal([]byte(v), &s)
	}
	return qianxiang.NewReportGate(a.Now(), r.Year, r.Month, s.DeadlineDay, a.Loc,
		actor.Can(qianxiang.ActLateReport, p.ScopeOf()))
}

// editable says whether actor may change the report's figures now.
func (a *App) editable(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, p *qianxiang.Project, r *qianxiang.Report) error {
	return r.Editable(a.reportGate(ctx, tx, actor, p, r))
}

// SaveReport saves a month's report as a draft.
func (a *App) SaveReport(ctx context.Context, actor qianxiang.Actor, projectID int64, year, month int, in ReportInput) (qianxiang.Report, error) {
	return a.reportTx(ctx, actor, qianxiang.ActFillReport, projectID, year, month, "save",
		func(tx *store.Tx, p *qianxiang.Project, r *qianxiang.Report) error {
			if err := checkVersion(r, in.Version); err != nil {
				return err
			}
			if err := a.editable(ctx, tx, actor, p, r); err != nil {
				return err
			}
			return a.applyInput(ctx, tx, p, r, in)
		})
}

// applyInput reads what the figures' bound needs (the year's other counted
// months) and lets the domain check and apply the input.
func (a *App) applyInput(ctx context.Context, tx *store.Tx, p *qianxiang.Project, r *qianxiang.Report, in ReportInput) error {
	var others qianxiang.Money
	if in.Completed != nil {
		var err error
		if others, err = othersYTD(ctx, tx, r); err != nil {
			return err
		}
	}
	return r.Apply(in, others, p.TotalInvestment)
}

// SubmitReport submits a month's report (saving any figures given with it).
func (a *App) SubmitReport(ctx context.Context, actor qianxiang.Actor, projectID int64, year, month int, in *ReportInput) (qianxiang.Report, error) {
	return a.reportTx(ctx, actor, qianxiang.ActFillReport, projectID, year, month, "submit",
		func(tx *store.Tx, p *qianxiang.Project, r *qianxiang.Report) error {
			if in != nil {
				if err := checkVersion(r, in.Version); err != nil {
					return err
				}
			}
			g := a.reportGate(ctx, tx, actor, p, r)
			if err := r.Editable(g); err != nil {
				return err
			}
			if in != nil {
				if err := a.applyInput(ctx, tx, p, r, *in); err != nil {
					return err
				}
			}
			if err := r.Submit(g); err != nil {
				return err
			}
			return a.recordStart(ctx, tx, actor, p, r.StartedOn)
		})
}

// recordStart sets the project's actual start from a counted report, and
// moves a project still in 前期 to 在建 (qianxiang.StageAfterStart), in
// the same audited change.
func (a *App) recordStart(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, p *qianxiang.Project, d qianxiang.Date) error {
	if d.IsZero() || p.StartedOn == d {
		return nil
	}
	before, err := tx.Snapshot(ctx, "projects", p.ID)
	if err != nil {
		return err
	}
	stage := qianxiang.StageAfterStart(p.Stage)
	if err := tx.SetProjectStarted(ctx, p.ID, d, stage); err != nil {
		return err
	}
	p.StartedOn, p.Stage = d, stage
	return tx.Audit(ctx, actor.Username, "start", "projects", p.ID, p.Name, before)
}

// ApproveReport approves a submitted report (county or department) at the
// version the reviewer saw (0: whatever is current), so a report returned
// or resubmitted meanwhile is not approved unseen.
func (a *App) ApproveReport(ctx context.Context, actor qianxiang.Actor, projectID int64, year, month, version int) (qianxiang.Report, error) {
	return a.reportTx(ctx, actor, qianxiang.ActReviewReport, projectID, year, month, "approve",
		func(tx *store.Tx, p *qianxiang.Project, r *qianxiang.Report) error {
			if err := checkVersion(r, version); err != nil {
				return err
			}
			return r.Approve(a.Now())
		})
}

// ReturnReport sends a report back to its unit with a reason, at the
// version the reviewer saw (0: whatever is current).
func (a *App) ReturnReport(ctx context.Context, actor qianxiang.Actor, projectID int64, year, month, version int, reason string) (qianxiang.Report, error) {
	// Refused before anything is loaded: the reason is the reviewer's input.
	reason, err := qianxiang.ReturnReason(reason)
	if err != nil {
		return qianxiang.Report{}, err
	}
	return a.reportTx(ctx, actor, qianxiang.ActReviewReport, projectID, year, month, "return",
		func(tx *store.Tx, p *qianxiang.Project, r *qianxiang.Report) error {
			if err := checkVersion(r, version); err != nil {
				return err
			}
			return r.Return(a.Now(), reason)
		})
}

// ReopenReport lets the unit edit a month's report after the deadline.
func (a *App) ReopenReport(ctx context.Context, actor qianxiang.Actor, projectID int64, year, month int) (qianxiang.Report, error) {
	return a.reportTx(ctx, actor, qianxiang.ActReviewReport, projectID, year, month, "reopen",
		func(tx *store.Tx, p *qianxiang.Project, r *qianxiang.Report) error {
			r.Reopen()
			return nil
		})
}

// ProjectReports lists a project's months.
func (a *App) ProjectReports(ctx context.Context, actor qianxiang.Actor, projectID int64, year int) ([]qianxiang.Report, error) {
	p, err := a.Project(ctx, actor, projectID)
	if err != nil {
		return nil, err
	}
	if year == 0 {
		year = p.Year
	}
	rs, err := a.DB.ProjectReports(ctx, projectID, year)
	return rs, a.internal(ctx, "list reports", err)
}
