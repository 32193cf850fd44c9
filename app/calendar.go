package app

import (
	"context"
	"strconv"

	"qianxiang"
	"qianxiang/store"
)

// CalendarInput is the body of PUT /api/v1/calendar/{year}.
type CalendarInput struct {
	Holidays []string `json:"holidays"`
	Workdays []string `json:"workdays"`
}

// isOffice: the congress office (and the administrator) keep the calendar,
// assign suggestions and run the stations.
func isOffice(a qianxiang.Actor) bool {
	return a.System || a.Role == qianxiang.RoleAdmin || a.Role == qianxiang.RoleCongressStaff
}

// MayKeepCalendar refuses, before a form is read, a caller who is not the
// congress office (the calendar's keeper).
func (a *App) MayKeepCalendar(actor qianxiang.Actor) error {
	if !isOffice(actor) {
		return qianxiang.ErrForbidden()
	}
	return nil
}

// YearCalendar reads a year's working-day calendar (any logged-in user).
func (a *App) YearCalendar(ctx context.Context, actor qianxiang.Actor, year int) (qianxiang.YearCalendar, error) {
	if actor.UserID == 0 && !actor.System {
		return qianxiang.YearCalendar{}, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	if year < 2000 || year > 2100 {
		return qianxiang.YearCalendar{}, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	y, err := a.DB.YearCalendar(ctx, year)
	return y, a.internal(ctx, "calendar", err)
}

func parseDays(field string, in []string) ([]qianxiang.Date, error) {
	out := []qianxiang.Date{}
	for i, s := range in {
		d, err := qianxiang.ParseDate(s)
		if err != nil || d.IsZero() || d.MonthOnly() {
			return nil, qianxiang.FieldError(field+"["+strconv.Itoa(i)+"]", "%q is not a day (YYYY-MM-DD)", s)
		}
		out = append(out, d)
	}
	return out, nil
}

// SetYearCalendar replaces a year's calendar (the congress office); a day
// both holiday and workday is refused and nothing is written.
func (a *App) SetYearCalendar(ctx context.Context, actor qianxiang.Actor, year int, in CalendarInput) (qianxiang.YearCalendar, error) {
	if !isOffice(actor) {
		return qianxiang.YearCalendar{}, qianxiang.ErrForbidden()
	}
	y := qianxiang.YearCalendar{Year: year}
	var err error
	if y.Holidays, err = parseDays("holidays", in.Holidays); err != nil {
		return y, err
	}
	if y.Workdays, err = parseDays("workdays", in.Workdays); err != nil {
		return y, err
	}
	if err := y.Validate(); err != nil {
		return y, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, err := tx.CalendarRowID(ctx, year)
		if err != nil {
			return err
		}
		before := ""
		if id != 0 {
			if before, err = tx.Snapshot(ctx, "work_calendars", id); err != nil {
				return err
			}
		}
		if id, err = tx.PutYearCalendar(ctx, y); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "work_calendars", id, strconv.Itoa(year), before)
	})
	if err != nil {
		return y, a.internal(ctx, "set calendar", err)
	}
	return a.DB.YearCalendar(ctx, year)
}

// WorkCalendar is every kept year joined, for counting days on.
func (a *App) WorkCalendar(ctx context.Context) (qianxiang.Calendar, error) {
	c, err := a.DB.Calendar(ctx)
	return c, a.internal(ctx, "calendar", err)
}

// Deadlines counts a suggestion's deadlines from a day on the office's
// calendar (any logged-in user: the office checks its calendar with it).
func (a *App) Deadlines(ctx context.Context, actor qianxiang.Actor, from string) (qianxiang.Deadlines, error) {
	if actor.UserID == 0 && !actor.System {
		return qianxiang.Deadlines{}, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	d, err := qianxiang.ParseDate(from)
	if err != nil || d.IsZero() || d.MonthOnly() || d.Year < 2000 || d.Year > 2100 {
		return qianxiang.Deadlines{}, qianxiang.FieldError("from", "%q is not a day (YYYY-MM-DD)", from)
	}
	cal, err := a.WorkCalendar(ctx)
	if err != nil {
		return qianxiang.Deadlines{}, err
	}
	return qianxiang.SuggestionDeadlines(cal, d), nil
}

// DeadlineTable is the year's table of deadlines counted from each
// month's last day (where month ends and leap years show), for the
// calendar page.
func (a *App) DeadlineTable(ctx context.Context, actor qianxiang.Actor, year int) ([]qianxiang.Deadlines, error) {
	cal, err := a.WorkCalendar(ctx)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Deadlines{}
	for m := 1; m <= 12; m++ {
		last := qianxiang.AddMonths(qianxiang.Date{Year: year, Month: m, Day: 1}, 1).AddDays(-1)
		out = append(out, qianxiang.SuggestionDeadlines(cal, last))
	}
	return out, nil
}
