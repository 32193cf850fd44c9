package web

import (
	"net/http"
	"strconv"

	"qianxiang"
)

// assessmentRoutes: the monthly assessment (考核 · 奖惩).
func (s *Server) assessmentRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/assessment/{year}/weights", a(s.apiAssessWeights)},
		{"PUT /api/v1/assessment/{year}/weights", a(s.apiPutAssessWeights)},
		{"GET /api/v1/assessment/{year}/{month}", a(s.apiAssessment)},
		{"GET /assessment", a(s.assessmentPage)},
		{"POST /assessment/weights", a(s.assessmentWeightsSubmit)},
		{"GET /assessment.xlsx", a(s.assessmentXLSX)},
	}
}

func pathMonth(r *http.Request) (int, error) {
	m, err := strconv.Atoi(r.PathValue("month"))
	if err != nil || m < 1 || m > 12 {
		return 0, qianxiang.FieldError("month", "must be between 1 and 12")
	}
	return m, nil
}

// apiAssessment: GET /api/v1/assessment/{year}/{month}, the month's scores
// and ranks of counties and departments with every component.
func (s *Server) apiAssessment(w http.ResponseWriter, r *http.Request) error {
	y, err := pathYear(r)
	if err != nil {
		return err
	}
	m, err := pathMonth(r)
	if err != nil {
		return err
	}
	a, err := s.App.Assessment(r.Context(), actor(r), y, m)
	if err != nil {
		return err
	}
	writeJSON(w, 200, a)
	return nil
}

func (s *Server) apiAssessWeights(w http.ResponseWriter, r *http.Request) error {
	y, err := pathYear(r)
	if err != nil {
		return err
	}
	st, err := s.App.AssessSettings(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, st)
	return nil
}

// apiPutAssessWeights: PUT {"weights":{…},"board_size":3}; the year comes
// from the path.
func (s *Server) apiPutAssessWeights(w http.ResponseWriter, r *http.Request) error {
	y, err := pathYear(r)
	if err != nil {
		return err
	}
	var in qianxiang.AssessSettings
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetAssessSettings(r.Context(), actor(r), y, in); err != nil {
		return err
	}
	return s.apiAssessWeights(w, r)
}
