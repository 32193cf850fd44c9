package web

import (
	"fmt"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// receptionRoutes: stations' reception days as scheduled entries with
// their record, and the public's problems as lists every count links to.
func (s *Server) receptionRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/stations/{id}/receptions", a(s.apiReceptions)},
		{"POST /api/v1/stations/{id}/receptions", a(s.apiScheduleReceptions)},
		{"POST /api/v1/receptions/{id}/record", a(s.apiRecordReception)},
		{"GET /api/v1/station-problems", a(s.apiListStationProblems)},
		{"GET /api/v1/station-problems/{id}", a(s.apiStationProblem)},
		{"POST /stations/{id}/receptions", a(s.scheduleReceptionsSubmit)},
		{"POST /receptions/{id}/record", a(s.recordReceptionSubmit)},
		{"GET /station-problems", a(s.stationProblemsPage)},
		{"GET /station-problems/{id}", a(s.stationProblemPage)},
	}
}

func (s *Server) apiReceptions(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	y, err := queryInt(r, "year", s.App.Today().Year)
	if err != nil {
		return err
	}
	rs, err := s.App.Receptions(r.Context(), actor(r), id, y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": rs, "total": len(rs)})
	return nil
}

func (s *Server) apiScheduleReceptions(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.MayKeepCalendar(actor(r)); err != nil {
		return err
	}
	in := struct {
		Year int `json:"year"`
	}{Year: s.App.Today().Year}
	if r.ContentLength != 0 {
		if err := decode(r, &in); err != nil {
			return err
		}
	}
	n, err := s.App.ScheduleReceptions(r.Context(), actor(r), id, in.Year)
	if err != nil {
		return err
	}
	rs, err := s.App.Receptions(r.Context(), actor(r), id, in.Year)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"scheduled": n, "items": rs, "total": len(rs)})
	return nil
}

func (s *Server) apiRecordReception(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.ReceptionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	rec, err := s.App.RecordReception(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, rec)
	return nil
}

// stationProblemQuery reads the narrowing every count's link carries.
func stationProblemQuery(r *http.Request) (app.StationProblemQuery, error) {
	q := r.URL.Query()
	sq := app.StationProblemQuery{Deputy: q.Get("deputy"), Org: q.Get("org"), Solved: q.Get("solved") == "1"}
	var err error
	var n int
	if n, err = queryInt(r, "station", 0); err != nil {
		return sq, err
	}
	sq.Station = int64(n)
	if n, err = queryInt(r, "reception", 0); err != nil {
		return sq, err
	}
	sq.Reception = int64(n)
	sq.Year, err = queryInt(r, "year", 0)
	return sq, err
}

func (s *Server) apiListStationProblems(w http.ResponseWriter, r *http.Request) error {
	q, err := stationProblemQuery(r)
	if err != nil {
		return err
	}
	ps, err := s.App.ListStationProblems(r.Context(), actor(r), q)
	if err != nil {
		return err
	}
	solved := 0
	for _, p := range ps {
		if p.Solved {
			solved++
		}
	}
	writeJSON(w, 200, map[string]any{"items": ps, "total": len(ps), "solved": solved})
	return nil
}

func (s *Server) apiStationProblem(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.App.StationProblem(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, d)
	return nil
}

func (s *Server) scheduleReceptionsSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.MayKeepCalendar(actor(r)); err != nil {
		return err
	}
	y := formInt(r, "year")
	if y == 0 {
		y = s.App.Today().Year
	}
	_, err = s.App.ScheduleReceptions(r.Context(), actor(r), id, y)
	return s.stationBack(w, r, id, err)
}

func (s *Server) recordReceptionSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	station := int64(formInt(r, "station"))
	_, err = s.App.RecordReception(r.Context(), actor(r), id, app.ReceptionInput{HeldOn: r.FormValue("received_on"), People: formInt(r, "people"),
		OnDuty: splitList(strings.Join(r.Form["on_duty"], ",")), Note: r.FormValue("note")})
	return s.stationBack(w, r, station, err)
}

// stationProblemsView is what station_problems.html reads: the list one
// count counts, and what narrows it, in words.
type stationProblemsView struct {
	Items  []qianxiang.StationProblem
	Q      app.StationProblemQuery
	Title  []string // the narrowing: station, deputy, unit, reception, solved
	Solved int
}

func (s *Server) stationProblemsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	q, err := stationProblemQuery(r)
	if err != nil {
		return err
	}
	ps, err := s.App.ListStationProblems(ctx, a, q)
	if err != nil {
		return err
	}
	v := &stationProblemsView{Items: ps, Q: q}
	for _, p := range ps {
		if p.Solved {
			v.Solved++
		}
	}
	// Name what the list counts from what it holds (the query's codes and ids
	// are what a person would not read).
	if q.Station != 0 {
		name := fmt.Sprintf("#%d", q.Station)
		if st, err := s.App.Stations(ctx, a); err == nil {
			for _, x := range st {
				if x.ID == q.Station {
					name = x.Name
				}
			}
		}
		v.Title = append(v.Title, name)
	}
	if q.Deputy != "" {
		name := q.Deputy
		for _, p := range ps {
			if p.Deputy != nil && p.Deputy.Card == q.Deputy {
				name = p.Deputy.Name + " " + q.Deputy
			}
		}
		v.Title = append(v.Title, name)
	}
	if q.Org != "" {
		name := q.Org
		for _, p := range ps {
			if p.Org != nil && p.Org.Code == q.Org {
				name = p.Org.Name
			}
		}
		v.Title = append(v.Title, name)
	}
	if q.Year != 0 {
		v.Title = append(v.Title, fmt.Sprint(q.Year))
	}
	p := s.page(r, "The public's problems", "suggestions", v)
	return s.render(w, r, 200, "station_problems", p)
}

func (s *Server) stationProblemPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.App.StationProblem(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "station_problem", s.page(r, "The public's problem", "suggestions", d))
}
