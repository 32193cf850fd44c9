package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// TestBrowserAssessmentOfficeWeighsCountySeesWhy: the office reads the
// month's ranking, is refused weights adding up to 90, saves weights adding
// up to 100 with boards of one; 离石区 then finds itself on the 黑榜 with
// the components that put it there, and the meeting's print view and the
// cockpit's target tile show.
func TestBrowserAssessmentOfficeWeighsCountySeesWhy(t *testing.T) {
	w := newDspWorld(t)
	srv := w.srv.URL
	b := testenv.Browser(t)
	page := srv + w.at("/assessment?year=%[1]d&month=2")
	var first, errText string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(page),
		chromedp.WaitVisible(`[data-k="ranking-counties"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="ranking-counties"] tbody tr:first-child [data-k="score"]`, &first, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "assessment-office")
	if err != nil {
		t.Fatalf("the office's page: %v", err)
	}
	if first != "60.00" {
		t.Errorf("first score %q, want 文水县's 60.00", first)
	}
	// The sum follows the typing: 30 → 20 makes it 90, marked.
	var live string
	var liveBad bool
	err = chromedp.Run(b,
		chromedp.Evaluate(`document.querySelector('input[name="completion"]').value = ""`, nil),
		chromedp.SendKeys(`input[name="completion"]`, "20", chromedp.ByQuery),
		chromedp.Text(`[data-k="weights-sum"]`, &live, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('[data-k="weights-sum"]').classList.contains('bad')`, &liveBad),
	)
	if err != nil || live != "90" || !liveBad {
		t.Errorf("the live sum of the weights: %q (marked %v) %v", live, liveBad, err)
	}
	err = chromedp.Run(b,
		chromedp.SetValue(`input[name="completion"]`, "20", chromedp.ByQuery),
		chromedp.Click(`form[action="/assessment/weights"] button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.err`, chromedp.ByQuery),
		chromedp.Text(`.flash.err`, &errText, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "assessment-weights-refused")
	if err != nil {
		t.Fatalf("refused weights: %v", err)
	}
	if !strings.Contains(errText, "合计须为100，现为 90") {
		t.Errorf("the refusal says %q", errText)
	}
	var flash, black string
	err = chromedp.Run(b,
		chromedp.SetValue(`input[name="completion"]`, "40", chromedp.ByQuery),
		chromedp.SetValue(`input[name="start_rate"]`, "10", chromedp.ByQuery),
		chromedp.SetValue(`input[name="board_size"]`, "1", chromedp.ByQuery),
		chromedp.Click(`form[action="/assessment/weights"] button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`.flash.ok`, &flash, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("saving weights: %v", err)
	}
	if !strings.Contains(flash, "权重已保存") {
		t.Errorf("flash %q", flash)
	}
	var standing, reports, chart string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.Navigate(page),
		chromedp.WaitVisible(`[data-k="standing"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="standing"]`, &standing, chromedp.ByQuery),
		chromedp.Text(`[data-k="black-Counties"]`, &black, chromedp.ByQuery),
		chromedp.Text(`tr.self`, &reports, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('svg.assess-history .c-dot')].length + ':' + [...document.querySelectorAll('svg.assess-history text.c-val')].map(e => e.textContent).join(',') + ':' + [...document.querySelectorAll('svg.assess-history text.c-rank')].map(e => e.textContent).join(',')`, &chart),
	)
	testenv.Screenshot(t, b, "assessment-county")
	if err != nil {
		t.Fatalf("the county's page: %v", err)
	}
	// 40/10/20/10/10/10, target and problems not measured: 40 × 0.5 ×
	// 100/70 = 28.57; its reports were all late: 0 / 6.
	if !strings.Contains(standing, "离石区在各县（市、区）中排第2名（共2个），得分 28.57") || !strings.Contains(black, "离石区") ||
		!strings.Contains(reports, "0 / 6") {
		t.Errorf("standing %q, 黑榜 %q, own row %q", standing, black, reports)
	}
	// The year's history: one point for each month so far, its score and
	// rank (the weights apply to every month: 28.57 in both).
	if chart != "2:28.6,28.6:第2名,第2名" {
		t.Errorf("the county's history chart: %q", chart)
	}
	err = chromedp.Run(b, chromedp.Navigate(page+"&print=1"), chromedp.WaitVisible(`[data-k="ranking-departments"]`, chromedp.ByQuery))
	testenv.Screenshot(t, b, "assessment-print")
	if err != nil {
		t.Fatalf("print view: %v", err)
	}
	var goal string
	err = chromedp.Run(b,
		chromedp.Navigate(page),
		logout(),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+w.at("/cockpit?year=%[1]d&month=2")),
		chromedp.WaitVisible(`[data-k="goal"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="goal"]`, &goal, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "assessment-cockpit-goal")
	if err != nil {
		t.Fatalf("cockpit: %v", err)
	}
	// No campaign target set: the campaign's name, 1,000 projects and 1,000 亿元.
	if !strings.Contains(goal, "大会战目标") || !strings.Contains(goal, "项目 5 / 1000 个") || !strings.Contains(goal, "/ 1,000.00 亿元") || !strings.Contains(goal, "已完成 0.12 亿元") {
		t.Errorf("goal tile %q", goal)
	}
}
