package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// viewShot saves what the 1366×768 screen shows (not the whole page) under
// $QIANXIANG_SHOTS: the registry's claim is about one screen.
func viewShot(t *testing.T, b context.Context, name string) {
	dir := os.Getenv("QIANXIANG_SHOTS")
	if dir == "" {
		return
	}
	var buf []byte
	if err := chromedp.Run(b, chromedp.CaptureScreenshot(&buf)); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
}

// TestBrowserFirstHourRegistryGridCircular is issue 15, items 4, 6 and 8,
// as a person at a 1366×768 screen meets them: the registry shows 25 and
// more one-line rows under a header that stays; the grid of a month not yet
// begun is read-only and looks it, a late submission shows 迟报 at once and
// bulk approval asks first with the count; the office numbers the circular
// and a county sees its own view without the city's 版记.
func TestBrowserFirstHourRegistryGridCircular(t *testing.T) {
	w := newDspWorld(t)
	a, srv := w.a, w.srv.URL
	ctx := context.Background()
	long := "离石区城区集中供热管网改造及老旧小区配套基础设施提升工程（一期）暨滨河新区综合管廊建设项目"
	for i := 0; i < 60; i++ {
		name := fmt.Sprintf("离石区第%02d号产业园标准化厂房项目", i+1)
		if i == 3 {
			name = long
		}
		if _, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: w.year, Name: name, Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 50000_00, AnnualPlan: qianxiang.Money(1000_00 + i*37_25), Sector: "产业项目", Leader: "张广勇"}); err != nil {
			t.Fatal(err)
		}
	}
	b := testenv.Browser(t)

	// Item 4: the registry at 1366×768.
	var atTop, scrolled, headerTop, nameClipped, heights int
	var title string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 768),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+w.at("/projects?year=%[1]d&per_page=50")),
		chromedp.WaitVisible(`table.projects-list tbody tr`, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("registry: %v", err)
	}
	// whole counts the rows wholly on the screen, below the column titles.
	const whole = `(() => { const h = document.querySelector("table.projects-list thead").getBoundingClientRect().bottom;
	  return [...document.querySelectorAll("table.projects-list tbody tr")].filter(r => { const b = r.getBoundingClientRect();
	  return b.top >= h - 1 && b.bottom <= window.innerHeight + 0.5; }).length; })()`
	err = chromedp.Run(b,
		chromedp.Evaluate(whole, &atTop),
		chromedp.ActionFunc(func(c context.Context) error { viewShot(t, b, "registry-1366x768-top"); return nil }),
		// A person scrolls down to the list: the titles stay on top.
		chromedp.Evaluate(`window.scrollTo(0, document.querySelector("table.projects-list").getBoundingClientRect().top + window.scrollY); 0`, nil),
		chromedp.Evaluate(whole, &scrolled),
		chromedp.Evaluate(`window.scrollBy(0, 300); Math.round(document.querySelector("table.projects-list thead th").getBoundingClientRect().top)`, &headerTop),
		chromedp.ActionFunc(func(c context.Context) error { viewShot(t, b, "registry-1366x768-scrolled"); return nil }),
		chromedp.Evaluate(`(() => { const a = [...document.querySelectorAll("td.c-name a")].find(x => x.title.startsWith("`+long+`"));
		  const td = a.closest("td"); return td.scrollWidth > td.clientWidth ? 1 : 0; })()`, &nameClipped),
		chromedp.Evaluate(`[...document.querySelectorAll("td.c-name a")].find(x => x.title.startsWith("`+long+`")).title`, &title),
		chromedp.Evaluate(`new Set([...document.querySelectorAll("table.projects-list tbody tr")].map(r => Math.round(r.getBoundingClientRect().height))).size`, &heights),
	)
	if err != nil {
		t.Fatalf("measuring the registry: %v", err)
	}
	t.Logf("registry at 1366×768: %d whole rows on opening, %d once scrolled to the list", atTop, scrolled)
	if atTop < 25 || scrolled < 25 {
		t.Errorf("%d rows fit the 1366×768 screen on opening, %d under the titles once scrolled; want 25 or more", atTop, scrolled)
	}
	if headerTop != 0 {
		t.Errorf("the column titles scrolled away (top at %dpx)", headerTop)
	}
	if nameClipped != 1 || !strings.HasPrefix(title, long) {
		t.Errorf("the long name is not cut to one line with its title: clipped %d, title %q", nameClipped, title)
	}
	if heights != 1 {
		t.Errorf("rows have %d different heights: a long name wraps", heights)
	}

	// Item 8: the office keeps the issue number on the circular's page.
	var issue, docNo, yinfa string
	err = chromedp.Run(b,
		chromedp.Navigate(srv+w.at("/dispatch?year=%[1]d&month=2&print=1")),
		chromedp.WaitVisible(`#issue-form`, chromedp.ByQuery),
		chromedp.SetValue(`#issue-form input[name=issue_no]`, "11", chromedp.ByQuery),
		chromedp.Click(`#issue-form button`, chromedp.ByQuery),
	)
	if err == nil {
		// The form posts and the print view loads again.
		issue, err = waitForText(b, `[data-k="issue-no"]`, "第11期")
	}
	if err == nil {
		err = chromedp.Run(b,
			chromedp.Text(`[data-k="doc-no"]`, &docNo, chromedp.ByQuery),
			chromedp.Text(`[data-k="yinfa"]`, &yinfa, chromedp.ByQuery))
	}
	testenv.Screenshot(t, b, "circular-city-numbered")
	viewShot(t, b, "circular-city-head")
	chromedp.Run(b, chromedp.Evaluate(`window.scrollTo(0, document.body.scrollHeight); 0`, nil))
	viewShot(t, b, "circular-city-end")
	if err != nil {
		t.Fatalf("circular: %v", err)
	}
	if issue != "第11期" || docNo != w.at("吕千项办〔%[1]d〕11号") || !strings.Contains(yinfa, "指挥部办公室") || !strings.Contains(yinfa, "印发") {
		t.Errorf("circular head %q %q, 印发 %q", issue, docNo, yinfa)
	}
	// Item 6: a month not yet begun, and a late submission, as the county.
	var why, cursor, bg string
	var disabled bool
	// A second browser: one's context lasts 90 seconds.
	b = testenv.Browser(t)
	err = chromedp.Run(b,
		chromedp.EmulateViewport(1366, 768),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.Navigate(srv+w.at("/reports?month=%[1]d-04")),
		chromedp.WaitVisible(`#grid-future`, chromedp.ByQuery),
		chromedp.Text(`#grid-future`, &why, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("input.c-completed").disabled`, &disabled),
		chromedp.Evaluate(`getComputedStyle(document.querySelector("input.c-completed")).cursor`, &cursor),
		chromedp.Evaluate(`getComputedStyle(document.querySelector("input.c-completed")).backgroundColor`, &bg),
	)
	viewShot(t, b, "grid-future-month")
	if err != nil {
		t.Fatalf("future month: %v", err)
	}
	if !strings.Contains(why, "尚未到来") || !disabled || cursor != "not-allowed" || bg == "rgb(255, 255, 255)" {
		t.Errorf("future month: %q, disabled %v, cursor %s, background %s", why, disabled, cursor, bg)
	}

	late := fmt.Sprintf(`tr[data-id="%d"]`, w.lishi[2])
	var lateShown, stayed bool
	err = chromedp.Run(b,
		chromedp.Navigate(srv+w.at("/reports?month=%[1]d-02&org=141102")),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
		chromedp.Evaluate(`window.__same = 1`, nil),
		chromedp.SendKeys(late+` .c-completed`, "50\r", chromedp.ByQuery),
		pollTrue(`document.querySelector('`+late+` .msg').classList.contains("good")`),
		// Select the row once its saves have settled (a save that turns the
		// row into a draft clears its selection, as a changed row should).
		pollTrue(`(() => { const s = document.querySelector('`+late+` .row-sel'); if (!s.checked) { s.click(); }
		  return document.querySelector('[data-selected]').textContent === "1"; })()`),
		chromedp.Click(`[data-bulk="submit"]`, chromedp.ByQuery),
		pollTrue(`document.querySelector('`+late+`').dataset.status === "submitted"`),
		chromedp.Evaluate(`!!document.querySelector('`+late+` [data-late]')`, &lateShown),
		chromedp.Evaluate(`window.__same === 1`, &stayed),
	)
	viewShot(t, b, "grid-late-badge")
	if err != nil {
		t.Fatalf("late submission: %v", err)
	}
	if !lateShown || !stayed {
		t.Errorf("迟报 badge shown at once: %v (without reload: %v)", lateShown, stayed)
	}

	// Bulk approve asks with the count; cancelling approves nothing.
	var asked string
	var approvedAfterCancel, approved int
	err = chromedp.Run(b,
		chromedp.Evaluate(`window.confirm = m => { window.__asked = m; return false; }; 0`, nil),
		chromedp.Click(`#sel-all`, chromedp.ByQuery),
		chromedp.Click(`[data-bulk="approve"]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.__asked || ""`, &asked),
		chromedp.Evaluate(`document.querySelectorAll('tr[data-status="approved"]').length`, &approvedAfterCancel),
		chromedp.Evaluate(`window.confirm = m => true; 0`, nil),
		chromedp.Click(`[data-bulk="approve"]`, chromedp.ByQuery),
		pollTrue(`document.querySelectorAll('tr[data-status="approved"]').length === 3`),
		chromedp.Evaluate(`document.querySelectorAll('tr[data-status="approved"]').length`, &approved),
	)
	if err != nil {
		t.Fatalf("bulk approve: %v (asked %q)", err, asked)
	}
	if asked != "确认通过 3 个项目的月报？" || approvedAfterCancel != 0 || approved != 3 {
		t.Errorf("asked %q; approved %d after cancelling, %d after confirming", asked, approvedAfterCancel, approved)
	}

	var banji int
	err = chromedp.Run(b,
		chromedp.Navigate(srv+w.at("/dispatch?year=%[1]d&month=2&print=1")),
		chromedp.WaitVisible(`.circular`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('[data-k="banji"], #issue-form').length`, &banji),
	)
	testenv.Screenshot(t, b, "circular-county")
	viewShot(t, b, "circular-county-head")
	chromedp.Run(b, chromedp.Evaluate(`window.scrollTo(0, document.body.scrollHeight); 0`, nil))
	viewShot(t, b, "circular-county-end")
	if err != nil {
		t.Fatalf("county circular: %v", err)
	}
	if banji != 0 {
		t.Error("the county's own view carries the city's 版记 or numbering")
	}
}

// TestBrowserFirstHourSettingsAndUsers looks at the pages around items 5, 8
// and 14: the office's circular settings and lists, the project form's
// choices, and an administrator importing users and printing their slips.
func TestBrowserFirstHourSettingsAndUsers(t *testing.T) {
	w := newDspWorld(t)
	a, srv := w.a, w.srv.URL
	ctx := context.Background()
	testenv.User(t, a, "root", qianxiang.RoleAdmin, "141100")
	if err := a.SetProjectLists(ctx, qianxiang.SystemActor, qianxiang.ProjectLists{Sectors: []string{"产业项目", "基础设施项目", "民生项目"}}); err != nil {
		t.Fatal(err)
	}
	b := testenv.Browser(t)
	var sectorTag string
	var options int
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 768),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+"/settings/dispatch#circular"),
		chromedp.WaitVisible(`#circular input[name=issuer]`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "settings-circular")
	if err == nil {
		err = chromedp.Run(b,
			chromedp.Navigate(srv+"/settings/projects"),
			chromedp.WaitVisible(`#lists-form textarea`, chromedp.ByQuery))
	}
	testenv.Screenshot(t, b, "settings-projects")
	if err == nil {
		err = chromedp.Run(b,
			chromedp.Navigate(srv+w.at("/projects/new?year=%[1]d")),
			chromedp.WaitVisible(`#f-sector`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelector("#f-sector").tagName`, &sectorTag),
			chromedp.Evaluate(`document.querySelectorAll("#f-sector option").length`, &options))
	}
	viewShot(t, b, "project-form-lists")
	if err != nil {
		t.Fatalf("office pages: %v", err)
	}
	if sectorTag != "SELECT" || options != 4 {
		t.Errorf("the sector is a %s with %d options, want a choice of the 3 listed", sectorTag, options)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "users.csv")
	os.WriteFile(file, []byte("吕梁市县区用户\n姓名,单位,角色,手机\n刘建国,离石区,县区管理员,13800000001\n陈晓梅,141121,项目单位填报员,13900000002\n"), 0o644)
	var slips int
	b2 := testenv.Browser(t)
	err = chromedp.Run(b2,
		chromedp.EmulateViewport(1366, 768),
		testenv.Login(srv, "root", testenv.Password),
		chromedp.Navigate(srv+"/admin/users"),
		chromedp.WaitVisible(`#import-users input[type=file]`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#import-users input[type=file]`, []string{file}, chromedp.ByQuery),
		chromedp.Click(`#import-users button`, chromedp.ByQuery),
	)
	if err == nil {
		_, err = waitForText(b2, `.slip-title`, "千项平台首次登录")
	}
	if err == nil {
		err = chromedp.Run(b2, chromedp.Evaluate(`document.querySelectorAll(".slip").length`, &slips))
	}
	testenv.Screenshot(t, b2, "user-slips")
	if err != nil || slips != 2 {
		t.Fatalf("importing users: %d slips, %v", slips, err)
	}
	var phone string
	err = chromedp.Run(b2,
		chromedp.Navigate(srv+"/admin/users"),
		chromedp.WaitVisible(`td.phone`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll("td.phone")].map(x => x.textContent).join(",")`, &phone))
	testenv.Screenshot(t, b2, "admin-users")
	if err != nil || !strings.Contains(phone, "13800000001") {
		t.Errorf("phones on the admin's list: %q %v", phone, err)
	}
}
