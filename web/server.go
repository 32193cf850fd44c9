// Package web serves the JSON API under /api/v1 and the server-rendered
// pages, both over the same services in app/. Every asset is embedded: the
// intranets it runs on have no internet.
package web

import (
	"embed"
	"log/slog"
	"net/http"
	"sync"

	"qianxiang/app"
)

// all: so that partials named _*.html are embedded too.
//
//go:embed all:templates static
var assets embed.FS

// Server is the HTTP side of Qianxiang.
type Server struct {
	App   *app.App
	Log   *slog.Logger
	pages *pages
	mux   *http.ServeMux
	// chain is the middleware around mux, built once in New rather than
	// on every request.
	chain http.Handler
	// MaxUpload bounds uploaded workbooks and photos.
	MaxUpload int64
	// TrustProxy takes the client's address and scheme from the reverse
	// proxy's X-Forwarded-For and X-Forwarded-Proto headers.
	TrustProxy bool
	// writers: when each user last wrote through this server (replica.go).
	writers sync.Map
}

// New builds the handler tree.
func New(a *app.App, log *slog.Logger) (*Server, error) {
	s := &Server{App: a, Log: log, mux: http.NewServeMux(), MaxUpload: 20 << 20}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	s.pages = p
	s.routes()
	s.chain = s.withRequestLog(s.recoverPanic(securityHeaders(s.authenticate(s.routeReads(s.textGuard(s.mux))))))
	return s, nil
}

// ServeHTTP runs the middleware chain: request id and log, panic guard,
// security headers, the caller's identity, then text no field accepts.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.chain.ServeHTTP(w, r)
}

func cacheForever(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(w, r)
	})
}
