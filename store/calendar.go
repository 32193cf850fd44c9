package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"qianxiang"
)

func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"work_calendars", "year"})
	backupTables = append(backupTables, "work_calendars")
	sequencedTables = append(sequencedTables, "work_calendars")
}

func joinDates(ds []qianxiang.Date) string {
	ss := make([]string, len(ds))
	for i, d := range ds {
		ss[i] = d.String()
	}
	return strings.Join(ss, ",")
}

func splitDates(s string) []qianxiang.Date {
	out := []qianxiang.Date{}
	for _, x := range strings.Split(s, ",") {
		if d, err := qianxiang.ParseDate(x); err == nil && !d.IsZero() {
			out = append(out, d)
		}
	}
	return out
}

// YearCalendar reads the calendar the office keeps for a year; a year not
// kept comes back empty with Version 0.
func (c conn) YearCalendar(ctx context.Context, year int) (qianxiang.YearCalendar, error) {
	y := qianxiang.YearCalendar{Year: year, Holidays: []qianxiang.Date{}, Workdays: []qianxiang.Date{}}
	var h, w string
	err := c.queryRow(ctx, `SELECT holidays, workdays, version FROM work_calendars WHERE year = ?`, year).Scan(&h, &w, &y.Version)
	if err != nil {
		return y, notFoundOK(err)
	}
	y.Holidays, y.Workdays = splitDates(h), splitDates(w)
	return y, nil
}

// Calendar joins every kept year.
func (c conn) Calendar(ctx context.Context) (qianxiang.Calendar, error) {
	rows, err := c.query(ctx, `SELECT year, holidays, workdays FROM work_calendars ORDER BY year`)
	if err != nil {
		return qianxiang.Calendar{}, err
	}
	defer rows.Close()
	var ys []qianxiang.YearCalendar
	for rows.Next() {
		var y qianxiang.YearCalendar
		var h, w string
		if err := rows.Scan(&y.Year, &h, &w); err != nil {
			return qianxiang.Calendar{}, err
		}
		y.Holidays, y.Workdays = splitDates(h), splitDates(w)
		ys = append(ys, y)
	}
	return qianxiang.NewCalendar(ys...), rows.Err()
}

// PutYearCalendar replaces a year's calendar and returns its row id.
func (tx *Tx) PutYearCalendar(ctx context.Context, y qianxiang.YearCalendar) (int64, error) {
	now := ts(tx.now())
	var id int64
	err := tx.queryRow(ctx, `SELECT id FROM work_calendars WHERE year = ?`, y.Year).Scan(&id)
	if err != nil {
		if err = notFoundOK(err); err != nil {
			return 0, err
		}
		return tx.insert(ctx, `INSERT INTO work_calendars (year, holidays, workdays, updated_at) VALUES (?, ?, ?, ?)`,
			y.Year, joinDates(y.Holidays), joinDates(y.Workdays), now)
	}
	_, err = tx.exec(ctx, `UPDATE work_calendars SET holidays = ?, workdays = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		joinDates(y.Holidays), joinDates(y.Workdays), now, id)
	return id, err
}

// CalendarRowID is the row of a kept year (0 when not kept).
func (c conn) CalendarRowID(ctx context.Context, year int) (int64, error) {
	var id int64
	err := c.queryRow(ctx, `SELECT id FROM work_calendars WHERE year = ?`, year).Scan(&id)
	return id, notFoundOK(err)
}

// notFoundOK turns "no row" into no error, for reads where absence is an answer.
func notFoundOK(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}
