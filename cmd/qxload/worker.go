package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/app"
)

// worker is one client: a reporter's token, its county admin's token, and
// the projects it fills in.
type worker struct {
	reporter, admin string
	projects        []int64
	month           string
}

// setup makes a reporter per client (spread over the counties), an admin
// per county, and deals each county's projects out to its clients.
func setup(ctx context.Context, a *app.App, clients int, day time.Time) ([]worker, error) {
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
	sys := qianxiang.SystemActor
	admins := map[string]string{}
	pools := map[string][]int64{}
	for _, c := range counties {
		u, _, err := a.AddUser(ctx, sys, app.NewUser{Username: "load-admin-" + c.Code, Role: qianxiang.RoleOrgAdmin, OrgCode: c.Code, Password: "Load-pass-1"})
		if err != nil {
			return nil, err
		}
		if admins[c.Code], err = a.CreateToken(ctx, sys, u.Username, "load"); err != nil {
			return nil, err
		}
		ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: day.Year(), OrgCode: c.Code})
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			pools[c.Code] = append(pools[c.Code], p.ID)
		}
	}
	month := fmt.Sprintf("%04d-%02d", day.Year(), int(day.Month()))
	ws := make([]worker, clients)
	perCounty := map[string]int{}
	for i := range ws {
		c := counties[i%len(counties)]
		perCounty[c.Code]++
		u, _, err := a.AddUser(ctx, sys, app.NewUser{Username: fmt.Sprintf("load-%03d", i), Role: qianxiang.RoleReporter, OrgCode: c.Code, Password: "Load-pass-1"})
		if err != nil {
			return nil, err
		}
		tok, err := a.CreateToken(ctx, sys, u.Username, "load")
		if err != nil {
			return nil, err
		}
		ws[i] = worker{reporter: tok, admin: admins[c.Code], month: month}
	}
	// Deal each county's projects round-robin to its clients.
	seen := map[string]int{}
	for i := range ws {
		c := counties[i%len(counties)]
		k, n := seen[c.Code], perCounty[c.Code]
		seen[c.Code]++
		for j, id := range pools[c.Code] {
			if j%n == k {
				ws[i].projects = append(ws[i].projects, id)
			}
		}
	}
	return ws, nil
}

func (w worker) loop(c *http.Client, t *targets, stop time.Time, think time.Duration, out chan<- result) {
	if len(w.projects) == 0 {
		return
	}
	// Start at a random point so clients do not march in step.
	time.Sleep(jitter(think))
	for round := 0; time.Now().Before(stop); round++ {
		for _, id := range w.projects {
			path := fmt.Sprintf("/api/v1/projects/%d/reports/%s", id, w.month)
			body := fmt.Sprintf(`{"completed": %d.%02d, "progress": "主体施工第%d轮"}`, rand.IntN(5000), rand.IntN(100), round)
			for _, step := range []struct{ what, method, path, tok, body string }{
				{"save", "PUT", path, w.reporter, body},
				{"save", "PUT", path, w.reporter, body},
				{"submit", "POST", path + "/submit", w.reporter, ""},
				{"return", "POST", path + "/return", w.admin, `{"reason":"请核实金额"}`},
			} {
				if !time.Now().Before(stop) {
					return
				}
				// Each request to the next server, as a reverse proxy
				// spreads them.
				out <- send(c, step.what, step.method, t.url(step.path), step.tok, step.body)
				time.Sleep(jitter(think))
			}
		}
	}
}

func send(c *http.Client, what, method, url, tok, body string) result {
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	res, err := c.Do(req)
	took := time.Since(start)
	if err != nil {
		return result{took, 0, what}
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return result{took, res.StatusCode, what}
}
