package app

import (
	"context"
	"sync"

	"qianxiang"
	"qianxiang/store"
)

// Group commit of ballots. The first ballot to arrive while no batch is
// being written writes one, with every ballot queued meanwhile, and keeps
// writing batches until the queue is empty; the others wait for their
// answer. With 2,977 deputies pressing at once, a transaction per ballot
// spent the hall's seconds on begins, audit-chain heads and commits.

// maxBallotBatch bounds one transaction.
const maxBallotBatch = 400

type ballotReq struct {
	vote     qianxiang.Vote
	meeting  qianxiang.Meeting
	deputy   qianxiang.Deputy
	choice   qianxiang.Choice
	username string
	done     chan error
}

type ballotQueue struct {
	mu      sync.Mutex
	pending []*ballotReq
	running bool
}

var ballotQueues sync.Map // *App -> *ballotQueue

func (a *App) ballots() *ballotQueue {
	q, _ := ballotQueues.LoadOrStore(a, &ballotQueue{})
	return q.(*ballotQueue)
}

// cast queues the ballot and returns its outcome.
func (q *ballotQueue) cast(ctx context.Context, a *App, r *ballotReq) error {
	r.done = make(chan error, 1)
	q.mu.Lock()
	q.pending = append(q.pending, r)
	if q.running {
		q.mu.Unlock()
		select {
		case err := <-r.done:
			return err
		case <-ctx.Done():
			// The batch may still count it; the deputy's page reads
			// whether they voted.
			return ctx.Err()
		}
	}
	q.running = true
	// This request writes batches for everyone; its own caller leaving
	// must not cancel the others' ballots.
	bctx := context.WithoutCancel(ctx)
	for len(q.pending) > 0 {
		n := min(len(q.pending), maxBallotBatch)
		batch := q.pending[:n:n]
		q.pending = q.pending[n:]
		q.mu.Unlock()
		a.writeBallots(bctx, batch)
		q.mu.Lock()
	}
	q.running = false
	q.mu.Unlock()
	return <-r.done
}

// writeBallots records a batch in one transaction. Each ballot gets its
// own answer: counted, already voted (409), not checked in or the vote
// not open (422). A failure of the database fails the batch whole, so
// nothing of it is half-written.
func (a *App) writeBallots(ctx context.Context, batch []*ballotReq) {
	outcome := make([]error, len(batch))
	byVote := map[int64][]int{}
	var order []int64
	for i, r := range batch {
		if _, ok := byVote[r.vote.ID]; !ok {
			order = append(order, r.vote.ID)
		}
		byVote[r.vote.ID] = append(byVote[r.vote.ID], i)
	}
	counted := map[int64]bool{}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		for i := range outcome {
			outcome[i] = nil
		}
		for _, vid := range order {
			idx := byVote[vid]
			first := batch[idx[0]]
			open, err := tx.LockTally(ctx, vid)
			if err != nil {
				return err
			}
			if !open {
				for _, i := range idx {
					outcome[i] = qianxiang.Errorf(qianxiang.EValidation, "the vote is not open")
				}
				continue
			}
			ids := make([]int64, 0, len(idx))
			for _, i := range idx {
				ids = append(ids, batch[i].deputy.ID)
			}
			present, err := tx.PresentAmong(ctx, first.meeting.ID, ids)
			if err != nil {
				return err
			}
			var in []store.BallotIn
			var mine []int
			seen := map[int64]bool{}
			for _, i := range idx {
				r := batch[i]
				switch {
				case !present[r.deputy.ID]:
					outcome[i] = qianxiang.Errorf(qianxiang.EValidation, "check in first: only deputies present can vote")
				case seen[r.deputy.ID]:
					outcome[i] = qianxiang.Errorf(qianxiang.EConflict, "you have already voted on this item")
				default:
					seen[r.deputy.ID] = true
					in = append(in, store.BallotIn{DeputyID: r.deputy.ID, Choice: r.choice})
					mine = append(mine, i)
				}
			}
			if len(in) == 0 {
				continue
			}
			inserted, err := tx.InsertBallots(ctx, vid, in, first.vote.Anonymity == qianxiang.Named)
			if err != nil {
				return err
			}
			var t qianxiang.Tally
			var items []store.AuditItem
			after, err := tx.Snapshot(ctx, "congress_votes", vid)
			if err != nil {
				return err
			}
			for _, i := range mine {
				r := batch[i]
				if !inserted[r.deputy.ID] {
					outcome[i] = qianxiang.Errorf(qianxiang.EConflict, "you have already voted on this item")
					continue
				}
				t.Add(r.choice)
				// The trail records that this deputy voted; the vote's
				// row it covers holds no count while the vote is open.
				items = append(items, store.AuditItem{Actor: r.username, Action: "ballot", Table: "congress_votes", ID: vid,
					Label: r.vote.Title, After: after})
			}
			if t.Cast() == 0 {
				continue
			}
			if err := tx.AddToTally(ctx, vid, t); err != nil {
				return err
			}
			tx.AuditItems(items)
			if err := a.notify(ctx, tx, voteTopic(vid), "cast"); err != nil {
				return err
			}
			counted[vid] = true
		}
		return nil
	})
	for i, r := range batch {
		if err != nil {
			r.done <- err
		} else {
			r.done <- outcome[i]
		}
	}
	if err == nil {
		for vid := range counted {
			a.published(voteTopic(vid), "cast")
		}
	}
}
