package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Our answer (total) and PocketBase's (totalItems) compare by their rows'
// codes and names in order and by the total; any difference is named.
func TestSameComparesRowsAndTotals(t *testing.T) {
	ours := `{"items":[{"code":"A","name":"甲","annual_plan":1.5},{"code":"","name":"乙"}],"total":989,"totals":{"count":989}}`
	answers := map[string]string{
		"/ours":      ours,
		"/peer":      `{"items":[{"code":"A","name":"甲","annual_plan":150},{"code":"","name":"乙"}],"totalItems":989}`,
		"/swapped":   `{"items":[{"code":"","name":"乙"},{"code":"A","name":"甲"}],"totalItems":989}`,
		"/short":     `{"items":[{"code":"A","name":"甲"}],"totalItems":989}`,
		"/other":     `{"items":[{"code":"A","name":"甲"},{"code":"","name":"乙"}],"totalItems":990}`,
		"/no-total":  `{"items":[]}`,
		"/no-rows":   `{"items":[],"total":0}`,
		"/no-rows-b": `{"items":[],"totalItems":0}`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "tok" {
			http.Error(w, `{"message":"token"}`, 401)
			return
		}
		fmt.Fprint(w, answers[r.URL.Path])
	}))
	defer srv.Close()
	cases := []struct{ a, b, want string }{
		{"/ours", "/peer", ""},
		{"/ours", "/swapped", "differ at row 1"},
		{"/ours", "/short", "differ at row 2 (2 and 1 rows)"},
		{"/ours", "/other", "totals differ: 989 and 990"},
		{"/ours", "/no-total", "no total"},
		{"/no-rows", "/no-rows-b", "no rows"},
	}
	for _, tc := range cases {
		err := same([]string{"--a", srv.URL + tc.a, "--a-auth", "tok", "--b", srv.URL + tc.b, "--b-auth", "tok"})
		if tc.want == "" && err != nil {
			t.Errorf("%s %s: %v", tc.a, tc.b, err)
		}
		if tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s %s: error %v, want %q", tc.a, tc.b, err, tc.want)
		}
	}
	if err := same([]string{"--a", srv.URL + "/ours", "--b", srv.URL + "/peer"}); err == nil || !strings.Contains(err.Error(), "answered 401") {
		t.Errorf("without the token: %v", err)
	}
}
