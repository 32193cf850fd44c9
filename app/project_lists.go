package app

import (
	"context"
	"encoding/json"

	"qianxiang"
	"qianxiang/store"
)

const projectListsKey = "project_lists"

// ProjectLists reads the office's lists; until the office saves them, the
// sectors are those the projects already use.
func (a *App) ProjectLists(ctx context.Context) (qianxiang.ProjectLists, error) {
	l, saved, err := a.savedLists(ctx, a.DB)
	if err != nil || saved {
		return l, a.internal(ctx, "project lists", err)
	}
	l.Sectors, err = a.DB.SectorsInUse(ctx)
	return l, a.internal(ctx, "project lists", err)
}

func (a *App) savedLists(ctx context.Context, c interface {
	Setting(context.Context, string) (string, bool, error)
}) (qianxiang.ProjectLists, bool, error) {
	var l qianxiang.ProjectLists
	v, ok, err := c.Setting(ctx, projectListsKey)
	if err != nil || !ok {
		return l, false, err
	}
	return l, true, json.Unmarshal([]byte(v), &l)
}

// SetProjectLists saves the office's sector list and what free text it
// allows (campaign office), audited.
func (a *App) SetProjectLists(ctx context.Context, actor qianxiang.Actor, l qianxiang.ProjectLists) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if err := l.Clean(); err != nil {
		return err
	}
	return a.putSetting(ctx, actor, projectListsKey, l)
}

// LeaderNames are the names the form offers for 包联市领导: the active users
// with the leader role, by display name (their username when they have none).
func (a *App) LeaderNames(ctx context.Context) ([]string, error) {
	us, err := a.DB.Users(ctx)
	if err != nil {
		return nil, a.internal(ctx, "leaders", err)
	}
	var out []string
	for _, u := range us {
		if u.Role != qianxiang.RoleLeader || !u.Active {
			continue
		}
		if u.DisplayName != "" {
			out = append(out, u.DisplayName)
		} else {
			out = append(out, u.Username)
		}
	}
	return out, nil
}

// checkChoices refuses a sector or leader off the lists (see
// ProjectLists.CheckChoices). The console (CLI) writes what it is given,
// as workbook imports do.
func (a *App) checkChoices(ctx context.Context, actor qianxiang.Actor, p qianxiang.Project, was *qianxiang.Project) error {
	if actor.System {
		return nil
	}
	// The sectors bind once the office has saved its list; before that the
	// form offers the sectors in use but a new one is accepted, or a city
	// starting out could never name its second sector.
	l, saved, err := a.savedLists(ctx, a.DB)
	if err != nil {
		return a.internal(ctx, "project lists", err)
	}
	if !saved {
		l = qianxiang.ProjectLists{}
	}
	leaders, err := a.LeaderNames(ctx)
	if err != nil {
		return err
	}
	ds := l.CheckChoices(p, was, leaders)
	if len(ds) == 0 {
		return nil
	}
	e := qianxiang.FieldError(ds[0].Field, ds[0].Format, ds[0].Args...)
	e.Details = ds
	return e
}

// CheckProjectChoices asks the lists about a form that did not parse, so
// its sector and leader are judged with the rest; id is the project being
// edited (0 for a new one), whose stored values pass.
func (a *App) CheckProjectChoices(ctx context.Context, actor qianxiang.Actor, p qianxiang.Project, id int64) error {
	var was *qianxiang.Project
	if id != 0 {
		old, err := a.Project(ctx, actor, id)
		if err != nil {
			return err
		}
		was = &old
	}
	return a.checkChoices(ctx, actor, p, was)
}

// addImportedSectors puts the sectors an imported workbook names into the
// office's saved list, in the import's transaction and audited, and gives
// the new ones. Before the office saves a list, the list is the sectors in
// use, so nothing needs adding.
func (a *App) addImportedSectors(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, rows []ImportRow) ([]string, error) {
	l, saved, err := a.savedLists(ctx, tx)
	if err != nil || !saved {
		return nil, err
	}
	var ss []string
	for _, r := range rows {
		ss = append(ss, r.Project.Sector)
	}
	l, added := l.AddSectors(ss...)
	if len(added) == 0 {
		return nil, nil
	}
	b, _ := json.Marshal(l)
	id, before, err := tx.PutSetting(ctx, projectListsKey, string(b))
	if err != nil {
		return nil, err
	}
	return added, tx.Audit(ctx, actor.Username, "update", "settings", id, projectListsKey, before)
}
