package store

import (
	"context"
	"fmt"

	"qianxiang"
)

const voteCols = `id, meeting_id, title, anonymity, status, round, members, present, threshold,
	for_count, against_count, abstain_count, not_voted, passed, opened_at, closed_at, version`

func scanVote(s interface{ Scan(...any) error }) (qianxiang.Vote, error) {
	var v qianxiang.Vote
	var anon, status, opened, closed string
	var passed int
	err := s.Scan(&v.ID, &v.MeetingID, &v.Title, &anon, &status, &v.Round, &v.Members, &v.Present, &v.Threshold,
		&v.Result.For, &v.Result.Against, &v.Result.Abstain, &v.NotVoted, &passed, &opened, &closed, &v.Version)
	v.Anonymity, v.Status, v.Passed = qianxiang.Anonymity(anon), qianxiang.VoteStatus(status), passed == 1
	if opened != "" {
		v.OpenedAt = parseTS(opened)
	}
	if closed != "" {
		v.ClosedAt = parseTS(closed)
	}
	return v, err
}

// VoteByID finds a vote.
func (c conn) VoteByID(ctx context.Context, id int64) (qianxiang.Vote, error) {
	v, err := scanVote(c.queryRow(ctx, `SELECT `+voteCols+` FROM congress_votes WHERE id = ?`, id))
	return v, notFound(err, "vote")
}

// Votes lists a meeting's votes in the order they were set up.
func (c conn) Votes(ctx context.Context, meetingID int64) ([]qianxiang.Vote, error) {
	rows, err := c.query(ctx, `SELECT `+voteCols+` FROM congress_votes WHERE meeting_id = ? ORDER BY id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Vote{}
	for rows.Next() {
		v, err := scanVote(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// InsertVote adds a draft vote.
func (tx *Tx) InsertVote(ctx context.Context, v *qianxiang.Vote) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO congress_votes (meeting_id, title, anonymity, status, round, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
		v.MeetingID, v.Title, string(v.Anonymity), string(v.Status), now, now)
	v.ID, v.Version, v.Round = id, 1, 1
	return err
}

// UpdateVote writes a vote's state and result.
func (tx *Tx) UpdateVote(ctx context.Context, v *qianxiang.Vote, reason string) error {
	opened, closed := "", ""
	if !v.OpenedAt.IsZero() {
		opened = ts(v.OpenedAt)
	}
	if !v.ClosedAt.IsZero() {
		closed = ts(v.ClosedAt)
	}
	_, err := tx.exec(ctx, `UPDATE congress_votes SET status = ?, round = ?, members = ?, present = ?, threshold = ?, for_count = ?, against_count = ?,
		abstain_count = ?, not_voted = ?, passed = ?, opened_at = ?, closed_at = ?, reason = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		string(v.Status), v.Round, v.Members, v.Present, v.Threshold, v.Result.For, v.Result.Against, v.Result.Abstain, v.NotVoted,
		b2i(v.Passed), opened, closed, reason, ts(tx.now()), v.ID)
	v.Version++
	return err
}

// StartTally creates the running count of a vote that opens.
func (tx *Tx) StartTally(ctx context.Context, voteID int64) error {
	_, err := tx.exec(ctx, `INSERT INTO congress_tallies (vote_id) VALUES (?)`, voteID)
	return err
}

// TakeTally ends the running count of a vote and returns it; ballots
// waiting on its row find it gone and are refused.
func (tx *Tx) TakeTally(ctx context.Context, voteID int64) (qianxiang.Tally, error) {
	var t qianxiang.Tally
	err := tx.queryRow(ctx, `DELETE FROM congress_tallies WHERE vote_id = ? RETURNING for_count, against_count, abstain_count`, voteID).
		Scan(&t.For, &t.Against, &t.Abstain)
	return t, notFound(err, "running count")
}

// DiscardBallots removes a round's ballots when a vote is reopened.
func (tx *Tx) DiscardBallots(ctx context.Context, voteID int64) error {
	_, err := tx.exec(ctx, `DELETE FROM congress_ballots WHERE vote_id = ?`, voteID)
	return err
}

// Cast counts the ballots of a vote (who voted, never how).
func (c conn) Cast(ctx context.Context, voteID int64) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM congress_ballots WHERE vote_id = ?`, voteID).Scan(&n)
	return n, err
}

// HasVoted reports whether a deputy has a ballot in a vote.
func (c conn) HasVoted(ctx context.Context, voteID, deputyID int64) (bool, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM congress_ballots WHERE vote_id = ? AND deputy_id = ?`, voteID, deputyID).Scan(&n)
	return n > 0, err
}

// NamedBallots lists the choices of a named vote, by seat order.
func (c conn) NamedBallots(ctx context.Context, voteID int64) ([]qianxiang.NamedBallot, error) {
	rows, err := c.query(ctx, `SELECT d.card, d.name, b.choice FROM congress_ballots b JOIN congress_deputies d ON d.id = b.deputy_id
		WHERE b.vote_id = ? AND b.choice <> '' ORDER BY d.seq, d.id`, voteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.NamedBallot{}
	for rows.Next() {
		var b qianxiang.NamedBallot
		var ch string
		if err := rows.Scan(&b.Card, &b.Name, &ch); err != nil {
			return nil, err
		}
		b.Choice = qianxiang.Choice(ch)
		out = append(out, b)
	}
	return out, rows.Err()
}

// ForgetHistory asks the database to drop what it keeps of rows' past
// versions after a vote closes: SQLite's write-ahead log holds every
// committed page image of the running count until a checkpoint, and
// PostgreSQL keeps dead row versions until vacuum. Runs outside a
// transaction.
func (db *DB) ForgetHistory(ctx context.Context) error {
	switch db.d {
	case SQLite:
		// The checkpoint waits (busy timeout) for readers to move to the
		// newest snapshot; one still reading then makes it give up
		// without an error, only a busy flag, which must not pass
		// silently: the log would keep the count's past versions.
		var busy, logged, moved int
		if err := db.w.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &moved); err != nil {
			return err
		}
		if busy != 0 {
			return fmt.Errorf("write-ahead log not truncated: a reader held an older snapshot (%d of %d pages moved)", moved, logged)
		}
		return nil
	case Postgres:
		_, err := db.w.ExecContext(ctx, `VACUUM congress_tallies`)
		return err
	}
	return nil
}
