package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

func (s *Server) apiUsers(w http.ResponseWriter, r *http.Request) error {
	us, err := s.App.Users(r.Context(), actor(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": us})
	return nil
}

func (s *Server) apiAddUser(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Username, DisplayName, Role, Org, Password string
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	u, pw, err := s.App.AddUser(r.Context(), actor(r), app.NewUser{Username: in.Username, DisplayName: in.DisplayName,
		Role: qianxiang.Role(in.Role), OrgCode: in.Org, Password: in.Password})
	if err != nil {
		return err
	}
	out := map[string]any{"user": u}
	if in.Password == "" {
		out["password"] = pw
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) apiResetPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	pw, _, err := s.App.ResetPassword(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]string{"password": pw})
	return nil
}

func (s *Server) apiSetActive(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct{ Active bool }
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetActive(r.Context(), actor(r), id, in.Active); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiChangePassword(w http.ResponseWriter, r *http.Request) error {
	var in struct{ Old, New string }
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.ChangePassword(r.Context(), actor(r), in.Old, in.New); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiTokens(w http.ResponseWriter, r *http.Request) error {
	ts, err := s.App.Tokens(r.Context(), actor(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ts})
	return nil
}

func (s *Server) apiCreateToken(w http.ResponseWriter, r *http.Request) error {
	var in struct{ Username, Name string }
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.Username == "" {
		in.Username = info(r).User.Username
	}
	tok, err := s.App.CreateToken(r.Context(), actor(r), in.Username, in.Name)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]string{"token": tok})
	return nil
}

func (s *Server) apiRevokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.RevokeToken(r.Context(), actor(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiAuditVerify(w http.ResponseWriter, r *http.Request) error {
	n, broken, err := s.App.VerifyAudit(r.Context(), actor(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"entries": n, "intact": len(broken) == 0, "broken": broken})
	return nil
}
