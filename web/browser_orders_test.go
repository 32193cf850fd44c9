package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// Supervision issues an order from /orders, the county replies on the
// order's page, supervision accepts; the A4 print page shows the number,
// the addressee and the reply.
func TestBrowserOrderIssuedRepliedAcceptedAndPrinted(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 30, 10, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	testenv.User(t, a, "ducha", qianxiang.RoleSupervisor, "141100")
	testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	p, err := a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2026, Name: "离石区城中村改造项目",
		Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 12000})
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := serve(t, a)
	b := testenv.Browser(t)
	var status, reply, doc string
	err = chromedp.Run(b,
		testenv.Login(srv.URL, "ducha", testenv.Password),
		chromedp.Navigate(srv.URL+"/orders"),
		chromedp.WaitVisible(`form.issue-form`, chromedp.ByQuery),
		chromedp.SetValue(`form.issue-form select[name=org]`, "141102", chromedp.ByQuery),
		chromedp.SetValue(`form.issue-form input[name=reply_by]`, "2026-12-10", chromedp.ByQuery),
		chromedp.SetValue(`form.issue-form input[name=project]`, fmt.Sprint(p.ID), chromedp.ByQuery),
		chromedp.SendKeys(`form.issue-form textarea[name=text]`, "请加快城中村改造征收进度，按期完成年度投资。", chromedp.ByQuery),
		chromedp.Click(`form.issue-form button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`#order-status`, chromedp.ByQuery),
		chromedp.Text(`#order-status`, &status, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "order-issued")
	if err != nil || status != "待回复" {
		t.Fatalf("issuing: %q %v", status, err)
	}
	var url string
	chromedp.Run(b, chromedp.Location(&url))
	orderURL := strings.SplitN(url, "?", 2)[0]
	err = chromedp.Run(b,
		chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		testenv.Login(srv.URL, "lishi", testenv.Password),
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(`#reply-form`, chromedp.ByQuery),
		chromedp.SendKeys(`#reply-form textarea`, "已成立专班，剩余12户本月底前完成签约。", chromedp.ByQuery),
		chromedp.Click(`#reply-form button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#order-reply`, chromedp.ByQuery),
		chromedp.Text(`#order-status`, &status, chromedp.ByQuery),
	)
	if err != nil || status != "已回复" {
		t.Fatalf("replying: %q %v", status, err)
	}
	err = chromedp.Run(b,
		chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		testenv.Login(srv.URL, "ducha", testenv.Password),
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(`#decide-form`, chromedp.ByQuery),
		chromedp.SendKeys(`#decide-form textarea`, "同意办结。", chromedp.ByQuery),
		chromedp.Click(`#decide-form button.primary`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`#decide-form`, chromedp.ByQuery),
		chromedp.Text(`#order-status`, &status, chromedp.ByQuery),
		chromedp.Text(`#order-reply`, &reply, chromedp.ByQuery),
		chromedp.Navigate(orderURL+"/print"),
		chromedp.WaitVisible(`article.ord-doc`, chromedp.ByQuery),
		chromedp.Text(`article.ord-doc`, &doc, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "order-print")
	if err != nil || status != "已办结" || !strings.Contains(reply, "剩余12户") {
		t.Fatalf("accepting: %q %q %v", status, reply, err)
	}
	testenv.Contains(t, doc, "督办〔2026〕1号", "离石区：", "离石区城中村改造项目", "已成立专班", "2026-12-10", "已办结")
}
