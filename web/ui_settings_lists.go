package web

import (
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// listsForm is the page of the project form's lists (issue 15.5).
type listsForm struct {
	Lists   qianxiang.ProjectLists
	Text    string // the sectors as typed, one a line
	Leaders []string
	Err     string
	CanEdit bool
}

func (s *Server) listsRoutes() []route {
	a := s.authed
	return []route{
		{"GET /settings/projects", a(s.listsPage)},
		{"POST /settings/projects", a(s.listsSubmit)},
		{"GET /api/v1/settings/project-lists", a(s.apiProjectLists)},
		{"PUT /api/v1/settings/project-lists", a(s.apiPutProjectLists)},
	}
}

func (s *Server) listsFormOf(r *http.Request, l qianxiang.ProjectLists) (*listsForm, error) {
	f := &listsForm{Lists: l, Text: strings.Join(l.Sectors, "\n"), CanEdit: actor(r).Can(qianxiang.ActSettings, qianxiang.Scope{})}
	var err error
	f.Leaders, err = s.App.LeaderNames(r.Context())
	return f, err
}

func (s *Server) listsPage(w http.ResponseWriter, r *http.Request) error {
	l, err := s.App.ProjectLists(r.Context())
	if err != nil {
		return err
	}
	f, err := s.listsFormOf(r, l)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "settings_lists", s.page(r, "Project form lists", "settings", f))
}

func (s *Server) listsSubmit(w http.ResponseWriter, r *http.Request) error {
	lang := info(r).Lang
	text := r.FormValue("sectors")
	l := qianxiang.ProjectLists{Sectors: strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"),
		AllowOtherSector: r.FormValue("allow_other_sector") == "1", AllowOtherLeader: r.FormValue("allow_other_leader") == "1"}
	err := s.App.SetProjectLists(r.Context(), actor(r), l)
	if err != nil && qianxiang.ErrorCode(err) != qianxiang.EValidation {
		return err
	}
	if err == nil {
		saved, err := s.App.ProjectLists(r.Context())
		if err != nil {
			return err
		}
		f, err := s.listsFormOf(r, saved)
		if err != nil {
			return err
		}
		p := s.page(r, "Project form lists", "settings", f)
		p.Flash = i18n.T(lang, "Saved: %d sectors.", len(saved.Sectors))
		return s.render(w, r, 200, "settings_lists", p)
	}
	f, ferr := s.listsFormOf(r, l)
	if ferr != nil {
		return ferr
	}
	f.Text = text
	if e := qianxiang.AsError(err); e != nil && len(e.Details) > 0 {
		var msgs []string
		for _, d := range e.Details {
			msgs = append(msgs, i18n.Detail(lang, d))
		}
		f.Err = strings.Join(msgs, "；")
	}
	p := s.page(r, "Project form lists", "settings", f)
	p.Error = i18n.T(lang, "The settings were not saved: correct the fields marked below.")
	return s.render(w, r, http.StatusUnprocessableEntity, "settings_lists", p)
}

func (s *Server) apiProjectLists(w http.ResponseWriter, r *http.Request) error {
	l, err := s.App.ProjectLists(r.Context())
	if err != nil {
		return err
	}
	leaders, err := s.App.LeaderNames(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"sectors": l.Sectors, "allow_other_sector": l.AllowOtherSector,
		"allow_other_leader": l.AllowOtherLeader, "leaders": leaders})
	return nil
}

func (s *Server) apiPutProjectLists(w http.ResponseWriter, r *http.Request) error {
	var in qianxiang.ProjectLists
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetProjectLists(r.Context(), actor(r), in); err != nil {
		return err
	}
	return s.apiProjectLists(w, r)
}
