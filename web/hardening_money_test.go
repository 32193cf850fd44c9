package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Every amount of issue 7 is refused by the API with a message naming the
// field, and the city's dispatch still renders afterwards.
func TestAPIRefusesAmountsThatCannotBeStored(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			w := newAPIWorld(t, kind) // 离石区项目: total 1,000.00 万元
			own := fmt.Sprintf("/api/v1/projects/%d", w.lishi.ID)
			var scs []scenario
			for _, v := range []string{"92233720368547758.07", "1e308", "184467440737095516.16", "9223372036854775807", "12.345", "1000.01", `"12.345"`} {
				scs = append(scs, scenario{"completed " + v, "lishi", "POST", own + "/reports/2023-01/submit", `{"completed": ` + v + `}`, nil, 422, `"field":"completed"`})
			}
			scs = append(scs,
				scenario{"a month above the total names the total", "lishi", "PUT", own + "/reports/2023-01", `{"completed": 1000.01}`, nil, 422, "total investment"},
				scenario{"12.345 is refused, not rounded", "lishi", "PUT", own + "/reports/2023-01", `{"completed": 12.345}`, nil, 422, "more than two decimals"},
				scenario{"a total above 10,000 亿元", "zhb", "POST", "/api/v1/projects",
					`{"year":2023,"name":"x","org":{"code":"141102"},"kind":"continuing","total_investment":99999999999999999999,"annual_plan":1}`, nil, 422, `"field":"total_investment"`},
				scenario{"a total just above 10,000 亿元", "zhb", "POST", "/api/v1/projects",
					`{"year":2023,"name":"x","org":{"code":"141102"},"kind":"continuing","total_investment":100000000.01,"annual_plan":1}`, nil, 422, `"field":"total_investment"`},
				scenario{"a nested amount is named by its path", "zhb", "POST", "/api/v1/projects",
					`{"year":2023,"name":"x","org":{"code":"141102"},"kind":"continuing","target":{"invest_at_least":1e308}}`, nil, 422, `"field":"target.invest_at_least"`},
				scenario{"PATCH an amount", "lishi", "PATCH", own, `{"annual_plan": 9223372036854775807}`, map[string]string{"If-Match": `"v1"`}, 422, `"field":"annual_plan"`},
				scenario{"NUL in progress", "lishi", "PUT", own + "/reports/2023-01", `{"progress": "a\u0000b"}`, nil, 422, `"field":"progress"`},
				scenario{"NUL in a PATCHed name", "lishi", "PATCH", own, `{"name": "a\u0000b"}`, map[string]string{"If-Match": `"v1"`}, 422, `"field":"name"`},
				scenario{"a bell in a new project's owner", "zhb", "POST", "/api/v1/projects",
					`{"year":2023,"name":"x","owner":"a\u0007","org":{"code":"141102"},"kind":"continuing"}`, nil, 422, `"field":"owner"`},
				scenario{"NUL in an org code", "zhb", "POST", "/api/v1/projects",
					`{"year":2023,"name":"x","org":{"code":"1411\u000002"},"kind":"continuing"}`, nil, 422, `"field":"org.code"`},
				scenario{"NUL in a search", "zhb", "GET", "/api/v1/projects?q=%00", "", nil, 422, `"field":"q"`},
				scenario{"NUL in a return reason", "zhb", "POST", own + "/reports/2023-01/return", `{"reason": "\u0000"}`, nil, 422, `"field":"reason"`},
				scenario{"a long owner", "lishi", "PATCH", own, `{"owner": "` + strings.Repeat("x", 201) + `"}`, map[string]string{"If-Match": `"v1"`}, 422, `"field":"owner"`},
				scenario{"the dispatch still renders", "zhb", "GET", "/api/v1/dispatch?year=2023&month=1", "", nil, 200, `"total"`},
			)
			for _, sc := range scs {
				status, body, _ := w.do(t, sc)
				if status != sc.status || !strings.Contains(body, sc.contain) {
					t.Errorf("%s: %d %s, want %d with %s", sc.name, status, body, sc.status, sc.contain)
				}
			}
			rs, _ := w.a.DB.ProjectReports(context.Background(), w.lishi.ID, 2023)
			if len(rs) != 0 {
				t.Fatalf("refused amounts left reports: %+v", rs)
			}
		})
	}
}

// A figure written behind the application's back does not take the pages
// down: the dispatch names the project, the registry counts it apart.
func TestPagesSurviveAFigurePlantedBehindTheApp(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newRegWorld(t, a)
		now := a.Now
		a.Now = func() time.Time { return time.Date(2022, 3, 10, 10, 0, 0, 0, a.Loc) }
		m := qianxiang.Money(100)
		if _, err := a.SubmitReport(context.Background(), qianxiang.SystemActor, w.lishi.ID, 2022, 1, &app.ReportInput{Completed: &m}); err != nil {
			t.Fatal(err)
		}
		a.Now = now
		raw := testenv.Raw(t, a)
		for _, q := range []string{
			`UPDATE reports SET completed = 9223372036854775807 WHERE project_id = %d`,
			// Every project: their sums are far beyond int64.
			`UPDATE projects SET total_investment = 9223372036854775807, annual_plan = 9223372036854775807 WHERE id > 0 OR id = %d`,
		} {
			if _, err := raw.Exec(fmt.Sprintf(q, w.lishi.ID)); err != nil {
				t.Fatal(err)
			}
		}
		c := w.login(t, "zhb")
		for _, path := range []string{"/projects?year=2022", "/api/v1/projects?year=2022", "/", "/cockpit?year=2022&month=1",
			"/dispatch.xlsx?year=2022&month=1", "/api/v1/exports/projects?year=2022", fmt.Sprintf("/projects/%d", w.lishi.ID),
			"/dispatch?year=2022&month=1"} {
			code, body := c.get(path)
			if code != 200 {
				t.Errorf("%s: %d\n%s", path, code, body)
			}
			if strings.HasPrefix(path, "/dispatch?") {
				testenv.Contains(t, body, `id="implausible"`, fmt.Sprintf(`<li><a href="/projects/%d">`, w.lishi.ID), "测试项目</a>")
			}
			if strings.HasPrefix(path, "/projects?") {
				testenv.Contains(t, body, `id="total-implausible"`)
			}
		}
	})
}

// The form refuses what the API refuses, with the field marked.
func TestProjectFormRefusesAmountsBeyondBounds(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newRegWorld(t, a)
		c := w.login(t, "zhb")
		for _, v := range []string{"99999999999999999999", "999999999999", "12.345"} {
			f := formOf(w.lishi)
			f.Set("total_investment", v)
			code, body, _ := c.post(fmt.Sprintf("/projects/%d/edit", w.lishi.ID), f)
			if code != 422 || !strings.Contains(body, "超") {
				t.Errorf("total %s: %d", v, code)
			}
		}
		f := formOf(w.lishi)
		f.Set("name", "a\x00b")
		if code, _, _ := c.post(fmt.Sprintf("/projects/%d/edit", w.lishi.ID), f); code != 422 {
			t.Errorf("NUL in the form's name: %d", code)
		}
		p, _ := a.Project(context.Background(), qianxiang.SystemActor, w.lishi.ID)
		if p.TotalInvestment != w.lishi.TotalInvestment || p.Name != w.lishi.Name {
			t.Fatalf("a refused form changed the project: %s %q", p.TotalInvestment, p.Name)
		}
	})
}
