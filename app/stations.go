package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// StationInput creates a liaison station (the congress office).
type StationInput struct {
	Name         string   `json:"name"`
	Org          string   `json:"org"` // the county's code
	Address      string   `json:"address"`
	ReceptionDay int      `json:"reception_day"`
	Deputies     []string `json:"deputies"` // card numbers
	Leaders      []string `json:"leaders"`  // usernames of city leaders who visit monthly
}

// CreateStation adds a station with its deputies and visiting leaders.
func (a *App) CreateStation(ctx context.Context, actor qianxiang.Actor, in StationInput) (qianxiang.Station, error) {
	if !isOffice(actor) {
		return qianxiang.Station{}, qianxiang.ErrForbidden()
	}
	s := qianxiang.Station{Name: in.Name, Address: in.Address, ReceptionDay: in.ReceptionDay}
	if err := s.Validate(); err != nil {
		return s, err
	}
	o, err := orgByCode(ctx, a.DB, "org", in.Org)
	if err != nil {
		return s, err
	}
	s.Org = o.Ref()
	k, err := a.suggestionCongress(ctx, actor, "", qianxiang.KindSuggestion)
	if err != nil {
		return s, a.internal(ctx, "station", err)
	}
	for _, c := range in.Deputies {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		d, err := a.DB.DeputyByCard(ctx, k.ID, c)
		if err != nil {
			return s, qianxiang.FieldError("deputies", "no deputy with card %q in this congress", c)
		}
		s.Deputies = append(s.Deputies, qianxiang.Signer{DeputyID: d.ID, Card: d.Card, Name: d.Name})
	}
	for _, n := range in.Leaders {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		u, err := a.DB.UserByName(ctx, n)
		if err != nil || u.Role != qianxiang.RoleLeader {
			return s, qianxiang.FieldError("leaders", "%q is not a city leader's username", n)
		}
		s.Leaders = append(s.Leaders, qianxiang.LeaderRef{ID: u.ID, Username: u.Username, Name: u.DisplayName})
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertStation(ctx, &s); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "stations", s.ID, s.Name, "")
	})
	if err != nil {
		return s, a.internal(ctx, "create station", err)
	}
	// Its reception days from this month to the year's end go on the calendar.
	_, err = a.ScheduleReceptions(ctx, actor, s.ID, a.Today().Year)
	return s, err
}

// Stations lists the stations (any logged-in user: they are public).
func (a *App) Stations(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.Station, error) {
	if actor.UserID == 0 && !actor.System {
		return nil, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	ss, err := a.DB.Stations(ctx)
	return ss, a.internal(ctx, "stations", err)
}

func (a *App) station(ctx context.Context, id int64) (qianxiang.Station, error) {
	ss, err := a.DB.Stations(ctx)
	if err != nil {
		return qianxiang.Station{}, err
	}
	for _, s := range ss {
		if s.ID == id {
			return s, nil
		}
	}
	return qianxiang.Station{}, qianxiang.ErrNotFound("station")
}

// stationDeputy reports the actor as one of the station's deputies.
func stationDeputy(actor qianxiang.Actor, s qianxiang.Station) *qianxiang.Signer {
	for i, g := range s.Deputies {
		if actor.Role == qianxiang.RoleDeputy && g.UserID != 0 && g.UserID == actor.UserID {
			return &s.Deputies[i]
		}
	}
	return nil
}

// VisitInput schedules (scheduled_on) or records (visited_on, people) a
// leader's visit.
type VisitInput struct {
	ID        int64  `json:"id"`
	Leader    string `json:"leader"` // username; a leader records their own
	Scheduled string `json:"scheduled_on"`
	VisitedOn string `json:"visited_on"`
	People    int    `json:"people"`
	Note      string `json:"note"`
}

// SaveVisit schedules or records a leader's monthly visit: the office for
// any leader of the station, a leader for themself.
func (a *App) SaveVisit(ctx context.Context, actor qianxiang.Actor, stationID int64, in VisitInput) (qianxiang.Visit, error) {
	// Only the office and leaders record visits: anyone else is refused
	// before the input is read.
	if !isOffice(actor) && actor.Role != qianxiang.RoleLeader {
		return qianxiang.Visit{}, qianxiang.ErrForbidden()
	}
	s, err := a.station(ctx, stationID)
	if err != nil {
		return qianxiang.Visit{}, a.internal(ctx, "visit", err)
	}
	name := strings.TrimSpace(in.Leader)
	if actor.Role == qianxiang.RoleLeader && name == "" {
		name = actor.Username
	}
	var leader *qianxiang.LeaderRef
	for i, l := range s.Leaders {
		if l.Username == name {
			leader = &s.Leaders[i]
		}
	}
	switch {
	case leader == nil:
		return qianxiang.Visit{}, qianxiang.FieldError("leader", "%q is not a leader who visits this station", name)
	case !isOffice(actor) && !(actor.Role == qianxiang.RoleLeader && actor.UserID == leader.ID):
		return qianxiang.Visit{}, qianxiang.ErrForbidden()
	}
	v := qianxiang.Visit{ID: in.ID, StationID: s.ID, Leader: *leader}
	today := a.Today()
	if v.Scheduled, err = qianxiang.ParseDate(in.Scheduled); err != nil || v.Scheduled.MonthOnly() {
		return v, qianxiang.FieldError("scheduled_on", "%q is not a date (YYYY-MM-DD)", in.Scheduled)
	}
	on, err := qianxiang.ParseDate(in.VisitedOn)
	if err != nil {
		return v, qianxiang.FieldError("visited_on", "%q is not a date (YYYY-MM-DD)", in.VisitedOn)
	}
	if on.IsZero() {
		if v.Scheduled.IsZero() {
			return v, qianxiang.FieldError("scheduled_on", "is required (YYYY-MM-DD)")
		}
		v.Month = qianxiang.Date{Year: v.Scheduled.Year, Month: v.Scheduled.Month}
	} else if err := v.Record(on, in.People, in.Note, today); err != nil {
		return v, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		before := ""
		if v.ID != 0 {
			var err error
			if before, err = tx.Snapshot(ctx, "station_visits", v.ID); err != nil || before == "" {
				return qianxiang.ErrNotFound("visit")
			}
		}
		if err := tx.SaveVisit(ctx, &v); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "visit", "station_visits", v.ID, s.Name+" · "+leader.Name+" · "+v.Month.String(), before)
	})
	return v, a.internal(ctx, "visit", err)
}

// Visits lists a station's visits (0: every station's) from a month on.
func (a *App) Visits(ctx context.Context, actor qianxiang.Actor, stationID int64, from string) ([]qianxiang.Visit, error) {
	if actor.UserID == 0 && !actor.System {
		return nil, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	vs, err := a.DB.Visits(ctx, stationID, from)
	return vs, a.internal(ctx, "visits", err)
}

// RemindMissedVisits tells each leader whose month at a station passed
// without a recorded visit, once (the dedupe key names the station, the
// leader and the month). The sweep calls it; it returns how many were told.
func (a *App) RemindMissedVisits(ctx context.Context) (int, error) {
	today := a.Today()
	last := qianxiang.Date{Year: today.Year, Month: today.Month}
	if last.Month == 1 {
		last = qianxiang.Date{Year: last.Year - 1, Month: 12}
	} else {
		last.Month--
	}
	ss, err := a.DB.Stations(ctx)
	if err != nil {
		return 0, a.internal(ctx, "visit reminder", err)
	}
	vs, err := a.DB.Visits(ctx, 0, last.String())
	if err != nil {
		return 0, a.internal(ctx, "visit reminder", err)
	}
	missed := qianxiang.MissedVisits(ss, vs, last)
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, m := range missed {
			if err := a.Notify(ctx, tx, []int64{m.Leader.ID}, qianxiang.NoteVisitMissed, "stations", m.Station.ID,
				m.Station.Name+" · "+last.String(), "visit-missed:"+itoa(m.Station.ID)+":"+itoa(m.Leader.ID)+":"+last.String()); err != nil {
				return err
			}
		}
		return nil
	})
	return len(missed), a.internal(ctx, "visit reminder", err)
}
