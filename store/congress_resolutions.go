package store

import (
	"context"

	"qianxiang"
)

func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"congress_resolutions", "title"},
		struct{ Table, LabelCol string }{"congress_followups", "body"})
	backupTables = append(backupTables, "congress_resolutions", "congress_followups")
	sequencedTables = append(sequencedTables, "congress_resolutions", "congress_followups")
}

// SetVoteKind marks a vote as a resolution ("resolution") or a plain item ("").
func (tx *Tx) SetVoteKind(ctx context.Context, voteID int64, kind string) error {
	_, err := tx.exec(ctx, `UPDATE congress_votes SET kind = ? WHERE id = ?`, kind, voteID)
	return err
}

// VoteKind reads a vote's kind.
func (c conn) VoteKind(ctx context.Context, voteID int64) (string, error) {
	var k string
	err := c.queryRow(ctx, `SELECT kind FROM congress_votes WHERE id = ?`, voteID).Scan(&k)
	return k, notFound(err, "vote")
}

const resolutionCols = `id, congress_id, vote_id, title, kind, year, passed_on, version`

func (c conn) scanResolutions(ctx context.Context, where string, args ...any) ([]qianxiang.Resolution, error) {
	rows, err := c.query(ctx, `SELECT `+resolutionCols+` FROM congress_resolutions WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Resolution{}
	for rows.Next() {
		var r qianxiang.Resolution
		var kind, passed string
		if err := rows.Scan(&r.ID, &r.CongressID, &r.VoteID, &r.Title, &kind, &r.Year, &passed, &r.Version); err != nil {
			rows.Close()
			return nil, err
		}
		r.Kind = qianxiang.ResolutionKind(kind)
		r.PassedOn, _ = qianxiang.ParseDate(passed)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].FollowUps, err = c.followUps(ctx, `resolution_id = ?`, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c conn) followUps(ctx context.Context, where string, args ...any) ([]qianxiang.FollowUp, error) {
	rows, err := c.query(ctx, `SELECT id, resolution_id, body, due, status, report, reported_on, note, version FROM congress_followups
		WHERE `+where+` ORDER BY due, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.FollowUp{}
	for rows.Next() {
		var f qianxiang.FollowUp
		var body, due, st, on string
		if err := rows.Scan(&f.ID, &f.ResolutionID, &body, &due, &st, &f.Report, &on, &f.Note, &f.Version); err != nil {
			return nil, err
		}
		f.Body, f.Status = qianxiang.Executor(body), qianxiang.FollowUpStatus(st)
		f.Due, _ = qianxiang.ParseDate(due)
		f.ReportedOn, _ = qianxiang.ParseDate(on)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Resolutions lists a congress's resolutions with their report-backs.
func (c conn) Resolutions(ctx context.Context, congressID int64) ([]qianxiang.Resolution, error) {
	return c.scanResolutions(ctx, `congress_id = ?`, congressID)
}

// ResolutionByID finds a resolution.
func (c conn) ResolutionByID(ctx context.Context, id int64) (qianxiang.Resolution, error) {
	rs, err := c.scanResolutions(ctx, `id = ?`, id)
	if err != nil {
		return qianxiang.Resolution{}, err
	}
	if len(rs) == 0 {
		return qianxiang.Resolution{}, qianxiang.ErrNotFound("resolution")
	}
	return rs[0], nil
}

// ResolutionByVote finds the resolution a vote passed, if any.
func (c conn) ResolutionByVote(ctx context.Context, voteID int64) (qianxiang.Resolution, bool, error) {
	rs, err := c.scanResolutions(ctx, `vote_id = ?`, voteID)
	if err != nil || len(rs) == 0 {
		return qianxiang.Resolution{}, false, err
	}
	return rs[0], true, nil
}

// FollowUpByID finds one report-back.
func (c conn) FollowUpByID(ctx context.Context, id int64) (qianxiang.FollowUp, error) {
	fs, err := c.followUps(ctx, `id = ?`, id)
	if err != nil {
		return qianxiang.FollowUp{}, err
	}
	if len(fs) == 0 {
		return qianxiang.FollowUp{}, qianxiang.ErrNotFound("report-back")
	}
	return fs[0], nil
}

// InsertResolution adds a resolution (one per vote).
func (tx *Tx) InsertResolution(ctx context.Context, r *qianxiang.Resolution) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO congress_resolutions (congress_id, vote_id, title, kind, year, passed_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.CongressID, r.VoteID, r.Title, string(r.Kind), r.Year, dateText(r.PassedOn), now, now)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "the vote is already a resolution")
	}
	r.ID, r.Version = id, 1
	return err
}

// HasFollowUp reports a report-back of the body on the date.
func (c conn) HasFollowUp(ctx context.Context, resolutionID int64, body qianxiang.Executor, due qianxiang.Date) (bool, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM congress_followups WHERE resolution_id = ? AND body = ? AND due = ?`,
		resolutionID, string(body), due.String()).Scan(&n)
	return n > 0, err
}

// InsertFollowUp adds a report-back; the same body on the same date twice is a conflict.
func (tx *Tx) InsertFollowUp(ctx context.Context, f *qianxiang.FollowUp) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO congress_followups (resolution_id, body, due, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		f.ResolutionID, string(f.Body), f.Due.String(), string(f.Status), now, now)
	f.ID, f.Version = id, 1
	return err
}

// UpdateFollowUp writes a report-back's state.
func (tx *Tx) UpdateFollowUp(ctx context.Context, f *qianxiang.FollowUp) error {
	_, err := tx.exec(ctx, `UPDATE congress_followups SET status = ?, report = ?, reported_on = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		string(f.Status), f.Report, dateText(f.ReportedOn), f.Note, ts(tx.now()), f.ID)
	f.Version++
	return err
}
