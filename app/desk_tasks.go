package app

import (
	"context"
	"sort"

	"qianxiang"
)

// deskTasks lists the key tasks of the desk's year that name the leader
// as responsible (by display name or username, as projects name their
// 包联市领导), red first, then yellow, each with its latest progress. The
// tasks are read through the ledger service, so the actor's scope holds.
func (a *App) deskTasks(ctx context.Context, actor qianxiang.Actor, leader qianxiang.LeaderRef, year int) ([]qianxiang.Task, error) {
	all, err := a.Tasks(ctx, actor, TaskQuery{Year: year})
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Task{}
	for _, t := range all {
		if t.LedBy(leader.Name, leader.Username) {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return lightRank(out[i].Light) < lightRank(out[j].Light) })
	return out, nil
}

// lightRank orders lights by how much they need the leader's eye.
func lightRank(l qianxiang.Light) int {
	switch l {
	case qianxiang.LightRed:
		return 0
	case qianxiang.LightYellow:
		return 1
	case qianxiang.LightGreen:
		return 2
	}
	return 3
}
