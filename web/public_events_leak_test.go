package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
)

// TestPublicEventsAndNewsLeakNothing: a batch start holding a confidential
// project and internal notes, a news draft, and the portal's every
// anonymous page and endpoint: the confidential project, the event's
// notes and the draft appear nowhere; the event is shown with its public
// project only and its count and sum over that project alone; published
// news is served.
func TestPublicEventsAndNewsLeakNothing(t *testing.T) {
	a, pub, sec := publicFixture(t)
	ctx := context.Background()
	sys := qianxiang.SystemActor
	mk := func(name string, secret bool) qianxiang.Project {
		p, err := a.CreateProject(ctx, sys, qianxiang.Project{Year: 2026, Name: name, Owner: "吕梁新区建设公司", Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindNew, Stage: qianxiang.StagePreparing, TotalInvestment: 30000, AnnualPlan: 9000,
			PlannedStart: qianxiang.Date{Year: 2026, Month: 6}, Contact: "周联络员", Phone: "13800001234", Confidential: secret})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	open, hidden := mk("离石区新能源装备产业园", false), mk("离石区某涉密新建工程", true)
	if _, err := a.CreateBatchStartWith(ctx, sys, qianxiang.BatchStart{Year: 2026, Date: qianxiang.Date{Year: 2026, Month: 6, Day: 18},
		Place: "离石区城东工业园", Org: qianxiang.OrgRef{Code: "141102"}, Leader: "张副市长", Title: "离石区2026年重大项目集中开工",
		Notes: "内部筹备备注：安保名单另行下发"}, []int64{open.ID, hidden.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateNews(ctx, sys, app.NewsInput{Title: "离石区重大项目集中开工", Body: "6月18日，离石区新能源装备产业园等项目集中开工。", Date: "2026-06-18", Published: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateNews(ctx, sys, app.NewsInput{Title: "草稿：尚未审定的通报", Body: "草稿正文不公开", Date: "2026-06-19"}); err != nil {
		t.Fatal(err)
	}
	srv, _ := serve(t, a)
	forbidden := []string{sec.Name, hidden.Name, "内部筹备备注", "安保名单", "草稿：尚未审定的通报", "草稿正文不公开",
		"13800001234", "周联络员", "0358-8881234", "13912345678", "王联络员", "李专班", "内部备注不公开"}
	bodies := map[string]string{}
	for _, path := range []string{"/public", "/public?lang=en", "/api/v1/public/progress?year=2026", "/api/v1/public/news",
		"/api/v1/public/oc4ids?year=2026", "/api/v1/public/promotions", "/api/v1/public/projects/" + fmt.Sprint(open.ID), "/api/v1/public/projects/" + fmt.Sprint(pub.ID)} {
		code, body := getAnon(t, srv.URL+path)
		if code != 200 {
			t.Fatalf("%s: %d %s", path, code, body)
		}
		for _, f := range forbidden {
			if strings.Contains(body, f) {
				t.Errorf("%s shows %q", path, f)
			}
		}
		bodies[path] = body
	}
	for _, path := range []string{"/public", "/api/v1/public/progress?year=2026"} {
		if b := bodies[path]; !strings.Contains(b, "离石区2026年重大项目集中开工") || !strings.Contains(b, open.Name) {
			t.Errorf("%s lacks the event or its public project", path)
		}
	}
	// The event's figures are those of its public project: one project,
	// 300 万元 (the confidential one's share is not to be worked out).
	if b := bodies["/api/v1/public/progress?year=2026"]; !strings.Contains(b, `"count":1,"total_investment":300.00,`) {
		t.Errorf("the public event counts the confidential project: %s", b)
	}
	if !strings.Contains(bodies["/public"], "离石区重大项目集中开工") || !strings.Contains(bodies["/api/v1/public/news"], "离石区重大项目集中开工") {
		t.Error("the published news is not on the portal")
	}
	if code, _ := getAnon(t, srv.URL+"/api/v1/public/projects/"+fmt.Sprint(hidden.ID)); code != 404 {
		t.Errorf("the confidential project by its id: %d", code)
	}
}
