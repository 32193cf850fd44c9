package web

import (
	"net/http"
	"net/url"
	"strings"

	"qianxiang"
	"qianxiang/internal/i18n"
)

func favicon(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
}

func pageNotFound(w http.ResponseWriter, r *http.Request) error {
	return qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "page "+r.URL.Path)
}

// safeNext keeps a post-login redirect on this site. Browsers read a
// backslash as a slash, so "/\evil.example" would leave it.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if next == "" || err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.Contains(next, `\`) {
		return "/"
	}
	return next
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	if info(r).User != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, 200, "login", s.page(r, "Log in", "", r.URL.Query().Get("next")))
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	next := safeNext(r.FormValue("next"))
	p := s.page(r, "Log in", "", next)
	if !sameOrigin(r) {
		p.Error = i18n.T(p.Lang, "the form has expired; reload the page and try again")
		return s.render(w, r, http.StatusForbidden, "login", p)
	}
	secret, sess, _, err := s.App.Login(r.Context(), r.FormValue("username"), r.FormValue("password"), clientAddr(r))
	if err != nil {
		p.Error = i18n.Error(p.Lang, err)
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "login", p)
	}
	setSessionCookie(w, r, secret, sess.ExpiresAt, s.App.Now())
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.App.Logout(r.Context(), c.Value)
	}
	clearSessionCookie(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, 200, "account", s.page(r, "Change password", "", nil))
}

func (s *Server) accountSubmit(w http.ResponseWriter, r *http.Request) error {
	p := s.page(r, "Change password", "", nil)
	if err := s.App.ChangePassword(r.Context(), actor(r), r.FormValue("old"), r.FormValue("new")); err != nil {
		p.Error = i18n.Error(p.Lang, err)
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "account", p)
	}
	clearSessionCookie(w, r)
	p = s.page(r, "Log in", "", "/")
	p.User, p.Flash = nil, p.T("Password changed; log in again with the new one.")
	return s.render(w, r, 200, "login", p)
}

func (s *Server) modulePage(title, nav, what string) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		return s.render(w, r, 200, "module", s.page(r, title, nav, what))
	}
}
