package web

import (
	"fmt"
	"net/http"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// newsView is the office's /news page: every item, drafts included, and
// the form for a new one (or the item being edited).
type newsView struct {
	Items []qianxiang.NewsItem
	In    app.NewsInput
	Edit  int64 // the item being edited, 0 for a new one
}

func newsForm(r *http.Request) app.NewsInput {
	return app.NewsInput{Title: r.FormValue("title"), Body: r.FormValue("body"), Date: r.FormValue("date"),
		Published: r.FormValue("published") == "1", Version: formInt(r, "version")}
}

func (s *Server) newsPage(w http.ResponseWriter, r *http.Request) error {
	items, err := s.App.News(r.Context(), actor(r))
	if err != nil {
		return err
	}
	v := &newsView{Items: items, In: app.NewsInput{Date: s.App.Today().String()}}
	pg := s.page(r, "News", "leads", v)
	switch r.URL.Query().Get("done") {
	case "created":
		pg.Flash = i18n.T(pg.Lang, "The news item was saved.")
	case "saved":
		pg.Flash = i18n.T(pg.Lang, "The news item was saved.")
	}
	return s.render(w, r, 200, "news", pg)
}

// newsRefused shows the form again with what was typed and the reason.
func (s *Server) newsRefused(w http.ResponseWriter, r *http.Request, v *newsView, err error) error {
	code := qianxiang.ErrorCode(err)
	if code != qianxiang.EValidation && code != qianxiang.EConflict {
		return err
	}
	items, lerr := s.App.News(r.Context(), actor(r))
	if lerr != nil {
		return lerr
	}
	v.Items = items
	pg := s.page(r, "News", "leads", v)
	s.setError(pg, err)
	return s.render(w, r, Status(code), "news", pg)
}

func (s *Server) newsCreate(w http.ResponseWriter, r *http.Request) error {
	in := newsForm(r)
	if _, err := s.App.CreateNews(r.Context(), actor(r), in); err != nil {
		return s.newsRefused(w, r, &newsView{In: in}, err)
	}
	http.Redirect(w, r, "/news?done=created", http.StatusSeeOther)
	return nil
}

func (s *Server) newsEditPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.App.NewsItem(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	items, err := s.App.News(r.Context(), actor(r))
	if err != nil {
		return err
	}
	v := &newsView{Items: items, Edit: id, In: app.NewsInput{Title: n.Title, Body: n.Body, Date: n.Date.String(), Published: n.Published, Version: n.Version}}
	return s.render(w, r, 200, "news", s.page(r, "News", "leads", v))
}

func (s *Server) newsSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	in := newsForm(r)
	if in.Version == 0 {
		in.Version = app.AnyVersion
	}
	if _, err := s.App.UpdateNews(r.Context(), actor(r), id, in); err != nil {
		return s.newsRefused(w, r, &newsView{In: in, Edit: id}, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/news?done=saved#news-%d", id), http.StatusSeeOther)
	return nil
}
