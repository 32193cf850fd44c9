package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// pipelineRoutes: the reserve pool (谋划储备), promotion to private capital
// (推介) and investors' expressions of interest, as API and pages.
func (s *Server) pipelineRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/pipeline", a(s.apiPool)},
		{"GET /api/v1/pipeline/checklist", a(s.apiChecklist)},
		{"PUT /api/v1/pipeline/checklist", a(s.apiPutChecklist)},
		{"GET /api/v1/pipeline/{id}", a(s.apiReserve)},
		{"PUT /api/v1/pipeline/{id}", a(s.apiPutReserve)},
		{"PUT /api/v1/pipeline/{id}/checklist", a(s.apiPutChecks)},
		{"POST /api/v1/pipeline/{id}/promote", a(s.apiPromote)},
		{"GET /api/v1/projects/{id}/promotion", a(s.apiPromotion)},
		{"POST /api/v1/projects/{id}/promotion", a(s.apiSetPromotion)},
		{"GET /api/v1/projects/{id}/interests", a(s.apiInterests)},
		{"POST /api/v1/projects/{id}/interests", a(s.apiRecordInterest)},
		{"GET /api/v1/interests", a(s.apiInterests)},
		// Without a login: only published promotions of public projects.
		{"GET /api/v1/public/promotions", s.adapt(s.apiPublicPromotions)},
		{"GET /api/v1/public/promotions/{id}", s.adapt(s.apiPublicPromotion)},
		{"POST /api/v1/public/promotions/{id}/interest", s.adapt(s.apiSubmitInterest)},
		// Pages (ui_pipeline.go, ui_promotions.go)
		{"GET /pipeline", a(s.pipelinePage)},
		{"GET /pipeline.xlsx", a(s.pipelineXLSX)},
		{"POST /pipeline/checklist", a(s.checklistSubmit)},
		{"GET /pipeline/{id}", a(s.reservePage)},
		{"POST /pipeline/{id}/{action}", a(s.reserveSubmit)},
		{"GET /public/promotions/{id}", s.adapt(s.publicPromotionPage)},
		{"POST /public/promotions/{id}", s.adapt(s.publicInterestSubmit)},
	}
}

func poolQuery(r *http.Request) app.PoolQuery {
	q := r.URL.Query()
	return app.PoolQuery{Org: q.Get("org"), Sector: q.Get("sector"), Maturity: q.Get("maturity")}
}

func (s *Server) apiPool(w http.ResponseWriter, r *http.Request) error {
	p, err := s.App.Pool(r.Context(), actor(r), poolQuery(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": p.Items, "total": len(p.Items), "checklist": p.Checklist,
		"summary": p.Total, "by_county": p.ByCounty, "by_sector": p.BySector})
	return nil
}

func (s *Server) apiChecklist(w http.ResponseWriter, r *http.Request) error {
	items, err := s.App.Checklist(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": items, "total": len(items)})
	return nil
}

// apiPutChecklist replaces the office's checklist: {"items":[{"key","name","weight","mandatory"}]}.
func (s *Server) apiPutChecklist(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Items []qianxiang.ChecklistItem `json:"items"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetChecklist(r.Context(), actor(r), in.Items); err != nil {
		return err
	}
	return s.apiChecklist(w, r)
}

func (s *Server) apiReserve(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	row, err := s.App.Reserve(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, row)
	return nil
}

// apiPutReserve sets the consulting agency and manual channel marks:
// {"agency":"…","channels":{"special_bonds":"fit","central_budget":"unfit"}}.
func (s *Server) apiPutReserve(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.ReserveInput
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetReserve(r.Context(), actor(r), id, in); err != nil {
		return err
	}
	return s.apiReserve(w, r)
}

// apiPutChecks marks checklist items: {"items":[{"key","done","done_on","note"}]};
// items not named keep their marks.
func (s *Server) apiPutChecks(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Items []app.CheckInput `json:"items"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetChecks(r.Context(), actor(r), id, in.Items); err != nil {
		return err
	}
	return s.apiReserve(w, r)
}

// apiPromote moves a reserve project into a year's plan: {"year":2027}
// (the project's year + 1 when left out).
func (s *Server) apiPromote(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Year int `json:"year"`
	}
	if r.ContentLength != 0 {
		if err := decode(r, &in); err != nil {
			return err
		}
	}
	p, err := s.App.PromoteProject(r.Context(), actor(r), id, in.Year)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiPromotion(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	row, err := s.App.Reserve(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	if row.Promotion == nil {
		return qianxiang.ErrNotFound("promotion")
	}
	writeJSON(w, 200, row.Promotion)
	return nil
}

// apiSetPromotion publishes or withdraws: {"published":true,"investment",
// "return_model","cooperation","contact","office_phone","summary"}.
func (s *Server) apiSetPromotion(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.PromotionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	m, err := s.App.SetPromotion(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, m)
	return nil
}

// apiInterests lists expressions of interest: of one project, or all in
// the caller's scope (GET /api/v1/interests).
func (s *Server) apiInterests(w http.ResponseWriter, r *http.Request) error {
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = pathID(r, "id"); err != nil {
			return err
		}
	}
	is, err := s.App.Interests(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": is, "total": len(is)})
	return nil
}

func (s *Server) apiRecordInterest(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.InterestInput
	if err := decode(r, &in); err != nil {
		return err
	}
	i, err := s.App.RecordInterest(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, i)
	return nil
}

func (s *Server) apiPublicPromotions(w http.ResponseWriter, r *http.Request) error {
	ps, err := s.App.PublicPromotions(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ps, "total": len(ps)})
	return nil
}

func (s *Server) apiPublicPromotion(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.App.PublicPromotion(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}

// apiSubmitInterest is the public form's API: {"company","person","phone",
// "intent"}; the answer says only that it was received.
func (s *Server) apiSubmitInterest(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.InterestInput
	if err := decode(r, &in); err != nil {
		return err
	}
	if _, err := s.App.SubmitInterest(r.Context(), id, in, clientAddr(r)); err != nil {
		return err
	}
	writeJSON(w, 201, map[string]string{"status": "received"})
	return nil
}
