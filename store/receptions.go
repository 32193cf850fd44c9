package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"qianxiang"
)

const receptionSelect = `SELECT r.id, r.station_id, r.month, r.scheduled_on, r.held_on, r.people, r.on_duty, r.note, r.version,
	(SELECT COUNT(*) FROM station_problems p WHERE p.reception_id = r.id)
	FROM station_receptions r`

func scanReception(row interface{ Scan(...any) error }) (qianxiang.Reception, error) {
	var r qianxiang.Reception
	var m, sch, held, duty string
	if err := row.Scan(&r.ID, &r.StationID, &m, &sch, &held, &r.People, &duty, &r.Note, &r.Version, &r.Problems); err != nil {
		return r, err
	}
	r.Month, _ = qianxiang.ParseDate(m)
	r.Scheduled, _ = qianxiang.ParseDate(sch)
	r.HeldOn, _ = qianxiang.ParseDate(held)
	r.OnDuty = []string{}
	if duty != "" {
		r.OnDuty = strings.Split(duty, ",")
	}
	return r, nil
}

// Receptions lists a station's reception days of a year (0: every
// station's; year 0: every year), by month.
func (c conn) Receptions(ctx context.Context, stationID int64, year int) ([]qianxiang.Reception, error) {
	q, args := receptionSelect+` WHERE 1 = 1`, []any{}
	if stationID != 0 {
		q, args = q+` AND r.station_id = ?`, append(args, stationID)
	}
	if year != 0 {
		q, args = q+` AND r.month LIKE ?`, append(args, strconv.Itoa(year)+"-%")
	}
	rows, err := c.query(ctx, q+` ORDER BY r.month, r.station_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Reception{}
	for rows.Next() {
		r, err := scanReception(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Reception reads one.
func (c conn) Reception(ctx context.Context, id int64) (qianxiang.Reception, error) {
	r, err := scanReception(c.queryRow(ctx, receptionSelect+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, qianxiang.ErrNotFound("reception")
	}
	return r, err
}

// ReceptionOn is the station's reception scheduled or held on a day, if
// any (0 when none): a problem registered that day belongs to it.
func (c conn) ReceptionOn(ctx context.Context, stationID int64, day qianxiang.Date) (int64, error) {
	var id int64
	err := c.queryRow(ctx, `SELECT id FROM station_receptions WHERE station_id = ? AND (held_on = ? OR (held_on = '' AND scheduled_on = ?))
		ORDER BY id LIMIT 1`, stationID, day.String(), day.String()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// InsertReception schedules a reception; false when the station already
// has one that month (scheduling again changes nothing).
func (tx *Tx) InsertReception(ctx context.Context, r *qianxiang.Reception) (bool, error) {
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM station_receptions WHERE station_id = ? AND month = ?`, r.StationID, r.Month.String()).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO station_receptions (station_id, month, scheduled_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		r.StationID, r.Month.String(), r.Scheduled.String(), now, now)
	r.ID, r.Version = id, 1
	return err == nil, err
}

// SaveReception writes a reception's record if its version is still the
// one read.
func (tx *Tx) SaveReception(ctx context.Context, r *qianxiang.Reception) error {
	res, err := tx.exec(ctx, `UPDATE station_receptions SET held_on = ?, people = ?, on_duty = ?, note = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND version = ?`, r.HeldOn.String(), r.People, strings.Join(r.OnDuty, ","), r.Note, ts(tx.now()), r.ID, r.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the reception was changed by someone else; reload it and try again")
	}
	r.Version++
	return nil
}

// StationProblemOfCampaign is the station problem a campaign problem was
// raised from (0 when none): the campaign problem's page leads back to it.
func (c conn) StationProblemOfCampaign(ctx context.Context, problemID int64) (int64, error) {
	var id int64
	err := c.queryRow(ctx, `SELECT id FROM station_problems WHERE campaign_problem_id = ?`, problemID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
