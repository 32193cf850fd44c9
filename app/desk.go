package app

import (
	"context"
	"sort"

	"qianxiang"
)

// Desk is a leader's home page: the projects they are responsible for
// with their lights, their problems that went up to them, and their
// instructions still waiting for the owner's acknowledgement.
type Desk struct {
	Leader    qianxiang.LeaderRef
	Year      int
	Projects  []qianxiang.Project
	Tasks     []qianxiang.Task    // key tasks naming the leader responsible, red first
	Escalated []qianxiang.Problem // pending and escalated, oldest first
	Overdue   []qianxiang.Problem // pending and overdue, not yet escalated (the sweep will)
	Pending   int                 // all pending problems on the leader's projects
	Awaiting  []AwaitingAck
	Latest    map[int64]qianxiang.Instruction // each listed problem's latest 批示
}

// AwaitingAck is an instruction the owner has not acknowledged.
type AwaitingAck struct {
	qianxiang.Instruction
	Problem qianxiang.Problem
}

// Desk reads the desk of the leader named by username, or the actor's own
// when it is empty. A leader sees their own; the campaign office, the
// supervision office and admins may open any leader's desk.
func (a *App) Desk(ctx context.Context, actor qianxiang.Actor, username string) (*Desk, error) {
	if username == "" || username == actor.Username {
		if actor.Role != qianxiang.RoleLeader {
			return nil, qianxiang.Errorf(qianxiang.EForbidden, "the desk belongs to a city leader; choose a leader")
		}
		username = actor.Username
	} else if !actor.System && actor.Role != qianxiang.RoleAdmin && actor.Role != qianxiang.RoleCommand && actor.Role != qianxiang.RoleSupervisor {
		return nil, qianxiang.ErrForbidden()
	}
	u, err := a.DB.UserByName(ctx, username)
	if err != nil || u.Role != qianxiang.RoleLeader {
		return nil, qianxiang.ErrNotFound("leader")
	}
	name := u.DisplayName
	if name == "" {
		name = u.Username
	}
	d := &Desk{Leader: qianxiang.LeaderRef{ID: u.ID, Username: u.Username, Name: name}, Year: a.DefaultYear(ctx)}
	page, err := a.Projects(ctx, actor, ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: d.Year, Leader: name, Sort: "org"}})
	if err != nil {
		return nil, err
	}
	// Red first, then yellow: what needs the leader's eye.
	rank := map[qianxiang.Light]int{qianxiang.LightRed: 0, qianxiang.LightYellow: 1, qianxiang.LightGreen: 2}
	d.Projects = page.Items
	sort.SliceStable(d.Projects, func(i, j int) bool {
		ri, ok := rank[d.Projects[i].Light]
		if !ok {
			ri = 3
		}
		rj, ok := rank[d.Projects[j].Light]
		if !ok {
			rj = 3
		}
		return ri < rj
	})
	if d.Tasks, err = a.deskTasks(ctx, actor, d.Leader, d.Year); err != nil {
		return nil, err
	}
	ps, err := a.DB.Problems(ctx, qianxiang.ProblemFilter{LeaderID: u.ID, Today: a.Today()})
	if err != nil {
		return nil, a.internal(ctx, "desk", err)
	}
	ids := make([]int64, len(ps))
	byID := map[int64]qianxiang.Problem{}
	for i := range ps {
		ps[i].Derive(a.Today(), a.Loc)
		ids[i], byID[ps[i].ID] = ps[i].ID, ps[i]
		p := ps[i]
		if !p.Status.Pending() {
			continue
		}
		d.Pending++
		switch {
		case p.Escalated:
			d.Escalated = append(d.Escalated, p)
		case p.Overdue:
			d.Overdue = append(d.Overdue, p)
		}
	}
	sort.SliceStable(d.Escalated, func(i, j int) bool { return d.Escalated[i].DaysOpen > d.Escalated[j].DaysOpen })
	ins, err := a.DB.Instructions(ctx, ids...)
	if err != nil {
		return nil, a.internal(ctx, "desk", err)
	}
	d.Latest = map[int64]qianxiang.Instruction{}
	for _, in := range ins {
		d.Latest[in.ProblemID] = in
		if !in.Acked() {
			d.Awaiting = append(d.Awaiting, AwaitingAck{Instruction: in, Problem: byID[in.ProblemID]})
		}
	}
	return d, nil
}

// LatestInstructions gives each listed problem's newest 批示 (the problems
// were read through the services, so the actor may see them).
func (a *App) LatestInstructions(ctx context.Context, ps []qianxiang.Problem) (map[int64]qianxiang.Instruction, error) {
	ids := make([]int64, len(ps))
	for i := range ps {
		ids[i] = ps[i].ID
	}
	out := map[int64]qianxiang.Instruction{}
	ins, err := a.DB.Instructions(ctx, ids...)
	if err != nil {
		return nil, a.internal(ctx, "instructions", err)
	}
	for _, in := range ins {
		out[in.ProblemID] = in
	}
	return out, nil
}

// Leaders lists the leader users, for the desk's chooser.
func (a *App) Leaders(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.LeaderRef, error) {
	if !actor.Role.CityWide() && !actor.System {
		return nil, qianxiang.ErrForbidden()
	}
	us, err := a.DB.Users(ctx)
	if err != nil {
		return nil, a.internal(ctx, "leaders", err)
	}
	var out []qianxiang.LeaderRef
	for _, u := range us {
		if u.Role == qianxiang.RoleLeader && u.Active {
			out = append(out, qianxiang.LeaderRef{ID: u.ID, Username: u.Username, Name: u.DisplayName})
		}
	}
	return out, nil
}
