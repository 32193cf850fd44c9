package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// pollTrue waits until a JavaScript condition holds on the page.
func pollTrue(expr string) chromedp.Action {
	return chromedp.Poll(expr, nil, chromedp.WithPollingTimeout(15*time.Second))
}

// logout leaves the current session so the next Login shows the form.
func logout() chromedp.Action {
	return chromedp.Tasks{
		chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
	}
}

// TestBrowserMonthlyReportingChangesTheCockpit is the month as the city
// lives it: a project unit of 离石区 fills two rows of March's grid by
// keyboard and submits them, the county approves them, and the campaign
// office's cockpit moves from February's figures to March's.
func TestBrowserMonthlyReportingChangesTheCockpit(t *testing.T) {
	w := newDspWorld(t)
	a, srv := w.a, w.srv.URL
	ctx := context.Background()
	before, err := a.Dispatch(ctx, qianxiang.SystemActor, w.year, a.DefaultDispatchMonth(ctx, w.year))
	if err != nil {
		t.Fatal(err)
	}
	row := func(i int) string { return fmt.Sprintf(`tr[data-id="%d"]`, w.lishi[i]) }
	b := testenv.Browser(t)

	var ytdBefore string
	err = chromedp.Run(b,
		chromedp.EmulateViewport(1366, 768),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Text(`[data-k="total.completed_ytd"]`, &ytdBefore, chromedp.ByQuery),
		logout(),
	)
	if err != nil {
		t.Fatalf("cockpit before: %v", err)
	}
	if ytdBefore != money(before.Total.CompletedYTD) {
		t.Fatalf("cockpit before shows %s, want %s (February)", ytdBefore, money(before.Total.CompletedYTD))
	}

	// The unit: type, Enter to the next row, type, Tab through, submit both.
	var focused string
	err = chromedp.Run(b,
		testenv.Login(srv, "lishi-xm", testenv.Password),
		chromedp.Navigate(srv+w.at("/reports?month=%[1]d-03")),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
		chromedp.SendKeys(row(0)+` .c-completed`, "120.5\r", chromedp.ByQuery),
		chromedp.Evaluate(`document.activeElement.closest("tr").dataset.id`, &focused),
		chromedp.SendKeys(row(1)+` .c-completed`, "80\t", chromedp.ByQuery),
		chromedp.SendKeys(row(1)+` .c-progress`, "主体结构施工\t", chromedp.ByQuery),
		chromedp.SendKeys(row(0)+` .c-progress`, "完成土方开挖\t", chromedp.ByQuery),
		pollTrue(`[...document.querySelectorAll("tr[data-status=draft] .msg.good")].length === 2`),
	)
	testenv.Screenshot(t, b, "grid-filled")
	if err != nil {
		t.Fatalf("filling the grid: %v", err)
	}
	if focused != fmt.Sprint(w.lishi[1]) {
		t.Errorf("Enter moved the focus to row %s, want the next row %d", focused, w.lishi[1])
	}
	err = chromedp.Run(b,
		chromedp.Click(row(0)+` .row-sel`, chromedp.ByQuery),
		chromedp.Click(row(1)+` .row-sel`, chromedp.ByQuery),
		chromedp.Click(`button[data-bulk="submit"]`, chromedp.ByQuery),
		pollTrue(`document.querySelectorAll("tr[data-status=submitted]").length === 2`),
		pollTrue(`document.querySelector('[data-count="submitted"]').textContent === "2"`),
	)
	testenv.Screenshot(t, b, "grid-submitted")
	if err != nil {
		t.Fatalf("submitting: %v", err)
	}
	for i, want := range []string{"120.50", "80.00"} {
		r, err := a.DB.Report(ctx, w.lishi[i], w.year, 3)
		if err != nil || r.Status != qianxiang.ReportSubmitted || r.Completed.String() != want || r.Progress == "" {
			t.Errorf("row %d stored as %+v (%v), want submitted %s with its progress", i, r, err, want)
		}
	}

	// The county approves what was submitted.
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.Navigate(srv+w.at("/reports?month=%[1]d-03&status=submitted")),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
		// Bulk approval asks for confirmation with the count (issue 15.6);
		// the reviewer says yes.
		chromedp.Evaluate(`window.confirm = () => true; 0`, nil),
		chromedp.Click(`#sel-all`, chromedp.ByQuery),
		chromedp.Click(`button[data-bulk="approve"]`, chromedp.ByQuery),
		pollTrue(`document.querySelectorAll("tr[data-status=approved]").length === 2`),
	)
	testenv.Screenshot(t, b, "grid-approved")
	if err != nil {
		t.Fatalf("approving: %v", err)
	}

	// The campaign office's cockpit now shows March.
	after, err := a.Dispatch(ctx, qianxiang.SystemActor, w.year, 3)
	if err != nil {
		t.Fatal(err)
	}
	var ytdAfter, reported string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Text(`[data-k="total.completed_ytd"]`, &ytdAfter, chromedp.ByQuery),
		chromedp.Text(`[data-k="total.reported"]`, &reported, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "cockpit-after")
	if err != nil {
		t.Fatalf("cockpit after: %v", err)
	}
	if ytdAfter != money(after.Total.CompletedYTD) || ytdAfter == ytdBefore {
		t.Errorf("cockpit after shows completed YTD %s, want %s (was %s)", ytdAfter, money(after.Total.CompletedYTD), ytdBefore)
	}
	if after.Total.CompletedYTD-before.Total.CompletedYTD != 200_50 {
		t.Errorf("March added %s, want the 200.50 typed", after.Total.CompletedYTD-before.Total.CompletedYTD)
	}
	if reported != "2" {
		t.Errorf("cockpit shows %s reports in for March, want 2", reported)
	}
	err = chromedp.Run(b, chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(srv+"/cockpit?screen=1"),
		chromedp.WaitVisible(`.screen-head`, chromedp.ByQuery))
	testenv.Screenshot(t, b, "cockpit-screen")
	if err != nil {
		t.Fatalf("big screen: %v", err)
	}
}

// TestBrowserCountyReturnsAReportAndAttachesAPhoto: the county sends a
// submitted report back with a reason typed into the prompt, and attaches a
// site photo to another row.
func TestBrowserCountyReturnsAReportAndAttachesAPhoto(t *testing.T) {
	w := newDspWorld(t)
	ctx := context.Background()
	amt := qianxiang.Money(50_00)
	if _, err := w.a.SubmitReport(ctx, qianxiang.SystemActor, w.lishi[0], w.year, 3, &app.ReportInput{Completed: &amt}); err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(t.TempDir(), "现场.png")
	if err := os.WriteFile(photo, dspPNG(t), 0o644); err != nil {
		t.Fatal(err)
	}
	row := func(i int) string { return fmt.Sprintf(`tr[data-id="%d"]`, w.lishi[i]) }
	b := testenv.Browser(t)
	chromedp.ListenTarget(b, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			go chromedp.Run(b, page.HandleJavaScriptDialog(true).WithPromptText("本月完成额与监理月报不符"))
		}
	})
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 768),
		testenv.Login(w.srv.URL, "lishi", testenv.Password),
		chromedp.Navigate(w.srv.URL+w.at("/reports?month=%[1]d-03")),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
		chromedp.SetUploadFiles(row(1)+` input[data-attach]`, []string{photo}, chromedp.ByQuery),
		pollTrue(`(document.querySelector('`+row(1)+` [data-photos]') || {}).textContent === "照片 1"`),
		pollTrue(`!!document.querySelector('`+row(1)+` + tr.photo-row img')`),
		chromedp.Click(row(0)+` .row-sel`, chromedp.ByQuery),
		chromedp.Click(`button[data-bulk="return"]`, chromedp.ByQuery),
		pollTrue(`document.querySelector('`+row(0)+`').dataset.status === "returned"`),
		// The county may correct what it returned: the row opens again.
		pollTrue(`!document.querySelector('`+row(0)+` .c-completed').disabled`),
	)
	testenv.Screenshot(t, b, "grid-returned-photo")
	if err != nil {
		t.Fatalf("return and attach: %v", err)
	}
	r, err := w.a.DB.Report(ctx, w.lishi[0], w.year, 3)
	if err != nil || r.Status != qianxiang.ReportReturned || r.ReturnReason != "本月完成额与监理月报不符" {
		t.Errorf("returned report stored as %+v (%v)", r, err)
	}
	ps, err := w.a.ReportPhotos(ctx, qianxiang.SystemActor, w.lishi[1], w.year, 3)
	if err != nil || len(ps) != 1 || ps[0].Name != "现场.png" {
		t.Errorf("photos of row 2: %+v (%v)", ps, err)
	}
}
