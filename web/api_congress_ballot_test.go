package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The "Bad input and safety" for ballots, through the API: a
// second ballot, a ballot naming another deputy (cast through someone
// else's login), one by a deputy not checked in, one by staff, a choice
// that is not one, and a ballot after close are each refused and change
// nothing: the count, the refused deputies' "has voted", the audit trail.
func TestBallotRefusalsChangeNothing(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		h := newHall(t, a, 9, 0)
		srv, _ := serve(t, a)
		m := h.apiMeeting(t, srv.URL, "plenary", 6) // deputies 0–5 present, 6–8 not
		vid := h.apiVote(t, srv.URL, m, "aggregate")
		toks := map[int]string{}
		for _, i := range []int{0, 1, 2, 7} {
			toks[i] = h.token(t, a, i)
		}
		ballot := fmt.Sprintf("/api/v1/votes/%d/ballot", vid)
		cases := []struct {
			name string
			tok  string
			body string
			code int
		}{
			{"first ballot", toks[0], `{"choice":"for"}`, 200},
			{"second ballot", toks[0], `{"choice":"against"}`, 409},
			{"naming another deputy's card", toks[1], `{"choice":"for","card":"` + h.deputies[2].Card + `"}`, 422},
			{"naming another deputy's id", toks[1], fmt.Sprintf(`{"choice":"for","deputy_id":%d}`, h.deputies[2].ID), 422},
			{"not checked in", toks[7], `{"choice":"for"}`, 422},
			{"staff", h.staffTok, `{"choice":"for"}`, 403},
			{"staff naming a deputy", h.staffTok, `{"choice":"for","card":"` + h.deputies[1].Card + `"}`, 403},
			{"no such choice", toks[1], `{"choice":"yes"}`, 422},
		}
		for _, c := range cases {
			code, body, _ := bearer(t, srv.URL, c.tok, "POST", ballot, strings.NewReader(c.body), "application/json")
			if code != c.code {
				t.Errorf("%s: %d, want %d: %s", c.name, code, c.code, body)
			}
			if code >= 400 && (strings.Contains(body, "sql") || strings.Contains(body, "goroutine")) {
				t.Errorf("%s: a Go or database error reached the user: %s", c.name, body)
			}
		}
		voted := func(i int) (bool, int) {
			_, body, _ := bearer(t, srv.URL, toks[i], "GET", fmt.Sprintf("/api/v1/votes/%d", vid), nil, "")
			var v struct {
				Voted *bool
				Cast  int
			}
			json.Unmarshal([]byte(body), &v)
			return v.Voted != nil && *v.Voted, v.Cast
		}
		for _, i := range []int{1, 2} {
			if got, cast := voted(i); got || cast != 1 {
				t.Fatalf("after the refusals deputy %d has voted=%v, cast %d", i, got, cast)
			}
		}
		code, body, _ := bearer(t, srv.URL, h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", vid), nil, "")
		if code != 200 || !strings.Contains(body, `"for":1,"against":0,"abstain":0,"not_voted":5`) {
			t.Fatalf("close: %d %s", code, body)
		}
		if code, body, _ := bearer(t, srv.URL, toks[1], "POST", ballot, strings.NewReader(`{"choice":"for"}`), "application/json"); code != 422 {
			t.Fatalf("a ballot after close: %d %s", code, body)
		}
		if _, cast := voted(1); cast != 1 {
			t.Fatalf("a ballot after close was counted: cast %d", cast)
		}
		hist, err := a.DB.History(context.Background(), "congress_votes", vid)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range hist {
			if e.Action == "ballot" {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d ballots audited, want the one counted", n)
		}
	})
}
