package web

import (
	"net/http"
	"strconv"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

type usersData struct {
	Users  []qianxiang.User
	Tokens []qianxiang.Token
	Orgs   []qianxiang.Org
	Roles  []qianxiang.Role
	Admin  bool
	Token  string
	// Phones are personal data: filled in for administrators only.
	Phones map[int64]string
	Roles4 []qianxiang.Role // the roles a users workbook may give
}

func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, 200, "settings", s.page(r, "Settings", "settings", nil))
}

// usersPage shows users (for admins) and the caller's API tokens.
func (s *Server) usersPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, 200, "", "", "")
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, flash, errMsg, token string) error {
	return s.renderUsersPage(w, r, status, flash, errMsg, token, nil)
}

// renderUsersDetails shows the users page with an error and its details
// (a refused users workbook, row by row).
func (s *Server) renderUsersDetails(w http.ResponseWriter, r *http.Request, status int, errMsg string, details []string) error {
	return s.renderUsersPage(w, r, status, "", errMsg, "", details)
}

func (s *Server) renderUsersPage(w http.ResponseWriter, r *http.Request, status int, flash, errMsg, token string, details []string) error {
	ctx, a := r.Context(), actor(r)
	d := usersData{Roles: qianxiang.Roles, Token: token, Roles4: qianxiang.ImportRoles}
	d.Admin = a.Can(qianxiang.ActManageUsers, qianxiang.Scope{})
	if d.Admin {
		var err error
		if d.Users, err = s.App.Users(ctx, a); err != nil {
			return err
		}
		if d.Orgs, err = s.App.Orgs(ctx, a); err != nil {
			return err
		}
		if d.Phones, err = s.App.UserPhones(ctx, a); err != nil {
			return err
		}
	}
	ts, err := s.App.Tokens(ctx, a)
	if err != nil {
		return err
	}
	d.Tokens = ts
	p := s.page(r, "Users", "settings", d)
	p.Flash, p.Error, p.Details = flash, errMsg, details
	return s.render(w, r, status, "admin_users", p)
}

func (s *Server) usersAdd(w http.ResponseWriter, r *http.Request) error {
	lang := info(r).Lang
	u, pw, err := s.App.AddUser(r.Context(), actor(r), app.NewUser{Username: r.FormValue("username"), DisplayName: r.FormValue("display_name"),
		Role: qianxiang.Role(r.FormValue("role")), OrgCode: r.FormValue("org"), Password: r.FormValue("password")})
	if err != nil {
		return s.renderUsers(w, r, Status(qianxiang.ErrorCode(err)), "", i18n.Error(lang, err), "")
	}
	shown := pw
	if r.FormValue("password") != "" {
		shown = "••••••"
	}
	return s.renderUsers(w, r, 200, i18n.T(lang, "User %s created with password %s", u.Username, shown), "", "")
}

func (s *Server) usersReset(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	lang := info(r).Lang
	pw, username, err := s.App.ResetPassword(r.Context(), actor(r), id)
	if err != nil {
		return s.renderUsers(w, r, Status(qianxiang.ErrorCode(err)), "", i18n.Error(lang, err), "")
	}
	return s.renderUsers(w, r, 200, i18n.T(lang, "New password for %s: %s", username, pw), "", "")
}

func (s *Server) usersActive(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	active, _ := strconv.ParseBool(r.FormValue("active"))
	if err := s.App.SetActive(r.Context(), actor(r), id, active); err != nil {
		return s.renderUsers(w, r, Status(qianxiang.ErrorCode(err)), "", i18n.Error(info(r).Lang, err), "")
	}
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

func (s *Server) tokensCreate(w http.ResponseWriter, r *http.Request) error {
	username := r.FormValue("username")
	if username == "" {
		username = info(r).User.Username
	}
	tok, err := s.App.CreateToken(r.Context(), actor(r), username, r.FormValue("name"))
	if err != nil {
		return s.renderUsers(w, r, Status(qianxiang.ErrorCode(err)), "", i18n.Error(info(r).Lang, err), "")
	}
	return s.renderUsers(w, r, 200, "", "", tok)
}

func (s *Server) tokensRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.RevokeToken(r.Context(), actor(r), id); err != nil {
		return s.renderUsers(w, r, Status(qianxiang.ErrorCode(err)), "", i18n.Error(info(r).Lang, err), "")
	}
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

type auditData struct {
	Verified bool
	Entries  int64
	Broken   []qianxiang.Broken
	Trail    []qianxiang.AuditEntry
	Filter   qianxiang.AuditFilter
	Tables   []string
	// Checkpoint is the kept checkpoint the chain was held against.
	Checkpoint *qianxiang.Checkpoint
}

// auditTables are the trail's entities offered by the filter.
var auditTables = []string{"orgs", "users", "api_tokens", "sessions", "settings", "projects", "reports", "problems"}

// auditPage shows the trail (optionally one record's history) and, on
// request, verifies the whole chain.
func (s *Server) auditPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	d := auditData{Tables: auditTables}
	d.Filter = qianxiang.AuditFilter{Table: q.Get("table"), Actor: q.Get("actor")}
	if v := q.Get("id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return qianxiang.FieldError("id", "must be a positive number")
		}
		d.Filter.ID = id
	}
	var err error
	if d.Trail, err = s.App.AuditEntries(r.Context(), actor(r), d.Filter); err != nil {
		return err
	}
	if q.Get("verify") == "1" {
		d.Verified = true
		if d.Entries, d.Broken, err = s.App.VerifyAudit(r.Context(), actor(r)); err != nil {
			return err
		}
	}
	return s.render(w, r, 200, "audit", s.page(r, "Audit", "settings", d))
}
