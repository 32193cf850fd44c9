package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"qianxiang"
)

// handler is an HTTP handler that returns its error; adapt renders it.
type handler func(w http.ResponseWriter, r *http.Request) error

func (s *Server) adapt(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// authed refuses anonymous callers with 401 (API) or the login page (UI).
func (s *Server) authed(h handler) http.HandlerFunc {
	return s.adapt(func(w http.ResponseWriter, r *http.Request) error {
		if info(r).User == nil {
			return qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
		}
		return h(w, r)
	})
}

// apiHealthz answers load balancers: the process is up.
// healthzBody is what writeJSON would encode for {"status":"ok"}, made
// once: load balancers ask many times a second.
var healthzBody = []byte(`{"status":"ok"}` + "\n")

// hdrJSON is a JSON answer's Content-Type, made once like the security
// headers (a full slice expression, so an Add copies).
var hdrJSON = []string{"application/json; charset=utf-8"}

func apiHealthz(w http.ResponseWriter, r *http.Request) {
	setJSONHeaders(w.Header())
	w.WriteHeader(200)
	w.Write(healthzBody)
}

func apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "API "+r.URL.Path)
}

// decode reads a JSON body of at most 1 MB.
func decode(r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, 1<<20))
	if err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "the request body is too large or unreadable")
	}
	if err := jsonTextProblem(body); err != nil {
		return err
	}
	if err := json.Unmarshal(body, v); err != nil {
		if e := qianxiang.AmountError(err); e != nil {
			return e
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return qianxiang.FieldError(te.Field, "has the wrong type")
		}
		return qianxiang.Errorf(qianxiang.EInvalid, "the request body is not valid JSON")
	}
	return nil
}

// pathID reads a record id from the path. An id that is not a positive
// number is malformed input (400), not a rule refusal: the contract keeps
// 422 for rules.
func pathID(r *http.Request, name string) (int64, error) {
	v := r.PathValue(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 || !allDigits(v) {
		return 0, malformed(name, "must be a positive number")
	}
	return id, nil
}

// malformed is the 400 for a parameter that cannot be read at all; it names
// the parameter as FieldError does.
func malformed(name, format string, args ...any) error {
	e := qianxiang.FieldError(name, format, args...)
	e.Code = qianxiang.EInvalid
	return e
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// queryInt reads an integer query parameter (def when absent).
func queryInt(r *http.Request, name string, def int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, qianxiang.FieldError(name, "must be a whole number")
	}
	return n, nil
}

func (s *Server) apiLogin(w http.ResponseWriter, r *http.Request) error {
	var in struct{ Username, Password string }
	if err := decode(r, &in); err != nil {
		return err
	}
	if !sameOrigin(r) {
		return qianxiang.Errorf(qianxiang.EForbidden, "cross-site login refused")
	}
	secret, sess, u, err := s.App.Login(r.Context(), in.Username, in.Password, clientAddr(r))
	if err != nil {
		return err
	}
	setSessionCookie(w, r, secret, sess.ExpiresAt, s.App.Now())
	writeJSON(w, 200, map[string]any{"username": u.Username, "role": u.Role, "org": u.Org.Ref(), "csrf": sess.CSRF})
	return nil
}

func (s *Server) apiLogout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.App.Logout(r.Context(), c.Value); err != nil {
			return err
		}
	}
	clearSessionCookie(w, r)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	ri := info(r)
	u := ri.User
	out := map[string]any{"id": u.ID, "username": u.Username, "display_name": u.DisplayName, "role": u.Role,
		"org": map[string]any{"code": u.Org.Code, "name": u.Org.Name, "kind": u.Org.Kind}, "must_change_password": u.MustChange}
	if ri.Session != nil {
		out["csrf"] = ri.Session.CSRF
	}
	writeJSON(w, 200, out)
	return nil
}

func (s *Server) apiOrgs(w http.ResponseWriter, r *http.Request) error {
	orgs, err := s.App.Orgs(r.Context(), actor(r))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": orgs})
	return nil
}
