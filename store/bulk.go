package store

import (
	"context"
	"database/sql"
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
	ret := ""
	if each != nil {
		ret = " RETURNING *"
	}
	return tx.bulkChunks(ctx, table, cols, rows, tail+ret, func(st *sql.Stmt, q string, args []any) error {
		return tx.bulkRun(ctx, st, q, args, each)
	})
}

// bulkCount is bulkWrite without RETURNING: the rows the statements
// counted (for an upsert, those inserted or updated; a row its WHERE
// leaves alone is not counted).
func (tx *Tx) bulkCount(ctx context.Context, table string, cols []string, rows [][]any, tail string) (int64, error) {
	var n int64
	err := tx.bulkChunks(ctx, table, cols, rows, tail, func(st *sql.Stmt, q string, args []any) error {
		var res sql.Result
		var err error
		if st != nil {
			res, err = st.ExecContext(ctx, args...)
		} else {
			res, err = tx.exec(ctx, q, args...)
		}
		if err != nil {
			return err
		}
		k, err := res.RowsAffected()
		n += k
		return err
	})
	return n, err
}

// bulkChunks cuts rows into statements of bulkChunk rows and runs each:
// the full chunks share one statement, prepared once (st), the last one
// is run as text (q). Parsing (and on PostgreSQL numbering) a statement
// of thousands of placeholders for every chunk was a tenth of a province's
// import.
func (tx *Tx) bulkChunks(ctx context.Context, table string, cols []string, rows [][]any, tail string, run func(st *sql.Stmt, q string, args []any) error) error {
	if len(rows) == 0 {
		return nil
	}
	head := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES `
	one := "(" + placeholders(len(cols)) + ")"
	text := func(n int) string {
		return head + strings.TrimSuffix(strings.Repeat(one+", ", n), ", ") + tail
	}
	var st *sql.Stmt
	if len(rows) >= 2*bulkChunk {
		var err error
		if st, err = tx.tx.PrepareContext(ctx, tx.rebind(text(bulkChunk))); err != nil {
			return err
		}
		defer st.Close()
	}
	args := make([]any, 0, bulkChunk*len(cols))
	for start := 0; start < len(rows); start += bulkChunk {
		chunk := rows[start:min(start+bulkChunk, len(rows))]
		args = args[:0]
		for _, r := range chunk {
			args = append(args, r...)
		}
		var err error
		if st != nil && len(chunk) == bulkChunk {
			err = run(st, "", args)
		} else {
			err = run(nil, text(len(chunk)), args)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) bulkRun(ctx context.Context, st *sql.Stmt, q string, args []any, each func(int64, string) error) error {
	if each == nil {
		var err error
		if st != nil {
			_, err = st.ExecContext(ctx, args...)
		} else {
			_, err = tx.exec(ctx, q, args...)
		}
		return err
	}
	var rows *sql.Rows
	var err error
	if st != nil {
		rows, err = st.QueryContext(ctx, args...)
	} else {
		rows, err = tx.query(ctx, q, args...)
	}
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
