package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The grid's bulk approve sends the version each row showed: a report
// returned and resubmitted with other figures after the page loaded is not
// approved unseen; its row says so, and the other rows are approved.
func TestBrowserBulkApproveRefusesARowChangedSinceShown(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	y := time.Now().Year() + 1
	a.Now = func() time.Time { return time.Date(y, 3, 20, 10, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	ctx := context.Background()
	county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
	var ids []int64
	for i, name := range []string{"离石区滨河路改造", "离石区污水处理厂"} {
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: y, Name: name,
			Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 12000})
		if err != nil {
			t.Fatal(err)
		}
		amt := qianxiang.Money(100_00 * (i + 1))
		if _, err := a.SubmitReport(ctx, unit, p.ID, y, 3, &app.ReportInput{Completed: &amt}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	srv, _ := serve(t, a)
	row := func(i int) string { return fmt.Sprintf(`tr[data-id="%d"]`, ids[i]) }
	b := testenv.Browser(t)
	err := chromedp.Run(b,
		testenv.Login(srv.URL, "lishi", testenv.Password),
		chromedp.Navigate(fmt.Sprintf("%s/reports?month=%d-03&lang=en", srv.URL, y)),
		chromedp.WaitVisible(`#report-grid`, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	// While the page is open, a colleague returns the first report and the
	// unit resubmits it with another figure.
	if _, err := a.ReturnReport(ctx, county, ids[0], y, 3, 0, "请核对金额"); err != nil {
		t.Fatal(err)
	}
	other := qianxiang.Money(700_00)
	if _, err := a.SubmitReport(ctx, unit, ids[0], y, 3, &app.ReportInput{Completed: &other}); err != nil {
		t.Fatal(err)
	}
	var msg string
	err = chromedp.Run(b,
		// Bulk approval asks for confirmation with the count (issue 15.6);
		// the reviewer says yes.
		chromedp.Evaluate(`window.confirm = () => true; 0`, nil),
		chromedp.Click(`#sel-all`, chromedp.ByQuery),
		chromedp.Click(`button[data-bulk="approve"]`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('`+row(1)+`').dataset.status === "approved" && document.querySelector('`+row(0)+` .msg.bad') !== null`,
			nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text(row(0)+` .msg`, &msg, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "grid-approve-stale")
	if err != nil {
		t.Fatalf("bulk approve: %v", err)
	}
	if msg != "the report was changed by someone else since you opened it; reload" {
		t.Errorf("the stale row says %q", msg)
	}
	for i, want := range []qianxiang.ReportStatus{qianxiang.ReportSubmitted, qianxiang.ReportApproved} {
		r, err := a.DB.Report(ctx, ids[i], y, 3)
		if err != nil || r.Status != want {
			t.Errorf("row %d stored as %s (%v), want %s", i, r.Status, err, want)
		}
	}
}
