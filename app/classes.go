package app

import (
	"context"
	"encoding/json"

	"qianxiang"
	"qianxiang/store"
)

// ClassLists gives the office's classification lists (产业链, 特色专业镇)
// to any logged-in user: they name the projects' entries.
func (a *App) ClassLists(ctx context.Context, actor qianxiang.Actor) (qianxiang.ClassLists, error) {
	if actor.UserID == 0 && !actor.System {
		return nil, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	ls, err := a.DB.ClassLists(ctx)
	return ls, a.internal(ctx, "class lists", err)
}

// PutClassList creates or changes a list, matched by its code (campaign
// office): entries renamed keep their projects, entries added are new, and
// an entry left out is removed unless projects still carry it (refused,
// naming it). All or nothing, every row audited.
func (a *App) PutClassList(ctx context.Context, actor qianxiang.Actor, l qianxiang.ClassList) (qianxiang.ClassList, error) {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return l, qianxiang.Errorf(qianxiang.EForbidden, "only the campaign office defines the classification lists")
	}
	// The caller's entries are not written to (ids are assigned below).
	l.Entries = append([]qianxiang.ClassEntry(nil), l.Entries...)
	l.Headers = append([]string(nil), l.Headers...)
	if err := l.Validate(); err != nil {
		return l, err
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		lists, err := tx.ClassLists(ctx)
		if err != nil {
			return err
		}
		pos := len(lists)
		for i, x := range lists {
			if x.Code == l.Code {
				pos = i
			} else if x.Name == l.Name {
				return qianxiang.FieldError("name", "%q is already the name of list %s", l.Name, x.Code)
			}
		}
		changes, err := tx.PutClassList(ctx, &l, pos)
		if err != nil {
			return err
		}
		for _, c := range changes {
			if err := tx.Audit(ctx, actor.Username, c.Action, c.Table, c.ID, c.Label, c.Before); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return l, a.internal(ctx, "save class list", err)
	}
	lists, err := a.DB.ClassLists(ctx)
	if err != nil {
		return l, a.internal(ctx, "save class list", err)
	}
	saved, _ := lists.List(l.Code)
	return saved, nil
}

// saveClasses makes the project's entries those of p.Classes inside the
// caller's transaction, refusing an unknown list or entry by its field; a
// change is audited on the project with the entries it now carries.
func saveClasses(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, p qianxiang.Project, lists qianxiang.ClassLists) error {
	ids, err := lists.Resolve(p.Classes)
	if err != nil {
		return err
	}
	changed, err := tx.SetProjectClasses(ctx, p.ID, ids)
	if err != nil || !changed {
		return err
	}
	b, _ := json.Marshal(map[string]any{"classes": lists.Of(ids)})
	tx.AuditEvent(ctx, actor.Username, "classify", "project_classes", p.ID, p.Name, string(b))
	return nil
}

// saveProjectClasses is saveClasses reading the lists itself; it gives
// the project's classes as stored (each list's entries in its order).
func saveProjectClasses(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, p qianxiang.Project) (qianxiang.Classes, error) {
	if len(p.Classes) == 0 {
		// Nothing named: clear whatever the project had, cheaply.
		cur, err := tx.ProjectClassIDs(ctx, []int64{p.ID})
		if err != nil || len(cur[p.ID]) == 0 {
			return nil, err
		}
	}
	lists, err := tx.ClassLists(ctx)
	if err != nil {
		return nil, err
	}
	if err := saveClasses(ctx, tx, actor, p, lists); err != nil {
		return nil, err
	}
	ids, _ := lists.Resolve(p.Classes)
	if len(ids) == 0 {
		return nil, nil
	}
	return lists.Of(ids), nil
}

// checkClasses refuses, before anything is written, classes naming an
// unknown list or entry.
func (a *App) checkClasses(ctx context.Context, c qianxiang.Classes) error {
	if len(c) == 0 {
		return nil
	}
	lists, err := a.DB.ClassLists(ctx)
	if err != nil {
		return a.internal(ctx, "class lists", err)
	}
	_, err = lists.Resolve(c)
	return err
}

// importClasses saves the entries of imported rows: a list whose column
// the workbook has sets the row's entries (an empty cell: none); a list it
// has not leaves an updated project's entries as they were.
func importClasses(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, rows []ImportRow) error {
	lists, err := tx.ClassLists(ctx)
	if err != nil || len(lists) == 0 {
		return err
	}
	var upd []int64
	any := false
	for _, r := range rows {
		if r.Project.Classes != nil {
			any = true
		}
		if r.Action == "update" {
			upd = append(upd, r.Project.ID)
		}
	}
	if !any {
		return nil
	}
	cur, err := tx.ProjectClassIDs(ctx, upd)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.Project.Classes == nil {
			continue
		}
		p := r.Project
		merged := lists.Of(cur[p.ID])
		for code, v := range p.Classes {
			merged[code] = v
		}
		p.Classes = merged
		if err := saveClasses(ctx, tx, actor, p, lists); err != nil {
			if e := qianxiang.AsError(err); e != nil {
				for i := range e.Details {
					e.Details[i].Row = r.Row
				}
			}
			return err
		}
	}
	return nil
}

// applyClasses adds the grouping by each classification list to a
// dispatch computed over ps (nothing when the office defined no list).
func (a *App) applyClasses(ctx context.Context, d *qianxiang.Dispatch, ps []qianxiang.DispatchProject) error {
	lists, err := a.DB.ClassLists(ctx)
	if err != nil || len(lists) == 0 {
		return err
	}
	of, err := a.DB.YearClassIDs(ctx, d.Year)
	if err != nil {
		return err
	}
	qianxiang.GroupByClass(d, a.DispatchSettings(ctx), ps, lists, of)
	return nil
}

// ClassCounts counts, per entry, the year's projects the actor can see.
func (a *App) ClassCounts(ctx context.Context, actor qianxiang.Actor, year int) (map[int64]int, error) {
	of, err := a.DB.YearClassIDs(ctx, year)
	if err != nil {
		return nil, a.internal(ctx, "class counts", err)
	}
	var seen map[int64]bool
	if scope := ScopePath(actor); scope != "" {
		ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: scope})
		if err != nil {
			return nil, a.internal(ctx, "class counts", err)
		}
		seen = map[int64]bool{}
		for _, p := range ps {
			seen[p.ID] = true
		}
	}
	out := map[int64]int{}
	for pid, es := range of {
		if seen != nil && !seen[pid] {
			continue
		}
		for _, e := range es {
			out[e]++
		}
	}
	return out, nil
}

// ClassifyProjects sets the classes of several projects at once (each as
// PatchProject would, for the demo and bulk tools): all or nothing, each
// change audited on its project.
func (a *App) ClassifyProjects(ctx context.Context, actor qianxiang.Actor, classes map[int64]qianxiang.Classes) error {
	return a.internal(ctx, "classify projects", a.DB.Tx(ctx, func(tx *store.Tx) error {
		lists, err := tx.ClassLists(ctx)
		if err != nil {
			return err
		}
		for id, c := range classes {
			p, err := tx.Project(ctx, id)
			if err != nil {
				return err
			}
			if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
				return err
			}
			p.Classes = c
			if err := saveClasses(ctx, tx, actor, p, lists); err != nil {
				return err
			}
		}
		return nil
	}))
}
