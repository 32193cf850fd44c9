package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

// The congress's tables join the governed ones (audited, verified) and the
// backup. congress_tallies is neither: it is the running count of an open
// vote, and a copy of it beside the list of who has voted could tell, from
// two backups taken a ballot apart, how one deputy voted.
func init() {
	governed = append(governed,
		struct{ Table, LabelCol string }{"congresses", "name"},
		struct{ Table, LabelCol string }{"congress_deputies", "name"},
		struct{ Table, LabelCol string }{"congress_meetings", "title"},
		struct{ Table, LabelCol string }{"congress_attendance", "id"},
		struct{ Table, LabelCol string }{"congress_votes", "title"})
	backupTables = append(backupTables, "congresses", "congress_deputies", "congress_meetings", "congress_attendance",
		"congress_votes", "congress_ballots")
}

// sequencedTables are the tables of modules 4–7 with identity ids, whose
// counters a PostgreSQL restore moves past the restored rows.
var sequencedTables = []string{"congresses", "congress_deputies", "congress_meetings", "congress_attendance", "congress_votes"}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return qianxiang.ErrNotFound(what)
	}
	return err
}

const congressCols = `id, code, name, quorum_num, quorum_den, majority_num, majority_den, motion_deadline`

func scanCongress(s interface{ Scan(...any) error }) (qianxiang.CongressRules, error) {
	var c qianxiang.CongressRules
	var deadline string
	err := s.Scan(&c.ID, &c.Code, &c.Name, &c.Quorum.Num, &c.Quorum.Den, &c.Majority.Num, &c.Majority.Den, &deadline)
	c.MotionDeadline, _ = qianxiang.ParseDate(deadline)
	return c, err
}

// CongressByCode finds a congress.
func (c conn) CongressByCode(ctx context.Context, code string) (qianxiang.CongressRules, error) {
	r, err := scanCongress(c.queryRow(ctx, `SELECT `+congressCols+` FROM congresses WHERE code = ?`, code))
	return r, notFound(err, "congress")
}

// CongressByID finds a congress.
func (c conn) CongressByID(ctx context.Context, id int64) (qianxiang.CongressRules, error) {
	r, err := scanCongress(c.queryRow(ctx, `SELECT `+congressCols+` FROM congresses WHERE id = ?`, id))
	return r, notFound(err, "congress")
}

// SetMotionDeadline records the session's last day for motions ("" for none).
func (tx *Tx) SetMotionDeadline(ctx context.Context, congressID int64, d qianxiang.Date) error {
	v := ""
	if !d.IsZero() {
		v = d.String()
	}
	_, err := tx.exec(ctx, `UPDATE congresses SET motion_deadline = ?, version = version + 1, updated_at = ? WHERE id = ?`, v, ts(tx.now()), congressID)
	return err
}

// Congresses lists congresses, newest first.
func (c conn) Congresses(ctx context.Context) ([]qianxiang.CongressRules, error) {
	rows, err := c.query(ctx, `SELECT `+congressCols+` FROM congresses ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.CongressRules{}
	for rows.Next() {
		r, err := scanCongress(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// InsertCongress adds a congress with the default rules.
func (tx *Tx) InsertCongress(ctx context.Context, k *qianxiang.Congress) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO congresses (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)`, k.Code, k.Name, now, now)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "congress %q exists", k.Code)
	}
	k.ID = id
	return err
}

const deputyCols = `id, congress_id, seq, name, delegation, gender, ethnicity, title, seat, card, presidium, COALESCE(user_id, 0)`

func scanDeputy(s interface{ Scan(...any) error }) (qianxiang.Deputy, error) {
	var d qianxiang.Deputy
	var p int
	err := s.Scan(&d.ID, &d.CongressID, &d.Seq, &d.Name, &d.Delegation, &d.Gender, &d.Ethnicity, &d.Title, &d.Seat, &d.Card, &p, &d.UserID)
	d.Presidium = p == 1
	return d, err
}

func (c conn) deputies(ctx context.Context, where string, args ...any) ([]qianxiang.Deputy, error) {
	rows, err := c.query(ctx, `SELECT `+deputyCols+` FROM congress_deputies WHERE `+where+` ORDER BY seq, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Deputy{}
	for rows.Next() {
		d, err := scanDeputy(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Deputies lists a congress's roster, optionally one delegation.
func (c conn) Deputies(ctx context.Context, congressID int64, delegation string) ([]qianxiang.Deputy, error) {
	if delegation != "" {
		return c.deputies(ctx, `congress_id = ? AND delegation = ?`, congressID, delegation)
	}
	return c.deputies(ctx, `congress_id = ?`, congressID)
}

// DeputyByCard finds a deputy by card number (代表证号).
func (c conn) DeputyByCard(ctx context.Context, congressID int64, card string) (qianxiang.Deputy, error) {
	d, err := scanDeputy(c.queryRow(ctx, `SELECT `+deputyCols+` FROM congress_deputies WHERE congress_id = ? AND card = ?`, congressID, card))
	return d, notFound(err, "deputy")
}

// DeputyByUser finds the deputy record linked to a login.
func (c conn) DeputyByUser(ctx context.Context, congressID, userID int64) (qianxiang.Deputy, error) {
	d, err := scanDeputy(c.queryRow(ctx, `SELECT `+deputyCols+` FROM congress_deputies WHERE congress_id = ? AND user_id = ?`, congressID, userID))
	return d, notFound(err, "deputy")
}

// DeputiesNamed finds deputies by name (the desk types a name).
func (c conn) DeputiesNamed(ctx context.Context, congressID int64, name string) ([]qianxiang.Deputy, error) {
	return c.deputies(ctx, `congress_id = ? AND name = ?`, congressID, name)
}

// DeputyCongresses lists the congresses a login is a deputy of.
func (c conn) DeputyCongresses(ctx context.Context, userID int64) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT congress_id FROM congress_deputies WHERE user_id = ? ORDER BY congress_id DESC`, userID)
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

// InsertDeputy adds a deputy; a card number already in the congress is a conflict.
func (tx *Tx) InsertDeputy(ctx context.Context, d *qianxiang.Deputy) error {
	now := ts(tx.now())
	var uid any
	if d.UserID != 0 {
		uid = d.UserID
	}
	id, err := tx.insert(ctx, `INSERT INTO congress_deputies (congress_id, seq, name, delegation, gender, ethnicity, title, seat, card, presidium, user_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.CongressID, d.Seq, d.Name, d.Delegation, d.Gender, d.Ethnicity, d.Title, d.Seat, d.Card,
		b2i(d.Presidium), uid, now, now)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "card number %s is already on the roster", d.Card)
	}
	d.ID = id
	return err
}

// Delegations counts a congress's deputies by delegation, largest first.
func (c conn) Delegations(ctx context.Context, congressID int64) ([]qianxiang.Count, error) {
	rows, err := c.query(ctx, `SELECT delegation, COUNT(*) FROM congress_deputies WHERE congress_id = ? GROUP BY delegation ORDER BY COUNT(*) DESC, delegation`, congressID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Count{}
	for rows.Next() {
		var k qianxiang.Count
		if err := rows.Scan(&k.Key, &k.N); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// bodyWhere restricts deputies to a body's members.
func bodyWhere(b qianxiang.Body) string {
	if b == qianxiang.BodyPresidium {
		return ` AND d.presidium = 1`
	}
	return ``
}
