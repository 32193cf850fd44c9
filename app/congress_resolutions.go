package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

const voteKindResolution = "resolution"

// reportBackMonths is when the bodies first report back on a resolution
// passed at the session: at mid-year, to the standing committee (the
// issue is silent; staff add or change dates).
const reportBackMonths = 6

// ResolutionView is a resolution with its report-backs and, for the plan
// resolution, the campaign's delivery against its targets.
type ResolutionView struct {
	qianxiang.Resolution
	Progress qianxiang.ReportBack `json:"progress"`
	Delivery *Delivery            `json:"delivery,omitempty"`
}

// Delivery is the campaign's progress in the plan's year against the
// targets the city set (targets.go): what deputies voted for and what is
// being delivered.
type Delivery struct {
	Year           int                      `json:"year"`
	Month          int                      `json:"month"`
	Target         *qianxiang.TargetFigures `json:"target"`
	Projects       int                      `json:"projects"`
	AnnualPlan     qianxiang.Money          `json:"annual_plan"`
	CompletedYTD   qianxiang.Money          `json:"completed_ytd"`
	CompletionRate qianxiang.Fraction       `json:"completion_rate"`
	TargetRate     *qianxiang.Fraction      `json:"target_rate"`
	ByOrg          []DeliveryOrg            `json:"by_org"`
}

// DeliveryOrg is one county's or department's delivery against its target.
type DeliveryOrg struct {
	Org          string                   `json:"org"`
	Target       *qianxiang.TargetFigures `json:"target"`
	CompletedYTD qianxiang.Money          `json:"completed_ytd"`
	TargetRate   *qianxiang.Fraction      `json:"target_rate"`
}

// resolutionPassed turns a passed resolution vote into a follow-up item,
// with the bodies its title names reporting back half a year on. It
// passes on the meeting's day.
func (a *App) resolutionPassed(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, v qianxiang.Vote, m qianxiang.Meeting) error {
	r := qianxiang.Resolution{CongressID: m.CongressID, VoteID: v.ID, Title: v.Title, Kind: qianxiang.KindOfResolution(v.Title),
		PassedOn: m.Date}
	if r.Kind == qianxiang.ResolutionPlan {
		r.Year = m.Date.Year
	}
	if err := tx.InsertResolution(ctx, &r); err != nil {
		return err
	}
	if err := tx.Audit(ctx, actor.Username, "create", "congress_resolutions", r.ID, r.Title, ""); err != nil {
		return err
	}
	due := qianxiang.DateOf(m.Date.Time().AddDate(0, reportBackMonths, 0))
	for _, e := range qianxiang.DefaultExecutors(v.Title) {
		f := qianxiang.FollowUp{ResolutionID: r.ID, Body: e, Due: due, Status: qianxiang.FollowUpPending}
		if err := tx.InsertFollowUp(ctx, &f); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "congress_followups", f.ID, string(f.Body), ""); err != nil {
			return err
		}
	}
	return nil
}

// MakeResolution follows up a passed vote that was not set up as a
// resolution (staff).
func (a *App) MakeResolution(ctx context.Context, actor qianxiang.Actor, voteID int64) (ResolutionView, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "vote"); err != nil {
		return ResolutionView{}, err
	}
	var id int64
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		v, err := tx.VoteByID(ctx, voteID)
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			return qianxiang.FieldError("vote", "no vote %d", voteID)
		} else if err != nil {
			return err
		}
		if v.Status != qianxiang.VoteClosed || !v.Passed {
			return qianxiang.FieldError("vote", "only a passed vote becomes a resolution")
		}
		if _, ok, err := tx.ResolutionByVote(ctx, v.ID); err != nil {
			return err
		} else if ok {
			return qianxiang.Errorf(qianxiang.EConflict, "the vote is already a resolution")
		}
		m, err := tx.MeetingByID(ctx, v.MeetingID)
		if err != nil {
			return err
		}
		if m.Body != qianxiang.BodyPlenary {
			return qianxiang.FieldError("vote", "resolutions are passed by the plenary")
		}
		if err := tx.SetVoteKind(ctx, v.ID, voteKindResolution); err != nil {
			return err
		}
		if err := a.resolutionPassed(ctx, tx, actor, v, m); err != nil {
			return err
		}
		r, _, err := tx.ResolutionByVote(ctx, v.ID)
		id = r.ID
		return err
	})
	if err != nil {
		return ResolutionView{}, a.internal(ctx, "make resolution", err)
	}
	return a.ResolutionOne(ctx, actor, id)
}

// Resolutions lists a congress's resolutions with their report-backs.
func (a *App) Resolutions(ctx context.Context, actor qianxiang.Actor, code string) ([]ResolutionView, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return nil, err
	}
	rs, err := a.DB.Resolutions(ctx, k.ID)
	if err != nil {
		return nil, a.internal(ctx, "resolutions", err)
	}
	out := make([]ResolutionView, 0, len(rs))
	for _, r := range rs {
		v, err := a.resolutionView(ctx, r)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// ResolutionOne returns one resolution.
func (a *App) ResolutionOne(ctx context.Context, actor qianxiang.Actor, id int64) (ResolutionView, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "resolution"); err != nil {
		return ResolutionView{}, err
	}
	r, err := a.DB.ResolutionByID(ctx, id)
	if err != nil {
		return ResolutionView{}, err
	}
	return a.resolutionView(ctx, r)
}

func (a *App) resolutionView(ctx context.Context, r qianxiang.Resolution) (ResolutionView, error) {
	today := a.Today()
	for i := range r.FollowUps {
		r.FollowUps[i].Derive(today)
	}
	v := ResolutionView{Resolution: r, Progress: r.Progress()}
	if r.Kind == qianxiang.ResolutionPlan && r.Year != 0 {
		d, err := a.delivery(ctx, r.Year)
		if err != nil {
			return v, err
		}
		v.Delivery = d
	}
	return v, nil
}

// delivery is the city's dispatch of the plan's year at its latest
// month, reduced to the figures against targets. Deputies see the city's
// aggregates, as the congress that approved the plan supervises it; no
// project is shown.
func (a *App) delivery(ctx context.Context, year int) (*Delivery, error) {
	month := a.DefaultDispatchMonth(ctx, year)
	if month < 1 || month > 12 {
		month = 12
	}
	d, err := a.dispatchFor(ctx, year, month, "")
	if err != nil {
		return nil, err
	}
	out := &Delivery{Year: year, Month: month, Target: d.Total.Target, Projects: d.Total.Projects, AnnualPlan: d.Total.AnnualPlan,
		CompletedYTD: d.Total.CompletedYTD, CompletionRate: d.Total.CompletionRate, TargetRate: d.Total.TargetRate, ByOrg: []DeliveryOrg{}}
	for _, o := range d.ByOrg {
		if o.Target == nil {
			continue
		}
		out.ByOrg = append(out.ByOrg, DeliveryOrg{Org: o.Org.Name, Target: o.Target, CompletedYTD: o.CompletedYTD, TargetRate: o.TargetRate})
	}
	return out, nil
}

// NewFollowUp is a report-back to add.
type NewFollowUp struct {
	Body qianxiang.Executor `json:"body"`
	Due  string             `json:"due"`
}

// AddFollowUp adds a body's report-back date to a resolution (staff).
func (a *App) AddFollowUp(ctx context.Context, actor qianxiang.Actor, resolutionID int64, in NewFollowUp) (ResolutionView, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "resolution"); err != nil {
		return ResolutionView{}, err
	}
	due, err := qianxiang.ParseDate(in.Due)
	if err != nil {
		return ResolutionView{}, qianxiang.FieldError("due", "must be a date YYYY-MM-DD")
	}
	f := qianxiang.FollowUp{ResolutionID: resolutionID, Body: in.Body, Due: due, Status: qianxiang.FollowUpPending}
	if err := f.Validate(); err != nil {
		return ResolutionView{}, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		r, err := tx.ResolutionByID(ctx, resolutionID)
		if err != nil {
			return err
		}
		if due.Before(r.PassedOn) {
			return qianxiang.FieldError("due", "is before the resolution passed (%s)", r.PassedOn.String())
		}
		if ok, err := tx.HasFollowUp(ctx, r.ID, f.Body, due); err != nil {
			return err
		} else if ok {
			return qianxiang.Errorf(qianxiang.EConflict, "the body already reports back on %s", due.String())
		}
		if err := tx.InsertFollowUp(ctx, &f); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "congress_followups", f.ID, string(f.Body), "")
	})
	if err != nil {
		return ResolutionView{}, a.internal(ctx, "add report-back", err)
	}
	return a.ResolutionOne(ctx, actor, resolutionID)
}

// FollowUpStep is a report-back received or assessed.
type FollowUpStep struct {
	Text       string `json:"text"`
	ReportedOn string `json:"reported_on"`
	Accept     bool   `json:"accept"`
	Note       string `json:"note"`
}

// StepFollowUp records a body's report-back ("report") or the standing
// committee's view of it ("assess"), staff entering both.
func (a *App) StepFollowUp(ctx context.Context, actor qianxiang.Actor, id int64, step string, in FollowUpStep) (ResolutionView, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "resolution"); err != nil {
		return ResolutionView{}, err
	}
	var rid int64
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		f, err := tx.FollowUpByID(ctx, id)
		if err != nil {
			return err
		}
		rid = f.ResolutionID
		before, err := tx.Snapshot(ctx, "congress_followups", id)
		if err != nil {
			return err
		}
		switch step {
		case "report":
			on, err := qianxiang.ParseDate(strings.TrimSpace(in.ReportedOn))
			if err != nil {
				return qianxiang.FieldError("reported_on", "must be a date YYYY-MM-DD")
			}
			if on.IsZero() {
				on = a.Today()
			}
			if err := f.Reported(in.Text, on); err != nil {
				return err
			}
		case "assess":
			if err := f.Assess(in.Accept, in.Note); err != nil {
				return err
			}
		default:
			return qianxiang.ErrNotFound("step")
		}
		if err := tx.UpdateFollowUp(ctx, &f); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, step, "congress_followups", id, string(f.Body), before)
	})
	if err != nil {
		return ResolutionView{}, a.internal(ctx, step+" report-back", err)
	}
	return a.ResolutionOne(ctx, actor, rid)
}
