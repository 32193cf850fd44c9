package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// stationRoutes: liaison stations (代表联络站), their leaders' visits and
// the public's problems.
func (s *Server) stationRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/stations", a(s.apiStations)},
		{"POST /api/v1/stations", a(s.apiCreateStation)},
		{"GET /api/v1/stations/counts", a(s.apiStationCounts)},
		{"GET /api/v1/stations/{id}/visits", a(s.apiVisits)},
		{"POST /api/v1/stations/{id}/visits", a(s.apiSaveVisit)},
		{"GET /api/v1/stations/{id}/problems", a(s.apiStationProblems)},
		{"POST /api/v1/stations/{id}/problems", a(s.apiRegisterStationProblem)},
		{"POST /api/v1/station-problems/{id}/to-campaign", a(s.apiStationToCampaign)},
		{"POST /api/v1/station-problems/{id}/{step}", a(s.apiStationStep)},
		{"GET /stations", a(s.stationsPage)},
		{"POST /stations", a(s.stationsSubmit)},
		{"GET /stations/{id}", a(s.stationPage)},
		{"POST /stations/{id}/visits", a(s.stationVisitSubmit)},
		{"POST /stations/{id}/problems", a(s.stationProblemSubmit)},
		{"POST /station-problems/{id}/{step}", a(s.stationStepSubmit)},
	}
}

func (s *Server) apiStations(w http.ResponseWriter, r *http.Request) error {
	ss, err := s.App.Stations(r.Context(), actor(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ss, "total": len(ss)})
	return nil
}

func (s *Server) apiCreateStation(w http.ResponseWriter, r *http.Request) error {
	var in app.StationInput
	if err := decode(r, &in); err != nil {
		return err
	}
	st, err := s.App.CreateStation(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, st)
	return nil
}

func (s *Server) apiStationCounts(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	c, err := s.App.StationCounts(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, c)
	return nil
}

func (s *Server) apiVisits(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	vs, err := s.App.Visits(r.Context(), actor(r), id, r.URL.Query().Get("from"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": vs, "total": len(vs)})
	return nil
}

func (s *Server) apiSaveVisit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.VisitInput
	if err := decode(r, &in); err != nil {
		return err
	}
	v, err := s.App.SaveVisit(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, v)
	return nil
}

func (s *Server) apiStationProblems(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ps, err := s.App.StationProblems(r.Context(), actor(r), id, 0, 0)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ps, "total": len(ps)})
	return nil
}

func (s *Server) apiRegisterStationProblem(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.StationProblemInput
	if err := decode(r, &in); err != nil {
		return err
	}
	p, err := s.App.RegisterStationProblem(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, p)
	return nil
}

func (s *Server) apiStationStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.StationStepInput
	if r.ContentLength != 0 {
		if err := decode(r, &in); err != nil {
			return err
		}
	}
	p, err := s.App.StepStationProblem(r.Context(), actor(r), id, qianxiang.StationStep(r.PathValue("step")), in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiStationToCampaign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.CampaignInput
	if r.ContentLength != 0 {
		if err := decode(r, &in); err != nil {
			return err
		}
	}
	p, err := s.App.StationProblemToCampaign(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}
