package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// TestBrowserLeadBecomesAProjectAndNewsReachesPhones: 孝义市 records an
// investor's lead on the page, signs it, is refused going back without a
// reason, lands it as a registry project; the list flags a lead left at
// 洽谈 for 70 days and draws the funnel; the office's news with a script
// is refused with the reason, plain news is published, and a citizen reads
// it on /public on a phone.
func TestBrowserLeadBecomesAProjectAndNewsReachesPhones(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	ctx := context.Background()
	testenv.Lvliang(t, a)
	testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	county := testenv.User(t, a, "xiaoyi", qianxiang.RoleOrgAdmin, "141181")
	testenv.User(t, a, "renzhong", qianxiang.RoleLeader, "141100")
	// A lead recorded 70 days ago and never moved: stalled today. (The
	// clock stays near the real one: the browser drops a session cookie
	// that expired by its own clock.)
	now := time.Now()
	a.Now = func() time.Time { return now.AddDate(0, 0, -70) }
	if _, err := a.CreateLead(ctx, county, app.LeadInput{Investor: "山东鲁晋煤化工集团", OriginRegion: "山东省济南市", Industry: "现代煤化工",
		Intended: 120000 * 100, Source: "business", County: "141181", Target: "完成可研并签约", Leader: "renzhong",
		Team: []qianxiang.TeamMember{{Name: "李娜", Role: "联络员"}}}); err != nil {
		t.Fatal(err)
	}
	a.Now = func() time.Time { return now }
	signed := a.Today().AddDays(-2).String()
	srv, _ := serve(t, a)
	b := testenv.Browser(t)
	form := func(sel, v string) chromedp.Action { return chromedp.SetValue(sel, v, chromedp.ByQuery) }

	var stage, contract string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv.URL, "xiaoyi", testenv.Password))
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	err = chromedp.Run(b,
		chromedp.Navigate(srv.URL+"/leads/new"),
		chromedp.WaitVisible(`#lead-form`, chromedp.ByQuery))
	if err != nil {
		t.Fatalf("open the form: %v", err)
	}
	err = chromedp.Run(b,
		form(`input[name=investor]`, "浙江华晟新材料有限公司"),
		form(`input[name=origin_region]`, "浙江省杭州市"),
		form(`input[name=industry]`, "新材料"),
		form(`input[name=intended_investment]`, "52000"),
		form(`select[name=county]`, "141181"),
		form(`textarea[name=target]`, "年内签约落地，次年投产"),
		form(`select[name=leader]`, "renzhong"),
		form(`.team-row input[name="team.name"]`, "王强"),
		form(`.team-row input[name="team.role"]`, "专班组长"),
	)
	testenv.Screenshot(t, b, "leads-new")
	if err != nil {
		t.Fatalf("the new lead form: %v", err)
	}
	err = chromedp.Run(b,
		chromedp.Click(`button[data-k=create]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#move-form`, chromedp.ByQuery),
		form(`#move-form select[name=stage]`, "signed"),
		form(`input[name=contract_amount]`, "48000"),
		form(`input[name=contract_date]`, signed),
		chromedp.Click(`button[data-k=move]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-k=contract]`, chromedp.ByQuery),
		chromedp.Text(`[data-k=contract]`, &contract, chromedp.ByQuery),
		// Back to 洽谈 without a reason: refused, said why.
		form(`#move-form select[name=stage]`, "talking"),
		chromedp.Click(`button[data-k=move]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.err`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "lead-back-refused")
	if err != nil {
		t.Fatalf("signing and going back: %v", err)
	}
	var refusal string
	chromedp.Run(b, chromedp.Text(`.flash.err`, &refusal, chromedp.ByQuery))
	if !strings.Contains(contract, "48,000.00") || !strings.Contains(refusal, "须说明原因") {
		t.Errorf("contract %q, refusal %q", contract, refusal)
	}
	var project string
	err = chromedp.Run(b,
		form(`#move-form select[name=stage]`, "landed"),
		form(`input[name=project_name]`, "华晟高性能碳纤维复合材料项目"),
		chromedp.Click(`button[data-k=move]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`[data-k=stage]`, &stage, chromedp.ByQuery),
		chromedp.Text(`[data-k=project]`, &project, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "lead-landed")
	if err != nil {
		t.Fatalf("landing: %v", err)
	}
	if stage != "落地" || project != "华晟高性能碳纤维复合材料项目" {
		t.Errorf("after landing: stage %q project %q", stage, project)
	}
	// The project it became is in the registry, linked back to the lead,
	// carrying the lead's one target, one leader and one team.
	var leadLink, target, projTeam, projHref string
	err = chromedp.Run(b,
		chromedp.AttributeValue(`[data-k=project] a`, "href", &projHref, nil, chromedp.ByQuery),
		chromedp.Navigate(srv.URL+"/projects?q="+url.QueryEscape("华晟高性能")),
		chromedp.WaitReady(`body`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('main').innerText`, &projTeam),
	)
	if err != nil {
		t.Fatalf("the registry: %v", err)
	}
	err = chromedp.Run(b,
		chromedp.Navigate(srv.URL+projHref),
		chromedp.WaitVisible(`a[data-k=lead]`, chromedp.ByQuery),
		chromedp.Text(`a[data-k=lead]`, &leadLink, chromedp.ByQuery),
		chromedp.Evaluate(`document.body.innerText`, &target),
	)
	testenv.Screenshot(t, b, "lead-project")
	if err != nil {
		t.Fatalf("the landed project: %v", err)
	}
	if leadLink != "浙江华晟新材料有限公司" || !strings.Contains(target, "年内签约落地，次年投产") || !strings.Contains(target, "王强") ||
		!strings.Contains(projTeam, "华晟高性能碳纤维复合材料项目") {
		t.Errorf("landed project: lead link %q, registry row %q", leadLink, projTeam)
	}
	if err := chromedp.Run(b, chromedp.Click(`a[data-k=lead]`, chromedp.ByQuery), chromedp.WaitVisible(`#move-form`, chromedp.ByQuery)); err != nil {
		t.Fatalf("back to the lead: %v", err)
	}
	// The team grows by one on the edit form.
	var team string
	err = chromedp.Run(b,
		chromedp.Click(`a[data-k=edit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#lead-form`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('input[name="team.name"]')[1].value = "李娜"`, nil),
		chromedp.Evaluate(`document.querySelectorAll('input[name="team.role"]')[1].value = "联络员"`, nil),
		chromedp.Click(`button[data-k=create]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		chromedp.Text(`ul.plain`, &team, chromedp.ByQuery),
	)
	if err != nil || !strings.Contains(team, "李娜") || !strings.Contains(team, "王强") {
		t.Fatalf("editing the team: %q %v", team, err)
	}

	var stalled, landed string
	var bars int
	err = chromedp.Run(b,
		chromedp.Navigate(srv.URL+"/leads"),
		chromedp.WaitVisible(`#lead-list`, chromedp.ByQuery),
		chromedp.Text(`#lead-list tr.stalled td:first-child`, &stalled, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('svg.funnel rect').length`, &bars),
		chromedp.Text(`[data-k=landed-total]`, &landed, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "leads-list")
	if err != nil {
		t.Fatalf("the list: %v", err)
	}
	if !strings.Contains(stalled, "山东鲁晋煤化工集团") || bars != 5 || !strings.HasPrefix(landed, "1/2") {
		t.Errorf("stalled %q, %d funnel bars, landed %q", stalled, bars, landed)
	}

	// The scheduled sweep tells the stalled lead's leader; renzhong reads
	// it among the notifications and follows it to the lead.
	if n, err := a.RemindStalledLeads(ctx); err != nil || n != 1 {
		t.Fatalf("stalled-lead reminder: %d %v", n, err)
	}
	var note, opened string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv.URL, "renzhong", testenv.Password),
		chromedp.Navigate(srv.URL+"/notifications"),
		chromedp.WaitVisible(`ul.notes`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('ul.notes li')].map(l => l.textContent).find(t => t.includes('停滞')) || ''`, &note),
	)
	testenv.Screenshot(t, b, "leader-stalled-notice")
	if err != nil {
		t.Fatalf("the leader's notifications: %v", err)
	}
	if !strings.Contains(note, "你包联的招商线索已停滞") || !strings.Contains(note, "山东鲁晋煤化工集团") {
		t.Errorf("the leader's notice reads %q", note)
	}
	err = chromedp.Run(b,
		chromedp.Evaluate(`[...document.querySelectorAll('ul.notes li')].find(l => l.textContent.includes('停滞')).querySelector('button.link').click()`, nil),
		chromedp.WaitVisible(`[data-k=stage]`, chromedp.ByQuery),
		chromedp.Text(`h1`, &opened, chromedp.ByQuery),
	)
	if err != nil || !strings.Contains(opened, "山东鲁晋煤化工集团") {
		t.Fatalf("following the notice: %q %v", opened, err)
	}

	var newsErr string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv.URL, "zhb", testenv.Password),
		chromedp.Navigate(srv.URL+"/news"),
		chromedp.WaitVisible(`#news-form`, chromedp.ByQuery),
		form(`input[name=title]`, "孝义市新材料项目签约落地"),
		form(`textarea[name=body]`, "华晟项目签约落地。<script>alert('x')</script>"),
		chromedp.Click(`#news-form input[name=published]`, chromedp.ByQuery),
		chromedp.Click(`button[data-k=save-news]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.err`, chromedp.ByQuery),
		chromedp.Text(`.flash.err`, &newsErr, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "news-script-refused")
	if err != nil {
		t.Fatalf("news with script: %v", err)
	}
	if !strings.Contains(newsErr, "<script>") || !strings.Contains(newsErr, "纯文本") {
		t.Errorf("the refusal reads %q", newsErr)
	}
	err = chromedp.Run(b,
		form(`textarea[name=body]`, "浙江华晟新材料有限公司高性能碳纤维复合材料项目在孝义市签约落地。\n项目总投资4.8亿元，专班全程跟进服务。"),
		chromedp.Click(`button[data-k=save-news]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.flash.ok`, chromedp.ByQuery),
		logout(),
	)
	if err != nil {
		t.Fatalf("publishing news: %v", err)
	}

	var title, body string
	var width int
	err = chromedp.Run(b,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(srv.URL+"/public#news"),
		chromedp.WaitVisible(`[data-k=news]`, chromedp.ByQuery),
		chromedp.Text(`[data-k=news] h3`, &title, chromedp.ByQuery),
		chromedp.Text(`[data-k=news] p`, &body, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
	)
	testenv.Screenshot(t, b, "public-news-phone")
	if err != nil {
		t.Fatalf("the public page: %v", err)
	}
	if title != "孝义市新材料项目签约落地" || !strings.Contains(body, "专班全程跟进服务") || width > 390 {
		t.Errorf("public news %q %q, page %dpx wide", title, body, width)
	}
}
