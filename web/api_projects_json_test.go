package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// TestAPIProjectListIsEncodingJSON: the registry list, written by hand
// (app.ProjectPage.AppendJSON), is byte for byte what encoding/json
// wrote for the same page, for each user's scope and every kind of query.
func TestAPIProjectListIsEncodingJSON(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			w := newAPIWorld(t, kind)
			ctx := context.Background()
			full := qianxiang.Project{Year: 2023, Name: "离石区<b>\"全\"</b>项目 & 1\u2028", Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindNew,
				TotalInvestment: 123456, AnnualPlan: 65432, PlannedStart: qianxiang.Date{Year: 2023, Month: 3}, PlannedEnd: qianxiang.Date{Year: 2024, Month: 12, Day: 31},
				Owner: "业主公司", Leader: "任磊", Team: []qianxiang.TeamMember{{Name: "陈建国", Role: "专班组长", Phone: "13764309864"}, {Name: "高敏"}},
				Target: qianxiang.Target{StartBy: "2023-08", InvestAtLeast: 50000, Text: "8月底前开工"}, Contact: "高敏", Phone: "13859507146",
				Notes: "备注\n第二行", Extra: map[string]string{"土地": "已供", "a<b": "x&y"}}
			if _, err := w.a.CreateProject(ctx, qianxiang.SystemActor, full); err != nil {
				t.Fatal(err)
			}
			for _, user := range []string{"zhb", "lishi", "guest"} {
				u, err := w.a.DB.UserByName(ctx, user)
				if err != nil {
					t.Fatal(err)
				}
				for _, query := range []string{"year=2023", "year=2023&org=141102&sort=-annual_plan&per_page=50", "", "year=2023&light=red",
					"year=2023&sort=-completed&per_page=1&page=2", "year=2023&q=" + url.QueryEscape("<b>"), "year=2022", "year=2023&month=3&sort=name"} {
					code, body, h := bearer(t, w.srv.URL, w.tokens[user], "GET", "/api/v1/projects?"+query, nil, "")
					if code != 200 {
						t.Fatalf("%s %s: %d %s", user, query, code, body)
					}
					if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
						t.Errorf("%s %s: Content-Type %q", user, query, ct)
					}
					want := encodedPage(t, w.a, u.Actor(), query)
					if body != want {
						t.Fatalf("%s %s: the API wrote\n%s\nencoding/json writes\n%s", user, query, body, want)
					}
				}
			}
		})
	}
}

// encodedPage is the page of query as writeJSON wrote it through
// encoding/json before.
func encodedPage(t *testing.T, a *app.App, actor qianxiang.Actor, query string) string {
	t.Helper()
	v, _ := url.ParseQuery(query)
	atoi := func(k string, def int) int {
		if v.Get(k) == "" {
			return def
		}
		n, err := strconv.Atoi(v.Get(k))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	q := app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: atoi("year", 0), Page: atoi("page", 1), PerPage: atoi("per_page", 50),
		OrgCode: v.Get("org"), Sort: v.Get("sort"), Q: v.Get("q")}, Light: v.Get("light"), Month: atoi("month", 0)}
	page, err := a.Projects(context.Background(), actor, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 && !strings.Contains(query, "2022") {
		t.Fatalf("%s: an empty page proves little", query)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(page); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
