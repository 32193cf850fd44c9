package web

import (
	"net/http"
	"strconv"

	"qianxiang"
	"qianxiang/app"
)

// leadRoutes: investment attraction (招大引强) and the portal's news.
func (s *Server) leadRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/leads", a(s.apiLeads)},
		{"POST /api/v1/leads", a(s.apiCreateLead)},
		{"GET /api/v1/leads/funnel", a(s.apiLeadFunnel)},
		{"GET /api/v1/leads/{id}", a(s.apiLead)},
		{"PUT /api/v1/leads/{id}", a(s.apiUpdateLead)},
		{"POST /api/v1/leads/{id}/move", a(s.apiMoveLead)},
		{"GET /api/v1/settings/leads", a(s.apiLeadSettings)},
		{"PUT /api/v1/settings/leads", a(s.apiPutLeadSettings)},
		{"GET /api/v1/news", a(s.apiNews)},
		{"POST /api/v1/news", a(s.apiCreateNews)},
		{"GET /api/v1/news/{id}", a(s.apiNewsItem)},
		{"PUT /api/v1/news/{id}", a(s.apiUpdateNews)},
		{"GET /api/v1/public/news", s.adapt(s.apiPublicNews)},

		{"GET /leads", a(s.leadsPage)},
		{"POST /leads/settings", a(s.leadSettingsSubmit)},
		{"GET /leads/new", a(s.newLeadPage)},
		{"POST /leads/new", a(s.newLeadSubmit)},
		{"GET /leads/{id}", a(s.leadPage)},
		{"POST /leads/{id}/move", a(s.leadMoveSubmit)},
		{"GET /leads/{id}/edit", a(s.editLeadPage)},
		{"POST /leads/{id}/edit", a(s.editLeadSubmit)},
		{"GET /news", a(s.newsPage)},
		{"POST /news", a(s.newsCreate)},
		{"GET /news/{id}", a(s.newsEditPage)},
		{"POST /news/{id}", a(s.newsSave)},
	}
}

// leadQuery reads the list's filters from the query string.
func leadQuery(r *http.Request) (app.LeadQuery, error) {
	q := r.URL.Query()
	lq := app.LeadQuery{County: q.Get("county"), Stage: q.Get("stage"), Source: q.Get("source"), Industry: q.Get("industry")}
	switch q.Get("stalled") {
	case "", "0":
	case "1":
		lq.Stalled = true
	default:
		return lq, qianxiang.FieldError("stalled", "must be 1 or 0")
	}
	return lq, nil
}

func (s *Server) apiLeads(w http.ResponseWriter, r *http.Request) error {
	q, err := leadQuery(r)
	if err != nil {
		return err
	}
	ls, err := s.App.Leads(r.Context(), actor(r), q)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ls, "total": len(ls)})
	return nil
}

func (s *Server) apiCreateLead(w http.ResponseWriter, r *http.Request) error {
	var in app.LeadInput
	if err := decode(r, &in); err != nil {
		return err
	}
	l, err := s.App.CreateLead(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, l)
	return nil
}

func (s *Server) apiLead(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, err := s.App.Lead(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, l)
	return nil
}

// apiUpdateLead replaces a lead's particulars (the fields of POST) at
// "version" (409 when stale; 0 for whatever is current); the stage moves
// only through /move.
func (s *Server) apiUpdateLead(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		app.LeadInput
		Version int `json:"version"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.Version == 0 {
		in.Version = app.AnyVersion
	}
	l, err := s.App.UpdateLead(r.Context(), actor(r), id, in.Version, in.LeadInput)
	if err != nil {
		return err
	}
	writeJSON(w, 200, l)
	return nil
}

// apiMoveLead: {"stage","reason"} and, to sign, "contract_amount" and
// "contract_date"; to land, optionally "project_name", "project_year",
// "investment", "planned_start".
func (s *Server) apiMoveLead(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in qianxiang.LeadMoveInput
	if err := decode(r, &in); err != nil {
		return err
	}
	l, err := s.App.MoveLead(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, l)
	return nil
}

func (s *Server) apiLeadFunnel(w http.ResponseWriter, r *http.Request) error {
	q, err := leadQuery(r)
	if err != nil {
		return err
	}
	f, err := s.App.LeadFunnel(r.Context(), actor(r), r.URL.Query().Get("group"), q)
	if err != nil {
		return err
	}
	writeJSON(w, 200, f)
	return nil
}

func (s *Server) apiLeadSettings(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, 200, map[string]int{"stall_days": s.App.LeadStallDays(r.Context())})
	return nil
}

func (s *Server) apiPutLeadSettings(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		StallDays int `json:"stall_days"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetLeadStallDays(r.Context(), actor(r), in.StallDays); err != nil {
		return err
	}
	return s.apiLeadSettings(w, r)
}

func (s *Server) apiNews(w http.ResponseWriter, r *http.Request) error {
	ns, err := s.App.News(r.Context(), actor(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ns, "total": len(ns)})
	return nil
}

func (s *Server) apiCreateNews(w http.ResponseWriter, r *http.Request) error {
	var in app.NewsInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := s.App.CreateNews(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, n)
	return nil
}

func (s *Server) apiNewsItem(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.App.NewsItem(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, n)
	return nil
}

// apiUpdateNews replaces a news item; "version" is the one read (409 when
// stale), 0 for whatever is current.
func (s *Server) apiUpdateNews(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.NewsInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := s.App.UpdateNews(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, n)
	return nil
}

// apiPublicNews: the published news without a login, newest first.
func (s *Server) apiPublicNews(w http.ResponseWriter, r *http.Request) error {
	limit, err := queryInt(r, "limit", 20)
	if err != nil {
		return err
	}
	ns, err := s.App.PublicNews(r.Context(), limit)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ns, "total": len(ns)})
	return nil
}

func formInt(r *http.Request, name string) int {
	n, _ := strconv.Atoi(r.FormValue(name))
	return n
}
