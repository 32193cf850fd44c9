package web

import (
	"fmt"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// stationsView is what stations.html reads: the stations with their
// counts, this month's visits, and the solved counts by deputy and unit.
type stationsView struct {
	Stations []qianxiang.Station
	Visits   map[int64][]qianxiang.Visit // this month's, by station
	Counts   map[string][]qianxiang.SolvedCount
	Month    string
	Office   bool
	Orgs     []qianxiang.Org
	Solved   int
	Received int
	Next     map[int64]qianxiang.Date // each station's next reception day
}

func (s *Server) stationsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	ss, err := s.App.Stations(ctx, a)
	if err != nil {
		return err
	}
	today := s.App.Today()
	month := qianxiang.Date{Year: today.Year, Month: today.Month}.String()
	vs, err := s.App.Visits(ctx, a, 0, month)
	if err != nil {
		return err
	}
	v := &stationsView{Stations: ss, Visits: map[int64][]qianxiang.Visit{}, Month: month, Office: a.Role == qianxiang.RoleCongressStaff || a.Role == qianxiang.RoleAdmin}
	for _, x := range vs {
		v.Visits[x.StationID] = append(v.Visits[x.StationID], x)
	}
	cal, err := s.App.WorkCalendar(ctx)
	if err != nil {
		return err
	}
	v.Next = map[int64]qianxiang.Date{}
	for _, st := range ss {
		v.Next[st.ID] = st.NextReception(today, cal)
	}
	if v.Counts, err = s.App.StationCounts(ctx, a, 0); err != nil {
		return err
	}
	for _, c := range v.Counts["stations"] {
		v.Received, v.Solved = v.Received+c.Problems, v.Solved+c.Solved
	}
	if v.Office {
		if v.Orgs, err = s.App.Directory(ctx, a); err != nil {
			return err
		}
	}
	p := s.page(r, "Liaison stations", "suggestions", v)
	if r.URL.Query().Get("done") != "" {
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "stations", p)
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == '，' || c == '\n' || c == ' ' || c == '、' })
}

func (s *Server) stationsSubmit(w http.ResponseWriter, r *http.Request) error {
	_, err := s.App.CreateStation(r.Context(), actor(r), app.StationInput{Name: r.FormValue("name"), Org: r.FormValue("org"),
		Address: r.FormValue("address"), ReceptionDay: formInt(r, "reception_day"), Deputies: splitList(r.FormValue("deputies")),
		Leaders: splitList(r.FormValue("leaders"))})
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/stations?done=1", http.StatusSeeOther)
	return nil
}

// stationView is what station.html reads.
type stationView struct {
	Station  qianxiang.Station
	Visits   []qianxiang.Visit
	Problems []qianxiang.StationProblem
	Office   bool
	Leader   bool
	Deputy   bool
	Orgs     []qianxiang.Org
	Today    string
	Statuses []qianxiang.StationStatus
	Actor    qianxiang.Actor
	// The year's reception days (接待日) and their records.
	Year       int
	TodayDate  qianxiang.Date
	Receptions []qianxiang.Reception
}

// DeputyName names a station deputy by card (the reception keeps cards).
func (v *stationView) DeputyName(card string) string {
	for _, g := range v.Station.Deputies {
		if g.Card == card {
			return g.Name
		}
	}
	return card
}

// May says whether the actor may take a step on a problem (the page's
// buttons; the services decide).
func (v *stationView) May(p qianxiang.StationProblem, step string) bool {
	unit := p.Org != nil && v.Actor.Role.AtLeast(qianxiang.RoleOrgAdmin) && !v.Actor.Role.CityWide() &&
		v.Actor.InScope(qianxiang.Scope{Paths: []string{p.OrgPath}})
	switch step {
	case "forward":
		return v.Office && (p.Status == qianxiang.StRegistered || p.Status == qianxiang.StForwarded)
	case "chase":
		return v.Office && p.Status == qianxiang.StForwarded
	case "answer":
		return unit && p.Status == qianxiang.StForwarded
	case "return-visit":
		return (v.Office || v.Deputy) && p.Status == qianxiang.StAnswered
	case "archive":
		return v.Office && p.Status == qianxiang.StVisited
	case "to-campaign":
		return v.Office && p.CampaignID == 0 && p.Org != nil && p.Project != nil && (p.Status == qianxiang.StForwarded || p.Status == qianxiang.StAnswered)
	}
	return false
}

func (s *Server) loadStationView(r *http.Request, id int64) (*stationView, error) {
	ctx, a := r.Context(), actor(r)
	ss, err := s.App.Stations(ctx, a)
	if err != nil {
		return nil, err
	}
	today := s.App.Today()
	v := &stationView{Office: a.Role == qianxiang.RoleCongressStaff || a.Role == qianxiang.RoleAdmin, Today: today.String(),
		Statuses: qianxiang.StationStatuses, Actor: a, TodayDate: today, Year: today.Year}
	if y, err := queryInt(r, "year", today.Year); err == nil && y >= 2000 && y <= 2100 {
		v.Year = y
	}
	found := false
	for _, st := range ss {
		if st.ID == id {
			v.Station, found = st, true
		}
	}
	if !found {
		return nil, qianxiang.ErrNotFound("station")
	}
	for _, l := range v.Station.Leaders {
		v.Leader = v.Leader || (a.Role == qianxiang.RoleLeader && l.ID == a.UserID)
	}
	for _, g := range v.Station.Deputies {
		v.Deputy = v.Deputy || (a.Role == qianxiang.RoleDeputy && g.UserID != 0 && g.UserID == a.UserID)
	}
	if v.Visits, err = s.App.Visits(ctx, a, id, ""); err != nil {
		return nil, err
	}
	if v.Problems, err = s.App.StationProblems(ctx, a, id, 0, 0); err != nil {
		return nil, err
	}
	if v.Receptions, err = s.App.Receptions(ctx, a, id, v.Year); err != nil {
		return nil, err
	}
	if v.Office {
		if v.Orgs, err = s.App.Directory(ctx, a); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (s *Server) stationPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.loadStationView(r, id)
	if err != nil {
		return err
	}
	if err := s.App.NotificationsSeen(r.Context(), actor(r), "stations", id); err != nil {
		return err
	}
	p := s.page(r, "Liaison station", "suggestions", v)
	if r.URL.Query().Get("done") != "" {
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "station", p)
}

// stationBack returns to the station page; a refusal is shown on it.
func (s *Server) stationBack(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/stations/%d?done=1", id), http.StatusSeeOther)
		return nil
	}
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.ENotFound || code == qianxiang.EInternal || id == 0 {
		return err
	}
	v, lerr := s.loadStationView(r, id)
	if lerr != nil {
		return lerr
	}
	p := s.page(r, "Liaison station", "suggestions", v)
	s.setError(p, err)
	return s.render(w, r, Status(code), "station", p)
}

func (s *Server) stationVisitSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, err = s.App.SaveVisit(r.Context(), actor(r), id, app.VisitInput{ID: int64(formInt(r, "visit")), Leader: r.FormValue("leader"),
		Scheduled: r.FormValue("scheduled_on"), VisitedOn: r.FormValue("visited_on"), People: formInt(r, "people"), Note: r.FormValue("note")})
	return s.stationBack(w, r, id, err)
}

func (s *Server) stationProblemSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, err = s.App.RegisterStationProblem(r.Context(), actor(r), id, app.StationProblemInput{Visitor: r.FormValue("visitor"), Text: r.FormValue("text"),
		Deputy: r.FormValue("deputy"), RegisteredOn: r.FormValue("registered_on"), Project: int64(formInt(r, "project"))})
	return s.stationBack(w, r, id, err)
}

func (s *Server) stationStepSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	station := int64(formInt(r, "station"))
	step := r.PathValue("step")
	if step == "to-campaign" {
		_, err = s.App.StationProblemToCampaign(r.Context(), actor(r), id, app.CampaignInput{Category: r.FormValue("category"), Due: r.FormValue("due")})
	} else {
		_, err = s.App.StepStationProblem(r.Context(), actor(r), id, qianxiang.StationStep(step),
			app.StationStepInput{Org: r.FormValue("org"), Text: r.FormValue("text"), Solved: r.FormValue("solved") == "1"})
	}
	return s.stationBack(w, r, station, err)
}
