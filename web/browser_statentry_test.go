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

// TestBrowserStatisticsBureauWorksThroughTheGap: a project unit of 离石区
// files its vouchers on the project page (a text file named .pdf is
// refused) and submits; the county passes the review from /statistics; the
// statistics bureau accepts it there and returns 文水县's entry with a
// reason, and the entry rate moves.
func TestBrowserStatisticsBureauWorksThroughTheGap(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	withTokens(t, w.a, []userSpec{{"tongji", "statistics", "141100"}})
	ctx := context.Background()
	srv := w.srv.URL
	ls, ws := w.lishi.ID, w.wenshui.ID
	dir := t.TempDir()
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	files := map[string][]byte{"批复.pdf": pdf, "现场.png": pngBytes(t), "营业执照.pdf": append(append([]byte(nil), pdf...), ' '), "假的.pdf": []byte("not a pdf at all")}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// 文水县's entry reaches the bureau through the services.
	wenshui := testenv.User(t, w.a, "wenshui2", qianxiang.RoleOrgAdmin, "141121")
	for k, name := range map[qianxiang.VoucherKind]string{"approval": "批复.pdf", "contract": "现场.png", "licence": "营业执照.pdf"} {
		if _, err := w.a.UploadVoucher(ctx, wenshui, ws, k, name, files[name]); err != nil {
			t.Fatal(err)
		}
	}
	for _, act := range []qianxiang.EntryAction{qianxiang.EntrySubmit, qianxiang.EntryReview} {
		if _, err := w.a.StepEntry(ctx, wenshui, ws, act, ""); err != nil {
			t.Fatal(err)
		}
	}

	b := testenv.Browser(t)
	// upload files one voucher and waits for what only the next page has:
	// the file's link, or the refusal.
	upload := func(kind, name, then string) chromedp.Tasks {
		return chromedp.Tasks{
			chromedp.SetUploadFiles(fmt.Sprintf(`tr[data-kind="%s"] input[type=file]`, kind), []string{filepath.Join(dir, name)}, chromedp.ByQuery),
			chromedp.Click(fmt.Sprintf(`tr[data-kind="%s"] button`, kind), chromedp.ByQuery),
			chromedp.WaitVisible(then, chromedp.ByQuery),
		}
	}
	filed := func(kind string) string { return fmt.Sprintf(`tr[data-kind="%s"] a[href*="/entry-files/"]`, kind) }
	var refusal string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(srv, "lishi-xm", testenv.Password),
		chromedp.Navigate(fmt.Sprintf("%s/projects/%d#statistics", srv, ls)),
		chromedp.WaitVisible(`#vouchers`, chromedp.ByQuery),
		upload("approval", "假的.pdf", `.flash.err`),
		chromedp.Text(`.flash.err, .flash.error, [role=alert]`, &refusal, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "entry-voucher-refused")
	if err != nil || !strings.Contains(refusal, "不是 PDF、JPEG 或 PNG 文件") {
		t.Fatalf("a text file as a voucher: %v, message %q", err, refusal)
	}
	var state string
	err = chromedp.Run(b,
		upload("approval", "批复.pdf", filed("approval")), upload("contract", "现场.png", filed("contract")), upload("licence", "营业执照.pdf", filed("licence")),
		chromedp.Click(`[data-k="entry-submit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#entry-history`, chromedp.ByQuery),
		chromedp.Text(`[data-k="entry-state"]`, &state, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "entry-project-submitted")
	if err != nil || state != "已报送，待主管部门审核" {
		t.Fatalf("submission: %v, state %q", err, state)
	}

	var flash string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.Navigate(srv+"/statistics?year=2023"),
		chromedp.WaitVisible(fmt.Sprintf(`tr[data-id="%d"] form[action$="/entry/review"] button`, ls), chromedp.ByQuery),
		chromedp.Click(fmt.Sprintf(`tr[data-id="%d"] form[action$="/entry/review"] button`, ls), chromedp.ByQuery),
		chromedp.WaitVisible(`.flash`, chromedp.ByQuery),
		chromedp.Text(`.flash`, &flash, chromedp.ByQuery),
	)
	if err != nil || !strings.Contains(flash, "已保存") {
		t.Fatalf("the county's review: %v, flash %q", err, flash)
	}

	var before, after, rate, reason string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "tongji", testenv.Password),
		chromedp.Navigate(srv+"/statistics?year=2023"),
		chromedp.WaitVisible(`#entry-gap`, chromedp.ByQuery),
		chromedp.Text(`[data-k="gap"]`, &before, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "statistics-bureau-gap")
	if err != nil || before != "2" {
		t.Fatalf("the bureau's gap: %v, %q", err, before)
	}
	err = chromedp.Run(b,
		chromedp.Click(fmt.Sprintf(`[data-k="accept-%d"]`, ls), chromedp.ByQuery),
		chromedp.WaitVisible(`.flash`, chromedp.ByQuery),
		chromedp.SendKeys(fmt.Sprintf(`[data-k="reason-%d"]`, ws), "施工合同金额与申报总投资不一致", chromedp.ByQuery),
		chromedp.Click(fmt.Sprintf(`[data-k="return-%d"]`, ws), chromedp.ByQuery),
		chromedp.WaitVisible(fmt.Sprintf(`tr[data-id="%d"] .return-reason`, ws), chromedp.ByQuery),
		chromedp.Text(`[data-k="gap"]`, &after, chromedp.ByQuery),
		chromedp.Text(`[data-k="entry-rate"]`, &rate, chromedp.ByQuery),
		chromedp.Text(fmt.Sprintf(`tr[data-id="%d"] .return-reason`, ws), &reason, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "statistics-bureau-after")
	if err != nil || after != "1" || rate != "50.00%" || !strings.Contains(reason, "统计部门验收退回") || !strings.Contains(reason, "施工合同金额") {
		t.Fatalf("after acceptance and return: %v, gap %q, rate %q, reason %q", err, after, rate, reason)
	}
	// Narrowed to one reason from the counts.
	var rows int
	err = chromedp.Run(b,
		chromedp.Click(`[data-k="reason-returned"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#entry-reasons tr.on`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#entry-gap tbody tr').length`, &rows),
	)
	testenv.Screenshot(t, b, "statistics-bureau-returned")
	if err != nil || rows != 1 {
		t.Fatalf("narrowed to the returned: %v, %d rows", err, rows)
	}
	var badge string
	err = chromedp.Run(b,
		chromedp.Navigate(fmt.Sprintf("%s/projects/%d#statistics", srv, ls)),
		chromedp.WaitVisible(`#statistics`, chromedp.ByQuery),
		chromedp.Text(`[data-k="entry-state"]`, &badge, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "entry-project-accepted")
	if err != nil || !strings.HasPrefix(badge, "已入库") {
		t.Fatalf("the project page after acceptance: %v, %q", err, badge)
	}
	// The cockpit's tile and the dispatch's table carry the entry rate.
	var tile, row string
	err = chromedp.Run(b,
		chromedp.Navigate(srv+"/cockpit?year=2023&month=12"),
		chromedp.WaitVisible(`[data-k="entry-tile"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="total.entry_rate"]`, &tile, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "entry-cockpit")
	if err != nil || tile != "50.00%" {
		t.Fatalf("cockpit entry rate: %v, %q", err, tile)
	}
	err = chromedp.Run(b,
		chromedp.Navigate(srv+"/dispatch?year=2023&month=12"),
		chromedp.WaitVisible(`#entry-rates`, chromedp.ByQuery),
		chromedp.Text(`#entry-rates tr[data-org="141102"]`, &row, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "entry-dispatch")
	if err != nil || !strings.Contains(row, "100.00%") {
		t.Fatalf("dispatch entry table: %v, %q", err, row)
	}
}
