package web

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// projectQuery reads the list filters shared by the API and the page.
func projectQuery(r *http.Request) (app.ProjectQuery, error) {
	q := r.URL.Query()
	var f qianxiang.ProjectFilter
	var err error
	if f.Year, err = queryInt(r, "year", 0); err != nil {
		return app.ProjectQuery{}, err
	}
	if f.Page, err = queryInt(r, "page", 1); err != nil {
		return app.ProjectQuery{}, err
	}
	if f.PerPage, err = queryInt(r, "per_page", 50); err != nil {
		return app.ProjectQuery{}, err
	}
	if f.Page < 1 {
		return app.ProjectQuery{}, qianxiang.FieldError("page", "must be at least 1")
	}
	if f.PerPage < 1 {
		return app.ProjectQuery{}, qianxiang.FieldError("per_page", "must be at least 1")
	}
	f.OrgCode, f.LeadOrgCode = q.Get("org"), q.Get("lead_org")
	f.Kind, f.Stage, f.Sector, f.Leader = q.Get("kind"), q.Get("stage"), q.Get("sector"), q.Get("leader")
	f.Q, f.Sort = q.Get("q"), q.Get("sort")
	f.Class = strings.TrimSpace(q.Get("chain"))
	if f.Kind != "" && !qianxiang.Kind(f.Kind).Valid() {
		return app.ProjectQuery{}, qianxiang.FieldError("kind", "must be new, continuing or preparatory")
	}
	if f.Stage != "" && !qianxiang.Stage(f.Stage).Valid() {
		return app.ProjectQuery{}, qianxiang.FieldError("stage", "is not a known stage")
	}
	month, err := queryInt(r, "month", 0)
	if err != nil {
		return app.ProjectQuery{}, err
	}
	return app.ProjectQuery{ProjectFilter: f, Light: q.Get("light"), Month: month}, nil
}

func (s *Server) apiProjects(w http.ResponseWriter, r *http.Request) error {
	q, err := projectQuery(r)
	if err != nil {
		return err
	}
	q.NoFigures = true // not in the API's JSON
	page, err := s.App.Projects(r.Context(), actor(r), q)
	if err != nil {
		return err
	}
	writeJSONAppend(w, 200, page.AppendJSON)
	return nil
}

func (s *Server) apiCreateProject(w http.ResponseWriter, r *http.Request) error {
	var p qianxiang.Project
	if err := decode(r, &p); err != nil {
		return err
	}
	p.ID = 0
	out, err := s.App.CreateProject(r.Context(), actor(r), p)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(out.Version))
	w.Header().Set("Location", fmt.Sprintf("/api/v1/projects/%d", out.ID))
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func etag(v int) string { return fmt.Sprintf(`"v%d"`, v) }

// ifMatch reads the version from If-Match; PATCH and DELETE need it.
// "If-Match: *" (RFC 9110: any current representation) gives anyVersion.
func ifMatch(r *http.Request) (int, error) {
	v, given, err := ifMatchVersion(r)
	if err == nil && !given {
		err = qianxiang.Errorf(qianxiang.EInvalid, "the If-Match header with the project's ETag is required")
	}
	return v, err
}

// anyVersion is the version "If-Match: *" stands for: the services skip
// the staleness check for it, the record still has to exist.
const anyVersion = app.AnyVersion

// ifMatchVersion reads If-Match when it is sent: one ETag of this API
// ("v3", weak or strong) or *.
func ifMatchVersion(r *http.Request) (v int, given bool, err error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, false, nil
	}
	if h == "*" {
		return anyVersion, true, nil
	}
	h = strings.TrimPrefix(strings.Trim(strings.TrimPrefix(h, "W/"), `"`), "v")
	v, err = strconv.Atoi(h)
	if err != nil || v <= 0 {
		return 0, true, qianxiang.Errorf(qianxiang.EInvalid, "the If-Match header is not an ETag of this API")
	}
	return v, true, nil
}

func (s *Server) apiProject(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.App.Project(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(p.Version))
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiPatchProject(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	// Scope and role first, so a caller without the right learns nothing from a precondition error.
	if _, err := s.App.ProjectFor(r.Context(), actor(r), id, qianxiang.ActEditProject); err != nil {
		return err
	}
	v, err := ifMatch(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "the request body is too large or unreadable")
	}
	if err := jsonTextProblem(body); err != nil {
		return err
	}
	p, err := s.App.PatchProject(r.Context(), actor(r), id, v, body)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(p.Version))
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiDeleteProject(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.App.ProjectFor(r.Context(), actor(r), id, qianxiang.ActEditProject); err != nil {
		return err
	}
	v, err := ifMatch(r)
	if err != nil {
		return err
	}
	if err := s.App.DeleteProject(r.Context(), actor(r), id, v); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiProjectHistory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	h, err := s.App.ProjectHistory(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": h})
	return nil
}

func (s *Server) apiProjectProblems(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ps, err := s.App.ProjectProblems(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ps})
	return nil
}
