package store

import (
	"context"

	"qianxiang"
)

const meetingCols = `m.id, m.congress_id, k.code, m.session, m.body, m.title, m.date, m.agenda, m.version`

func scanMeeting(s interface{ Scan(...any) error }) (qianxiang.Meeting, error) {
	var m qianxiang.Meeting
	var body, date string
	err := s.Scan(&m.ID, &m.CongressID, &m.Congress, &m.Session, &body, &m.Title, &date, &m.Agenda, &m.Version)
	m.Body = qianxiang.Body(body)
	m.Date, _ = qianxiang.ParseDate(date)
	return m, err
}

// MeetingByID finds a meeting.
func (c conn) MeetingByID(ctx context.Context, id int64) (qianxiang.Meeting, error) {
	m, err := scanMeeting(c.queryRow(ctx, `SELECT `+meetingCols+` FROM congress_meetings m JOIN congresses k ON k.id = m.congress_id WHERE m.id = ?`, id))
	return m, notFound(err, "meeting")
}

// Meetings lists a congress's meetings (all congresses for 0), newest first.
func (c conn) Meetings(ctx context.Context, congressID int64) ([]qianxiang.Meeting, error) {
	q := `SELECT ` + meetingCols + ` FROM congress_meetings m JOIN congresses k ON k.id = m.congress_id`
	var args []any
	if congressID != 0 {
		q, args = q+` WHERE m.congress_id = ?`, append(args, congressID)
	}
	rows, err := c.query(ctx, q+` ORDER BY m.session DESC, m.date DESC, m.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Meeting{}
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// InsertMeeting adds a meeting.
func (tx *Tx) InsertMeeting(ctx context.Context, m *qianxiang.Meeting) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO congress_meetings (congress_id, session, body, title, date, agenda, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		m.CongressID, m.Session, string(m.Body), m.Title, m.Date.String(), m.Agenda, now, now)
	m.ID, m.Version = id, 1
	return err
}

// LatestSession is the highest session number among a congress's
// meetings (0 when it has none).
func (c conn) LatestSession(ctx context.Context, congressID int64) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COALESCE(MAX(session), 0) FROM congress_meetings WHERE congress_id = ?`, congressID).Scan(&n)
	return n, err
}

// AttendanceOf reads a deputy's record at a meeting; ok is false when
// they have neither checked in nor asked for leave.
func (c conn) AttendanceOf(ctx context.Context, meetingID, deputyID int64) (qianxiang.AttendanceRecord, bool, error) {
	var a qianxiang.AttendanceRecord
	err := c.queryRow(ctx, `SELECT id, status, via, reason FROM congress_attendance WHERE meeting_id = ? AND deputy_id = ?`, meetingID, deputyID).
		Scan(&a.ID, &a.Status, &a.Via, &a.Reason)
	if err != nil {
		if nf := notFound(err, ""); qianxiang.ErrorCode(nf) == qianxiang.ENotFound {
			return a, false, nil
		}
		return a, false, err
	}
	return a, true, nil
}

// VotedAtMeeting reports whether a deputy's ballot is in any vote of a
// meeting (aggregate votes keep that a deputy voted, never how).
func (c conn) VotedAtMeeting(ctx context.Context, meetingID, deputyID int64) (bool, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM congress_ballots b JOIN congress_votes v ON v.id = b.vote_id
		WHERE v.meeting_id = ? AND b.deputy_id = ?`, meetingID, deputyID).Scan(&n)
	return n > 0, err
}

// SetAttendance records a deputy present, on leave or (a check-in undone)
// absent; it returns the row's id.
func (tx *Tx) SetAttendance(ctx context.Context, meetingID, deputyID int64, a qianxiang.AttendanceRecord) (int64, error) {
	now := ts(tx.now())
	old, ok, err := tx.AttendanceOf(ctx, meetingID, deputyID)
	if err != nil {
		return 0, err
	}
	if ok {
		_, err := tx.exec(ctx, `UPDATE congress_attendance SET status = ?, via = ?, reason = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			a.Status, a.Via, a.Reason, now, old.ID)
		return old.ID, err
	}
	return tx.insert(ctx, `INSERT INTO congress_attendance (meeting_id, deputy_id, status, via, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		meetingID, deputyID, a.Status, a.Via, a.Reason, now, now)
}

// MeetingCounts gives a meeting's members, present and on leave. Only
// members have attendance rows (the services refuse anyone else), so the
// counts come from the meeting's own rows, not a join over the roster:
// the hall screen asks several times a second.
func (c conn) MeetingCounts(ctx context.Context, m qianxiang.Meeting) (members, present, leave int, err error) {
	q := `SELECT COUNT(*) FROM congress_deputies d WHERE d.congress_id = ?` + bodyWhere(m.Body)
	if err = c.queryRow(ctx, q, m.CongressID).Scan(&members); err != nil {
		return
	}
	err = c.queryRow(ctx, `SELECT COALESCE(SUM(CASE WHEN status = 'present' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status = 'leave' THEN 1 ELSE 0 END), 0) FROM congress_attendance WHERE meeting_id = ?`, m.ID).Scan(&present, &leave)
	return
}

// Roll lists a meeting's members with their attendance, by seq.
func (c conn) Roll(ctx context.Context, m qianxiang.Meeting) ([]qianxiang.RollEntry, error) {
	rows, err := c.query(ctx, `SELECT d.id, d.congress_id, d.seq, d.name, d.delegation, d.gender, d.ethnicity, d.title, d.seat, d.card, d.presidium,
		COALESCE(d.user_id, 0), COALESCE(a.status, 'absent'), COALESCE(a.via, ''), COALESCE(a.reason, '')
		FROM congress_deputies d LEFT JOIN congress_attendance a ON a.deputy_id = d.id AND a.meeting_id = ?
		WHERE d.congress_id = ?`+bodyWhere(m.Body)+` ORDER BY d.seq, d.id`, m.ID, m.CongressID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.RollEntry{}
	for rows.Next() {
		var e qianxiang.RollEntry
		var p int
		d := &e.Deputy
		if err := rows.Scan(&d.ID, &d.CongressID, &d.Seq, &d.Name, &d.Delegation, &d.Gender, &d.Ethnicity, &d.Title, &d.Seat, &d.Card, &p,
			&d.UserID, &e.Status, &e.Via, &e.Reason); err != nil {
			return nil, err
		}
		d.Presidium = p == 1
		out = append(out, e)
	}
	return out, rows.Err()
}
