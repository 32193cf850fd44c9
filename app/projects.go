package app

import (
	"context"
	"encoding/json"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// resolveOrgs fills the project's county and lead organisation from their
// codes (lead defaults to the county).
func (a *App) resolveOrgs(ctx context.Context, c interface {
	OrgByCode(context.Context, string) (qianxiang.Org, error)
}, p *qianxiang.Project) error {
	if p.Org.Code == "" {
		return qianxiang.FieldError("org", "is required")
	}
	o, err := c.OrgByCode(ctx, p.Org.Code)
	if err != nil {
		return qianxiang.FieldError("org", "organisation %q not found", p.Org.Code)
	}
	p.Org, p.OrgPath = o.Ref(), o.Path
	if p.LeadOrg.Code == "" {
		p.LeadOrg, p.LeadOrgPath = o.Ref(), o.Path
		return nil
	}
	l, err := c.OrgByCode(ctx, p.LeadOrg.Code)
	if err != nil {
		return qianxiang.FieldError("lead_org", "organisation %q not found", p.LeadOrg.Code)
	}
	p.LeadOrg, p.LeadOrgPath = l.Ref(), l.Path
	return nil
}

// leadsOnlyItsCounty refuses, to an actor without the whole city, a project
// in one county led from inside another (that county or one of its units).
// Holding it as the lead, that county would see and change the other
// county's project, count in its dispatch, and could move it on: the way
// round Keeps that creating one opened. A lead is a city department or the
// county responsible; the campaign office may still record anything.
func leadsOnlyItsCounty(ctx context.Context, c interface {
	Orgs(context.Context) ([]qianxiang.Org, error)
}, actor qianxiang.Actor, p *qianxiang.Project) error {
	if actor.System || actor.Role.CityWide() {
		return nil
	}
	orgs, err := c.Orgs(ctx)
	if err != nil {
		return err
	}
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty && o.Contains(p.LeadOrgPath) && !o.Contains(p.OrgPath) {
			return qianxiang.Errorf(qianxiang.EForbidden, "a county leads only projects in it: %s cannot lead a project of %s", p.LeadOrg.Name, p.Org.Name)
		}
	}
	return nil
}

func normalizeProject(p *qianxiang.Project) {
	p.Name, p.Code, p.Owner = strings.TrimSpace(p.Name), strings.TrimSpace(p.Code), strings.TrimSpace(p.Owner)
	if p.Stage == "" {
		p.Stage = p.Kind.DefaultStage()
	}
	if p.Team == nil {
		p.Team = []qianxiang.TeamMember{}
	}
}

// CreateProject adds a project to a year's plan.
func (a *App) CreateProject(ctx context.Context, actor qianxiang.Actor, p qianxiang.Project) (qianxiang.Project, error) {
	if err := actor.Gate(qianxiang.ActEditProject); err != nil {
		return p, err
	}
	normalizeProject(&p)
	if err := a.resolveOrgs(ctx, a.DB, &p); err != nil {
		if qianxiang.ErrorCode(err) == qianxiang.EValidation {
			// Say everything else that is wrong too, not the org alone.
			return p, mergeInvalid(err, p.Validate(a.CityCode(ctx)))
		}
		return p, err
	}
	// A project created outside one's own scope is refused as forbidden,
	// not hidden: the caller named the organisation themselves.
	if !actor.Can(qianxiang.ActEditProject, p.ScopeOf()) {
		return p, qianxiang.ErrForbidden()
	}
	if err := leadsOnlyItsCounty(ctx, a.DB, actor, &p); err != nil {
		return p, a.internal(ctx, "create project", err)
	}
	if p.Confidential {
		if err := mayMarkConfidential(actor); err != nil {
			return p, err
		}
	}
	// Every bad field at once: the lists' refusals beside Validate's.
	choices := a.checkChoices(ctx, actor, p, nil)
	if choices != nil && qianxiang.ErrorCode(choices) == qianxiang.EInternal {
		return p, choices
	}
	if err := mergeInvalid(p.Validate(a.CityCode(ctx)), choices); err != nil {
		return p, err
	}
	if err := a.checkClasses(ctx, p.Classes); err != nil {
		return p, err
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertProject(ctx, &p); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "projects", p.ID, p.Name, ""); err != nil {
			return err
		}
		var err error
		p.Classes, err = saveProjectClasses(ctx, tx, actor, p)
		return err
	})
	return p, a.internal(ctx, "create project", err)
}

// Project reads one project the actor can see.
func (a *App) Project(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Project, error) {
	p, err := a.DB.Project(ctx, id)
	if err != nil {
		return p, a.internal(ctx, "read project", err)
	}
	if !actor.Can(qianxiang.ActRead, p.ScopeOf()) {
		return qianxiang.Project{}, qianxiang.ErrNotFound("project")
	}
	return p, nil
}

// AnyVersion stands for "whatever version is current" (HTTP's If-Match: *):
// the change applies to the record as it is when the transaction reads it.
const AnyVersion = -1

// PatchProject applies a JSON merge patch to a project at the version the
// caller read (or AnyVersion); a stale version is refused with a conflict.
func (a *App) PatchProject(ctx context.Context, actor qianxiang.Actor, id int64, version int, patch []byte) (qianxiang.Project, error) {
	var out qianxiang.Project
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Project(ctx, id)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if version != AnyVersion && p.Version != version {
			return qianxiang.Errorf(qianxiang.EConflict, "the project was changed by someone else since you opened it (version %d, now %d); reload and edit again", version, p.Version)
		}
		before, err := tx.Snapshot(ctx, "projects", id)
		if err != nil {
			return err
		}
		np := p
		np.Extra = nil
		if err := json.Unmarshal(patch, &np); err != nil {
			if e := qianxiang.AmountError(err); e != nil {
				return e
			}
			return qianxiang.Errorf(qianxiang.EInvalid, "malformed project JSON: %s", jsonProblem(err))
		}
		if np.Extra == nil {
			np.Extra = p.Extra
		}
		np.ID, np.Version = p.ID, p.Version
		if np.Org.Code != p.Org.Code {
			np.Org.ID = 0
		}
		normalizeProject(&np)
		if err := a.resolveOrgs(ctx, tx, &np); err != nil {
			return err
		}
		if !actor.Keeps(p.ScopeOf(), np.ScopeOf()) {
			return qianxiang.Errorf(qianxiang.EForbidden, "you cannot move a project outside your organisation")
		}
		if np.Confidential != p.Confidential {
			if err := mayMarkConfidential(actor); err != nil {
				return err
			}
		}
		if np.Org.ID != p.Org.ID || np.LeadOrg.ID != p.LeadOrg.ID {
			if err := leadsOnlyItsCounty(ctx, tx, actor, &np); err != nil {
				return err
			}
		}
		choices := a.checkChoices(ctx, actor, np, &p)
		if choices != nil && qianxiang.ErrorCode(choices) == qianxiang.EInternal {
			return choices
		}
		if err := mergeInvalid(np.Validate(a.CityCode(ctx)), choices); err != nil {
			return err
		}
		if err := tx.UpdateProject(ctx, &np); err != nil {
			return err
		}
		out = np
		if err := tx.Audit(ctx, actor.Username, "update", "projects", id, np.Name, before); err != nil {
			return err
		}
		out.Classes, err = saveProjectClasses(ctx, tx, actor, np)
		return err
	})
	return out, a.internal(ctx, "update project", err)
}

// DeleteProject removes a project at the version the caller read, with
// the rows that hang on it, each audited; its audit history stays. A
// project with a history (reports sent, problems raised, others' records
// naming it) is refused: see qianxiang.ProjectTies.
func (a *App) DeleteProject(ctx context.Context, actor qianxiang.Actor, id int64, version int) error {
	return a.internal(ctx, "delete project", a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Project(ctx, id)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if version == AnyVersion {
			version = p.Version
		}
		if p.Version != version {
			return qianxiang.Errorf(qianxiang.EConflict, "the project was changed by someone else since you opened it; reload first")
		}
		ties, err := tx.ProjectTies(ctx, id)
		if err != nil {
			return err
		}
		if err := ties.RefuseDelete(); err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "projects", id)
		if err != nil {
			return err
		}
		if err := a.deletePipelineOf(ctx, tx, actor, id); err != nil {
			return err
		}
		// Every row that goes with the project is recorded with what it
		// held, in this transaction: left to the foreign keys' cascade
		// they would vanish from the trail.
		gone, err := tx.DeleteProjectChildren(ctx, actor.Username, id)
		if err != nil {
			return err
		}
		for i := range gone {
			gone[i].Label = strings.TrimSpace(p.Name + " " + gone[i].Label)
		}
		tx.AuditItems(gone)
		if err := tx.DeleteProject(ctx, id, version); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "delete", "projects", id, p.Name, before)
	}))
}

// ScopePath is the path that limits an actor's listings ("" for city-wide).
func ScopePath(actor qianxiang.Actor) string {
	if actor.System || actor.Role.CityWide() {
		return ""
	}
	if actor.OrgPath == "" {
		return "/none/"
	}
	return actor.OrgPath
}

// ProjectQuery is a listing request.
type ProjectQuery struct {
	qianxiang.ProjectFilter
	Light string // green, yellow, red: filter by the light of month Month
	// Month whose dispatch gives the lights (0: the latest reported month,
	// as the dispatch page shows by default), so that a number clicked on
	// the dispatch lists the same projects.
	Month int
	// NoFigures leaves ProjectPage.Figures empty: the API's JSON does not
	// carry them, and the month's figure of each row is a lookup in the
	// reports per row that the API's caller would pay for nothing.
	NoFigures bool
}

// ProjectPage is a page of a listing with the totals of the whole set.
type ProjectPage struct {
	Items   []qianxiang.Project     `json:"items"`
	Total   int                     `json:"total"`
	Page    int                     `json:"page"`
	PerPage int                     `json:"per_page"`
	Totals  qianxiang.ProjectTotals `json:"totals"`
	Month   int                     `json:"light_month"`
	// Figures are each item's completed YTD and rate through Month and its
	// figure of Month, by project id: the same numbers the dispatch counts.
	Figures map[int64]ItemFigures `json:"-"`
}

// ItemFigures are one registry row's figures through the light month.
type ItemFigures struct {
	CompletedYTD   qianxiang.Money
	Rate           *qianxiang.Fraction // nil when the plan is 0
	MonthCompleted qianxiang.Money
	Reported       bool // has a counted report of the month
}

// Projects lists the projects the actor can see, with their lights.
func (a *App) Projects(ctx context.Context, actor qianxiang.Actor, q ProjectQuery) (*ProjectPage, error) {
	f := q.ProjectFilter
	if f.PerPage > 200 {
		return nil, qianxiang.FieldError("per_page", "must be at most 200")
	}
	if !store.ValidSort(f.Sort) {
		return nil, qianxiang.FieldError("sort", "%q is not a sort key", f.Sort)
	}
	f.ScopePath = ScopePath(actor)
	// The version is read before the data, as dispatchFor reads it.
	v, err := a.dataVersion(ctx)
	if err != nil {
		return nil, a.internal(ctx, "list projects", err)
	}
	month := q.Month
	if month == 0 {
		month = a.listMonth(ctx, v, f.Year)
	} else if err := CheckMonth(max(f.Year, 2000), month); err != nil {
		return nil, err
	}
	// The lights and figures of a year's list come from its dispatch
	// (cached per data version), so a list never disagrees with it.
	var fig store.ListFigures
	if fig.Orgs, err = a.orgsByID(ctx, v); err != nil {
		return nil, a.internal(ctx, "list projects", err)
	}
	if f.Year != 0 {
		d, err := a.dispatchFor(ctx, f.Year, month, f.ScopePath)
		if err != nil {
			return nil, err
		}
		fig.Lights = d.Projects
		if !q.NoFigures {
			fig.Month = map[int64]qianxiang.Money{}
		}
	}
	if q.Light != "" {
		l := qianxiang.Light(q.Light)
		if l != qianxiang.LightGreen && l != qianxiang.LightYellow && l != qianxiang.LightRed {
			return nil, qianxiang.FieldError("light", "must be green, yellow or red")
		}
		f.IDs = []int64{}
		for id, pl := range fig.Lights {
			if pl.Light == l {
				f.IDs = append(f.IDs, id)
			}
		}
	}
	if f.Year != 0 {
		f.FigureMonth = month
	}
	// The registry lists the year's plan, as the dispatch counts it; the
	// reserve pool shows when its stage is asked for (and on /pipeline).
	f.InPlan = f.Stage == ""
	if fig.Totals, err = a.registryTotals(ctx, v, f, q.Light, fig); err != nil {
		if qianxiang.ErrorCode(err) == qianxiang.EValidation {
			return nil, err
		}
		return nil, a.internal(ctx, "list projects", err)
	}
	items, totals, err := a.DB.ProjectsWithFigures(ctx, f, fig)
	if err != nil {
		if qianxiang.ErrorCode(err) == qianxiang.EValidation {
			return nil, err
		}
		return nil, a.internal(ctx, "list projects", err)
	}
	page := &ProjectPage{Items: items, Total: totals.Count, Page: max(f.Page, 1), PerPage: f.PerPage, Totals: totals, Month: month,
		Figures: make(map[int64]ItemFigures, len(items))}
	if f.Year == 0 {
		return page, nil
	}
	for i := range items {
		pl := fig.Lights[items[i].ID]
		items[i].Light = pl.Light
		if q.NoFigures {
			continue
		}
		it := ItemFigures{CompletedYTD: pl.CompletedYTD, MonthCompleted: fig.Month[items[i].ID], Reported: pl.Reported}
		if pl.HasRate {
			r := qianxiang.Fraction(pl.Rate)
			it.Rate = &r
		}
		page.Figures[items[i].ID] = it
	}
	return page, nil
}

func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if e, ok := err.(*json.UnmarshalTypeError); ok {
		te = e
		return "field " + te.Field + " has the wrong type"
	}
	if _, ok := err.(*json.SyntaxError); ok {
		return "not valid JSON"
	}
	return "a field has an invalid value"
}

// FilterValues gives the sectors and leaders of a year's projects the actor
// can see, for the registry's filter menus.
func (a *App) FilterValues(ctx context.Context, actor qianxiang.Actor, year int) (sectors, leaders []string, err error) {
	if sectors, err = a.DB.Distinct(ctx, year, "sector", ScopePath(actor)); err != nil {
		return nil, nil, a.internal(ctx, "filter values", err)
	}
	if leaders, err = a.DB.Distinct(ctx, year, "leader", ScopePath(actor)); err != nil {
		return nil, nil, a.internal(ctx, "filter values", err)
	}
	return sectors, leaders, nil
}

// mayMarkConfidential: only the campaign office (or an administrator)
// decides that a project is kept from the public (domain.md, "Public data").
func mayMarkConfidential(actor qianxiang.Actor) error {
	if actor.System || actor.Role == qianxiang.RoleCommand || actor.Role == qianxiang.RoleAdmin {
		return nil
	}
	return qianxiang.Errorf(qianxiang.EForbidden, "only the campaign office may mark a project confidential")
}

// ProjectFor reads a project for an act on it: not found outside the
// actor's scope, forbidden when the role may not do act, both before the
// caller reads anything the request sent (an If-Match header, a form, an
// upload), so a refused caller learns nothing from their validation.
func (a *App) ProjectFor(ctx context.Context, actor qianxiang.Actor, id int64, act qianxiang.Action) (qianxiang.Project, error) {
	p, err := a.Project(ctx, actor, id)
	if err != nil {
		return p, err
	}
	if err := actor.Check(act, p.ScopeOf(), "project"); err != nil {
		return qianxiang.Project{}, err
	}
	return p, nil
}

// May refuses an actor whose role cannot do act anywhere (see
// qianxiang.Actor.Gate); handlers that must parse an upload or a form
// before calling the service ask it first.
func (a *App) May(actor qianxiang.Actor, act qianxiang.Action) error { return actor.Gate(act) }
