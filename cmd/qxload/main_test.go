package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Requests go to each server in turn, as a round-robin proxy sends them.
func TestTargetsRoundRobin(t *testing.T) {
	tg := &targets{bases: []string{"http://a", "http://b"}}
	var got []string
	for range 5 {
		got = append(got, tg.url("/x"))
	}
	want := []string{"http://a/x", "http://b/x", "http://a/x", "http://b/x", "http://a/x"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

// Each client is named by the proxy header, so per-address limits count
// people rather than the load tool.
func TestForwardedNamesTheClient(t *testing.T) {
	var seen string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.Header.Get("X-Forwarded-For")
	}))
	defer srv.Close()
	c := &http.Client{Transport: forwarded{http.DefaultTransport, "10.1.0.7"}}
	res, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if seen != "10.1.0.7" {
		t.Errorf("X-Forwarded-For %q", seen)
	}
}

func TestParseMix(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"reporter=70,reviewer=10,leader=10,public=10", true},
		{"reporter=100", true},
		{"reporter=70,reviewer=10", false},
		{"boss=100", false},
		{"reporter=x", false},
	} {
		if _, err := parseMix(tc.in); (err == nil) != tc.ok {
			t.Errorf("%q: err %v", tc.in, err)
		}
	}
}
