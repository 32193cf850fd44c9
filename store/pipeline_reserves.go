package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"qianxiang"
)

// ReserveInfo is a reserve project's agency and manual channel marks.
type ReserveInfo struct {
	Agency   string
	Channels map[qianxiang.Channel]string
}

// Reserves reads the agency and channel marks of projects.
func (c conn) Reserves(ctx context.Context, ids []int64) (map[int64]ReserveInfo, error) {
	out := map[int64]ReserveInfo{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := c.query(ctx, `SELECT project_id, agency, channels FROM pipeline_reserves WHERE project_id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var pid int64
			var ri ReserveInfo
			var ch string
			if err := rows.Scan(&pid, &ri.Agency, &ch); err != nil {
				rows.Close()
				return nil, err
			}
			json.Unmarshal([]byte(ch), &ri.Channels)
			out[pid] = ri
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PutReserve writes a project's agency and channel marks; ok false when
// nothing changed.
func (tx *Tx) PutReserve(ctx context.Context, projectID int64, ri ReserveInfo) (ch RowChange, ok bool, err error) {
	marks := map[qianxiang.Channel]string{}
	for c, m := range ri.Channels {
		if m != "" {
			marks[c] = m
		}
	}
	js, _ := json.Marshal(marks) // map keys are sorted: the same marks give the same text
	var agency, old string
	err = tx.queryRow(ctx, `SELECT id, agency, channels FROM pipeline_reserves WHERE project_id = ?`, projectID).Scan(&ch.ID, &agency, &old)
	ch.Label = ri.Agency
	now := ts(tx.now())
	if errors.Is(err, sql.ErrNoRows) {
		ch.Action = "create"
		ch.ID, err = tx.insert(ctx, `INSERT INTO pipeline_reserves (project_id, agency, channels, updated_at) VALUES (?, ?, ?, ?)`, projectID, ri.Agency, string(js), now)
		return ch, err == nil, err
	}
	if err != nil || (agency == ri.Agency && old == string(js)) {
		return ch, false, err
	}
	ch.Action = "update"
	if ch.Before, err = tx.Snapshot(ctx, "pipeline_reserves", ch.ID); err != nil {
		return ch, false, err
	}
	_, err = tx.exec(ctx, `UPDATE pipeline_reserves SET agency = ?, channels = ?, version = version + 1, updated_at = ? WHERE id = ?`, ri.Agency, string(js), now, ch.ID)
	return ch, err == nil, err
}

// pipelineChildren are the pipeline's governed tables that hang on a
// project.
var pipelineChildren = []struct{ table, label string }{
	{"pipeline_checks", "item_key"}, {"pipeline_reserves", "agency"}, {"promotions", "contact"}, {"promotion_interests", "company"},
}

// DeletePipelineOf removes a project's pipeline rows before the project is
// deleted, returning them for the audit: left to the foreign keys'
// cascade, they would vanish from the trail's view and audit verify would
// report them deleted outside the application.
func (tx *Tx) DeletePipelineOf(ctx context.Context, projectID int64) ([]RowChange, error) {
	var out []RowChange
	for _, c := range pipelineChildren {
		rows, err := tx.query(ctx, `SELECT id, `+c.label+` FROM `+c.table+` WHERE project_id = ? ORDER BY id`, projectID)
		if err != nil {
			return nil, err
		}
		var chs []RowChange
		for rows.Next() {
			ch := RowChange{Table: c.table, Action: "delete"}
			if err := rows.Scan(&ch.ID, &ch.Label); err != nil {
				rows.Close()
				return nil, err
			}
			chs = append(chs, ch)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for i := range chs {
			if chs[i].Before, err = tx.Snapshot(ctx, c.table, chs[i].ID); err != nil {
				return nil, err
			}
		}
		if _, err := tx.exec(ctx, `DELETE FROM `+c.table+` WHERE project_id = ?`, projectID); err != nil {
			return nil, err
		}
		out = append(out, chs...)
	}
	return out, nil
}
