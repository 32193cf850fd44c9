package store

import (
	"context"
	"strings"
)

// bulkChunk is how many rows one INSERT carries (at most 26 values a row,
// well under both databases' limits on parameters).
const bulkChunk = 500

// bulkInsert inserts rows (each the values of cols) with multi-row INSERTs
// of bulkChunk rows, and calls each with every RETURNING * row's id and
// snapshot when each is not nil. (PostgreSQL's unnest of one array per column was tried: its text
// arrays of JSON snapshots took three times as long to send and parse.)
func (tx *Tx) bulkInsert(ctx context.Context, table string, cols []string, rows [][]any, each func(id int64, snapshot string) error) error {
	return tx.bulkWrite(ctx, table, cols, rows, "", each)
}

// bulkWrite is bulkInsert with tail after each statement's VALUES (an ON
// CONFLICT clause: the same statement both inserts and updates).
func (tx *Tx) bulkWrite(ctx context.Context, table string, cols []string, rows [][]any, tail string, each func(id int64, snapshot string) error) error {
	if len(rows) == 0 {
		return nil
	}
	ret := ""
	if each != nil {
		ret = " RETURNING *"
	}
	head := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) `
	one := "(" + placeholders(len(cols)) + ")"
	for start := 0; start < len(rows); start += bulkChunk {
		chunk := rows[start:min(start+bulkChunk, len(rows))]
		vals := make([]string, len(chunk))
		args := make([]any, 0, len(chunk)*len(cols))
		for i, r := range chunk {
			vals[i] = one
			args = append(args, r...)
		}
		if err := tx.bulkRun(ctx, head+`VALUES `+strings.Join(vals, ", ")+tail+ret, args, each); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) bulkRun(ctx context.Context, q string, args []any, each func(int64, string) error) error {
	if each == nil {
		_, err := tx.exec(ctx, q, args...)
		return err
	}
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	snaps, err := newSnapshotRows(rows)
	if err != nil {
		return err
	}
	for rows.Next() {
		id, snap, err := snaps.next(rows)
		if err != nil {
			return err
		}
		if err := each(id, snap); err != nil {
			return err
		}
	}
	return rows.Err()
}

// bulkCount is bulkWrite without RETURNING: the rows the statements
// counted (for an upsert, those inserted or updated; a row its WHERE
// leaves alone is not counted).
func (tx *Tx) bulkCount(ctx context.Context, table string, cols []string, rows [][]any, tail string) (int64, error) {
	var n int64
	head := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) `
	one := "(" + placeholders(len(cols)) + ")"
	for start := 0; start < len(rows); start += bulkChunk {
		chunk := rows[start:min(start+bulkChunk, len(rows))]
		vals := make([]string, len(chunk))
		args := make([]any, 0, len(chunk)*len(cols))
		for i, r := range chunk {
			vals[i] = one
			args = append(args, r...)
		}
		res, err := tx.exec(ctx, head+`VALUES `+strings.Join(vals, ", ")+tail, args...)
		if err != nil {
			return 0, err
		}
		k, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		n += k
	}
	return n, nil
}
