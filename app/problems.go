package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// ProblemInput is a problem raised by hand (page or API).
type ProblemInput struct {
	Project     int64    `json:"project"`
	Category    string   `json:"category"`
	Description string   `json:"description"`
	OwnerOrg    string   `json:"owner_org"` // organisation code
	CoOrgs      []string `json:"co_orgs"`
	Due         string   `json:"due"` // YYYY-MM-DD
}

// orgByCode resolves an organisation code named in a field.
func orgByCode(ctx context.Context, c interface {
	OrgByCode(context.Context, string) (qianxiang.Org, error)
}, field, code string) (qianxiang.Org, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return qianxiang.Org{}, qianxiang.FieldError(field, "is required (an organisation code)")
	}
	o, err := c.OrgByCode(ctx, code)
	if err != nil {
		return o, qianxiang.FieldError(field, "organisation %q not found", code)
	}
	return o, nil
}

// coOrgs resolves co-organisation codes, dropping the owner and repeats.
func coOrgs(ctx context.Context, c interface {
	OrgByCode(context.Context, string) (qianxiang.Org, error)
}, codes []string, owner int64) ([]qianxiang.OrgRef, []string, error) {
	refs, paths := []qianxiang.OrgRef{}, []string{}
	seen := map[int64]bool{owner: true}
	for _, code := range codes {
		if strings.TrimSpace(code) == "" {
			continue
		}
		o, err := orgByCode(ctx, c, "co_orgs", code)
		if err != nil {
			return nil, nil, err
		}
		if !seen[o.ID] {
			seen[o.ID] = true
			refs, paths = append(refs, o.Ref()), append(paths, o.Path)
		}
	}
	return refs, paths, nil
}

// CreateProblem raises a problem on a project the actor may write problems
// on; the owner organisation is told.
func (a *App) CreateProblem(ctx context.Context, actor qianxiang.Actor, in ProblemInput) (qianxiang.Problem, error) {
	if err := actor.Gate(qianxiang.ActWriteProblem); err != nil {
		return qianxiang.Problem{}, err
	}
	if in.Project == 0 {
		return qianxiang.Problem{}, qianxiang.FieldError("project", "is required")
	}
	proj, err := a.Project(ctx, actor, in.Project)
	if err != nil {
		return qianxiang.Problem{}, err
	}
	if !actor.Can(qianxiang.ActWriteProblem, proj.ScopeOf()) {
		return qianxiang.Problem{}, qianxiang.ErrForbidden()
	}
	p := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: proj.ID, Code: proj.Code, Name: proj.Name, Org: proj.Org},
		Description: in.Description, RaisedBy: actor.Username, Source: "raised by hand", ProjectScope: proj.ScopeOf()}
	cat, ok := qianxiang.ParseCategory(in.Category)
	if !ok {
		return p, qianxiang.FieldError("category", "%q is not a category (land, funds, approval, demolition, utilities, environment, other)", in.Category)
	}
	p.Category = cat
	if p.Due, err = qianxiang.ParseDate(in.Due); err != nil {
		return p, qianxiang.FieldError("due", "%q is not a date (YYYY-MM-DD)", in.Due)
	}
	if err := p.Validate(a.Today(), true); err != nil {
		return p, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		owner, err := orgByCode(ctx, tx, "owner_org", in.OwnerOrg)
		if err != nil {
			return err
		}
		p.OwnerOrg, p.OwnerPath = owner.Ref(), owner.Path
		if p.CoOrgs, p.CoPaths, err = coOrgs(ctx, tx, in.CoOrgs, owner.ID); err != nil {
			return err
		}
		return a.insertProblem(ctx, tx, actor, &p)
	})
	if err != nil {
		return p, a.internal(ctx, "raise problem", err)
	}
	return a.Problem(ctx, actor, p.ID)
}

// insertProblem stores a new problem, audits it and tells its owner and
// co-organisations (in the caller's transaction).
func (a *App) insertProblem(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, p *qianxiang.Problem) error {
	if err := tx.InsertProblem(ctx, p); err != nil {
		return err
	}
	if err := tx.Audit(ctx, actor.Username, "create", "problems", p.ID, p.Description, ""); err != nil {
		return err
	}
	orgs := []int64{p.OwnerOrg.ID}
	for _, c := range p.CoOrgs {
		orgs = append(orgs, c.ID)
	}
	return a.NotifyOrgs(ctx, tx, orgs, qianxiang.NoteAssigned, "problems", p.ID, p.Description, problemKey("assigned", p))
}

func problemKey(kind string, p *qianxiang.Problem) string {
	return kind + ":" + itoa(p.ID) + ":" + itoa(p.OwnerOrg.ID) + ":" + p.Due.String()
}

// ProblemQuery is a list request of the problems page and API.
type ProblemQuery struct {
	Status    string
	Category  string
	Org       string // organisation code: owner or co-organisation
	LeaderMe  bool
	Escalated bool
	Overdue   bool
	ProjectID int64
}

// Problems lists what the actor may see: city-wide roles everything; an
// organisation the problems on its projects and those assigned to it.
func (a *App) Problems(ctx context.Context, actor qianxiang.Actor, q ProblemQuery) ([]qianxiang.Problem, error) {
	today := a.Today()
	f := qianxiang.ProblemFilter{Today: today, Scope: ScopePath(actor), Escalated: q.Escalated, Overdue: q.Overdue, ProjectID: q.ProjectID}
	if q.Status != "" {
		if f.Status = qianxiang.ProblemStatus(q.Status); !f.Status.Valid() {
			return nil, qianxiang.FieldError("status", "%q is not a status (open, in_progress, resolved, closed)", q.Status)
		}
	}
	if q.Category != "" {
		c, ok := qianxiang.ParseCategory(q.Category)
		if !ok {
			return nil, qianxiang.FieldError("category", "%q is not a category (land, funds, approval, demolition, utilities, environment, other)", q.Category)
		}
		f.Category = c
	}
	if q.Org != "" {
		o, err := orgByCode(ctx, a.DB, "org", q.Org)
		if err != nil {
			return nil, err
		}
		f.OrgPath = o.Path
	}
	if q.LeaderMe {
		if actor.UserID == 0 {
			return []qianxiang.Problem{}, nil
		}
		f.LeaderID = actor.UserID
	}
	ps, err := a.DB.Problems(ctx, f)
	if err != nil {
		return nil, a.internal(ctx, "problems", err)
	}
	for i := range ps {
		ps[i].Derive(today, a.Loc)
	}
	return ps, nil
}

// ProjectProblems lists the problems raised on a project the actor can see.
func (a *App) ProjectProblems(ctx context.Context, actor qianxiang.Actor, id int64) ([]qianxiang.Problem, error) {
	if _, err := a.Project(ctx, actor, id); err != nil {
		return nil, err
	}
	ps, err := a.DB.Problems(ctx, qianxiang.ProblemFilter{ProjectID: id})
	if err != nil {
		return nil, a.internal(ctx, "problems", err)
	}
	for i := range ps {
		ps[i].Derive(a.Today(), a.Loc)
	}
	return ps, nil
}

// loadProblem reads a problem the actor may see (not found otherwise).
func (a *App) loadProblem(ctx context.Context, c interface {
	Problem(context.Context, int64) (qianxiang.Problem, error)
}, actor qianxiang.Actor, id int64) (qianxiang.Problem, error) {
	p, err := c.Problem(ctx, id)
	if err != nil {
		return p, err
	}
	if !actor.InScope(p.Scope()) {
		return qianxiang.Problem{}, qianxiang.ErrNotFound("problem")
	}
	p.Derive(a.Today(), a.Loc)
	return p, nil
}

// Problem reads one problem the actor may see.
func (a *App) Problem(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Problem, error) {
	p, err := a.loadProblem(ctx, a.DB, actor, id)
	return p, a.internal(ctx, "problem", err)
}

// ProblemDetail is a problem with its instructions and history.
type ProblemDetail struct {
	qianxiang.Problem
	Instructions []qianxiang.Instruction `json:"instructions"`
	History      []qianxiang.AuditEntry  `json:"history"`
	// SeeProject: the actor may open the project itself, not only its
	// problem (an owner on another county's project may not).
	SeeProject bool `json:"-"`
}

// ProblemDetail reads a problem, its 批示 and its audit history.
func (a *App) ProblemDetail(ctx context.Context, actor qianxiang.Actor, id int64) (*ProblemDetail, error) {
	p, err := a.Problem(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	d := &ProblemDetail{Problem: p, SeeProject: actor.InScope(p.ProjectScope)}
	if d.Instructions, err = a.DB.Instructions(ctx, id); err != nil {
		return nil, a.internal(ctx, "problem", err)
	}
	if d.History, err = a.DB.History(ctx, "problems", id); err != nil {
		return nil, a.internal(ctx, "problem", err)
	}
	for _, in := range d.Instructions {
		h, err := a.DB.History(ctx, "problem_instructions", in.ID)
		if err != nil {
			return nil, a.internal(ctx, "problem", err)
		}
		d.History = append(d.History, h...)
	}
	sortAudit(d.History)
	return d, nil
}

// changeProblem loads a problem in a transaction, checks the actor may see
// it and take act, lets change apply the domain's rule, then saves and
// audits it.
func (a *App) changeProblem(ctx context.Context, actor qianxiang.Actor, id int64, act qianxiang.ProblemAction, label string,
	change func(tx *store.Tx, p *qianxiang.Problem) error) (qianxiang.Problem, error) {
	var out qianxiang.Problem
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := a.loadProblem(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if !p.MayAct(actor, act) {
			return qianxiang.ErrForbidden()
		}
		before, err := tx.Snapshot(ctx, "problems", id)
		if err != nil {
			return err
		}
		if err := change(tx, &p); err != nil {
			return err
		}
		if err := tx.UpdateProblem(ctx, &p); err != nil {
			return err
		}
		l := label
		if l == "" {
			l = p.Description
		}
		if err := tx.Audit(ctx, actor.Username, string(act), "problems", id, l, before); err != nil {
			return err
		}
		out = p
		return nil
	})
	if err != nil {
		return out, a.internal(ctx, "change problem", err)
	}
	return a.Problem(ctx, actor, id)
}

// StepProblem takes a workflow step: start, resolve (text = what was done),
// close, reopen (text = why).
func (a *App) StepProblem(ctx context.Context, actor qianxiang.Actor, id int64, act qianxiang.ProblemAction, text string) (qianxiang.Problem, error) {
	switch act {
	case qianxiang.PAStart, qianxiang.PAResolve, qianxiang.PAClose, qianxiang.PAReopen:
	default:
		return qianxiang.Problem{}, qianxiang.FieldError("action", "%q is not a step (start, resolve, close, reopen)", string(act))
	}
	return a.changeProblem(ctx, actor, id, act, strings.TrimSpace(text), func(tx *store.Tx, p *qianxiang.Problem) error {
		return p.Step(act, text, a.Now())
	})
}

// ExtendProblem moves the due date later with a reason (campaign office).
func (a *App) ExtendProblem(ctx context.Context, actor qianxiang.Actor, id int64, due, reason string) (qianxiang.Problem, error) {
	d, err := qianxiang.ParseDate(due)
	if err != nil {
		return qianxiang.Problem{}, qianxiang.FieldError("due", "%q is not a date (YYYY-MM-DD)", due)
	}
	return a.changeProblem(ctx, actor, id, qianxiang.PAExtend, strings.TrimSpace(reason), func(tx *store.Tx, p *qianxiang.Problem) error {
		if err := p.Extend(d, reason, a.Today()); err != nil {
			return err
		}
		return a.NotifyOrgs(ctx, tx, []int64{p.OwnerOrg.ID}, qianxiang.NoteAssigned, "problems", p.ID, p.Description, problemKey("extended", p))
	})
}

// ReassignProblem gives the problem to another owner (and co-organisations)
// with a reason (campaign office); the new owner is told.
func (a *App) ReassignProblem(ctx context.Context, actor qianxiang.Actor, id int64, owner string, cos []string, reason string) (qianxiang.Problem, error) {
	return a.changeProblem(ctx, actor, id, qianxiang.PAReassign, strings.TrimSpace(reason), func(tx *store.Tx, p *qianxiang.Problem) error {
		o, err := orgByCode(ctx, tx, "owner_org", owner)
		if err != nil {
			return err
		}
		if err := p.Reassign(o.Ref(), o.Path, reason); err != nil {
			return err
		}
		if cos != nil {
			if p.CoOrgs, p.CoPaths, err = coOrgs(ctx, tx, cos, o.ID); err != nil {
				return err
			}
		}
		return a.NotifyOrgs(ctx, tx, []int64{o.ID}, qianxiang.NoteAssigned, "problems", p.ID, p.Description, problemKey("assigned", p))
	})
}
