package store

import (
	"context"

	"qianxiang"
)

func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"congress_motions", "title"},
		struct{ Table, LabelCol string }{"congress_motion_reports", "title"})
	backupTables = append(backupTables, "congress_motions", "congress_motion_signers", "congress_motion_reports")
	sequencedTables = append(sequencedTables, "congress_motions", "congress_motion_reports")
}

const motionCols = `id, congress_id, title, reason, basis, solution, proposer, delegation, status, submitted_on, signers_ok, content_ok,
	timing_ok, recommend, review, report_id, suggestion_ref, version`

func (c conn) scanMotions(ctx context.Context, where string, args ...any) ([]qianxiang.Motion, error) {
	rows, err := c.query(ctx, `SELECT `+motionCols+` FROM congress_motions WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Motion{}
	for rows.Next() {
		var m qianxiang.Motion
		var st, sub string
		var sok, cok, tok int
		if err := rows.Scan(&m.ID, &m.CongressID, &m.Title, &m.Reason, &m.Basis, &m.Solution, &m.Proposer, &m.Delegation, &st, &sub,
			&sok, &cok, &tok, &m.Recommend, &m.Review, &m.ReportID, &m.Suggestion, &m.Version); err != nil {
			rows.Close()
			return nil, err
		}
		m.Status, m.Signers = qianxiang.MotionStatus(st), []string{}
		m.SubmittedOn, _ = qianxiang.ParseDate(sub)
		m.Checks = qianxiang.MotionChecks{Signers: sok == 1, Content: cok == 1, Timing: tok == 1}
		out = append(out, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		m := &out[i]
		srows, err := c.query(ctx, `SELECT d.card FROM congress_motion_signers s JOIN congress_deputies d ON d.id = s.deputy_id
			WHERE s.motion_id = ? ORDER BY s.seq`, m.ID)
		if err != nil {
			return nil, err
		}
		for srows.Next() {
			var card string
			if err := srows.Scan(&card); err != nil {
				srows.Close()
				return nil, err
			}
			m.Signers = append(m.Signers, card)
		}
		srows.Close()
		members := 0
		if m.Proposer == "delegation" {
			if err := c.queryRow(ctx, `SELECT COUNT(*) FROM congress_deputies WHERE congress_id = ? AND delegation = ?`, m.CongressID, m.Delegation).
				Scan(&members); err != nil {
				return nil, err
			}
		}
		m.Needed = qianxiang.SignersNeeded(m.Proposer, members)
	}
	return out, nil
}

// Motions lists a congress's motions with their signers.
func (c conn) Motions(ctx context.Context, congressID int64) ([]qianxiang.Motion, error) {
	return c.scanMotions(ctx, `congress_id = ?`, congressID)
}

// MotionsByStatus lists a congress's motions in one state.
func (c conn) MotionsByStatus(ctx context.Context, congressID int64, st qianxiang.MotionStatus) ([]qianxiang.Motion, error) {
	return c.scanMotions(ctx, `congress_id = ? AND status = ?`, congressID, string(st))
}

// MotionsOfReport lists the motions a review report covers.
func (c conn) MotionsOfReport(ctx context.Context, reportID int64) ([]qianxiang.Motion, error) {
	return c.scanMotions(ctx, `report_id = ?`, reportID)
}

// MotionByID finds a motion.
func (c conn) MotionByID(ctx context.Context, id int64) (qianxiang.Motion, error) {
	ms, err := c.scanMotions(ctx, `id = ?`, id)
	if err != nil {
		return qianxiang.Motion{}, err
	}
	if len(ms) == 0 {
		return qianxiang.Motion{}, qianxiang.ErrNotFound("motion")
	}
	return ms[0], nil
}

// InsertMotion adds a motion.
func (tx *Tx) InsertMotion(ctx context.Context, m *qianxiang.Motion) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO congress_motions (congress_id, title, reason, basis, solution, proposer, delegation, status, submitted_on,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.CongressID, m.Title, m.Reason, m.Basis, m.Solution, m.Proposer,
		m.Delegation, string(m.Status), dateText(m.SubmittedOn), now, now)
	m.ID, m.Version = id, 1
	return err
}

func dateText(d qianxiang.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// UpdateMotion writes a motion's state, checks, recommendation and report.
func (tx *Tx) UpdateMotion(ctx context.Context, m *qianxiang.Motion) error {
	_, err := tx.exec(ctx, `UPDATE congress_motions SET status = ?, submitted_on = ?, signers_ok = ?, content_ok = ?, timing_ok = ?, recommend = ?,
		review = ?, report_id = ?, suggestion_ref = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		string(m.Status), dateText(m.SubmittedOn), b2i(m.Checks.Signers), b2i(m.Checks.Content), b2i(m.Checks.Timing), m.Recommend,
		m.Review, m.ReportID, m.Suggestion, ts(tx.now()), m.ID)
	m.Version++
	return err
}

// SignMotion adds a deputy's signature (via "self" or "desk"); a second
// one is a conflict, refused by the primary key.
func (tx *Tx) SignMotion(ctx context.Context, motionID, deputyID int64, via string) error {
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM congress_motion_signers WHERE motion_id = ? AND deputy_id = ?`, motionID, deputyID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "this deputy has already signed the motion")
	}
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM congress_motion_signers WHERE motion_id = ?`, motionID).Scan(&n); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `INSERT INTO congress_motion_signers (motion_id, deputy_id, seq, via) VALUES (?, ?, ?, ?)`, motionID, deputyID, n+1, via)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "this deputy has already signed the motion")
	}
	return err
}

const motionReportCols = `id, congress_id, title, status, vote_id, version`

func (c conn) scanReports(ctx context.Context, where string, args ...any) ([]qianxiang.MotionReport, error) {
	rows, err := c.query(ctx, `SELECT `+motionReportCols+` FROM congress_motion_reports WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.MotionReport{}
	for rows.Next() {
		var r qianxiang.MotionReport
		var st string
		if err := rows.Scan(&r.ID, &r.CongressID, &r.Title, &st, &r.VoteID, &r.Version); err != nil {
			rows.Close()
			return nil, err
		}
		r.Status = qianxiang.MotionReportStatus(st)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		r := &out[i]
		r.Motions = []int64{}
		mrows, err := c.query(ctx, `SELECT id, recommend FROM congress_motions WHERE report_id = ? ORDER BY id`, r.ID)
		if err != nil {
			return nil, err
		}
		for mrows.Next() {
			var id int64
			var rec string
			if err := mrows.Scan(&id, &rec); err != nil {
				mrows.Close()
				return nil, err
			}
			r.Motions = append(r.Motions, id)
			if rec == qianxiang.RecommendListed {
				r.Listed++
			} else {
				r.Converted++
			}
		}
		mrows.Close()
	}
	return out, nil
}

// MotionReports lists a congress's review reports.
func (c conn) MotionReports(ctx context.Context, congressID int64) ([]qianxiang.MotionReport, error) {
	return c.scanReports(ctx, `congress_id = ?`, congressID)
}

// MotionReportByID finds a review report.
func (c conn) MotionReportByID(ctx context.Context, id int64) (qianxiang.MotionReport, error) {
	rs, err := c.scanReports(ctx, `id = ?`, id)
	if err != nil {
		return qianxiang.MotionReport{}, err
	}
	if len(rs) == 0 {
		return qianxiang.MotionReport{}, qianxiang.ErrNotFound("motion report")
	}
	return rs[0], nil
}

// MotionReportByVote finds the report a vote decides, if any.
func (c conn) MotionReportByVote(ctx context.Context, voteID int64) (qianxiang.MotionReport, bool, error) {
	rs, err := c.scanReports(ctx, `vote_id = ?`, voteID)
	if err != nil || len(rs) == 0 {
		return qianxiang.MotionReport{}, false, err
	}
	return rs[0], true, nil
}

// InsertMotionReport adds a report.
func (tx *Tx) InsertMotionReport(ctx context.Context, r *qianxiang.MotionReport) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO congress_motion_reports (congress_id, title, status, vote_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		r.CongressID, r.Title, string(r.Status), r.VoteID, now, now)
	r.ID, r.Version = id, 1
	return err
}

// UpdateMotionReport writes a report's state and vote.
func (tx *Tx) UpdateMotionReport(ctx context.Context, r *qianxiang.MotionReport) error {
	_, err := tx.exec(ctx, `UPDATE congress_motion_reports SET status = ?, vote_id = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		string(r.Status), r.VoteID, ts(tx.now()), r.ID)
	r.Version++
	return err
}
