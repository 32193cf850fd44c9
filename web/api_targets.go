package web

import (
	"net/http"
	"strconv"

	"qianxiang"
)

func init() {
	moduleRoutes = append(moduleRoutes, func(s *Server) {
		s.mux.HandleFunc("GET /api/v1/targets/{year}", s.authed(s.apiTargets))
		s.mux.HandleFunc("PUT /api/v1/targets/{year}", s.authed(s.apiPutTargets))
		s.mux.HandleFunc("GET /targets", s.authed(s.targetsPage))
		s.mux.HandleFunc("POST /targets", s.authed(s.targetsSubmit))
		s.mux.HandleFunc("POST /targets/import", s.authed(s.targetsImport))
		s.mux.HandleFunc("POST /api/v1/imports/targets", s.authed(s.apiImportTargets))
	})
}

func pathYear(r *http.Request) (int, error) {
	y, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return 0, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	return y, nil
}

func (s *Server) apiTargets(w http.ResponseWriter, r *http.Request) error {
	y, err := pathYear(r)
	if err != nil {
		return err
	}
	t, err := s.App.Targets(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, t)
	return nil
}

// apiPutTargets replaces the year's targets with the body (contract.md):
// an organisation left out of "orgs" loses its assigned target.
func (s *Server) apiPutTargets(w http.ResponseWriter, r *http.Request) error {
	y, err := pathYear(r)
	if err != nil {
		return err
	}
	var in qianxiang.Targets
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetTargets(r.Context(), actor(r), y, in); err != nil {
		return err
	}
	t, err := s.App.Targets(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, t)
	return nil
}

// apiImportTargets: POST /api/v1/imports/targets?year=Y with the office's
// workbook in the multipart field "file"; 422 with the faulty rows.
func (s *Server) apiImportTargets(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	f, name, err := s.uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := s.App.ImportTargets(r.Context(), actor(r), y, name, f); err != nil {
		return err
	}
	t, err := s.App.Targets(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, t)
	return nil
}
