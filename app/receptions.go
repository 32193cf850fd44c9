package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// ScheduleReceptions puts a station's reception days of a year on the
// calendar, from this month on (0: every station); a month already
// scheduled is left as it is. It returns how many were added.
func (a *App) ScheduleReceptions(ctx context.Context, actor qianxiang.Actor, stationID int64, year int) (int, error) {
	if !isOffice(actor) {
		return 0, qianxiang.ErrForbidden()
	}
	if year < 2000 || year > 2100 {
		return 0, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	ss, err := a.DB.Stations(ctx)
	if err != nil {
		return 0, a.internal(ctx, "schedule receptions", err)
	}
	found := stationID == 0
	n := 0
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		cal, err := tx.Calendar(ctx)
		if err != nil {
			return err
		}
		for _, s := range ss {
			if stationID != 0 && s.ID != stationID {
				continue
			}
			found = true
			for _, r := range s.ScheduleYear(year, a.Today(), cal) {
				added, err := tx.InsertReception(ctx, &r)
				if err != nil {
					return err
				}
				if !added {
					continue
				}
				n++
				if err := tx.Audit(ctx, actor.Username, "schedule", "station_receptions", r.ID, s.Name+" · "+r.Scheduled.String(), ""); err != nil {
					return err
				}
			}
		}
		if !found {
			return qianxiang.ErrNotFound("station")
		}
		return nil
	})
	return n, a.internal(ctx, "schedule receptions", err)
}

// Receptions lists a station's reception days of a year (any logged-in
// user, like the stations), each marked missed once its day passed with
// no record.
func (a *App) Receptions(ctx context.Context, actor qianxiang.Actor, stationID int64, year int) ([]qianxiang.Reception, error) {
	if actor.UserID == 0 && !actor.System {
		return nil, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	rs, err := a.DB.Receptions(ctx, stationID, year)
	if err != nil {
		return nil, a.internal(ctx, "receptions", err)
	}
	today := a.Today()
	for i := range rs {
		rs[i].Derive(today)
	}
	return rs, nil
}

// ReceptionInput records a reception as held.
type ReceptionInput struct {
	HeldOn string   `json:"received_on"`
	People int      `json:"people"`
	OnDuty []string `json:"on_duty"` // deputies' cards; a deputy recording is on duty
	Note   string   `json:"note"`
}

// RecordReception records a reception day as held: the office, or one of
// the station's deputies (who is then on duty). Problems registered on
// its day (scheduled, or held once recorded) point to it.
func (a *App) RecordReception(ctx context.Context, actor qianxiang.Actor, id int64, in ReceptionInput) (qianxiang.Reception, error) {
	var out qianxiang.Reception
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		r, err := tx.Reception(ctx, id)
		if err != nil {
			return err
		}
		s, err := a.station(ctx, r.StationID)
		if err != nil {
			return err
		}
		me := stationDeputy(actor, s)
		if !isOffice(actor) && me == nil {
			return qianxiang.ErrForbidden()
		}
		on, err := qianxiang.ParseDate(in.HeldOn)
		if err != nil {
			return qianxiang.FieldError("received_on", "%q is not a date (YYYY-MM-DD)", in.HeldOn)
		}
		cards := []string{}
		seen := map[string]bool{}
		if me != nil {
			cards, seen[me.Card] = append(cards, me.Card), true
		}
		for _, c := range in.OnDuty {
			if c = strings.TrimSpace(c); c == "" || seen[c] {
				continue
			}
			ok := false
			for _, g := range s.Deputies {
				ok = ok || g.Card == c
			}
			if !ok {
				return qianxiang.FieldError("on_duty", "no deputy with card %q at this station", c)
			}
			cards, seen[c] = append(cards, c), true
		}
		before, err := tx.Snapshot(ctx, "station_receptions", id)
		if err != nil {
			return err
		}
		if err := r.Record(on, in.People, cards, in.Note, a.Today()); err != nil {
			return err
		}
		if err := tx.SaveReception(ctx, &r); err != nil {
			return err
		}
		r.Derive(a.Today())
		out = r
		return tx.Audit(ctx, actor.Username, "reception", "station_receptions", id, s.Name+" · "+on.String(), before)
	})
	return out, a.internal(ctx, "reception", err)
}

// scheduleReceptionsAhead keeps every station's reception days scheduled
// for the rest of the year, and in December for the next (the sweep).
func (a *App) scheduleReceptionsAhead(ctx context.Context) error {
	today := a.Today()
	if _, err := a.ScheduleReceptions(ctx, qianxiang.SystemActor, 0, today.Year); err != nil {
		return err
	}
	if today.Month == 12 {
		_, err := a.ScheduleReceptions(ctx, qianxiang.SystemActor, 0, today.Year+1)
		return err
	}
	return nil
}

// RemindUnrecordedReceptions tells the station's deputies and the
// congress office, once per reception, that a reception day passed
// without a record (the sweep): the seed's stations are counted by the
// people they received, and a day left blank counts nobody.
func (a *App) RemindUnrecordedReceptions(ctx context.Context) (int, error) {
	today := a.Today()
	rs, err := a.DB.Receptions(ctx, 0, today.Year)
	if err == nil && today.AddDays(-qianxiang.ReceptionRemindDays).Year < today.Year {
		var last []qianxiang.Reception
		last, err = a.DB.Receptions(ctx, 0, today.Year-1)
		rs = append(last, rs...)
	}
	if err != nil {
		return 0, a.internal(ctx, "reception reminder", err)
	}
	due := qianxiang.UnrecordedReceptions(rs, today)
	if len(due) == 0 {
		return 0, nil
	}
	ss, err := a.DB.Stations(ctx)
	if err != nil {
		return 0, a.internal(ctx, "reception reminder", err)
	}
	us, err := a.DB.Users(ctx)
	if err != nil {
		return 0, a.internal(ctx, "reception reminder", err)
	}
	var office []int64
	for _, u := range us {
		if u.Active && u.Role == qianxiang.RoleCongressStaff {
			office = append(office, u.ID)
		}
	}
	byID := map[int64]qianxiang.Station{}
	for _, s := range ss {
		byID[s.ID] = s
	}
	n := 0
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, r := range due {
			s, ok := byID[r.StationID]
			if !ok {
				continue
			}
			to := append([]int64{}, office...)
			for _, d := range s.Deputies {
				if d.UserID != 0 {
					to = append(to, d.UserID)
				}
			}
			told, err := a.notifyCount(ctx, tx, to, qianxiang.NoteReceptionUnrecorded, "stations", s.ID,
				s.Name+" · "+r.Scheduled.String(), "reception-unrecorded:"+itoa(r.ID))
			if err != nil {
				return err
			}
			n += told
		}
		return nil
	})
	return n, a.internal(ctx, "reception reminder", err)
}
