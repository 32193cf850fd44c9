package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"qianxiang/demo"
	"qianxiang/internal/testenv"
	"qianxiang/web"
)

// BenchmarkPages measures server time of the busiest pages over the demo
// city (about 1,050 projects with ten months of reports): the handler is
// called directly, so the figure is the server's own work.
func BenchmarkPages(b *testing.B) {
	for _, kind := range testenv.Kinds {
		b.Run(kind, func(b *testing.B) {
			a := testenv.Open(b, kind)
			a.Now = func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, a.Loc) }
			logins, err := demo.Fill(context.Background(), a)
			if err != nil {
				b.Fatal(err)
			}
			s, err := web.New(a, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				b.Fatal(err)
			}
			var pw string
			for _, l := range logins {
				if l.Username == "zhb" {
					pw = l.Password
				}
			}
			secret, _, _, err := a.Login(context.Background(), "zhb", pw, "127.0.0.1")
			if err != nil {
				b.Fatal(err)
			}
			for _, path := range []string{"/cockpit", "/dispatch", "/projects", "/reports?month=2026-11", "/api/v1/dispatch?year=2026&month=10"} {
				b.Run(path, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						req := httptest.NewRequest("GET", path, nil)
						req.AddCookie(&http.Cookie{Name: "qx_session", Value: secret})
						rec := httptest.NewRecorder()
						s.ServeHTTP(rec, req)
						if rec.Code != 200 {
							b.Fatalf("%s: %d", path, rec.Code)
						}
					}
				})
			}
		})
	}
}
