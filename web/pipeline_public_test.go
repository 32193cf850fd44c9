package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
)

// TestPublicPromotionsLeakNothing: the promotion list and its pages show
// the published public projects with the office's landline, never a
// confidential project (even one published before it was marked so), the
// project's own contacts or an investor's expression of interest.
func TestPublicPromotionsLeakNothing(t *testing.T) {
	a, _, sec := publicFixture(t)
	ctx := context.Background()
	sys := qianxiang.SystemActor
	mk := func(name string) qianxiang.Project {
		p, err := a.CreateProject(ctx, sys, qianxiang.Project{Year: 2026, Name: name, Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindPreparatory,
			Stage: qianxiang.StageReserve, TotalInvestment: 80000, Contact: "赵联络员", Phone: "13700001111", Notes: "储备内部备注",
			Team: []qianxiang.TeamMember{{Name: "钱专班", Phone: "13600002222"}}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.SetPromotion(ctx, sys, p.ID, app.PromotionInput{Published: true, Investment: 50000, ReturnModel: "使用者付费", Cooperation: qianxiang.CoopConcession,
			Contact: "离石区投资促进中心", OfficePhone: "0358-8227777", Summary: "欢迎社会资本参与。"})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	pub := mk("离石区智慧停车场项目")
	hidden := mk("离石区某储备涉密项目")
	if _, err := a.PatchProject(ctx, sys, hidden.ID, app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SubmitInterest(ctx, pub.ID, app.InterestInput{Company: "某投资人公司", Person: "投资人孙先生", Phone: "13511112222", Intent: "意向投资5亿元"}, "10.1.1.1"); err != nil {
		t.Fatal(err)
	}
	srv, _ := serve(t, a)
	forbidden := []string{sec.Name, hidden.Name, "13700001111", "13600002222", "赵联络员", "钱专班", "储备内部备注",
		"某投资人公司", "投资人孙先生", "13511112222", "意向投资5亿元", "0358-8881234", "13912345678"}
	for _, path := range []string{"/api/v1/public/promotions", fmt.Sprintf("/api/v1/public/promotions/%d", pub.ID), "/public", "/public?lang=en",
		fmt.Sprintf("/public/promotions/%d", pub.ID), "/api/v1/public/progress?year=2026", "/api/v1/public/oc4ids?year=2026"} {
		code, body := getAnon(t, srv.URL+path)
		if code != 200 {
			t.Fatalf("%s: %d %s", path, code, body)
		}
		for _, f := range forbidden {
			if strings.Contains(body, f) {
				t.Errorf("%s shows %q", path, f)
			}
		}
		if strings.Contains(path, "promotions") && !strings.Contains(body, "0358-8227777") {
			t.Errorf("%s lacks the office phone", path)
		}
	}
	if _, body := getAnon(t, fmt.Sprintf("%s/public/promotions/%d?lang=en", srv.URL, pub.ID)); !strings.Contains(body, "Concession") {
		t.Error("the English page does not name the cooperation mode in English")
	}
	if _, body := getAnon(t, fmt.Sprintf("%s/public/promotions/%d", srv.URL, pub.ID)); !strings.Contains(body, "特许经营") {
		t.Error("the Chinese page does not name the cooperation mode in Chinese")
	}
	for _, path := range []string{fmt.Sprintf("/api/v1/public/promotions/%d", hidden.ID), fmt.Sprintf("/public/promotions/%d", hidden.ID),
		fmt.Sprintf("/api/v1/public/promotions/%d", sec.ID)} {
		if code, body := getAnon(t, srv.URL+path); code != 404 || strings.Contains(body, hidden.Name) {
			t.Errorf("%s: %d", path, code)
		}
	}
	// The public form: a refusal keeps what was typed and says why; a
	// cross-site post is refused.
	code, body := postAnon(t, srv.URL, fmt.Sprintf("/public/promotions/%d", pub.ID), "company=A&person=B&phone=123&intent=x", "")
	if code != 422 || !strings.Contains(body, "电话号码") {
		t.Errorf("bad phone: %d", code)
	}
	code, _ = postAnon(t, srv.URL, fmt.Sprintf("/public/promotions/%d", pub.ID), "company=A&person=B&phone=13500001111&intent=x", "https://evil.example")
	if code != 403 {
		t.Errorf("cross-site post: %d", code)
	}
}

// postAnon posts a form without a login, from origin ("" for none).
func postAnon(t *testing.T, base, path, form, origin string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", base+path, strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}
