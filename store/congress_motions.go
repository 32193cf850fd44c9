package store

import (
	"context"

	"qianxiang"
)

func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"congress_motions", "title"})
	backupTables = append(backupTables, "congress_motions", "congress_motion_signers")
	congressSequenced = append(congressSequenced, "congress_motions")
}

const motionCols = `id, congress_id, title, reason, basis, solution, proposer, status, review, version`

func (c conn) scanMotions(ctx context.Context, where string, args ...any) ([]qianxiang.Motion, error) {
	rows, err := c.query(ctx, `SELECT `+motionCols+` FROM congress_motions WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Motion{}
	for rows.Next() {
		var m qianxiang.Motion
		var st string
		if err := rows.Scan(&m.ID, &m.CongressID, &m.Title, &m.Reason, &m.Basis, &m.Solution, &m.Proposer, &st, &m.Review, &m.Version); err != nil {
			rows.Close()
			return nil, err
		}
		m.Status, m.Signers = qianxiang.MotionStatus(st), []string{}
		out = append(out, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		srows, err := c.query(ctx, `SELECT d.card FROM congress_motion_signers s JOIN congress_deputies d ON d.id = s.deputy_id
			WHERE s.motion_id = ? ORDER BY s.seq`, out[i].ID)
		if err != nil {
			return nil, err
		}
		for srows.Next() {
			var card string
			if err := srows.Scan(&card); err != nil {
				srows.Close()
				return nil, err
			}
			out[i].Signers = append(out[i].Signers, card)
		}
		srows.Close()
	}
	return out, nil
}

// Motions lists a congress's motions with their signers.
func (c conn) Motions(ctx context.Context, congressID int64) ([]qianxiang.Motion, error) {
	return c.scanMotions(ctx, `congress_id = ?`, congressID)
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
	id, err := tx.insert(ctx, `INSERT INTO congress_motions (congress_id, title, reason, basis, solution, proposer, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.CongressID, m.Title, m.Reason, m.Basis, m.Solution, m.Proposer, string(m.Status), now, now)
	m.ID, m.Version = id, 1
	return err
}

// UpdateMotion writes a motion's status and review.
func (tx *Tx) UpdateMotion(ctx context.Context, m *qianxiang.Motion) error {
	_, err := tx.exec(ctx, `UPDATE congress_motions SET status = ?, review = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		string(m.Status), m.Review, ts(tx.now()), m.ID)
	m.Version++
	return err
}

// SignMotion adds a deputy's signature; a second one is a conflict.
func (tx *Tx) SignMotion(ctx context.Context, motionID, deputyID int64) error {
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM congress_motion_signers WHERE motion_id = ? AND deputy_id = ?`, motionID, deputyID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "you have already signed this motion")
	}
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM congress_motion_signers WHERE motion_id = ?`, motionID).Scan(&n); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `INSERT INTO congress_motion_signers (motion_id, deputy_id, seq) VALUES (?, ?, ?)`, motionID, deputyID, n+1)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "you have already signed this motion")
	}
	return err
}
