package web

import (
	"net/http/httptest"
	"testing"
)

// TestHeavyReadsAreTheReadOnlyLists: only GETs of the heavy pages may go
// to the replica; a project's own page, the session, the congress screens
// and every write stay on the primary.
func TestHeavyReadsAreTheReadOnlyLists(t *testing.T) {
	for _, c := range []struct {
		method, path string
		heavy        bool
	}{
		{"GET", "/cockpit", true},
		{"GET", "/dispatch.xlsx", true},
		{"GET", "/projects", true},
		{"HEAD", "/projects", true},
		{"GET", "/api/v1/projects", true},
		{"GET", "/api/v1/dispatch/series", true},
		{"GET", "/api/v1/exports/projects", true},
		{"GET", "/public/promotions/3", true},
		{"GET", "/api/v1/public/progress", true},
		{"POST", "/api/v1/projects", false},
		{"PUT", "/api/v1/projects/1/reports/2026-11", false},
		{"GET", "/projects/12", false},
		{"GET", "/api/v1/me", false},
		{"GET", "/api/v1/meetings/3/events", false},
		{"GET", "/api/v1/cockpit/events", false},
		{"GET", "/account", false},
		{"GET", "/publicity", false},
	} {
		r := httptest.NewRequest(c.method, c.path, nil)
		if got := heavyRead(r); got != c.heavy {
			t.Errorf("%s %s: heavy %v, want %v", c.method, c.path, got, c.heavy)
		}
	}
}
