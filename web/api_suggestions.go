package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// suggestionRoutes: the working-day calendar, suggestions and proposals,
// contract.md "Modules 4–7".
func (s *Server) suggestionRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/calendar/{year}", a(s.apiCalendar)},
		{"GET /api/v1/calendar/deadlines", a(s.apiDeadlines)},
		{"PUT /api/v1/calendar/{year}", a(s.apiPutCalendar)},
		{"GET /api/v1/suggestions", a(s.apiSuggestions)},
		{"POST /api/v1/suggestions", a(s.apiCreateSuggestion)},
		{"GET /api/v1/suggestions/report", a(s.apiSuggestionReport)},
		{"GET /api/v1/suggestions/{id}", a(s.apiSuggestion)},
		{"POST /api/v1/suggestions/{id}/{step}", a(s.apiSuggestionStep)},
		{"GET /calendar", a(s.calendarPage)},
		{"POST /calendar", a(s.calendarSubmit)},
		{"GET /suggestions", a(s.suggestionsPage)},
		{"POST /suggestions", a(s.suggestionsSubmit)},
		{"GET /suggestions/report", a(s.suggestionReportPage)},
		{"GET /suggestions/report.xlsx", a(s.suggestionReportXLSX)},
		{"GET /suggestions/{id}", a(s.suggestionPage)},
		{"POST /suggestions/{id}/{step}", a(s.suggestionStepSubmit)},
		{"GET /my", a(s.myPage)},
		{"GET /api/v1/public/suggestions", s.adapt(s.apiPublicSuggestions)},
	}
}

// apiPublicSuggestions: suggestions and proposals are public unless
// classified; no login.
func (s *Server) apiPublicSuggestions(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", s.App.Today().Year)
	if err != nil {
		return err
	}
	ps, err := s.App.PublicSuggestions(r.Context(), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ps, "total": len(ps)})
	return nil
}

func (s *Server) apiCalendar(w http.ResponseWriter, r *http.Request) error {
	y, err := pathYear(r)
	if err != nil {
		return err
	}
	c, err := s.App.YearCalendar(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, c)
	return nil
}

// apiDeadlines: a suggestion's deadlines counted from a day on the calendar.
func (s *Server) apiDeadlines(w http.ResponseWriter, r *http.Request) error {
	d, err := s.App.Deadlines(r.Context(), actor(r), r.URL.Query().Get("from"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, d)
	return nil
}

func (s *Server) apiPutCalendar(w http.ResponseWriter, r *http.Request) error {
	y, err := pathYear(r)
	if err != nil {
		return err
	}
	var in app.CalendarInput
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := s.App.SetYearCalendar(r.Context(), actor(r), y, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, c)
	return nil
}

// suggestionQuery reads the list filters shared by the API and the page.
func suggestionQuery(r *http.Request) (app.SuggestionQuery, error) {
	q := r.URL.Query()
	sq := app.SuggestionQuery{Kind: q.Get("kind"), Status: q.Get("status"), Org: q.Get("org"), Overdue: q.Get("overdue") == "1"}
	var err error
	if sq.Year, err = queryInt(r, "year", 0); err != nil {
		return sq, err
	}
	n, err := queryInt(r, "project", 0)
	sq.Project = int64(n)
	return sq, err
}

func (s *Server) apiSuggestions(w http.ResponseWriter, r *http.Request) error {
	q, err := suggestionQuery(r)
	if err != nil {
		return err
	}
	ss, err := s.App.Suggestions(r.Context(), actor(r), q)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ss, "total": len(ss)})
	return nil
}

func (s *Server) apiCreateSuggestion(w http.ResponseWriter, r *http.Request) error {
	var in app.SuggestionInput
	if err := decode(r, &in); err != nil {
		return err
	}
	sg, err := s.App.CreateSuggestion(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, sg)
	return nil
}

func (s *Server) apiSuggestion(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.App.SuggestionDetail(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, d)
	return nil
}

// stepInput is the body of every handling step; send-back and extend
// take "reason" (or "text", as other send-backs do).
type stepInput struct {
	LeadOrg    string   `json:"lead_org"`
	CoOrgs     []string `json:"co_orgs"`
	AssignedOn string   `json:"assigned_on"`
	Class      string   `json:"class"`
	Text       string   `json:"text"`
	Reason     string   `json:"reason"`
	Rating     string   `json:"rating"`
	Into       int64    `json:"into"`
}

func (in stepInput) reason() string {
	if in.Reason != "" {
		return in.Reason
	}
	return in.Text
}

// suggestionStep runs one handling step for the API and the page alike.
func (s *Server) suggestionStep(r *http.Request, id int64, step string, in stepInput) (qianxiang.Suggestion, error) {
	ctx, a := r.Context(), actor(r)
	switch step {
	case "assign":
		return s.App.AssignSuggestion(ctx, a, id, app.AssignInput{LeadOrg: in.LeadOrg, CoOrgs: in.CoOrgs, AssignedOn: in.AssignedOn})
	case "send-back":
		return s.App.SendBackSuggestion(ctx, a, id, in.reason())
	case "extend":
		return s.App.ExtendSuggestion(ctx, a, id, in.reason())
	case "view":
		return s.App.ViewSuggestion(ctx, a, id, in.Text)
	case "answer":
		return s.App.AnswerSuggestion(ctx, a, id, in.Class, in.Text)
	case "rate":
		return s.App.RateSuggestion(ctx, a, id, in.Rating)
	case "decline":
		return s.App.DeclineSuggestion(ctx, a, id, in.reason())
	case "merge":
		return s.App.MergeSuggestion(ctx, a, id, in.Into)
	}
	return qianxiang.Suggestion{}, qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "API "+r.URL.Path)
}

func (s *Server) apiSuggestionStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in stepInput
	if r.ContentLength != 0 {
		if err := decode(r, &in); err != nil {
			return err
		}
	}
	sg, err := s.suggestionStep(r, id, r.PathValue("step"), in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, sg)
	return nil
}

func (s *Server) apiSuggestionReport(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", s.App.Today().Year)
	if err != nil {
		return err
	}
	rep, _, err := s.App.SuggestionReport(r.Context(), actor(r), y, r.URL.Query().Get("kind"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"year": y, "units": rep.Units, "total": rep.Total})
	return nil
}
