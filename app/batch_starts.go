package app

import (
	"context"
	"encoding/json"
	"fmt"

	"qianxiang"
	"qianxiang/store"
)

// BatchStarts lists a year's batch starts (集中开工; 0: every year). An
// event in the actor's scope is shown whole; one outside it (another
// county's) as the public sees it, without confidential projects.
func (a *App) BatchStarts(ctx context.Context, actor qianxiang.Actor, year int) ([]qianxiang.BatchStart, error) {
	if actor.UserID == 0 && !actor.System {
		return nil, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	if year != 0 {
		if err := CheckMonth(year, 1); err != nil {
			return nil, err
		}
	}
	bs, err := a.DB.BatchStarts(ctx, year)
	if err != nil {
		return nil, a.internal(ctx, "batch starts", err)
	}
	for i := range bs {
		bs[i] = seenBy(actor, bs[i])
	}
	return bs, nil
}

func seenBy(actor qianxiang.Actor, b qianxiang.BatchStart) qianxiang.BatchStart {
	if actor.Can(qianxiang.ActRead, b.ScopeOf()) {
		return b
	}
	return b.Public()
}

// BatchStart reads one event (see BatchStarts for what is shown).
func (a *App) BatchStart(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.BatchStart, error) {
	if actor.UserID == 0 && !actor.System {
		return qianxiang.BatchStart{}, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	b, err := a.DB.BatchStart(ctx, id)
	if err != nil {
		return b, a.internal(ctx, "batch start", err)
	}
	return seenBy(actor, b), nil
}

// PublicBatchStarts are a year's events as the public portal shows them:
// no confidential project, and no event left without a public project.
func (a *App) PublicBatchStarts(ctx context.Context, year int) ([]qianxiang.BatchStart, error) {
	bs, err := a.DB.BatchStarts(ctx, year)
	if err != nil {
		return nil, a.internal(ctx, "public batch starts", err)
	}
	out := []qianxiang.BatchStart{}
	for _, b := range bs {
		if p := b.Public(); p.Count > 0 {
			out = append(out, p)
		}
	}
	return out, nil
}

// mayHold checks that the actor may hold an event in org's name: the
// campaign office for the city or any county; a county only in its own.
func mayHold(actor qianxiang.Actor, org qianxiang.Org) error {
	if org.Kind != qianxiang.OrgCounty && org.Kind != qianxiang.OrgCity {
		return qianxiang.FieldError("county", "%s is not a county (or the city): a batch start is held in a county's name", org.Name)
	}
	if actor.Can(qianxiang.ActEditProject, qianxiang.Scope{Paths: []string{org.Path}}) {
		return nil
	}
	if actor.Role.AtLeast(qianxiang.RoleOrgAdmin) {
		return qianxiang.Errorf(qianxiang.EForbidden, "a county holds batch starts only in its own name: you may not hold one in the name of %s", org.Name)
	}
	return qianxiang.ErrForbidden()
}

// CreateBatchStart records an event, audited.
func (a *App) CreateBatchStart(ctx context.Context, actor qianxiang.Actor, b qianxiang.BatchStart) (qianxiang.BatchStart, error) {
	if err := a.resolveBatchOrg(ctx, actor, &b); err != nil {
		return b, err
	}
	if err := b.Validate(); err != nil {
		return b, err
	}
	b.Projects = []qianxiang.BatchProject{}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertBatchStart(ctx, &b); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "batch_starts", b.ID, b.Title, "")
	})
	return b, a.internal(ctx, "create batch start", err)
}

func (a *App) resolveBatchOrg(ctx context.Context, actor qianxiang.Actor, b *qianxiang.BatchStart) error {
	// A role that may hold no batch start is refused before the input is read.
	if err := actor.Gate(qianxiang.ActEditProject); err != nil {
		return err
	}
	if b.Org.Code == "" {
		if err := b.Validate(); err != nil {
			return err
		}
	}
	o, err := a.DB.OrgByCode(ctx, b.Org.Code)
	if err != nil {
		return qianxiang.FieldError("county", "organisation %q not found", b.Org.Code)
	}
	if err := mayHold(actor, o); err != nil {
		return err
	}
	b.Org, b.OrgPath = o.Ref(), o.Path
	return nil
}

// BatchPatch is a change to an event: the fields given change.
type BatchPatch struct {
	Date   *qianxiang.Date `json:"date"`
	Place  *string         `json:"place"`
	Leader *string         `json:"leader"`
	Title  *string         `json:"title"`
	Notes  *string         `json:"notes"`
}

// UpdateBatchStart changes an event at the version read (AnyVersion: as
// it is). A new date moves the start of the projects still on the event's
// date with it (qianxiang.StartOnMove); each is audited.
func (a *App) UpdateBatchStart(ctx context.Context, actor qianxiang.Actor, id int64, version int, patch BatchPatch) (qianxiang.BatchStart, error) {
	var out qianxiang.BatchStart
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		b, err := tx.BatchStart(ctx, id)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, b.ScopeOf(), "batch start"); err != nil {
			return err
		}
		if version != AnyVersion && version != b.Version {
			return qianxiang.Errorf(qianxiang.EConflict, "the event was changed by someone else since you opened it (version %d, now %d); reload and edit again", version, b.Version)
		}
		old := b.Date
		for _, f := range []struct {
			p *string
			v *string
		}{{patch.Place, &b.Place}, {patch.Leader, &b.Leader}, {patch.Title, &b.Title}, {patch.Notes, &b.Notes}} {
			if f.p != nil {
				*f.v = *f.p
			}
		}
		if patch.Date != nil {
			b.Date = *patch.Date
		}
		if err := b.Validate(); err != nil {
			return err
		}
		if b.Date.Year != old.Year && len(b.Projects) > 0 {
			return qianxiang.FieldError("date", "the event's projects are in the %d plan: it cannot move to %d", old.Year, b.Date.Year)
		}
		before, err := tx.Snapshot(ctx, "batch_starts", id)
		if err != nil {
			return err
		}
		if err := tx.UpdateBatchStart(ctx, &b); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "update", "batch_starts", id, b.Title, before); err != nil {
			return err
		}
		if b.Date != old {
			links, err := tx.BatchLinks(ctx, id)
			if err != nil {
				return err
			}
			for pid, l := range links {
				p, err := tx.Project(ctx, pid)
				if err != nil {
					return err
				}
				d, moved := qianxiang.StartOnMove(p.StartedOn, l.Applied, old, b.Date)
				if !moved {
					continue
				}
				if err := setStart(ctx, tx, actor, p, d, p.Stage); err != nil {
					return err
				}
			}
		}
		out, err = tx.BatchStart(ctx, id)
		return err
	})
	return out, a.internal(ctx, "update batch start", err)
}

// setStart writes a project's start date (and stage) as its event gives
// it, audited on the project.
func setStart(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, p qianxiang.Project, d qianxiang.Date, stage qianxiang.Stage) error {
	before, err := tx.Snapshot(ctx, "projects", p.ID)
	if err != nil {
		return err
	}
	if err := tx.SetProjectStarted(ctx, p.ID, d, stage); err != nil {
		return err
	}
	return tx.Audit(ctx, actor.Username, "update", "projects", p.ID, p.Name, before)
}

// AddBatchProjects puts projects into an event, all or none: each must be
// one the actor may edit, of the event's year and county, not continuing,
// and in no other event. A project without a start date takes the event's.
func (a *App) AddBatchProjects(ctx context.Context, actor qianxiang.Actor, id int64, projectIDs []int64) (qianxiang.BatchStart, error) {
	var out qianxiang.BatchStart
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		b, err := tx.BatchStart(ctx, id)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, b.ScopeOf(), "batch start"); err != nil {
			return err
		}
		if len(projectIDs) == 0 {
			return qianxiang.FieldError("projects", "names no project")
		}
		if err := addProjects(ctx, tx, actor, b, projectIDs); err != nil {
			return err
		}
		out, err = tx.BatchStart(ctx, id)
		return err
	})
	return out, a.internal(ctx, "add to batch start", err)
}

// CreateBatchStartWith records an event and puts projects into it in one
// transaction: when one cannot join, the event is not kept either.
func (a *App) CreateBatchStartWith(ctx context.Context, actor qianxiang.Actor, b qianxiang.BatchStart, projectIDs []int64) (qianxiang.BatchStart, error) {
	if err := a.resolveBatchOrg(ctx, actor, &b); err != nil {
		return b, err
	}
	if err := b.Validate(); err != nil {
		return b, err
	}
	var out qianxiang.BatchStart
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertBatchStart(ctx, &b); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "batch_starts", b.ID, b.Title, ""); err != nil {
			return err
		}
		if len(projectIDs) > 0 {
			if err := addProjects(ctx, tx, actor, b, projectIDs); err != nil {
				return err
			}
		}
		var err error
		out, err = tx.BatchStart(ctx, b.ID)
		return err
	})
	return out, a.internal(ctx, "create batch start", err)
}

func addProjects(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, b qianxiang.BatchStart, projectIDs []int64) error {
	var ds []qianxiang.Detail
	var codes []string
	fault := func(i int, err error) {
		e := qianxiang.AsError(err)
		codes = append(codes, e.Code)
		ds = append(ds, qianxiang.Detail{Field: fmt.Sprintf("projects[%d]", i), Format: e.Format, Args: e.Args})
	}
	seen := map[int64]bool{}
	for i, pid := range projectIDs {
		if seen[pid] {
			continue
		}
		seen[pid] = true
		p, err := tx.Project(ctx, pid)
		if err == nil {
			err = actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project")
		}
		switch code := qianxiang.ErrorCode(err); {
		case err == nil:
		case code == qianxiang.ENotFound:
			fault(i, qianxiang.Errorf(qianxiang.ENotFound, "project %d not found", pid))
			continue
		case code == qianxiang.EForbidden:
			fault(i, qianxiang.Errorf(qianxiang.EForbidden, "you may not change %s", p.Name))
			continue
		default:
			return err
		}
		if err := qianxiang.CanJoin(p, b); err != nil {
			fault(i, err)
			continue
		}
		if l, in, err := tx.BatchOf(ctx, pid); err != nil {
			return err
		} else if in {
			other := "another event"
			if ob, err := tx.BatchStart(ctx, l.BatchID); err == nil {
				other = ob.Title
			}
			fault(i, qianxiang.Errorf(qianxiang.EConflict, "%s is already in the batch start %q", p.Name, other))
			continue
		}
		d, applied := qianxiang.StartOnJoin(p.StartedOn, b.Date)
		if err := tx.JoinBatch(ctx, b.ID, pid, store.BatchLink{Applied: applied, PriorStage: p.Stage}); err != nil {
			return err
		}
		if applied {
			if err := setStart(ctx, tx, actor, p, d, qianxiang.StageAfterStart(p.Stage)); err != nil {
				return err
			}
		}
		detail, _ := json.Marshal(map[string]any{"project_id": pid, "project": p.Name, "started_on": d.String(), "from_event": applied})
		tx.AuditEvent(ctx, actor.Username, "add_project", "batch_start_projects", b.ID, b.Title, string(detail))
	}
	if len(ds) == 0 {
		return nil
	}
	e := qianxiang.Errorf(qianxiang.EValidation, "%d of the projects cannot join the event; none was added", len(ds))
	if len(ds) == 1 {
		// One project: its own refusal (404, 403, 409 or 422).
		e = qianxiang.Errorf(codes[0], ds[0].Format, ds[0].Args...)
	}
	e.Details = ds
	return e
}

// RemoveBatchProject takes a project out of its event. A project still on
// the event's date, set by the event, has no start date again and returns
// to the stage it had; a reported date stays.
func (a *App) RemoveBatchProject(ctx context.Context, actor qianxiang.Actor, id, projectID int64) (qianxiang.BatchStart, error) {
	var out qianxiang.BatchStart
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		b, err := tx.BatchStart(ctx, id)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, b.ScopeOf(), "batch start"); err != nil {
			return err
		}
		l, in, err := tx.BatchOf(ctx, projectID)
		if err != nil {
			return err
		}
		if !in || l.BatchID != id {
			return qianxiang.ErrNotFound("project in this event")
		}
		p, err := tx.Project(ctx, projectID)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if err := tx.LeaveBatch(ctx, projectID); err != nil {
			return err
		}
		d := qianxiang.StartOnLeave(p.StartedOn, l.Applied, b.Date)
		if d != p.StartedOn {
			stage := p.Stage
			if l.PriorStage != "" && stage == qianxiang.StageAfterStart(l.PriorStage) {
				stage = l.PriorStage
			}
			if err := setStart(ctx, tx, actor, p, d, stage); err != nil {
				return err
			}
		}
		detail, _ := json.Marshal(map[string]any{"project_id": projectID, "project": p.Name, "started_on": d.String()})
		tx.AuditEvent(ctx, actor.Username, "remove_project", "batch_start_projects", id, b.Title, string(detail))
		out, err = tx.BatchStart(ctx, id)
		return err
	})
	return out, a.internal(ctx, "remove from batch start", err)
}

// BatchOfProject names the event a project is in, for its page (ok false:
// none, or the actor cannot see the project).
func (a *App) BatchOfProject(ctx context.Context, actor qianxiang.Actor, projectID int64) (qianxiang.BatchStart, bool) {
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return qianxiang.BatchStart{}, false
	}
	l, in, err := a.DB.BatchOf(ctx, projectID)
	if err != nil || !in {
		return qianxiang.BatchStart{}, false
	}
	b, err := a.BatchStart(ctx, actor, l.BatchID)
	return b, err == nil
}
