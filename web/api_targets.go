package web

import (
	"net/http"
	"strconv"

	"qianxiang"
)

// targetRoutes: targets (分解下达), contract.md "Modules 4–7".
func (s *Server) targetRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/targets/{year}", a(s.apiTargets)},
		{"PUT /api/v1/targets/{year}", a(s.apiPutTargets)},
		{"POST /api/v1/imports/targets", a(s.apiImportTargets)},
		{"GET /targets", a(s.targetsPage)},
		{"POST /targets", a(s.targetsSubmit)},
		{"POST /targets/import", a(s.targetsImport)},
	}
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
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
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
