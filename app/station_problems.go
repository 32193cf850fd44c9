package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// StationProblemInput registers a visitor's problem at a station.
type StationProblemInput struct {
	Visitor      string `json:"visitor"`
	Text         string `json:"text"`
	Deputy       string `json:"deputy"` // the receiving deputy's card; a deputy registers as themself
	RegisteredOn string `json:"registered_on"`
	Project      int64  `json:"project"`
}

// RegisterStationProblem records a problem received at a station: the
// office, or one of the station's deputies.
func (a *App) RegisterStationProblem(ctx context.Context, actor qianxiang.Actor, stationID int64, in StationProblemInput) (qianxiang.StationProblem, error) {
	s, err := a.station(ctx, stationID)
	if err != nil {
		return qianxiang.StationProblem{}, a.internal(ctx, "station problem", err)
	}
	me := stationDeputy(actor, s)
	if !isOffice(actor) && me == nil {
		return qianxiang.StationProblem{}, qianxiang.ErrForbidden()
	}
	p := qianxiang.StationProblem{StationID: s.ID, StationName: s.Name, Visitor: in.Visitor, Text: in.Text, Status: qianxiang.StRegistered, Deputy: me}
	if p.RegisteredOn, err = qianxiang.ParseDate(in.RegisteredOn); err != nil {
		return p, qianxiang.FieldError("registered_on", "%q is not a date (YYYY-MM-DD)", in.RegisteredOn)
	}
	if p.RegisteredOn.IsZero() {
		p.RegisteredOn = a.Today()
	}
	if c := strings.TrimSpace(in.Deputy); c != "" && me == nil {
		for i, g := range s.Deputies {
			if g.Card == c {
				p.Deputy = &s.Deputies[i]
			}
		}
		if p.Deputy == nil {
			return p, qianxiang.FieldError("deputy", "no deputy with card %q at this station", c)
		}
	}
	if in.Project != 0 {
		pr, err := a.DB.Project(ctx, in.Project)
		if err != nil {
			return p, qianxiang.FieldError("project", "project %d not found", in.Project)
		}
		p.Project = &qianxiang.ProjectRef{ID: pr.ID, Code: pr.Code, Name: pr.Name, Org: pr.Org}
	}
	if err := p.Validate(a.Today()); err != nil {
		return p, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		// Brought to a reception day: the problem belongs to it.
		if p.ReceptionID, err = tx.ReceptionOn(ctx, s.ID, p.RegisteredOn); err != nil {
			return err
		}
		if err := tx.SaveStationProblem(ctx, &p); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "station_problems", p.ID, p.Text, "")
	})
	return p, a.internal(ctx, "station problem", err)
}

// stationProblemFilter: the office and city-wide roles see every problem;
// a deputy those of their stations; a unit those forwarded to it.
func stationProblemFilter(actor qianxiang.Actor) (store.StationProblemFilter, bool) {
	switch {
	case isOffice(actor) || actor.Role.CityWide():
		return store.StationProblemFilter{}, true
	case actor.Role == qianxiang.RoleDeputy:
		return store.StationProblemFilter{DeputyUID: actor.UserID}, actor.UserID != 0
	case actor.OrgPath != "":
		return store.StationProblemFilter{OrgPath: actor.OrgPath}, true
	}
	return store.StationProblemFilter{}, false
}

// StationProblems lists what the actor may see, of one station (0: all)
// or one project.
func (a *App) StationProblems(ctx context.Context, actor qianxiang.Actor, stationID, projectID int64, year int) ([]qianxiang.StationProblem, error) {
	f, ok := stationProblemFilter(actor)
	if !ok {
		return []qianxiang.StationProblem{}, nil
	}
	f.StationID, f.ProjectID, f.Year = stationID, projectID, year
	ps, err := a.DB.StationProblems(ctx, f)
	return ps, a.internal(ctx, "station problems", err)
}

// StationCounts counts the problems received and solved by station, by
// deputy and by unit, over what the actor may see.
func (a *App) StationCounts(ctx context.Context, actor qianxiang.Actor, year int) (map[string][]qianxiang.SolvedCount, error) {
	ps, err := a.StationProblems(ctx, actor, 0, 0, year)
	if err != nil {
		return nil, err
	}
	s, d, u := qianxiang.CountSolved(ps)
	return map[string][]qianxiang.SolvedCount{"stations": s, "deputies": d, "units": u}, nil
}

// StationStepInput is one step: forward names the unit (org), answer and
// return visit carry text, a return visit says whether it is solved.
type StationStepInput struct {
	Org    string `json:"org"`
	Text   string `json:"text"`
	Solved bool   `json:"solved"`
}

// StepStationProblem moves a station problem on. The office forwards,
// chases, and archives; the unit it was forwarded to answers; the office
// or the station's deputies make the return visit.
func (a *App) StepStationProblem(ctx context.Context, actor qianxiang.Actor, id int64, step qianxiang.StationStep, in StationStepInput) (qianxiang.StationProblem, error) {
	var out qianxiang.StationProblem
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.StationProblem(ctx, id)
		if err != nil {
			return err
		}
		s, err := a.station(ctx, p.StationID)
		if err != nil {
			return err
		}
		office, unit, dep := isOffice(actor), p.Org != nil && actor.Role.AtLeast(qianxiang.RoleOrgAdmin) && !actor.Role.CityWide() &&
			actor.InScope(qianxiang.Scope{Paths: []string{p.OrgPath}}), stationDeputy(actor, s) != nil
		if !office && !unit && !dep && !actor.Role.CityWide() {
			return qianxiang.ErrNotFound("station problem")
		}
		allowed := map[qianxiang.StationStep]bool{qianxiang.SSForward: office, qianxiang.SSChase: office, qianxiang.SSArchive: office,
			qianxiang.SSAnswer: unit, qianxiang.SSVisit: office || dep}
		if !allowed[step] {
			return qianxiang.ErrForbidden()
		}
		before, err := tx.Snapshot(ctx, "station_problems", id)
		if err != nil {
			return err
		}
		if step == qianxiang.SSForward {
			o, err := orgByCode(ctx, tx, "org", in.Org)
			if err != nil {
				return err
			}
			r := o.Ref()
			p.Org, p.OrgPath = &r, o.Path
		}
		if err := p.Step(step, in.Text, in.Solved, a.Today()); err != nil {
			return err
		}
		if err := tx.SaveStationProblem(ctx, &p); err != nil {
			return err
		}
		label := strings.TrimSpace(in.Text)
		if label == "" {
			label = p.Text
		}
		if step == qianxiang.SSForward || step == qianxiang.SSChase {
			if err := a.NotifyOrgs(ctx, tx, []int64{p.Org.ID}, qianxiang.NoteAssigned, "stations", p.StationID, p.Text,
				"station-problem:"+itoa(p.ID)+":"+string(step)+":"+itoa(int64(p.Chases))); err != nil {
				return err
			}
			label = p.Org.Name + " · " + p.Text
		}
		out = p
		return tx.Audit(ctx, actor.Username, strings.ReplaceAll(string(step), "-", "_"), "station_problems", id, label, before)
	})
	return out, a.internal(ctx, "station problem", err)
}

// CampaignInput makes a station problem about a project a campaign problem.
type CampaignInput struct {
	Project  int64  `json:"project"`
	Category string `json:"category"`
	Due      string `json:"due"`
}

// StationProblemToCampaign raises the station problem as a problem of the
// campaign (module 4) on its project, owned by the unit it was forwarded
// to, in one transaction; each record names the other, so both histories
// stay and lead to each other.
func (a *App) StationProblemToCampaign(ctx context.Context, actor qianxiang.Actor, id int64, in CampaignInput) (qianxiang.StationProblem, error) {
	if !isOffice(actor) {
		return qianxiang.StationProblem{}, qianxiang.ErrForbidden()
	}
	var out qianxiang.StationProblem
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		sp, err := tx.StationProblem(ctx, id)
		if err != nil {
			return err
		}
		switch {
		case sp.CampaignID != 0:
			return qianxiang.Errorf(qianxiang.EConflict, "this station problem is already campaign problem %d", sp.CampaignID)
		case sp.Org == nil:
			return qianxiang.Errorf(qianxiang.EValidation, "forward the problem to its responsible unit first")
		case sp.Status != qianxiang.StForwarded && sp.Status != qianxiang.StAnswered:
			return qianxiang.Errorf(qianxiang.EValidation, "a station problem that is %s is not raised on the project any more", sp.Status.Label())
		}
		pid := in.Project
		if pid == 0 && sp.Project != nil {
			pid = sp.Project.ID
		}
		if pid == 0 {
			return qianxiang.FieldError("project", "is required: the project the problem is about")
		}
		proj, err := tx.Project(ctx, pid)
		if err != nil {
			return qianxiang.FieldError("project", "project %d not found", pid)
		}
		cat, ok := qianxiang.ParseCategory(in.Category)
		if !ok {
			cat = qianxiang.CatOther
		}
		due, err := qianxiang.ParseDate(in.Due)
		if err != nil || due.IsZero() {
			due = a.Today().AddDays(30)
		}
		owner, err := tx.OrgByCode(ctx, sp.Org.Code)
		if err != nil {
			return err
		}
		p := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: proj.ID, Code: proj.Code, Name: proj.Name, Org: proj.Org}, Category: cat,
			Description: sp.Text, OwnerOrg: owner.Ref(), OwnerPath: owner.Path, CoOrgs: []qianxiang.OrgRef{}, Due: due,
			RaisedBy: actor.Username, Source: "liaison station", ProjectScope: proj.ScopeOf()}
		if err := p.Validate(a.Today(), true); err != nil {
			return err
		}
		if err := a.insertProblem(ctx, tx, actor, &p); err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "station_problems", id)
		if err != nil {
			return err
		}
		sp.CampaignID, sp.Project = p.ID, &qianxiang.ProjectRef{ID: proj.ID, Code: proj.Code, Name: proj.Name, Org: proj.Org}
		if err := tx.SaveStationProblem(ctx, &sp); err != nil {
			return err
		}
		out = sp
		return tx.Audit(ctx, actor.Username, "to_campaign", "station_problems", id, "→ problems/"+itoa(p.ID), before)
	})
	return out, a.internal(ctx, "to campaign", err)
}

// ProjectVoices are the deputies' suggestions and the public's station
// problems about a project, as the actor may see them, for its page.
type ProjectVoices struct {
	Suggestions []qianxiang.Suggestion
	Problems    []qianxiang.StationProblem
}

// ProjectVoices reads what deputies and the public said about a project
// the actor may see.
func (a *App) ProjectVoices(ctx context.Context, actor qianxiang.Actor, projectID int64) (ProjectVoices, error) {
	var v ProjectVoices
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return v, err
	}
	var err error
	if v.Suggestions, err = a.Suggestions(ctx, actor, SuggestionQuery{Project: projectID}); err != nil {
		return v, err
	}
	v.Problems, err = a.StationProblems(ctx, actor, 0, projectID, 0)
	return v, err
}

// StationProblemQuery narrows the list to what one count counts: a
// station, a receiving deputy (card), a unit (code), a reception day, the
// solved ones, a year. Every count on the pages links to such a list.
type StationProblemQuery struct {
	Station   int64
	Deputy    string
	Org       string
	Reception int64
	Solved    bool
	Year      int
}

// ListStationProblems lists what the actor may see, narrowed by q.
func (a *App) ListStationProblems(ctx context.Context, actor qianxiang.Actor, q StationProblemQuery) ([]qianxiang.StationProblem, error) {
	f, ok := stationProblemFilter(actor)
	if !ok {
		return []qianxiang.StationProblem{}, nil
	}
	if q.Year != 0 && (q.Year < 2000 || q.Year > 2100) {
		return nil, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	f.StationID, f.DeputyCard, f.ReceptionID, f.SolvedOnly, f.Year = q.Station, strings.TrimSpace(q.Deputy), q.Reception, q.Solved, q.Year
	if c := strings.TrimSpace(q.Org); c != "" {
		o, err := orgByCode(ctx, a.DB, "org", c)
		if err != nil {
			return nil, err
		}
		f.OrgID = o.ID
	}
	ps, err := a.DB.StationProblems(ctx, f)
	return ps, a.internal(ctx, "station problems", err)
}

// StationProblemDetail is one station problem with its history.
type StationProblemDetail struct {
	qianxiang.StationProblem
	History []qianxiang.AuditEntry `json:"history"`
}

// StationProblem reads one station problem the actor may see: the office
// and city-wide roles, the station's deputies, the unit it was forwarded to.
func (a *App) StationProblem(ctx context.Context, actor qianxiang.Actor, id int64) (*StationProblemDetail, error) {
	p, err := a.DB.StationProblem(ctx, id)
	if err != nil {
		return nil, a.internal(ctx, "station problem", err)
	}
	s, err := a.station(ctx, p.StationID)
	if err != nil {
		return nil, a.internal(ctx, "station problem", err)
	}
	unit := p.Org != nil && actor.OrgPath != "" && !actor.Role.CityWide() && actor.InScope(qianxiang.Scope{Paths: []string{p.OrgPath}})
	if !isOffice(actor) && !actor.Role.CityWide() && stationDeputy(actor, s) == nil && !unit {
		return nil, qianxiang.ErrNotFound("station problem")
	}
	d := &StationProblemDetail{StationProblem: p}
	if d.History, err = a.DB.History(ctx, "station_problems", id); err != nil {
		return nil, a.internal(ctx, "station problem", err)
	}
	return d, nil
}

// StationOrigin is the station problem a campaign problem the actor may
// see was raised from (0 when none), so each history leads to the other.
func (a *App) StationOrigin(ctx context.Context, actor qianxiang.Actor, problemID int64) (int64, error) {
	if _, err := a.Problem(ctx, actor, problemID); err != nil {
		return 0, err
	}
	id, err := a.DB.StationProblemOfCampaign(ctx, problemID)
	return id, a.internal(ctx, "station origin", err)
}
