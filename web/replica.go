package web

import (
	"net/http"
	"strings"
	"time"

	"qianxiang/store"
)

// Reads on the replica (serve --db-read). The heavy read-only pages —
// cockpit, dispatch, the lists, the exports, the public portal — may be
// served by a PostgreSQL standby a moment behind the primary. What a
// person just wrote must not vanish from the next page, so a browser
// that has just sent a write (any POST/PUT/PATCH/DELETE) carries a
// short-lived cookie and reads from the primary until it expires. The
// session lookup, the writes and everything else always use the primary.

// pinCookie marks a browser that wrote in the last pinSeconds.
const (
	pinCookie  = "qx_rw"
	pinSeconds = 5
)

// readHeader tells which database served a page's reads: "replica" when
// any of them went to the standby, else "primary". It is a diagnostic
// for operators and the replica test; it carries no data.
const readHeader = "X-Qianxiang-Read"

// heavyExact and heavyPrefix are the pages whose reads may lag.
var heavyExact = map[string]bool{
	"/cockpit": true, "/dispatch": true, "/dispatch.xlsx": true, "/projects": true, "/problems": true,
	"/problems/export.xlsx": true, "/reports": true, "/assessment": true, "/assessment.xlsx": true,
	"/pipeline": true, "/pipeline.xlsx": true, "/map": true, "/orders": true, "/tasks": true, "/leads": true,
	"/targets": true, "/public": true, "/news": true,
	"/api/v1/projects": true, "/api/v1/problems": true, "/api/v1/orders": true, "/api/v1/tasks": true,
	"/api/v1/leads": true, "/api/v1/pipeline": true, "/api/v1/map": true, "/api/v1/reports/grid": true,
}

var heavyPrefix = []string{"/api/v1/dispatch", "/api/v1/exports/", "/api/v1/public/", "/public/", "/news/"}

func heavyRead(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if heavyExact[r.URL.Path] {
		return true
	}
	for _, p := range heavyPrefix {
		if strings.HasPrefix(r.URL.Path, p) {
			return true
		}
	}
	return false
}

// routeReads sends the heavy reads to the replica unless the browser has
// just written, and pins a writing browser to the primary for a while.
func (s *Server) routeReads(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.App.DB.HasReplica() {
			h.ServeHTTP(w, r)
			return
		}
		uid := int64(0)
		if u := info(r).User; u != nil {
			uid = u.ID
		}
		if unsafeMethod(r.Method) {
			s.wrote(uid)
			http.SetCookie(w, &http.Cookie{Name: pinCookie, Value: "1", Path: "/", MaxAge: pinSeconds,
				HttpOnly: true, Secure: info(r).HTTPS, SameSite: http.SameSiteLaxMode})
		}
		if _, err := r.Cookie(pinCookie); err == nil || !heavyRead(r) || s.wroteLately(uid) {
			w.Header().Set(readHeader, "primary")
			h.ServeHTTP(w, r)
			return
		}
		ctx := store.PreferReplica(r.Context())
		h.ServeHTTP(&readMarker{ResponseWriter: w, r: r.WithContext(ctx)}, r.WithContext(ctx))
	})
}

// readMarker sets readHeader when the response starts, once the handler
// has done its reads.
type readMarker struct {
	http.ResponseWriter
	r    *http.Request
	done bool
}

func (m *readMarker) mark() {
	if m.done {
		return
	}
	m.done = true
	v := "primary"
	if store.ReadsOnReplica(m.r.Context()) > 0 {
		v = "replica"
	}
	m.Header().Set(readHeader, v)
}

func (m *readMarker) WriteHeader(code int) { m.mark(); m.ResponseWriter.WriteHeader(code) }
func (m *readMarker) Write(b []byte) (int, error) {
	m.mark()
	return m.ResponseWriter.Write(b)
}
func (m *readMarker) Flush() {
	m.mark()
	if f, ok := m.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
func (m *readMarker) Unwrap() http.ResponseWriter { return m.ResponseWriter }

// wrote and wroteLately remember when each user last wrote through this
// server, so an API client without cookies (a bearer token) also reads its
// own write.
func (s *Server) wrote(uid int64) {
	if uid != 0 {
		s.writers.Store(uid, time.Now())
	}
}

func (s *Server) wroteLately(uid int64) bool {
	if uid == 0 {
		return false
	}
	t, ok := s.writers.Load(uid)
	return ok && time.Since(t.(time.Time)) < pinSeconds*time.Second
}
