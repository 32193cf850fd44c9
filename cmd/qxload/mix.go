package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"qianxiang"
	"qianxiang/app"
)

// The deadline day's other people, beside the reporters of worker.go:
// reviewers (county admins) reading their county's grid and approving or
// returning what was submitted, leaders on the cockpit and the dispatch,
// and the public on the portal without a login.

// mix is the share of clients of each kind, in percent.
type mix struct{ reporter, reviewer, leader, public int }

func parseMix(s string) (mix, error) {
	var m mix
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 0 {
			return m, fmt.Errorf("--mix: %q is not kind=percent", part)
		}
		switch k {
		case "reporter":
			m.reporter = n
		case "reviewer":
			m.reviewer = n
		case "leader":
			m.leader = n
		case "public":
			m.public = n
		default:
			return m, fmt.Errorf("--mix: unknown kind %q (reporter, reviewer, leader, public)", k)
		}
	}
	if m.reporter+m.reviewer+m.leader+m.public != 100 {
		return m, fmt.Errorf("--mix: the shares add up to %d, not 100", m.reporter+m.reviewer+m.leader+m.public)
	}
	return m, nil
}

// client is one simulated person.
type person interface {
	loop(c *http.Client, t *targets, stop time.Time, think time.Duration, out chan<- result)
}

// reviewer reads its county's grid for the month and approves two in
// three of the submitted reports, returning the rest.
type reviewer struct {
	token, org, month string
}

func (w reviewer) loop(c *http.Client, t *targets, stop time.Time, think time.Duration, out chan<- result) {
	time.Sleep(jitter(think))
	for time.Now().Before(stop) {
		r, body := get(c, "grid", t.url("/api/v1/reports/grid?month="+w.month+"&org="+w.org), w.token)
		out <- r
		var g struct {
			Rows []struct {
				Project struct{ ID int64 }       `json:"project"`
				Report  *struct{ Status string } `json:"report"`
			} `json:"rows"`
		}
		json.Unmarshal(body, &g)
		var submitted []int64
		for _, row := range g.Rows {
			if row.Report != nil && row.Report.Status == string(qianxiang.ReportSubmitted) {
				submitted = append(submitted, row.Project.ID)
			}
		}
		time.Sleep(jitter(think))
		for i, id := range submitted {
			if !time.Now().Before(stop) || i >= 10 {
				break // back to the grid for a fresh view
			}
			url := t.url(fmt.Sprintf("/api/v1/projects/%d/reports/%s", id, w.month))
			if rand.IntN(3) == 0 {
				out <- send(c, "review", "POST", url+"/return", w.token, `{"reason":"请核实本月完成投资"}`)
			} else {
				out <- send(c, "review", "POST", url+"/approve", w.token, "")
			}
			time.Sleep(jitter(think))
		}
	}
}

// leader looks at the cockpit page and the month's dispatch, as the
// mayor's office does all day on the deadline. Leaders use a browser:
// they logged in before the run (logins, on whichever server the proxy
// picked) and their session cookie goes to every server.
type leader struct{ username, password, cookie, year, month string }

func (w leader) loop(c *http.Client, t *targets, stop time.Time, think time.Duration, out chan<- result) {
	time.Sleep(jitter(think))
	for time.Now().Before(stop) {
		r, _ := getCookie(c, "cockpit", t.url("/cockpit"), w.cookie)
		out <- r
		time.Sleep(jitter(think))
		r, _ = getCookie(c, "dispatch", t.url("/api/v1/dispatch?year="+w.year+"&month="+w.month), w.cookie)
		out <- r
		time.Sleep(jitter(think))
	}
}

// logins logs the leaders in before the run, a few at a time, each
// through the next server: a morning's logins are spread over an hour,
// and fifty at once (each an argon2 hash) would be a burst no office
// makes. A leader whose login failed is left out of the run.
func logins(c *http.Client, t *targets, ps []person) []result {
	var mu sync.Mutex
	var out []result
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, p := range ps {
		l, ok := p.(leader)
		if !ok {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			r, cookie := login(c, t.url("/api/v1/session"), l.username, l.password)
			l.cookie = cookie
			mu.Lock()
			defer mu.Unlock()
			out = append(out, r)
			if cookie == "" {
				ps[i] = idle{}
			} else {
				ps[i] = l
			}
		}()
	}
	wg.Wait()
	return out
}

// idle is a leader who could not log in.
type idle struct{}

func (idle) loop(*http.Client, *targets, time.Time, time.Duration, chan<- result) {}

// login posts the credentials and gives back the session cookie.
func login(c *http.Client, url, username, password string) (result, string) {
	body, _ := json.Marshal(map[string]string{"username": username, "password": password})
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	res, err := c.Do(req)
	if err != nil {
		return result{time.Since(start), 0, "login"}, ""
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	r := result{time.Since(start), res.StatusCode, "login"}
	for _, ck := range res.Cookies() {
		if ck.Name == "qx_session" && ck.Value != "" {
			return r, ck.Name + "=" + ck.Value
		}
	}
	if r.code == 200 {
		r.code = 0 // answered but no session: as good as no answer
	}
	return r, ""
}

// public is a citizen on the portal, no login.
type public struct{}

func (public) loop(c *http.Client, t *targets, stop time.Time, think time.Duration, out chan<- result) {
	time.Sleep(jitter(think))
	for time.Now().Before(stop) {
		r, _ := get(c, "public", t.url("/public"), "")
		out <- r
		time.Sleep(jitter(think))
		r, _ = get(c, "public", t.url("/api/v1/public/progress"), "")
		out <- r
		time.Sleep(jitter(think))
	}
}

func get(c *http.Client, what, url, tok string) (result, []byte) {
	req, _ := http.NewRequest("GET", url, nil)
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return do(c, what, req)
}

func getCookie(c *http.Client, what, url, cookie string) (result, []byte) {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Cookie", cookie)
	return do(c, what, req)
}

func do(c *http.Client, what string, req *http.Request) (result, []byte) {
	start := time.Now()
	res, err := c.Do(req)
	if err != nil {
		return result{time.Since(start), 0, what}, nil
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return result{time.Since(start), res.StatusCode, what}, b
}

// setupMix makes the clients: reporters (worker.go) and the others, by
// the mix's shares of n.
func setupMix(ctx context.Context, a *app.App, n int, m mix, day time.Time) ([]person, error) {
	nRep := n * m.reporter / 100
	nRev := n * m.reviewer / 100
	nLead := n * m.leader / 100
	nPub := n - nRep - nRev - nLead
	ws, err := setup(ctx, a, nRep, day)
	if err != nil {
		return nil, err
	}
	var out []person
	for _, w := range ws {
		out = append(out, w)
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	var counties []qianxiang.Org
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty {
			counties = append(counties, o)
		}
	}
	sort.Slice(counties, func(i, j int) bool { return counties[i].Code < counties[j].Code })
	sys := qianxiang.SystemActor
	month := fmt.Sprintf("%04d-%02d", day.Year(), int(day.Month()))
	for i := 0; i < nRev; i++ {
		c := counties[i%len(counties)]
		u, _, err := a.AddUser(ctx, sys, app.NewUser{Username: fmt.Sprintf("load-review-%03d", i), Role: qianxiang.RoleOrgAdmin, OrgCode: c.Code, Password: "Load-pass-1"})
		if err != nil {
			return nil, err
		}
		tok, err := a.CreateToken(ctx, sys, u.Username, "load")
		if err != nil {
			return nil, err
		}
		out = append(out, reviewer{token: tok, org: c.Code, month: month})
	}
	for i := 0; i < nLead; i++ {
		u, _, err := a.AddUser(ctx, sys, app.NewUser{Username: fmt.Sprintf("load-leader-%03d", i), Role: qianxiang.RoleLeader, OrgCode: "141100", Password: "Load-pass-1"})
		if err != nil {
			return nil, err
		}
		// The dispatch of the last month closed; the cockpit shows it.
		last := day.AddDate(0, -1, 0)
		out = append(out, leader{username: u.Username, password: "Load-pass-1", year: strconv.Itoa(last.Year()), month: strconv.Itoa(int(last.Month()))})
	}
	for i := 0; i < nPub; i++ {
		out = append(out, public{})
	}
	rand.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out, nil
}
