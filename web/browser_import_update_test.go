package web_test

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// TestBrowserImportTwiceOffersUpdate: the office uploads a list it has
// already imported, sees each row refused as already in the plan, takes
// "update them instead", and confirms an update that adds nothing.
func TestBrowserImportTwiceOffersUpdate(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	file := filepath.Join(testenv.Samples(t), "county-flat-2023", "projects.xlsx")
	ctx := testenv.Browser(t)
	upload := chromedp.Tasks{
		chromedp.Navigate(w.srv.URL + "/imports"),
		chromedp.WaitVisible(`#upload-form`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#file`, []string{file}, chromedp.ByQuery),
		chromedp.SetValue(`#year`, "2023", chromedp.ByQuery),
		chromedp.Click(`#preview-button`, chromedp.ByQuery),
	}
	var count, done string
	err := chromedp.Run(ctx,
		testenv.Login(w.srv.URL, "zhb", testenv.Password),
		upload,
		chromedp.WaitVisible(`#confirm`, chromedp.ByQuery),
		chromedp.Click(`#confirm`, chromedp.ByQuery),
		chromedp.WaitVisible(`#import-done`, chromedp.ByQuery),
		upload,
		chromedp.WaitVisible(`#update-instead`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, ctx, "import-twice-refused")
	if err != nil {
		t.Fatalf("second upload: %v", err)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`#update-instead`, chromedp.ByQuery),
		chromedp.WaitVisible(`#confirm`, chromedp.ByQuery),
		chromedp.Text(`#preview-count`, &count, chromedp.ByQuery),
	)
	testenv.Screenshot(t, ctx, "import-twice-as-update")
	if err != nil {
		t.Fatalf("update instead: %v", err)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`#confirm`, chromedp.ByQuery),
		chromedp.WaitVisible(`#import-done`, chromedp.ByQuery),
		chromedp.Text(`#import-done .totals span`, &done, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("confirm the update: %v", err)
	}
	if count != "120" || done != "新增 0 个，更新 120 个。" {
		t.Errorf("update preview of %s projects, then %q; want 120 and 0 added, 120 updated", count, done)
	}
}
