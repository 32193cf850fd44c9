package app

import (
	"context"
	"strconv"

	"qianxiang"
	"qianxiang/store"
)

// RemindStalledLeads tells each stalled lead's leader (一个领导) that the
// lead has kept its stage past the office's stall limit, so the flag on
// /leads reaches the one person who answers for the lead without anyone
// opening the list. The dedupe key names the lead and the day its stage
// began: a leader hears once per stall, and again only if the lead moves
// and stalls anew. The sweep calls it; it returns how many were told this time.
func (a *App) RemindStalledLeads(ctx context.Context) (int, error) {
	ls, err := a.Leads(ctx, qianxiang.SystemActor, LeadQuery{Stalled: true})
	if err != nil || len(ls) == 0 {
		return 0, err // no write transaction for a quiet day
	}
	n := 0
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, l := range ls {
			if l.Leader.ID == 0 {
				continue
			}
			since := qianxiang.DateOf(l.StageSince.In(a.Loc)).String()
			key := "lead-stalled:" + strconv.FormatInt(l.ID, 10) + ":" + string(l.Stage) + ":" + since
			told, err := a.notifyCount(ctx, tx, []int64{l.Leader.ID}, qianxiang.NoteLeadStalled, "leads", l.ID, l.Investor, key)
			if err != nil {
				return err
			}
			n += told
		}
		return nil
	})
	return n, a.internal(ctx, "stalled lead reminder", err)
}
