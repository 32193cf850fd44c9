package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// publicFixture: two public projects and one confidential, with personal
// fields (team phones, contacts) that must never reach the public side.
func publicFixture(t *testing.T) (*app.App, qianxiang.Project, qianxiang.Project) {
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 30, 10, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	mk := func(code, name string, secret bool) qianxiang.Project {
		p, err := a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2026, Code: code, Name: name,
			Owner: "吕梁城投公司", Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindContinuing, Stage: qianxiang.StageConstruction,
			TotalInvestment: 100000, AnnualPlan: 12000, Leader: "张副市长", Contact: "王联络员", Phone: "0358-8881234",
			Team: []qianxiang.TeamMember{{Name: "李专班", Role: "组长", Phone: "13912345678"}}, Notes: "内部备注不公开",
			Confidential: secret})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	pub := mk("", "离石区城中村改造项目", false)
	mk("", "离石区滨河路改造", false)
	sec := mk("", "离石区某涉密工程", true)
	return a, pub, sec
}

func getAnon(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestPublicResponsesLeakNothing reads every public response without a
// login and looks for the confidential project and any personal field.
func TestPublicResponsesLeakNothing(t *testing.T) {
	a, pub, sec := publicFixture(t)
	srv, _ := serve(t, a)
	forbidden := []string{sec.Name, "0358-8881234", "13912345678", "王联络员", "李专班", "内部备注不公开"}
	for _, path := range []string{"/api/v1/public/progress", "/api/v1/public/progress?year=2026", "/api/v1/public/oc4ids?year=2026",
		fmt.Sprintf("/api/v1/public/projects/%d", pub.ID), "/public", "/public?lang=en", "/api/v1/public/promotions"} {
		code, body := getAnon(t, srv.URL+path)
		if code != 200 {
			t.Fatalf("%s: %d %s", path, code, body)
		}
		for _, f := range forbidden {
			if strings.Contains(body, f) {
				t.Errorf("%s shows %q", path, f)
			}
		}
	}
	code, body := getAnon(t, fmt.Sprintf("%s/api/v1/public/projects/%d", srv.URL, sec.ID))
	if code != 404 {
		t.Errorf("confidential project: %d %s", code, body)
	}
	_, body = getAnon(t, srv.URL+"/api/v1/public/progress?year=2026")
	var pr qianxiang.PublicProgress
	if err := json.Unmarshal([]byte(body), &pr); err != nil {
		t.Fatal(err)
	}
	if pr.Projects != 2 || pr.AnnualPlan != 24000 || pr.Target != 1000*qianxiang.Yi || len(pr.ByCounty) != 1 || pr.ByCounty[0].County.Code != "141102" {
		t.Errorf("progress %s", body)
	}
	_, body = getAnon(t, srv.URL+"/api/v1/public/oc4ids?year=2026")
	if !strings.Contains(body, `"amount":10000000,"currency":"CNY"`) || !strings.Contains(body, pub.Name) {
		t.Errorf("oc4ids %s", body)
	}
	for _, bad := range []string{"/api/v1/public/oc4ids", "/api/v1/public/oc4ids?year=x", "/api/v1/public/oc4ids?year=1900"} {
		if code, body := getAnon(t, srv.URL+bad); code != 422 || !strings.Contains(body, "year") {
			t.Errorf("%s: %d %s", bad, code, body)
		}
	}
	if code, _ := getAnon(t, srv.URL+"/api/v1/public/oc4ids?year=2030"); code != 404 {
		t.Errorf("year without projects: %d", code)
	}
}

// TestPublicPageOnAPhone opens /public without a login at 390×844.
func TestPublicPageOnAPhone(t *testing.T) {
	a, _, _ := publicFixture(t)
	srv, _ := serve(t, a)
	b := testenv.Browser(t)
	var projects, county, title string
	var width int
	err := chromedp.Run(b,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(srv.URL+"/public"),
		chromedp.WaitVisible(`[data-k=projects]`, chromedp.ByQuery),
		chromedp.Text(`[data-k=projects]`, &projects, chromedp.ByQuery),
		chromedp.Text(`[data-k=county]`, &county, chromedp.ByQuery),
		chromedp.Text(`h1`, &title, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
	)
	if err != nil {
		t.Fatal(err)
	}
	testenv.Screenshot(t, b, "public-phone")
	if projects != "2" || !strings.Contains(county, "离石区") || !strings.Contains(title, "大会战进展") {
		t.Errorf("projects %q county %q title %q", projects, county, title)
	}
	if width > 390 {
		t.Errorf("page is %dpx wide on a 390px phone", width)
	}
}
