package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"qianxiang"
)

const instructionSelect = `SELECT i.id, i.problem_id, u.id, u.username, u.display_name, i.text, i.created_at, i.acked_at, i.acked_by
	FROM problem_instructions i JOIN users u ON u.id = i.leader_id`

func scanInstruction(s interface{ Scan(...any) error }) (qianxiang.Instruction, error) {
	var i qianxiang.Instruction
	var at, acked string
	err := s.Scan(&i.ID, &i.ProblemID, &i.Leader.ID, &i.Leader.Username, &i.Leader.Name, &i.Text, &at, &acked, &i.AckedBy)
	i.At, i.AckedAt = parseTS(at), parseTS(acked)
	return i, err
}

// Instructions lists the instructions on some problems, oldest first.
func (c conn) Instructions(ctx context.Context, problemIDs ...int64) ([]qianxiang.Instruction, error) {
	out := []qianxiang.Instruction{}
	if len(problemIDs) == 0 {
		return out, nil
	}
	ph := make([]string, len(problemIDs))
	args := make([]any, len(problemIDs))
	for i, id := range problemIDs {
		ph[i], args[i] = "?", id
	}
	rows, err := c.query(ctx, instructionSelect+` WHERE i.problem_id IN (`+strings.Join(ph, ",")+`) ORDER BY i.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		i, err := scanInstruction(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// Instruction reads one instruction.
func (c conn) Instruction(ctx context.Context, id int64) (qianxiang.Instruction, error) {
	i, err := scanInstruction(c.queryRow(ctx, instructionSelect+` WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return i, qianxiang.ErrNotFound("instruction")
	}
	return i, err
}

// InsertInstruction records a leader's 批示 and sets its ID.
func (tx *Tx) InsertInstruction(ctx context.Context, i *qianxiang.Instruction) error {
	now := tx.now()
	id, err := tx.insert(ctx, `INSERT INTO problem_instructions (problem_id, leader_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		i.ProblemID, i.Leader.ID, i.Text, ts(now), ts(now))
	i.ID, i.At = id, parseTS(ts(now))
	return err
}

// AckInstruction records the owner's acknowledgement, once.
func (tx *Tx) AckInstruction(ctx context.Context, id int64, by string) (bool, error) {
	now := ts(tx.now())
	res, err := tx.exec(ctx, `UPDATE problem_instructions SET acked_at = ?, acked_by = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND acked_at = ''`, now, by, now, id)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
