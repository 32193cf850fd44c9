package web

import (
	"fmt"
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// chainRoutes: classifications (产业链, 特色专业镇) and batch starts
// (集中开工), issue 9 items 2 and 4.
func (s *Server) chainRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/class-lists", a(s.apiClassLists)},
		{"PUT /api/v1/class-lists/{code}", a(s.apiPutClassList)},
		{"GET /api/v1/batch-starts", a(s.apiBatchStarts)},
		{"POST /api/v1/batch-starts", a(s.apiCreateBatchStart)},
		{"GET /api/v1/batch-starts/{id}", a(s.apiBatchStart)},
		{"PATCH /api/v1/batch-starts/{id}", a(s.apiPatchBatchStart)},
		{"POST /api/v1/batch-starts/{id}/projects", a(s.apiAddBatchProjects)},
		{"DELETE /api/v1/batch-starts/{id}/projects/{pid}", a(s.apiRemoveBatchProject)},
		{"GET /classes", a(s.classesPage)},
		{"POST /classes", a(s.classesSubmit)},
		{"GET /batch-starts", a(s.batchStartsPage)},
		{"POST /batch-starts", a(s.batchStartCreate)},
		{"GET /batch-starts/{id}", a(s.batchStartPage)},
		{"POST /batch-starts/{id}", a(s.batchStartSave)},
		{"POST /batch-starts/{id}/projects", a(s.batchStartAdd)},
		{"POST /batch-starts/{id}/projects/{pid}/remove", a(s.batchStartRemove)},
	}
}

func (s *Server) apiClassLists(w http.ResponseWriter, r *http.Request) error {
	ls, err := s.App.ClassLists(r.Context(), actor(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ls, "total": len(ls)})
	return nil
}

// apiPutClassList creates or replaces the list {code}: its name, headers
// and entries (entries keep their id to be renamed; one left out is
// removed, 409 while projects carry it).
func (s *Server) apiPutClassList(w http.ResponseWriter, r *http.Request) error {
	var l qianxiang.ClassList
	if err := decode(r, &l); err != nil {
		return err
	}
	l.Code = r.PathValue("code")
	out, err := s.App.PutClassList(r.Context(), actor(r), l)
	if err != nil {
		return err
	}
	writeJSON(w, 200, out)
	return nil
}

func (s *Server) apiBatchStarts(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	bs, err := s.App.BatchStarts(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": bs, "total": len(bs)})
	return nil
}

// batchIn is an event as the API takes it: the county by code.
type batchIn struct {
	Date     qianxiang.Date `json:"date"`
	Place    string         `json:"place"`
	County   string         `json:"county"`
	Leader   string         `json:"leader"`
	Title    string         `json:"title"`
	Notes    string         `json:"notes"`
	Projects []int64        `json:"projects"`
}

// apiCreateBatchStart: POST {"date","place","county","leader","title",
// "projects":[ids]?}; the projects, when given, join in the same call (all
// or nothing: the event is not kept when one cannot join).
func (s *Server) apiCreateBatchStart(w http.ResponseWriter, r *http.Request) error {
	var in batchIn
	if err := decode(r, &in); err != nil {
		return err
	}
	b, err := s.App.CreateBatchStartWith(r.Context(), actor(r), qianxiang.BatchStart{Date: in.Date, Place: in.Place,
		Org: qianxiang.OrgRef{Code: in.County}, Leader: in.Leader, Title: in.Title, Notes: in.Notes}, in.Projects)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(b.Version))
	w.Header().Set("Location", fmt.Sprintf("/api/v1/batch-starts/%d", b.ID))
	writeJSON(w, http.StatusCreated, b)
	return nil
}

func (s *Server) apiBatchStart(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	b, err := s.App.BatchStart(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(b.Version))
	writeJSON(w, 200, b)
	return nil
}

// apiPatchBatchStart changes the fields given; If-Match is optional
// (without it the change applies to the event as it is).
func (s *Server) apiPatchBatchStart(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, given, err := ifMatchVersion(r)
	if err != nil {
		return err
	}
	if !given {
		v = anyVersion
	}
	var p app.BatchPatch
	if err := decode(r, &p); err != nil {
		return err
	}
	b, err := s.App.UpdateBatchStart(r.Context(), actor(r), id, v, p)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag(b.Version))
	writeJSON(w, 200, b)
	return nil
}

func (s *Server) apiAddBatchProjects(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Projects []int64 `json:"projects"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	b, err := s.App.AddBatchProjects(r.Context(), actor(r), id, in.Projects)
	if err != nil {
		return err
	}
	writeJSON(w, 200, b)
	return nil
}

func (s *Server) apiRemoveBatchProject(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	pid, err := pathID(r, "pid")
	if err != nil {
		return err
	}
	b, err := s.App.RemoveBatchProject(r.Context(), actor(r), id, pid)
	if err != nil {
		return err
	}
	writeJSON(w, 200, b)
	return nil
}
