package web

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The request line written by hand must be the line slog's JSON handler
// wrote for the same attributes, whatever the strings hold.
func TestAccessLineIsSlogsLine(t *testing.T) {
	at := time.Date(2026, 11, 30, 16, 5, 4, 120300000, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct{ name, path, user string }{
		{"plain", "/api/v1/projects/12/reports/2026-11", "load-001"},
		{"chinese", "/项目/离石区", "张三"},
		{"quotes and backslash", `/a"b\c`, `x"\`},
		{"control bytes", "/a\nb\rc\td\x00e\x1f\x7f", "u\x01"},
		{"html", "/<script>&amp;", "<b>"},
		{"invalid utf-8", "/a\xff\xfeb\xe4\xb8", "\xc3"},
		{"line separators", "/a\u2028b\u2029c", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := accessLine{level: slog.LevelInfo, time: at, id: "0123456789abcdef", method: "PUT", path: tc.path,
				status: 409, bytes: 1234, took: 1234567 * time.Nanosecond, user: tc.user, client: "10.1.2.3"}
			var want bytes.Buffer
			h := slog.NewJSONHandler(&want, nil)
			r := slog.NewRecord(at, l.level, "request", 0)
			r.AddAttrs(slog.Group("http", slog.String("id", l.id), slog.String("method", l.method), slog.String("path", l.path),
				slog.Int("status", l.status), slog.Int("bytes", l.bytes), slog.Duration("took", l.took)),
				slog.String("user", l.user), slog.String("client", l.client))
			if err := h.Handle(context.Background(), r); err != nil {
				t.Fatal(err)
			}
			if got := string(appendAccessLine(nil, l)); got != want.String() {
				t.Errorf("by hand:\n%s\nslog:\n%s", got, want.String())
			}
		})
	}
}

// Through the server: a request is logged by hand on a NewJSONLogger, as
// JSON with the user-facing fields; a health probe only at debug.
func TestRequestLogLevels(t *testing.T) {
	for _, tc := range []struct {
		level        slog.Level
		path         string
		logged       bool
		wantLevelStr string
	}{
		{slog.LevelInfo, "/api/v1/nothing-here", true, "INFO"},
		{slog.LevelInfo, "/api/v1/healthz", false, ""},
		{slog.LevelDebug, "/api/v1/healthz", true, "DEBUG"},
		{slog.LevelWarn, "/api/v1/nothing-here", false, ""},
	} {
		var out bytes.Buffer
		s := &Server{Log: NewJSONLogger(&out, tc.level)}
		h := s.withRequestLog(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(204)
		}))
		req := httptest.NewRequest("GET", tc.path, nil)
		req.RemoteAddr = "127.0.0.1:5000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		// The request id names the answer's lines in the log: every
		// answer has one (an error is logged at warn too), but a probe
		// only when its line is written.
		if id := rec.Header().Get("X-Request-Id"); (id != "") != (tc.logged || tc.path != "/api/v1/healthz") {
			t.Errorf("%s at %s: X-Request-Id %q", tc.path, tc.level, id)
		} else if id != "" && tc.logged && !strings.Contains(out.String(), id) {
			t.Errorf("%s at %s: the id %s is not on the line %q", tc.path, tc.level, id, out.String())
		}
		if !tc.logged {
			if out.Len() != 0 {
				t.Errorf("%s at %s: logged %q", tc.path, tc.level, out.String())
			}
			continue
		}
		var line struct {
			Level, Msg string
			HTTP       struct {
				Path   string
				Status int
			}
			Client string
		}
		if err := json.Unmarshal(out.Bytes(), &line); err != nil || strings.Count(out.String(), "\n") != 1 {
			t.Fatalf("%s at %s: not one JSON line: %q (%v)", tc.path, tc.level, out.String(), err)
		}
		if line.Level != tc.wantLevelStr || line.Msg != "request" || line.HTTP.Path != tc.path || line.HTTP.Status != 204 || line.Client != "127.0.0.1" {
			t.Errorf("%s at %s: %+v", tc.path, tc.level, line)
		}
	}
}

// A handler that writes a second status (an error after the page was
// sent) reaches the client once and is named in the log.
func TestSecondStatusDropped(t *testing.T) {
	var out bytes.Buffer
	s := &Server{Log: NewJSONLogger(&out, slog.LevelInfo)}
	h := s.withRequestLog(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		w.Write([]byte("page"))
		w.WriteHeader(500)
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/cockpit", nil))
	if rec.Code != 200 {
		t.Errorf("status %d, want 200", rec.Code)
	}
	log := out.String()
	if !strings.Contains(log, `"msg":"status written twice; the second is dropped"`) || !strings.Contains(log, `"path":"/cockpit"`) ||
		!strings.Contains(log, `"status":200`) {
		t.Errorf("log:\n%s", log)
	}
}

// goneWriter is a client that went away: every write fails.
type goneWriter struct {
	h       http.Header
	headers int
}

func (g *goneWriter) Header() http.Header       { return g.h }
func (g *goneWriter) WriteHeader(int)           { g.headers++ }
func (g *goneWriter) Write([]byte) (int, error) { return 0, http.ErrHandlerTimeout }

// A page whose client has gone (its 30 s timeout, under load) is not
// followed by an error page: that was the second WriteHeader logged as
// "superfluous" under load.
func TestRenderToGoneClientWritesOneStatus(t *testing.T) {
	p, err := loadPages()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{pages: p, Log: slog.New(slog.DiscardHandler)}
	w := &goneWriter{h: http.Header{}}
	r := httptest.NewRequest("GET", "/cockpit", nil)
	h := s.adapt(func(w http.ResponseWriter, r *http.Request) error {
		return s.render(w, r, 200, "error", &Page{Lang: "zh", Title: "x"})
	})
	h(w, r)
	if w.headers != 1 {
		t.Errorf("%d statuses written, want 1", w.headers)
	}
}
