package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// TestBrowserChainsAndBatchStart: the office defines the chain list on
// /classes; 离石区 ticks its project's chain on the project form, holds a
// batch start, adds its projects, prints the ceremony's list; the registry
// filters by chain, the dispatch groups by it, the office's cockpit and the
// public portal show the event (without the confidential project).
func TestBrowserChainsAndBatchStart(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	ctx := context.Background()
	mk := func(name string, confidential bool) qianxiang.Project {
		p, err := w.a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: "141102"}, Owner: "吕梁晋源建设投资有限公司",
			Kind: qianxiang.KindNew, PlannedStart: qianxiang.Date{Year: 2023, Month: 3}, TotalInvestment: 1200050, AnnualPlan: 300025, Confidential: confidential})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	h2 := mk("离石区氢能综合利用示范项目", false)
	mk("离石区数据中心项目", false)
	mk("离石区保密工程项目", true)
	srv := w.srv.URL
	b := testenv.Browser(t)

	var flash string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+"/classes"),
		chromedp.WaitVisible(`form.class-form input[name="code"]`, chromedp.ByQuery),
		chromedp.SendKeys(`form.class-form input[name="code"]`, "chain", chromedp.ByQuery),
		chromedp.SendKeys(`form.class-form input[name="name"]`, "重点产业链", chromedp.ByQuery),
		chromedp.SendKeys(`form.class-form input[name="headers"]`, "产业链、所属产业链", chromedp.ByQuery),
		chromedp.SetValue(`form.class-form textarea[name="entries"]`, "新能源\n氢能\n氢能", chromedp.ByQuery),
		chromedp.Click(`form.class-form button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.err`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "chains-list-refused")
	if err != nil {
		t.Fatalf("a duplicate entry: %v", err)
	}
	err = chromedp.Run(b,
		chromedp.SetValue(`form.class-form textarea[name="entries"]`, "新能源\n氢能\n铝镁新材料\n现代煤化工", chromedp.ByQuery),
		chromedp.Click(`form.class-form button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`.flash.ok`, &flash, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "chains-list")
	if err != nil || !strings.Contains(flash, "已保存") {
		t.Fatalf("the list: %v %q", err, flash)
	}

	// 离石区 ticks its project's chain.
	var classes string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.Navigate(fmt.Sprintf("%s/projects/%d/edit", srv, h2.ID)),
		chromedp.WaitVisible(`input[name="class.chain"][value="氢能"]`, chromedp.ByQuery),
		chromedp.Click(`input[name="class.chain"][value="氢能"]`, chromedp.ByQuery),
		chromedp.Click(`input[name="class.chain"][value="新能源"]`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "chains-project-form")
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Run(b,
		chromedp.Submit(`form.project-form`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-k="class"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="class"]`, &classes, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "chains-project")
	if err != nil || classes != "新能源、氢能" {
		t.Fatalf("the project's chains: %v %q", err, classes)
	}

	// A batch start in the county's own name, with two of its projects.
	var count, total, startedOn string
	err = chromedp.Run(b,
		chromedp.Navigate(srv+"/batch-starts?year=2023"),
		chromedp.WaitVisible(`form.batch-form input[name="title"]`, chromedp.ByQuery),
		chromedp.SendKeys(`form.batch-form input[name="title"]`, "离石区2023年第一批重大项目集中开工", chromedp.ByQuery),
		chromedp.SetValue(`form.batch-form input[name="date"]`, "2023-03-16", chromedp.ByQuery),
		chromedp.SendKeys(`form.batch-form input[name="place"]`, "离石区城北新区", chromedp.ByQuery),
		chromedp.SendKeys(`form.batch-form input[name="leader"]`, "张广勇", chromedp.ByQuery),
		chromedp.Click(`form.batch-form button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-k="add"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.batch-pick input[type=checkbox]').forEach(c => c.checked = true)`, nil),
		chromedp.Click(`[data-k="add"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`tr[data-k="project"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="count"]`, &count, chromedp.ByQuery),
		chromedp.Text(`.batch-tiles [data-k="total_investment"]`, &total, chromedp.ByQuery),
		chromedp.Text(fmt.Sprintf(`tr[data-id="%d"] td:nth-child(7)`, h2.ID), &startedOn, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "batch-start")
	if err != nil {
		t.Fatalf("the event: %v", err)
	}
	// Three projects of 12,000.50 万元 each.
	if count != "3" || total != "36,001.50" || !strings.Contains(startedOn, "2023-03-16") || !strings.Contains(startedOn, "活动日期") {
		t.Errorf("event: count %q, total %q, start %q", count, total, startedOn)
	}
	var summary string
	err = chromedp.Run(b,
		chromedp.Click(`[data-k="print"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.batch-doc`, chromedp.ByQuery),
		chromedp.Text(`[data-k="summary"]`, &summary, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "batch-start-print")
	if err != nil || !strings.Contains(summary, "本次集中开工项目 3 个，总投资 36,001.50 万元") {
		t.Fatalf("printable list: %v %q", err, summary)
	}
	var rows int
	err = chromedp.Run(b,
		chromedp.Navigate(srv+"/projects?year=2023"),
		chromedp.WaitVisible(`select[name="chain"]`, chromedp.ByQuery),
		chromedp.SetValue(`select[name="chain"]`, "chain:氢能", chromedp.ByQuery),
		chromedp.Submit(`select[name="chain"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-k="class-tag"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('td.c-name').length`, &rows),
	)
	testenv.Screenshot(t, b, "chains-registry")
	if err != nil || rows != 1 {
		t.Fatalf("registry filter: %v, %d rows", err, rows)
	}

	// The office: the dispatch grouping and the cockpit tile.
	var events string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+"/dispatch?year=2023&month=4"),
		chromedp.WaitVisible(`#class-chain`, chromedp.ByQuery),
		chromedp.ScrollIntoView(`#class-chain`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "chains-dispatch")
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Run(b,
		chromedp.Navigate(srv+"/cockpit?year=2023&month=4"),
		chromedp.WaitVisible(`[data-k="batch-starts"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="batch.count"]`, &events, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "batch-cockpit")
	if err != nil || events != "1" {
		t.Fatalf("cockpit: %v %q", err, events)
	}
	// The public portal: the event with two public projects.
	var public string
	err = chromedp.Run(b,
		logout(),
		chromedp.Navigate(srv+"/public?year=2023"),
		chromedp.WaitVisible(`[data-k="batch"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="batch"]`, &public, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "batch-public")
	if err != nil || !strings.Contains(public, "项目 2 个，总投资 24,001.00 万元") || strings.Contains(public, "保密") {
		t.Fatalf("public: %v %q", err, public)
	}
}
