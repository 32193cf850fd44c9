package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"time"

	"qianxiang"
	"qianxiang/store"
)

func instanceName() string {
	h, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return h + "-" + hex.EncodeToString(b)
}

// SweepResult counts what one sweep did.
type SweepResult struct {
	Ran       bool // false: another server holds the lease
	Escalated int
	Reminded  int // due-soon and overdue notices sent
	Delivered int // webhook attempts made
}

// sweepLease is held while one server runs the escalation sweep; the
// conditional writes inside make a second run harmless anyway.
const sweepLease = "problems-sweep"

// Sweep is the scheduled work: problems past their due date go up to the
// project's leader, owners are reminded three days before and on the day
// after the due date, stalled investment leads are put to their leader,
// and webhook deliveries are sent. With several servers
// on one PostgreSQL each step happens once: the sweep runs under a lease,
// each escalation is a conditional update, each notice has a dedupe key,
// and each delivery is claimed by one server.
func (a *App) Sweep(ctx context.Context) (SweepResult, error) {
	var r SweepResult
	ok, err := a.DB.AcquireLease(ctx, sweepLease, a.Instance, 5*time.Minute)
	if err != nil {
		return r, a.internal(ctx, "sweep", err)
	}
	if ok {
		r.Ran = true
		err = a.sweepProblems(ctx, &r)
		if err == nil { // leaders whose month at a liaison station passed without a visit
			var n int
			n, err = a.RemindMissedVisits(ctx)
			r.Reminded += n
		}
		if err == nil { // the stations' reception days stay on the calendar a year ahead
			err = a.scheduleReceptionsAhead(ctx)
		}
		if err == nil { // reception days passed without a record, to the station and the office
			var n int
			n, err = a.RemindUnrecordedReceptions(ctx)
			r.Reminded += n
		}
		if err == nil { // suggestions' answers due within three days or past due
			var n int
			n, err = a.RemindSuggestions(ctx)
			r.Reminded += n
		}
		if err == nil { // investment leads stalled past the office's limit, to their leader
			var n int
			n, err = a.RemindStalledLeads(ctx)
			r.Reminded += n
		}
		if rerr := a.DB.ReleaseLease(context.WithoutCancel(ctx), sweepLease, a.Instance); err == nil {
			err = rerr
		}
		if err != nil {
			return r, a.internal(ctx, "sweep", err)
		}
	}
	n, err := a.DeliverWebhooks(ctx)
	r.Delivered = n
	return r, err
}

func (a *App) sweepProblems(ctx context.Context, r *SweepResult) error {
	today := a.Today()
	ps, err := a.DB.Problems(ctx, qianxiang.ProblemFilter{Today: today, Pending: true})
	if err != nil {
		return err
	}
	for i := range ps {
		p := &ps[i]
		if !p.Status.Pending() || p.Due.IsZero() {
			continue
		}
		if p.DueSoon(today, qianxiang.ReminderDays) {
			err = a.DB.Tx(ctx, func(tx *store.Tx) error {
				return a.NotifyOrgs(ctx, tx, []int64{p.OwnerOrg.ID}, qianxiang.NoteDueSoon, "problems", p.ID, p.Description, problemKey("due_soon", p))
			})
			r.Reminded++
		}
		if p.ShouldEscalate(today) {
			err = a.DB.Tx(ctx, func(tx *store.Tx) error { return a.escalate(ctx, tx, p, r) })
		} else if p.Due.Before(today) {
			// Escalated earlier and extended since, or overdue again: the owner
			// hears once per due date.
			err = a.DB.Tx(ctx, func(tx *store.Tx) error {
				return a.NotifyOrgs(ctx, tx, []int64{p.OwnerOrg.ID}, qianxiang.NoteOverdue, "problems", p.ID, p.Description, problemKey("overdue", p))
			})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// escalate sends an overdue problem up to the project's leader, once.
func (a *App) escalate(ctx context.Context, tx *store.Tx, p *qianxiang.Problem, r *SweepResult) error {
	before, err := tx.Snapshot(ctx, "problems", p.ID)
	if err != nil {
		return err
	}
	var leader int64
	if p.Leader != nil {
		leader = p.Leader.ID
	}
	ok, err := tx.Escalate(ctx, p.ID, leader)
	if err != nil || !ok {
		return err
	}
	r.Escalated++
	if err := tx.Audit(ctx, "system", "escalate", "problems", p.ID, p.Description, before); err != nil {
		return err
	}
	if leader != 0 {
		if err := a.Notify(ctx, tx, []int64{leader}, qianxiang.NoteEscalated, "problems", p.ID, p.Description, "escalated:"+itoa(p.ID)); err != nil {
			return err
		}
	}
	return a.NotifyOrgs(ctx, tx, []int64{p.OwnerOrg.ID}, qianxiang.NoteOverdue, "problems", p.ID, p.Description, problemKey("overdue", p))
}

// RunScheduler sweeps every interval until ctx ends.
func (a *App) RunScheduler(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		r, err := a.Sweep(ctx)
		if err != nil && ctx.Err() == nil {
			a.Log.WarnContext(ctx, "scheduled sweep", "err", err)
		}
		if r.Ran && r.Escalated+r.Reminded > 0 {
			a.Log.InfoContext(ctx, "scheduled sweep", "instance", a.Instance, "escalated", r.Escalated, "reminded", r.Reminded)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
