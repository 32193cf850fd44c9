package web

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"testing"

	"qianxiang"
)

// FuzzDecode: every JSON body the API reads goes through decode; whatever
// arrives, it answers with one of our errors (a 400/422 naming the field),
// never a Go error string, and never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"name":"甲","total_investment":"12.34","org":{"code":"141102"}}`, `{"total_investment":1e400}`,
		`{"name":"\u0000"}`, `[`, `{"planned_start":"2023-13-01"}`, `{"annual_plan":"12.345"}`, `{"name":"` + "\xff\xfe" + `"}`, `null`, `{"id":"x"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest("POST", "/api/v1/projects", bytes.NewReader(body))
		var p qianxiang.Project
		if err := decode(r, &p); err != nil && qianxiang.AsError(err) == nil {
			t.Fatalf("foreign error %v", err)
		}
		var m map[string]any
		r = httptest.NewRequest("POST", "/api/v1/x", bytes.NewReader(body))
		if err := decode(r, &m); err != nil && qianxiang.AsError(err) == nil {
			t.Fatalf("foreign error %v", err)
		}
	})
}

// FuzzProjectQuery: the project list's filters (year, org, kind, sort,
// page, q …) from any query string are read or refused with our error.
func FuzzProjectQuery(f *testing.F) {
	for _, s := range []string{"year=2023&org=141102&sort=-annual_plan&page=2&per_page=50", "year=x", "page=-1", "per_page=99999999999",
		"sort=name;drop", "q=%27+OR+1%3D1", "month=13", "ids=1,2,x", "year=2023&year=2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if _, err := url.ParseQuery(raw); err != nil {
			return // net/http would not hand such a query to a handler either
		}
		r := httptest.NewRequest("GET", "/api/v1/projects", nil)
		r.URL.RawQuery = raw
		if _, err := projectQuery(r); err != nil && qianxiang.AsError(err) == nil {
			t.Fatalf("foreign error %v", err)
		}
	})
}
