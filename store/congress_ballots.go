package store

import (
	"context"
	"strings"

	"qianxiang"
)

// Ballots in batches. Deputies press within seconds of each other, and a
// transaction per ballot made the single writer the hall's bottleneck:
// each ballot paid for its own begin, audit-chain head, notification and
// commit. The app gathers the ballots that arrive while a batch is being
// written and records them together with these statements.

// BallotIn is one deputy's ballot of a batch.
type BallotIn struct {
	DeputyID int64
	Choice   qianxiang.Choice
}

// LockTally takes the running count of an open vote for this
// transaction (the row lock on PostgreSQL; SQLite's writer holds the
// database); false when the vote is not open, its count gone.
func (tx *Tx) LockTally(ctx context.Context, voteID int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE congress_tallies SET for_count = for_count WHERE vote_id = ?`, voteID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// PresentAmong returns which of the deputies are checked in at the meeting.
func (tx *Tx) PresentAmong(ctx context.Context, meetingID int64, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	for start := 0; start < len(ids); start += bulkChunk {
		chunk := ids[start:min(start+bulkChunk, len(ids))]
		args := []any{meetingID}
		for _, id := range chunk {
			args = append(args, id)
		}
		rows, err := tx.query(ctx, `SELECT deputy_id FROM congress_attendance WHERE meeting_id = ? AND status = 'present' AND deputy_id IN (`+
			placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// InsertBallots writes the "has voted" rows of a batch (with the choice
// only for a named vote) and returns the deputies whose row went in; a
// deputy who had already voted keeps their one row (the primary key) and
// is missing from the answer. Each deputy appears once in the batch.
func (tx *Tx) InsertBallots(ctx context.Context, voteID int64, in []BallotIn, named bool) (map[int64]bool, error) {
	out := map[int64]bool{}
	for start := 0; start < len(in); start += bulkChunk {
		chunk := in[start:min(start+bulkChunk, len(in))]
		vals := make([]string, len(chunk))
		args := make([]any, 0, 3*len(chunk))
		for i, b := range chunk {
			stored := ""
			if named {
				stored = string(b.Choice)
			}
			vals[i] = "(?, ?, ?)"
			args = append(args, voteID, b.DeputyID, stored)
		}
		rows, err := tx.query(ctx, `INSERT INTO congress_ballots (vote_id, deputy_id, choice) VALUES `+strings.Join(vals, ", ")+
			` ON CONFLICT (vote_id, deputy_id) DO NOTHING RETURNING deputy_id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// AddToTally adds a batch's choices to the running count.
func (tx *Tx) AddToTally(ctx context.Context, voteID int64, t qianxiang.Tally) error {
	res, err := tx.exec(ctx, `UPDATE congress_tallies SET for_count = for_count + ?, against_count = against_count + ?,
		abstain_count = abstain_count + ? WHERE vote_id = ?`, t.For, t.Against, t.Abstain, voteID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return qianxiang.Errorf(qianxiang.EValidation, "the vote is not open")
	}
	return nil
}
