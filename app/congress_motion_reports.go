package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// The review committee's report gathers the reviewed motions; the
// presidium votes on it with the ordinary votes machinery (a vote of a
// presidium meeting linked to the report), and when that vote closes the
// recommendations become the motions' states.

const voteKindMotionsReport = "motions_report"

// MotionReports lists a congress's review reports.
func (a *App) MotionReports(ctx context.Context, actor qianxiang.Actor, code string) ([]qianxiang.MotionReport, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return nil, err
	}
	rs, err := a.DB.MotionReports(ctx, k.ID)
	return rs, a.internal(ctx, "motion reports", err)
}

// MotionReport returns one review report.
func (a *App) MotionReport(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.MotionReport, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "motion report"); err != nil {
		return qianxiang.MotionReport{}, err
	}
	return a.DB.MotionReportByID(ctx, id)
}

// CreateMotionReport writes the committee's report over every reviewed
// motion not yet in one (staff or a committee member).
func (a *App) CreateMotionReport(ctx context.Context, actor qianxiang.Actor, code, title string) (qianxiang.MotionReport, error) {
	k, err := a.congressByCode(ctx, actor, strings.TrimSpace(code))
	if err != nil {
		return qianxiang.MotionReport{}, err
	}
	if err := a.canReview(ctx, a.DB, actor, k.ID); err != nil {
		return qianxiang.MotionReport{}, err
	}
	title, d := qianxiang.CleanText("title", title)
	if d != nil {
		return qianxiang.MotionReport{}, qianxiang.FieldError("title", d.Format, d.Args...)
	}
	if title == "" {
		title = "议案审查委员会关于代表提出议案处理意见的报告"
	}
	r := qianxiang.MotionReport{CongressID: k.ID, Title: title, Status: qianxiang.MReportDraft}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		ms, err := tx.MotionsByStatus(ctx, k.ID, qianxiang.MotionReviewed)
		if err != nil {
			return err
		}
		var todo []qianxiang.Motion
		for _, m := range ms {
			if m.ReportID == 0 {
				todo = append(todo, m)
			}
		}
		if len(todo) == 0 {
			return qianxiang.Errorf(qianxiang.EValidation, "no reviewed motion awaits a report")
		}
		if err := tx.InsertMotionReport(ctx, &r); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "congress_motion_reports", r.ID, r.Title, ""); err != nil {
			return err
		}
		for _, m := range todo {
			before, err := tx.Snapshot(ctx, "congress_motions", m.ID)
			if err != nil {
				return err
			}
			m.ReportID = r.ID
			if err := tx.UpdateMotion(ctx, &m); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "report", "congress_motions", m.ID, m.Title, before); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return r, a.internal(ctx, "create motion report", err)
	}
	return a.DB.MotionReportByID(ctx, r.ID)
}

// PutReportToVote sets up the presidium's vote on a draft report, in a
// presidium meeting (staff); the vote is then opened and closed as any
// other.
func (a *App) PutReportToVote(ctx context.Context, actor qianxiang.Actor, reportID, meetingID int64) (qianxiang.MotionReport, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "motion report"); err != nil {
		return qianxiang.MotionReport{}, err
	}
	m, err := a.DB.MeetingByID(ctx, meetingID)
	if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
		return qianxiang.MotionReport{}, qianxiang.FieldError("meeting", "no meeting %d", meetingID)
	} else if err != nil {
		return qianxiang.MotionReport{}, a.internal(ctx, "put report to vote", err)
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		r, err := tx.MotionReportByID(ctx, reportID)
		if err != nil {
			return err
		}
		if r.CongressID != m.CongressID {
			return qianxiang.FieldError("meeting", "the meeting is of another congress")
		}
		if err := r.CanPutToVote(m.Body); err != nil {
			return err
		}
		v := qianxiang.Vote{MeetingID: m.ID, Title: r.Title, Anonymity: qianxiang.Aggregate, Status: qianxiang.VoteDraft}
		if err := tx.InsertVote(ctx, &v); err != nil {
			return err
		}
		if err := tx.SetVoteKind(ctx, v.ID, voteKindMotionsReport); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "congress_votes", v.ID, v.Title, ""); err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "congress_motion_reports", r.ID)
		if err != nil {
			return err
		}
		r.Status, r.VoteID = qianxiang.MReportVoting, v.ID
		if err := tx.UpdateMotionReport(ctx, &r); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "put_to_vote", "congress_motion_reports", r.ID, r.Title, before); err != nil {
			return err
		}
		return a.notify(ctx, tx, meetingTopic(m.ID), "vote")
	})
	if err != nil {
		return qianxiang.MotionReport{}, a.internal(ctx, "put report to vote", err)
	}
	a.published(meetingTopic(m.ID), "vote")
	return a.DB.MotionReportByID(ctx, reportID)
}

// voteDecided acts on a vote that has just closed, in its transaction:
// a review report is adopted or not, a passed resolution becomes a
// follow-up item.
func (a *App) voteDecided(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, v qianxiang.Vote, m qianxiang.Meeting) error {
	r, ok, err := tx.MotionReportByVote(ctx, v.ID)
	if err != nil {
		return err
	}
	if ok && r.Status == qianxiang.MReportVoting {
		before, err := tx.Snapshot(ctx, "congress_motion_reports", r.ID)
		if err != nil {
			return err
		}
		r.Status = qianxiang.MReportRejected
		if v.Passed {
			r.Status = qianxiang.MReportAdopted
		}
		if err := tx.UpdateMotionReport(ctx, &r); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, string(r.Status), "congress_motion_reports", r.ID, r.Title, before); err != nil {
			return err
		}
		ms, err := tx.MotionsOfReport(ctx, r.ID)
		if err != nil {
			return err
		}
		for _, mo := range ms {
			before, err := tx.Snapshot(ctx, "congress_motions", mo.ID)
			if err != nil {
				return err
			}
			mo.Decide(v.Passed)
			if err := tx.UpdateMotion(ctx, &mo); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "decide", "congress_motions", mo.ID, mo.Title, before); err != nil {
				return err
			}
		}
	}
	kind, err := tx.VoteKind(ctx, v.ID)
	if err != nil {
		return err
	}
	if kind == voteKindResolution && v.Passed {
		return a.resolutionPassed(ctx, tx, actor, v, m)
	}
	return nil
}

// voteActedOn says why a closed vote may not be reopened: its result has
// already decided a report or started a resolution's follow-up.
func voteActedOn(ctx context.Context, tx *store.Tx, voteID int64) error {
	if r, ok, err := tx.MotionReportByVote(ctx, voteID); err != nil {
		return err
	} else if ok && r.Status != qianxiang.MReportVoting {
		return qianxiang.Errorf(qianxiang.EConflict, "the vote decided the committee's report; put the report to a new vote instead")
	}
	if _, ok, err := tx.ResolutionByVote(ctx, voteID); err != nil {
		return err
	} else if ok {
		return qianxiang.Errorf(qianxiang.EConflict, "the vote passed a resolution that is being followed up; it cannot be reopened")
	}
	return nil
}
