package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// After the deadline a unit is locked out of its month; its county reopens
// the row from the grid, and the unit can then fill it in and submit.
func TestBrowserCountyReopensALockedMonthForItsUnit(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	y := time.Now().Year() + 1
	a.Now = func() time.Time { return time.Date(y, 3, 27, 10, 0, 0, 0, a.Loc) } // past the 25th
	testenv.Lvliang(t, a)
	testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
	p, err := a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: y, Name: "离石区补报项目",
		Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 12000})
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := serve(t, a)
	grid := fmt.Sprintf("%s/reports?month=%d-03", srv.URL, y)
	row := fmt.Sprintf(`tr[data-id="%d"]`, p.ID)
	b := testenv.Browser(t)
	var disabled bool
	err = chromedp.Run(b,
		testenv.Login(srv.URL, "lishi-xm", testenv.Password),
		chromedp.Navigate(grid),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
		chromedp.JavascriptAttribute(row+` .c-completed`, "disabled", &disabled, chromedp.ByQuery),
	)
	if err != nil || !disabled {
		t.Fatalf("the unit should be locked out after the deadline (disabled %v): %v", disabled, err)
	}
	err = chromedp.Run(b,
		chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		testenv.Login(srv.URL, "lishi", testenv.Password),
		chromedp.Navigate(grid),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
		chromedp.Click(row+` .row-sel`, chromedp.ByQuery),
		chromedp.Click(`button[data-bulk="reopen"]`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('`+row+` .msg.good') !== null`, nil, chromedp.WithPollingTimeout(10*time.Second)),
	)
	testenv.Screenshot(t, b, "grid-reopened")
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	err = chromedp.Run(b,
		chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		testenv.Login(srv.URL, "lishi-xm", testenv.Password),
		chromedp.Navigate(grid),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
		chromedp.SendKeys(row+` .c-completed`, "900\t", chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('`+row+`').dataset.status === "draft"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Click(row+` .row-sel`, chromedp.ByQuery),
		chromedp.Click(`button[data-bulk="submit"]`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('`+row+`').dataset.status === "submitted"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
	)
	if err != nil {
		t.Fatalf("the unit filling the reopened row: %v", err)
	}
	r, err := a.DB.Report(context.Background(), p.ID, y, 3)
	if err != nil || r.Status != qianxiang.ReportSubmitted || r.Completed.String() != "900.00" || !r.Late {
		t.Fatalf("stored: %+v %v", r, err)
	}
}
