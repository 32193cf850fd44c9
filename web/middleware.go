package web

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/internal/i18n"
)

type ctxKey int

const (
	keyRequest ctxKey = iota
)

// reqInfo is what the middleware learns about a request.
type reqInfo struct {
	ID      string
	Addr    string // the client's address (behind a trusted proxy, the one it saw)
	HTTPS   bool   // the client reached us over TLS (directly or at the proxy)
	User    *qianxiang.User
	Session *qianxiang.Session
	Bearer  bool
	Lang    string
}

func info(r *http.Request) *reqInfo {
	if ri, ok := r.Context().Value(keyRequest).(*reqInfo); ok {
		return ri
	}
	return &reqInfo{Lang: "zh"}
}

// actor is the caller as the services know them (zero Actor when anonymous).
func actor(r *http.Request) qianxiang.Actor {
	if u := info(r).User; u != nil {
		return u.Actor()
	}
	return qianxiang.Actor{}
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
	// For the warning about a second status.
	log      *slog.Logger
	id, path string
}

// WriteHeader passes the first status on. A second one would reach the
// client nowhere (the status line is gone) and net/http would log
// "superfluous response.WriteHeader" naming this file rather than the
// handler: it is dropped here and logged with the request's path.
func (w *statusWriter) WriteHeader(code int) {
	if code < 200 {
		// An informational status (103 Early Hints) comes before the
		// real one.
		w.ResponseWriter.WriteHeader(code)
		return
	}
	if w.status != 0 {
		if w.log != nil {
			w.log.Warn("status written twice; the second is dropped", "request", w.id, "path", w.path, "first", w.status, "second", code)
		}
		return
	}
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = 200
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// requestState is what withRequestLog makes for each request, in one
// allocation: the request's information, the status-recording writer and
// the X-Request-Id header's value (made one by one they were three of
// the chain's ten allocations per request).
type requestState struct {
	info  reqInfo
	sw    statusWriter
	idHdr [1]string
}

// requestID is 64 random bits in hex, to find a request's lines in the
// logs of every server. It is no secret, so it comes from the runtime's
// per-thread generator (math/rand/v2, ChaCha8-seeded): crypto/rand cost a
// system call a request, a fifth of the middleware's own time.
func requestID() string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], mrand.Uint64())
	var h [16]byte
	hex.Encode(h[:], b[:])
	return string(h[:])
}

func (s *Server) withRequestLog(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := &requestState{}
		ri := &st.info
		ri.ID, ri.Lang = requestID(), "zh"
		ri.Addr, ri.HTTPS = s.client(r)
		if ri.HTTPS {
			w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		}
		ctx := context.WithValue(r.Context(), keyRequest, ri)
		// Health probes come every few seconds from each load balancer
		// and say nothing about users: their line is at debug. Above the
		// line's level it is skipped before anything is formatted.
		level := slog.LevelInfo
		if r.URL.Path == "/api/v1/healthz" {
			level = slog.LevelDebug
		}
		logged := s.Log.Enabled(ctx, level)
		// X-Request-Id names the request's lines in the logs. Every answer
		// carries it (at --log-level warn an error's line still names it),
		// but a probe's answer only when its line is written: the probe
		// has no other line to find, and the header was a tenth of its
		// cost over loopback (BENCHMARKS.md, issue 14 section 1). A full
		// slice expression: a handler's Add copies, never writes into st.
		if logged || level == slog.LevelInfo {
			st.idHdr[0] = ri.ID
			w.Header()["X-Request-Id"] = st.idHdr[:1:1]
		}
		st.sw = statusWriter{ResponseWriter: w, log: s.Log, id: ri.ID, path: r.URL.Path}
		sw := &st.sw
		start := time.Now()
		req := r.WithContext(ctx)
		// An upload parsed on this copy of the request may have been spooled
		// to temporary files; the server removes only those of the request
		// it made, so the copy's are removed here.
		defer func() {
			if req.MultipartForm != nil {
				req.MultipartForm.RemoveAll()
			}
		}()
		h.ServeHTTP(sw, req)
		if !logged {
			return
		}
		user := ""
		if ri.User != nil {
			user = ri.User.Username
		}
		now := time.Now()
		s.logRequest(ctx, accessLine{level: level, time: now, id: ri.ID, method: r.Method, path: r.URL.Path,
			status: sw.status, bytes: sw.bytes, took: now.Sub(start), user: user, client: ri.Addr})
	})
}

func (s *Server) recoverPanic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Log.ErrorContext(r.Context(), "panic", "request", info(r).ID, "panic", v)
				s.fail(w, r, qianxiang.Errorf(qianxiang.EInternal, "internal error during %s; the details are in the server log", r.URL.Path))
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// The security headers' values, made once: every response carries them,
// and Header.Set would canonicalise the names and allocate the values on
// each request. The keys are already canonical.
var (
	hdrNosniff  = []string{"nosniff"}
	hdrFrame    = []string{"SAMEORIGIN"}
	hdrReferrer = []string{"same-origin"}
	hdrCSP      = []string{"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; form-action 'self'"}
	// A JSON answer's own policy (setJSONHeaders): a JSON document loads
	// nothing and is framed by nobody, so its policy lets it load nothing
	// and be framed by nobody, and its X-Frame-Options says the same for
	// browsers without CSP. It sends no Referrer-Policy: a document that
	// may load nothing and holds no links sends no referrer. These are
	// the API headers OWASP's REST security guidance lists; files
	// (photos, PDFs, workbooks) keep the pages' policy, since a browser's
	// image or PDF viewer is a page. A third of the bytes of the pages'
	// headers, which a probe asked many times a second notices
	// (BENCHMARKS.md, issue 14 section 1).
	hdrCSPJSON   = []string{"default-src 'none'; frame-ancestors 'none'"}
	hdrFrameJSON = []string{"DENY"}
)

// setJSONHeaders marks an answer as JSON: its Content-Type and the
// security headers of a JSON document.
func setJSONHeaders(h http.Header) {
	h["Content-Type"] = hdrJSON[:1:1]
	h["Content-Security-Policy"] = hdrCSPJSON[:1:1]
	h["X-Frame-Options"] = hdrFrameJSON[:1:1]
	delete(h, "Referrer-Policy")
}

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		// Full slice expressions, so a handler that Adds to one of these
		// headers copies instead of writing into the shared array.
		hd["X-Content-Type-Options"] = hdrNosniff[:1:1]
		hd["X-Frame-Options"] = hdrFrame[:1:1]
		hd["Referrer-Policy"] = hdrReferrer[:1:1]
		hd["Content-Security-Policy"] = hdrCSP[:1:1]
		h.ServeHTTP(w, r)
	})
}

const sessionCookie = "qx_session"

// authenticate resolves the caller from a bearer token or the session
// cookie, picks the language, and refuses unsafe cookie requests without
// the session's CSRF token.
func (s *Server) authenticate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ri := info(r)
		ri.Lang = pickLang(w, r)
		ctx := r.Context()
		if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			u, err := s.App.TokenUser(ctx, strings.TrimSpace(tok))
			if err != nil {
				s.fail(w, r, err)
				return
			}
			ri.User, ri.Bearer = &u, true
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			sess, u, err := s.App.SessionUser(ctx, c.Value)
			if err == nil {
				ri.User, ri.Session = &u, &sess
				if sess.Renewed {
					setSessionCookie(w, r, c.Value, sess.ExpiresAt, s.App.Now())
				}
			} else if e := s.App.Unavailable(err); e != nil || qianxiang.ErrorCode(err) == qianxiang.EUnavailable {
				// The database is away, not the session: keep the cookie.
				s.fail(w, r, err)
				return
			} else {
				clearSessionCookie(w, r)
			}
		}
		if unsafeMethod(r.Method) && ri.Session != nil && !ri.Bearer {
			if ok, tooBig := s.csrfOK(r, ri.Session); !ok {
				// An oversized upload never reaches its token: say what
				// is wrong with it rather than "the page has expired".
				if tooBig {
					s.fail(w, r, qianxiang.Errorf(qianxiang.EInvalid, "the file is larger than %d MB", int(s.MaxUpload>>20)))
				} else {
					s.fail(w, r, qianxiang.Errorf(qianxiang.EForbidden, "the form has expired; reload the page and try again"))
				}
				return
			}
		}
		// A generated or reset password is changed before anything else,
		// on the pages and through the API alike.
		if ri.Session != nil && ri.User.MustChange && !allowedBeforePasswordChange(r.URL.Path) {
			if isAPI(r) || r.Method != http.MethodGet {
				s.fail(w, r, qianxiang.Errorf(qianxiang.EForbidden, "change your generated password first (the account page, or PUT /api/v1/me/password)"))
				return
			}
			http.Redirect(w, r, "/account?must=1", http.StatusSeeOther)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

// csrfOK accepts the token from the X-CSRF-Token header or the csrf field
// of the request body, never from the query string: a URL ends up in logs,
// the history and Referer headers, and a token there would leak.
// Logging in (no session yet) is guarded by the Origin check instead.
// tooBig reports a multipart body over the upload limit.
func (s *Server) csrfOK(r *http.Request, sess *qianxiang.Session) (ok, tooBig bool) {
	tok := r.Header.Get("X-CSRF-Token")
	if tok == "" {
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			// Bounded, so an oversized upload is refused before it is
			// spooled to disk.
			r.Body = http.MaxBytesReader(nil, r.Body, s.MaxUpload+1<<20)
			if err := r.ParseMultipartForm(s.MaxUpload); err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					return false, true
				}
			}
		}
		tok = r.PostFormValue("csrf")
	}
	return tok != "" && tok == sess.CSRF, false
}

// sameOrigin refuses cross-site form posts where no session exists yet.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" || o == "null" {
		return o == ""
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

func pickLang(w http.ResponseWriter, r *http.Request) string {
	if isAPI(r) {
		// The API speaks English to scripts unless asked for Chinese.
		if r.URL.RawQuery != "" {
			if l := r.URL.Query().Get("lang"); l != "" {
				return i18n.Lang(l)
			}
		}
		if strings.HasPrefix(r.Header.Get("Accept-Language"), "zh") {
			return "zh"
		}
		return "en"
	}
	if l := r.URL.Query().Get("lang"); l != "" {
		l = i18n.Lang(l)
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", MaxAge: 365 * 86400, SameSite: http.SameSiteLaxMode})
		return l
	}
	if c, err := r.Cookie("lang"); err == nil {
		return i18n.Lang(c.Value)
	}
	return "zh"
}

// setSessionCookie gives the session's lifetime as Max-Age, counted from
// the server's clock: a PC whose own clock or zone is hours off (common on
// an intranet without time service) would drop a cookie whose absolute
// Expires it believes past.
func setSessionCookie(w http.ResponseWriter, r *http.Request, secret string, exp, now time.Time) {
	age := int(exp.Sub(now) / time.Second)
	if age < 1 {
		age = 1
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", MaxAge: age, HttpOnly: true,
		Secure: info(r).HTTPS, SameSite: http.SameSiteLaxMode})
}

func clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: info(r).HTTPS, SameSite: http.SameSiteLaxMode})
}

func clientAddr(r *http.Request) string { return info(r).Addr }

// client finds who is asking and whether over TLS. Behind a reverse proxy
// (the usual intranet set-up, with TrustProxy on) the connection is the
// proxy's: the client is the last address the proxy added to
// X-Forwarded-For, and X-Forwarded-Proto says whether it used HTTPS. Without
// TrustProxy those headers are ignored, since any client can send them.
func (s *Server) client(r *http.Request) (string, bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	https := r.TLS != nil
	if s.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if last := strings.TrimSpace(parts[len(parts)-1]); last != "" {
				host = last
			}
		}
		if strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
			https = true
		}
	}
	return host, https
}

// allowedBeforePasswordChange lists what a session with a generated
// password may reach: changing it, seeing who it is, leaving.
func allowedBeforePasswordChange(path string) bool {
	switch path {
	case "/account", "/logout", "/api/v1/me", "/api/v1/me/password", "/api/v1/session", "/api/v1/healthz":
		return true
	}
	return strings.HasPrefix(path, "/static/")
}
