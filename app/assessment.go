package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// Scores are computed from the stored reports, problems and projects each
// time they are asked for, not snapshotted: those records are audited
// already, and a report approved late or a problem resolved later must move
// the ranking of every month it touches, as the dispatch does.

// mayReadAssessment: the campaign's people read the ranking (city roles,
// counties, departments and their units); the congress's people do not
// work in the campaign.
func mayReadAssessment(actor qianxiang.Actor) error {
	if actor.UserID == 0 && !actor.System {
		return qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	if actor.Role == qianxiang.RoleDeputy || actor.Role == qianxiang.RoleCongressStaff {
		return qianxiang.ErrForbidden()
	}
	return nil
}

// AssessSettings gives a year's weights (the defaults until the office
// sets them).
func (a *App) AssessSettings(ctx context.Context, actor qianxiang.Actor, year int) (qianxiang.AssessSettings, error) {
	if err := mayReadAssessment(actor); err != nil {
		return qianxiang.AssessSettings{}, err
	}
	if err := CheckMonth(year, 1); err != nil {
		return qianxiang.AssessSettings{}, err
	}
	s, _, err := a.DB.AssessSettings(ctx, year)
	return s, a.internal(ctx, "assessment weights", err)
}

// SetAssessSettings saves a year's weights (campaign office), audited in
// the same transaction.
func (a *App) SetAssessSettings(ctx context.Context, actor qianxiang.Actor, year int, s qianxiang.AssessSettings) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if err := CheckMonth(year, 1); err != nil {
		return err
	}
	s.Year = year
	if err := s.Validate(); err != nil {
		return err
	}
	return a.internal(ctx, "save assessment weights", a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, action, before, err := tx.PutAssessSettings(ctx, s)
		if err != nil || action == "" {
			return err
		}
		return tx.Audit(ctx, actor.Username, action, "assessment_weights", id, "assessment weights "+itoa(int64(year)), before)
	}))
}

// Assessment scores and ranks every county and department for month N of
// year. Every reader sees the city-wide ranking (the city publishes it to
// all); Self names the reader's own organisation when it is ranked.
func (a *App) Assessment(ctx context.Context, actor qianxiang.Actor, year, month int) (*qianxiang.Assessment, error) {
	if err := mayReadAssessment(actor); err != nil {
		return nil, err
	}
	if err := CheckMonth(year, month); err != nil {
		return nil, err
	}
	in, err := a.assessInputs(ctx, year, month)
	if err != nil {
		return nil, a.internal(ctx, "assessment", err)
	}
	as, err := a.assess(ctx, in, month)
	if err != nil {
		return nil, a.internal(ctx, "assessment", err)
	}
	for _, o := range in.orgs {
		if o.ID == actor.OrgID && o.ID != 0 {
			if _, _, ok := as.Row(o.Code); ok {
				as.Self = o.Code
			}
		}
	}
	return as, nil
}

// AssessmentHistory gives the assessments of months 1..month, for the
// chart of the year.
func (a *App) AssessmentHistory(ctx context.Context, actor qianxiang.Actor, year, month int) ([]*qianxiang.Assessment, error) {
	if err := mayReadAssessment(actor); err != nil {
		return nil, err
	}
	if err := CheckMonth(year, month); err != nil {
		return nil, err
	}
	in, err := a.assessInputs(ctx, year, month)
	if err != nil {
		return nil, a.internal(ctx, "assessment", err)
	}
	out := make([]*qianxiang.Assessment, 0, month)
	for m := 1; m <= month; m++ {
		as, err := a.assess(ctx, in, m)
		if err != nil {
			return nil, a.internal(ctx, "assessment", err)
		}
		out = append(out, as)
	}
	return out, nil
}

// assessInput is what every month of a year's assessment reads once:
// the weights, the dispatch settings, the projects, the targets, the
// organisations, the projects' statistics flags and on-time reports, and
// the problems due up to the last month asked for.
type assessInput struct {
	year     int
	settings qianxiang.AssessSettings
	ds       qianxiang.DispatchSettings
	ps       []qianxiang.DispatchProject
	targets  qianxiang.Targets
	campaign *qianxiang.TargetFigures
	orgs     []qianxiang.Org
	extra    map[int64]*store.AssessProject
	probs    []store.AssessProblem
}

func (a *App) assessInputs(ctx context.Context, year, month int) (*assessInput, error) {
	in := &assessInput{year: year, ds: a.DispatchSettings(ctx)}
	var err error
	if in.settings, _, err = a.DB.AssessSettings(ctx, year); err != nil {
		return nil, err
	}
	if in.ps, _, err = a.DB.DispatchInput(ctx, year, 0, ""); err != nil {
		return nil, err
	}
	t, ok, err := a.DB.Targets(ctx, year)
	if err != nil {
		return nil, err
	}
	in.targets = t
	if ok {
		in.campaign = &qianxiang.TargetFigures{Projects: t.Campaign.Projects, AnnualPlan: t.Campaign.AnnualPlan}
	}
	if in.orgs, err = a.DB.Orgs(ctx); err != nil {
		return nil, err
	}
	if in.extra, err = a.DB.AssessProjects(ctx, year); err != nil {
		return nil, err
	}
	in.probs, err = a.DB.AssessProblems(ctx, qianxiang.Date{Year: year, Month: 1, Day: 1}, qianxiang.MonthEnd(year, month))
	return in, err
}

// assess gathers each organisation's facts for month N and ranks them.
// Completion, start rate, target rate and the reports due come from the
// city-wide dispatch, computed by the same functions as the dispatch page
// (ComputeDispatch over the counted reports, then the targets).
func (a *App) assess(ctx context.Context, in *assessInput, month int) (*qianxiang.Assessment, error) {
	year := in.year
	fs, err := a.DB.Summaries(ctx, year, month)
	if err != nil {
		return nil, err
	}
	d := qianxiang.ComputeDispatch(year, month, in.ds, in.ps, fs)
	qianxiang.ApplyTargets(d, in.targets, in.campaign)
	// The entry rate is the dispatch's (statentry_rate.go): one rule for
	// the statistics page, the dispatch and the assessment.
	if err := a.applyEntryRates(ctx, d, ""); err != nil {
		return nil, err
	}
	end := qianxiang.MonthEnd(year, month)
	path := make(map[int64]string, len(in.orgs))
	for _, o := range in.orgs {
		path[o.ID] = o.Path
	}
	// Per organisation id: on-time reports, from its projects.
	type counts struct{ onTime int }
	county, lead := map[int64]*counts{}, map[int64]*counts{}
	bump := func(m map[int64]*counts, org int64, p qianxiang.DispatchProject) {
		c := m[org]
		if c == nil {
			c = &counts{}
			m[org] = c
		}
		e := in.extra[p.ID]
		if e == nil {
			return
		}
		if in.ds.Due(p.Kind) {
			c.onTime += e.OnTimeThrough(month)
		}
	}
	for _, p := range in.ps {
		bump(county, p.Org.ID, p)
		if p.LeadOrg.ID != 0 {
			bump(lead, p.LeadOrg.ID, p)
		}
	}
	facts := func(rows []qianxiang.OrgDispatch, m map[int64]*counts) []qianxiang.AssessFacts {
		out := make([]qianxiang.AssessFacts, 0, len(rows))
		for _, r := range rows {
			f := qianxiang.AssessFacts{Org: r.Org, AnnualPlan: r.AnnualPlan, CompletedYTD: r.CompletedYTD,
				NewProjects: r.NewProjects, StartedNew: r.StartedNewProjects, ReportsDue: r.ReportsDue * month}
			if r.Target != nil {
				f.TargetPlan = r.Target.AnnualPlan
			}
			f.StatsExpected, f.StatsEntered = r.EntryExpected, r.EntryEntered
			if c := m[r.Org.ID]; c != nil {
				f.ReportsOnTime = min(c.onTime, f.ReportsDue)
			}
			if op := path[r.Org.ID]; op != "" {
				for _, pb := range in.probs {
					if pb.Due.Before(end) || pb.Due == end {
						if !strings.HasPrefix(pb.OwnerPath, op) {
							continue
						}
						f.ProblemsDue++
						if !pb.ResolvedAt.IsZero() && !pb.Due.Before(qianxiang.DateOf(pb.ResolvedAt.In(a.Loc))) {
							f.ProblemsOnTime++
						}
					}
				}
			}
			out = append(out, f)
		}
		return out
	}
	s := in.settings
	return &qianxiang.Assessment{Year: year, Month: month, TimeProgress: d.TimeProgress, Settings: s,
		Counties:    qianxiang.RankAssessment(month, s.Weights, s.BoardSize, facts(d.ByOrg, county)),
		Departments: qianxiang.RankAssessment(month, s.Weights, s.BoardSize, facts(d.Departments(), lead)),
	}, nil
}
