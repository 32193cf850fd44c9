package web_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"qianxiang/internal/testenv"
)

// TestTargetsAPI: the campaign office puts the year's targets, a county
// may not, bad input is refused naming the field, and the dispatch JSON
// carries target and target_rate. 离石区 has completed 600 万元 (months 1-2:
// 100+200 on two projects, twice), so a target of 6,000 gives 0.1.
func TestTargetsAPI(t *testing.T) {
	w := newDspWorld(t)
	path := w.at("/api/v1/targets/%[1]d")
	good := `{"campaign":{"projects":1000,"annual_plan":10000000},"orgs":[{"org":"141102","projects":3,"annual_plan":6000,"new_starts":1}]}`
	if code, body, _ := w.req(t, "lishi", "PUT", path, strings.NewReader(good), "application/json"); code != 403 {
		t.Fatalf("a county put targets: %d %s", code, body)
	}
	for _, c := range []struct{ body, field string }{
		{`{"orgs":[{"org":"141102","annual_plan":-5}]}`, "orgs[0].annual_plan"},
		{`{"orgs":[{"org":"999999","annual_plan":5}]}`, "orgs[0].org"},
		{`{"campaign":{"projects":-1}}`, "campaign.projects"},
	} {
		code, body, _ := w.req(t, "zhb", "PUT", path, strings.NewReader(c.body), "application/json")
		if code != 422 || !strings.Contains(body, `"field":"`+c.field+`"`) {
			t.Errorf("%s: %d %s", c.body, code, body)
		}
	}
	if code, body, _ := w.req(t, "zhb", "PUT", path, strings.NewReader(good), "application/json"); code != 200 || !strings.Contains(body, `"annual_plan":6000`) {
		t.Fatalf("put: %d %s", code, body)
	}
	var d struct {
		Total struct {
			Target *struct {
				AnnualPlan float64 `json:"annual_plan"`
			} `json:"target"`
			TargetRate *float64 `json:"target_rate"`
		} `json:"total"`
		ByOrg []struct {
			Org        struct{ Code string } `json:"org"`
			TargetRate *float64              `json:"target_rate"`
		} `json:"by_org"`
	}
	_, body, _ := w.req(t, "lishi", "GET", w.at("/api/v1/dispatch?year=%[1]d&month=2"), nil, "")
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatal(err)
	}
	if d.Total.Target == nil || d.Total.Target.AnnualPlan != 6000 || d.Total.TargetRate == nil || *d.Total.TargetRate != 0.1 {
		t.Errorf("the county's dispatch total: %s", body)
	}
	if code, body, _ := w.req(t, "wenshui", "GET", path, nil, ""); code != 200 || strings.Contains(body, "141102") {
		t.Errorf("文水县 reads 离石区's target: %d %s", code, body)
	}
	// The dispatch page, the printed circular and the workbook show it; at
	// month 3 the page names 开门红.
	for _, p := range []string{"/dispatch?year=%[1]d&month=2", "/dispatch?year=%[1]d&month=3&print=1", "/dispatch?year=%[1]d&month=3"} {
		page := w.get(t, "zhb", w.at(p))
		if !strings.Contains(page, "目标任务完成情况") || !strings.Contains(page, `<tr data-org="141102">`) || !strings.Contains(page, "10.00%") {
			t.Errorf("%s lacks the targets table", p)
		}
		if strings.Contains(p, "month=3") && !strings.Contains(page, "开门红") {
			t.Errorf("%s lacks 开门红", p)
		}
	}
	if code, _, _ := w.req(t, "zhb", "GET", w.at("/dispatch.xlsx?year=%[1]d&month=3"), nil, ""); code != 200 {
		t.Errorf("workbook: %d", code)
	}
	// The targets page adds up what the counties were given for the office;
	// a county, seeing only its own, gets no sums that would mislead it.
	if page := w.get(t, "zhb", w.at("/targets?year=%[1]d")); !strings.Contains(page, `data-sum="county"`) {
		t.Errorf("the office's targets page has no counties' sum")
	}
	if page := w.get(t, "lishi", w.at("/targets?year=%[1]d")); strings.Contains(page, `data-sum=`) || !strings.Contains(page, `data-org="141102"`) {
		t.Errorf("the county's targets page shows sums, or not its own row")
	}
}

// TestBrowserOfficeSetsTargetsCountySeesItsRate: the office divides the
// targets on the page; 离石区 then sees its target rate on its work page.
func TestBrowserOfficeSetsTargetsCountySeesItsRate(t *testing.T) {
	w := newDspWorld(t)
	srv := w.srv.URL
	b := testenv.Browser(t)
	var officeRate, flash string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+w.at("/targets?year=%[1]d")),
		chromedp.WaitVisible(`input[name="annual_plan.141102"]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name="campaign.projects"]`, "1000", chromedp.ByQuery),
		chromedp.SendKeys(`input[name="campaign.annual_plan"]`, "10000000", chromedp.ByQuery),
		chromedp.SendKeys(`input[name="projects.141102"]`, "3", chromedp.ByQuery),
		chromedp.SendKeys(`input[name="annual_plan.141102"]`, "6000", chromedp.ByQuery),
		chromedp.SendKeys(`input[name="new_starts.141102"]`, "1", chromedp.ByQuery),
		chromedp.SendKeys(`input[name="annual_plan.141121"]`, "-3", chromedp.ByQuery),
		chromedp.Click(`form[action="/targets"] button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.field-err`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "targets-refused")
	if err != nil {
		t.Fatalf("refused targets: %v", err)
	}
	err = chromedp.Run(b,
		chromedp.Evaluate(`document.querySelector('input[name="annual_plan.141121"]').value = ""`, nil),
		chromedp.Click(`form[action="/targets"] button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`.flash.ok`, &flash, chromedp.ByQuery),
		chromedp.Text(`[data-k="target_rate.141102"]`, &officeRate, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "targets-saved")
	if err != nil {
		t.Fatalf("saving targets: %v", err)
	}
	if !strings.Contains(flash, "目标任务已保存") || officeRate != "10.00%" {
		t.Errorf("after saving: flash %q, 离石区 rate %q", flash, officeRate)
	}
	var countyRate string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.WaitVisible(`[data-k="home.target"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="total.target_rate"]`, &countyRate, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "targets-county-home")
	if err != nil {
		t.Fatalf("the county's work page: %v", err)
	}
	if countyRate != "10.00%" {
		t.Errorf("the county sees target rate %q, want 10.00%%", countyRate)
	}
}

// TestTargetsImportAPI: the office's workbook through the API; a row of an
// unknown county is refused by row and column and nothing is written.
func TestTargetsImportAPI(t *testing.T) {
	w := newDspWorld(t)
	book := func(rows [][]any) (*bytes.Buffer, string) {
		x := excelize.NewFile()
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			x.SetSheetRow("Sheet1", cell, &row)
		}
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("file", "分解表.xlsx")
		x.Write(fw)
		mw.Close()
		return &body, mw.FormDataContentType()
	}
	path := w.at("/api/v1/imports/targets?year=%[1]d")
	body, ct := book([][]any{{"单位", "项目数", "年度投资（万元）", "新开工"}, {"离石区", 3, 6000, 1}, {"火星县", 1, 5, 0}})
	if code, resp, _ := w.req(t, "zhb", "POST", path, body, ct); code != 422 || !strings.Contains(resp, `"row":3,"column":"A"`) {
		t.Fatalf("unknown county: %d %s", code, resp)
	}
	if _, resp, _ := w.req(t, "zhb", "GET", w.at("/api/v1/targets/%[1]d"), nil, ""); strings.Contains(resp, "141102") {
		t.Fatalf("a refused workbook wrote targets: %s", resp)
	}
	body, ct = book([][]any{{"单位", "项目数", "年度投资（万元）", "新开工"}, {"合计", 1000, 10000000, ""}, {"离石区", 3, 6000, 1}})
	if code, resp, _ := w.req(t, "lishi", "POST", path, body, ct); code != 403 {
		t.Fatalf("a county imported targets: %d %s", code, resp)
	}
	body, ct = book([][]any{{"单位", "项目数", "年度投资（万元）", "新开工"}, {"合计", 1000, 10000000, ""}, {"离石区", 3, 6000, 1}})
	if code, resp, _ := w.req(t, "zhb", "POST", path, body, ct); code != 200 || !strings.Contains(resp, `"org":"141102"`) || !strings.Contains(resp, `"annual_plan":10000000`) {
		t.Fatalf("import: %d %s", code, resp)
	}
}

// TestBrowserOfficeDividesTheCampaignAmongTheCounties is the issue's
// walkthrough: the office divides 1,000 亿元 among the 13 counties on the
// page, sees that all of it is divided, and the next circular shows each
// county against its own target — the eleven with no project yet at zero.
// 离石区's own circular then shows its total against its target once.
func TestBrowserOfficeDividesTheCampaignAmongTheCounties(t *testing.T) {
	w := newDspWorld(t)
	srv := w.srv.URL
	b := testenv.Browser(t)
	// 12 counties × 770,000 + 760,000 = 10,000,000 万元 = 1,000 亿元.
	const fill = `(() => {
		const rows = [...document.querySelectorAll('tr[data-kind="county"]')];
		rows.forEach((r, i) => {
			r.querySelector('input[name^="projects."]').value = "80";
			r.querySelector('input[name^="annual_plan."]').value = i == rows.length - 1 ? "760000" : "770000";
			r.querySelector('input[name^="new_starts."]').value = "30";
			r.querySelectorAll('input').forEach(i => i.dispatchEvent(new Event('input')));
		});
		return rows.map(r => r.dataset.org);
	})()`
	var counties []string
	var firstKind, typed, sum, share string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+w.at("/targets?year=%[1]d")),
		chromedp.WaitVisible(`input[name="campaign.projects"]`, chromedp.ByQuery),
		chromedp.AttributeValue(`table.targets tbody tr`, "data-kind", &firstKind, nil, chromedp.ByQuery),
		chromedp.SendKeys(`input[name="campaign.projects"]`, "1000", chromedp.ByQuery),
		chromedp.SendKeys(`input[name="campaign.annual_plan"]`, "10000000", chromedp.ByQuery),
		chromedp.Evaluate(fill, &counties),
		// The counties' sum follows the typing, before anything is saved.
		chromedp.Text(`[data-k="sum.county.annual_plan"]`, &typed, chromedp.ByQuery),
		chromedp.Click(`form[action="/targets"] button.primary`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`[data-k="sum.county.annual_plan"]`, &sum, chromedp.ByQuery),
		chromedp.Text(`[data-k="sum.county.share"]`, &share, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "targets-divided")
	if err != nil {
		t.Fatalf("dividing the campaign: %v", err)
	}
	if firstKind != "county" || len(counties) != 13 {
		t.Fatalf("the page lists %d counties, the first row a %q", len(counties), firstKind)
	}
	if typed != "10,000,000.00" || sum != "10,000,000.00" || !strings.Contains(share, "100.00%") || !strings.Contains(share, "已全部分解") {
		t.Errorf("the counties' sum while typing %q, saved %q, %q", typed, sum, share)
	}

	var rows map[string]string
	const read = `Object.fromEntries([...document.querySelectorAll('section.targets-progress tbody tr')].map(r => [r.dataset.org, r.innerText]))`
	err = chromedp.Run(b,
		chromedp.Navigate(srv+w.at("/dispatch?year=%[1]d&month=2&print=1")),
		chromedp.WaitVisible(`section.targets-progress`, chromedp.ByQuery),
		chromedp.Evaluate(read, &rows),
	)
	testenv.Screenshot(t, b, "targets-circular")
	if err != nil {
		t.Fatalf("the circular: %v", err)
	}
	if !strings.Contains(rows["total"], "1,000,000.00") && !strings.Contains(rows["total"], "10,000,000.00") {
		t.Errorf("the campaign row: %q", rows["total"])
	}
	for i, code := range counties {
		want := "770,000.00"
		if i == len(counties)-1 {
			want = "760,000.00"
		}
		row, ok := rows[code]
		if !ok || !strings.Contains(row, "/ "+want) {
			t.Errorf("county %s against its target %s: %q", code, want, row)
			continue
		}
		listed := code == "141102" || code == "141121"
		if listed == strings.Contains(row, "本年度尚无项目") {
			t.Errorf("county %s (projects listed: %v): %q", code, listed, row)
		}
	}
	// 离石区 completed 600 of 770,000: 0.08%; 30 new starts asked, 0 started.
	if r := rows["141102"]; !strings.Contains(r, "0.08%") || !strings.Contains(r, "0 / 30") {
		t.Errorf("离石区's row: %q", r)
	}

	// A browser of its own: the county logs in elsewhere (and a loaded
	// machine does not eat the office's time budget).
	b = testenv.Browser(t)
	rows = nil // Evaluate unmarshals into the map: it would keep the city's rows
	err = chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.Navigate(srv+w.at("/dispatch?year=%[1]d&month=2&print=1")),
		chromedp.WaitVisible(`section.targets-progress`, chromedp.ByQuery),
		chromedp.Evaluate(read, &rows),
	)
	testenv.Screenshot(t, b, "targets-county-circular")
	if err != nil {
		t.Fatalf("the county's circular: %v", err)
	}
	if len(rows) != 1 || !strings.Contains(rows["total"], "离石区合计") || !strings.Contains(rows["total"], "/ 770,000.00") {
		t.Errorf("离石区's circular lists %q", rows)
	}
}
