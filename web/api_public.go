package web

import (
	"net/http"

	"qianxiang"
)

// publicRoutes answer without a login (contract.md, "Modules 4–7"): only
// public projects, and only their publishable fields, ever leave here.
func (s *Server) publicRoutes() []route {
	return []route{
		{"GET /api/v1/public/progress", s.adapt(s.apiPublicProgress)},
		{"GET /api/v1/public/oc4ids", s.adapt(s.apiPublicOC4IDS)},
		{"GET /api/v1/public/projects/{id}", s.adapt(s.apiPublicProject)},
		{"GET /public", s.adapt(s.publicPage)},
	}
}

func (s *Server) apiPublicProgress(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	p, err := s.App.PublicProgress(r.Context(), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiPublicOC4IDS(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	if y == 0 {
		return qianxiang.FieldError("year", "is required")
	}
	scheme := "https"
	if r.TLS == nil {
		scheme = "http"
	}
	uri := scheme + "://" + r.Host + "/api/v1/public/oc4ids?year=" + r.URL.Query().Get("year")
	pkg, err := s.App.PublicOC4IDS(r.Context(), y, uri)
	if err != nil {
		return err
	}
	writeJSON(w, 200, pkg)
	return nil
}

func (s *Server) apiPublicProject(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.App.PublicProject(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}
