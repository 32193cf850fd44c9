package store

import (
	"context"

	"qianxiang"
)

func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"congress_body_members", "body"})
	backupTables = append(backupTables, "congress_body_members")
	sequencedTables = append(sequencedTables, "congress_body_members")
}

// BodyMembers lists a session body's members in their order.
func (c conn) BodyMembers(ctx context.Context, congressID int64, body qianxiang.SessionBody) ([]qianxiang.BodyMember, error) {
	rows, err := c.query(ctx, `SELECT b.body, b.role, d.id, d.congress_id, d.seq, d.name, d.delegation, d.gender, d.ethnicity, d.title, d.seat,
		d.card, d.presidium, COALESCE(d.user_id, 0) FROM congress_body_members b
		JOIN congress_deputies d ON d.id = b.deputy_id WHERE b.congress_id = ? AND b.body = ? ORDER BY b.seq, b.id`, congressID, string(body))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.BodyMember{}
	for rows.Next() {
		var m qianxiang.BodyMember
		var b string
		var p int
		d := &m.Deputy
		if err := rows.Scan(&b, &m.Role, &d.ID, &d.CongressID, &d.Seq, &d.Name, &d.Delegation, &d.Gender, &d.Ethnicity, &d.Title, &d.Seat,
			&d.Card, &p, &d.UserID); err != nil {
			return nil, err
		}
		d.Presidium = p == 1
		m.Body, m.Card, m.Name = qianxiang.SessionBody(b), d.Card, d.Name
		out = append(out, m)
	}
	return out, rows.Err()
}

// BodyMemberIDs gives the row ids of a body's members, for the audit.
func (c conn) BodyMemberIDs(ctx context.Context, congressID int64, body qianxiang.SessionBody) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT id FROM congress_body_members WHERE congress_id = ? AND body = ? ORDER BY id`, congressID, string(body))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DeleteBodyMember removes one member row.
func (tx *Tx) DeleteBodyMember(ctx context.Context, id int64) error {
	_, err := tx.exec(ctx, `DELETE FROM congress_body_members WHERE id = ?`, id)
	return err
}

// InsertBodyMember adds a deputy to a body.
func (tx *Tx) InsertBodyMember(ctx context.Context, congressID int64, m qianxiang.BodyMember, seq int) (int64, error) {
	now := ts(tx.now())
	return tx.insert(ctx, `INSERT INTO congress_body_members (congress_id, body, deputy_id, role, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		congressID, string(m.Body), m.Deputy.ID, m.Role, seq, now, now)
}

// IsBodyMember reports whether a deputy sits in a body.
func (c conn) IsBodyMember(ctx context.Context, body qianxiang.SessionBody, deputyID int64) (bool, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM congress_body_members WHERE body = ? AND deputy_id = ?`, string(body), deputyID).Scan(&n)
	return n > 0, err
}
