package app

import (
	"context"

	"qianxiang"
	"qianxiang/store"
)

// VoteView is a vote as GET /api/v1/votes/{id} shows it: the counts of
// for, against and abstain only once it has closed; while it is open, only
// how many have voted.
type VoteView struct {
	ID        int64                   `json:"id"`
	MeetingID int64                   `json:"meeting_id"`
	Title     string                  `json:"title"`
	Anonymity qianxiang.Anonymity     `json:"anonymity"`
	Status    qianxiang.VoteStatus    `json:"status"`
	Round     int                     `json:"round"`
	Members   int                     `json:"members"`
	Present   int                     `json:"present"`
	Cast      int                     `json:"cast"`
	Threshold int                     `json:"threshold"`
	For       *int                    `json:"for,omitempty"`
	Against   *int                    `json:"against,omitempty"`
	Abstain   *int                    `json:"abstain,omitempty"`
	NotVoted  *int                    `json:"not_voted,omitempty"`
	Passed    *bool                   `json:"passed,omitempty"`
	Ballots   []qianxiang.NamedBallot `json:"ballots,omitempty"`
	// Voted says whether the calling deputy has voted (their own page).
	Voted *bool `json:"voted,omitempty"`
}

// NewVote is the input to CreateVote.
type NewVote struct {
	Title     string              `json:"title"`
	Anonymity qianxiang.Anonymity `json:"anonymity"`
	// Resolution marks a plenary vote on a resolution (决议): once it
	// passes it is followed up.
	Resolution bool `json:"resolution"`
}

// CreateVote sets up a vote on an agenda item of a meeting (staff);
// aggregate unless named is asked for.
func (a *App) CreateVote(ctx context.Context, actor qianxiang.Actor, meetingID int64, in NewVote) (VoteView, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "meeting"); err != nil {
		return VoteView{}, err
	}
	m, err := a.DB.MeetingByID(ctx, meetingID)
	if err != nil {
		return VoteView{}, err
	}
	if in.Anonymity == "" {
		in.Anonymity = qianxiang.Aggregate
	}
	title, bad := qianxiang.CleanText("title", in.Title)
	if bad != nil {
		return VoteView{}, qianxiang.FieldError("title", bad.Format, bad.Args...)
	}
	if in.Resolution && m.Body != qianxiang.BodyPlenary {
		return VoteView{}, qianxiang.FieldError("resolution", "resolutions are passed by the plenary")
	}
	v := qianxiang.Vote{MeetingID: m.ID, Title: title, Anonymity: in.Anonymity, Status: qianxiang.VoteDraft}
	if err := v.Validate(); err != nil {
		return VoteView{}, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertVote(ctx, &v); err != nil {
			return err
		}
		if in.Resolution {
			if err := tx.SetVoteKind(ctx, v.ID, voteKindResolution); err != nil {
				return err
			}
		}
		if err := tx.Audit(ctx, actor.Username, "create", "congress_votes", v.ID, v.Title, ""); err != nil {
			return err
		}
		return a.notify(ctx, tx, meetingTopic(m.ID), "vote")
	})
	if err != nil {
		return VoteView{}, a.internal(ctx, "create vote", err)
	}
	a.published(meetingTopic(m.ID), "vote")
	return a.Vote(ctx, actor, v.ID)
}

// Vote returns a vote as its GET shows it.
func (a *App) Vote(ctx context.Context, actor qianxiang.Actor, id int64) (VoteView, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "vote"); err != nil {
		return VoteView{}, err
	}
	v, err := a.DB.VoteByID(ctx, id)
	if err != nil {
		return VoteView{}, err
	}
	return a.voteView(ctx, actor, v)
}

func (a *App) voteView(ctx context.Context, actor qianxiang.Actor, v qianxiang.Vote) (VoteView, error) {
	out := VoteView{ID: v.ID, MeetingID: v.MeetingID, Title: v.Title, Anonymity: v.Anonymity, Status: v.Status, Round: v.Round,
		Members: v.Members, Present: v.Present, Threshold: v.Threshold}
	var err error
	if out.Cast, err = a.DB.Cast(ctx, v.ID); err != nil {
		return out, a.internal(ctx, "vote", err)
	}
	if v.Status != qianxiang.VoteClosed {
		// Members and present are live until the vote closes.
		m, err := a.meetingCached(ctx, v.MeetingID)
		if err != nil {
			return out, a.internal(ctx, "vote", err)
		}
		att, err := a.liveAttendance(ctx, m)
		if err != nil {
			return out, a.internal(ctx, "vote", err)
		}
		out.Members, out.Present = att.Members, att.Present
		if v.Status == qianxiang.VoteDraft {
			k, err := a.DB.CongressByID(ctx, m.CongressID)
			if err != nil {
				return out, a.internal(ctx, "vote", err)
			}
			out.Threshold = qianxiang.Threshold(att.Members, k.Majority)
		}
	} else {
		out.For, out.Against, out.Abstain, out.NotVoted, out.Passed = &v.Result.For, &v.Result.Against, &v.Result.Abstain, &v.NotVoted, &v.Passed
		if v.Anonymity == qianxiang.Named {
			if out.Ballots, err = a.DB.NamedBallots(ctx, v.ID); err != nil {
				return out, a.internal(ctx, "vote", err)
			}
		}
	}
	if actor.Role == qianxiang.RoleDeputy {
		if m, err := a.meetingCached(ctx, v.MeetingID); err == nil {
			if d, err := a.deputyCached(ctx, m.CongressID, actor.UserID); err == nil {
				voted, err := a.DB.HasVoted(ctx, v.ID, d.ID)
				if err != nil {
					return out, a.internal(ctx, "vote", err)
				}
				out.Voted = &voted
			}
		}
	}
	return out, nil
}

// Votes lists a meeting's votes.
func (a *App) Votes(ctx context.Context, actor qianxiang.Actor, meetingID int64) ([]VoteView, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "meeting"); err != nil {
		return nil, err
	}
	vs, err := a.DB.Votes(ctx, meetingID)
	if err != nil {
		return nil, a.internal(ctx, "votes", err)
	}
	out := make([]VoteView, 0, len(vs))
	for _, v := range vs {
		vv, err := a.voteView(ctx, actor, v)
		if err != nil {
			return nil, err
		}
		out = append(out, vv)
	}
	return out, nil
}

// changeVote runs one staff transition of a vote in an audited transaction.
func (a *App) changeVote(ctx context.Context, actor qianxiang.Actor, id int64, action, reason string,
	change func(tx *store.Tx, v *qianxiang.Vote, m qianxiang.Meeting) error) (VoteView, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "vote"); err != nil {
		return VoteView{}, err
	}
	var meetingID int64
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		v, err := tx.VoteByID(ctx, id)
		if err != nil {
			return err
		}
		m, err := tx.MeetingByID(ctx, v.MeetingID)
		if err != nil {
			return err
		}
		meetingID = m.ID
		before, err := tx.Snapshot(ctx, "congress_votes", id)
		if err != nil {
			return err
		}
		if err := change(tx, &v, m); err != nil {
			return err
		}
		if err := tx.UpdateVote(ctx, &v, reason); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, action, "congress_votes", id, v.Title, before); err != nil {
			return err
		}
		if err := a.notify(ctx, tx, voteTopic(id), action); err != nil {
			return err
		}
		return a.notify(ctx, tx, meetingTopic(m.ID), action)
	})
	if err != nil {
		return VoteView{}, a.internal(ctx, action+" vote", err)
	}
	a.published(voteTopic(id), action)
	a.published(meetingTopic(meetingID), action)
	return a.Vote(ctx, actor, id)
}

// OpenVote opens a draft vote; refused without the meeting's quorum.
func (a *App) OpenVote(ctx context.Context, actor qianxiang.Actor, id int64) (VoteView, error) {
	return a.changeVote(ctx, actor, id, "open", "", func(tx *store.Tx, v *qianxiang.Vote, m qianxiang.Meeting) error {
		att, err := a.attendance(ctx, tx, m)
		if err != nil {
			return err
		}
		k, err := tx.CongressByID(ctx, m.CongressID)
		if err != nil {
			return err
		}
		if err := v.Open(att, k.Majority, a.Now()); err != nil {
			return err
		}
		return tx.StartTally(ctx, v.ID)
	})
}

// CloseVote closes an open vote: the running count becomes the result,
// judged against the threshold over all members.
func (a *App) CloseVote(ctx context.Context, actor qianxiang.Actor, id int64) (VoteView, error) {
	out, err := a.changeVote(ctx, actor, id, "close", "", func(tx *store.Tx, v *qianxiang.Vote, m qianxiang.Meeting) error {
		if v.Status != qianxiang.VoteOpen {
			return qianxiang.Errorf(qianxiang.EValidation, "the vote is not open")
		}
		t, err := tx.TakeTally(ctx, v.ID)
		if err != nil {
			return err
		}
		_, present, _, err := tx.MeetingCounts(ctx, m)
		if err != nil {
			return err
		}
		v.Present = present
		if err := v.Close(t, a.Now()); err != nil {
			return err
		}
		return a.voteDecided(ctx, tx, actor, *v, m)
	})
	if err == nil {
		// Past versions of the running count go with the close.
		if ferr := a.DB.ForgetHistory(ctx); ferr != nil {
			a.Log.Warn("after a vote closed, the database kept past row versions", "err", ferr)
		}
	}
	return out, err
}

// ReopenVote starts a new round of a closed vote (a fault in the hall):
// the reason is required and audited, and the round's ballots are
// discarded; the vote must then be opened again.
func (a *App) ReopenVote(ctx context.Context, actor qianxiang.Actor, id int64, reason string) (VoteView, error) {
	reason, bad := qianxiang.CleanText("reason", reason)
	if bad != nil {
		return VoteView{}, qianxiang.FieldError("reason", bad.Format, bad.Args...)
	}
	return a.changeVote(ctx, actor, id, "reopen", reason, func(tx *store.Tx, v *qianxiang.Vote, m qianxiang.Meeting) error {
		if err := voteActedOn(ctx, tx, v.ID); err != nil {
			return err
		}
		if err := v.Reopen(reason); err != nil {
			return err
		}
		return tx.DiscardBallots(ctx, v.ID)
	})
}

// CastBallot records the calling deputy's own ballot. Only a deputy can
// vote, only as the deputy record linked to their login, once, while the
// vote is open and after checking in. For an aggregate vote the choice is
// added to the running count and stored nowhere else: not beside the
// deputy's "has voted" row, not in the audit trail, not in the log.
// Ballots that arrive together are written in one transaction
// (congress_ballots.go); each is still refused or counted on its own.
func (a *App) CastBallot(ctx context.Context, actor qianxiang.Actor, id int64, c qianxiang.Choice) (VoteView, error) {
	if err := actor.Check(qianxiang.ActVote, congressScope, "vote"); err != nil {
		return VoteView{}, err
	}
	v, err := a.DB.VoteByID(ctx, id)
	if err != nil {
		return VoteView{}, err
	}
	m, err := a.meetingCached(ctx, v.MeetingID)
	if err != nil {
		return VoteView{}, a.internal(ctx, "ballot", err)
	}
	d, err := a.deputyCached(ctx, m.CongressID, actor.UserID)
	if err != nil {
		return VoteView{}, qianxiang.ErrNotFound("vote")
	}
	// Whether the deputy is checked in and the vote still open is decided
	// in the batch's transaction; the rest can be refused now.
	if err := v.CanBallot(m.Body.Member(d), true, c); err != nil {
		return VoteView{}, err
	}
	if err := a.ballots().cast(ctx, a, &ballotReq{vote: v, meeting: m, deputy: d, choice: c, username: actor.Username}); err != nil {
		return VoteView{}, a.internal(ctx, "ballot", err)
	}
	// The answer is the same whatever was pressed, and cheap: 2,977
	// deputies press within seconds.
	voted := true
	return VoteView{ID: v.ID, MeetingID: v.MeetingID, Title: v.Title, Anonymity: v.Anonymity, Status: v.Status, Round: v.Round,
		Members: v.Members, Present: v.Present, Threshold: v.Threshold, Voted: &voted}, nil
}
