package web_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// TestBrowserImportCityWorkbook does what the campaign office does first each
// year: upload the city's compiled list, read the preview, confirm, and check
// the registry's totals against the workbook's 合计 row.
func TestBrowserImportCityWorkbook(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	dir := filepath.Join(testenv.Samples(t), "city-sectioned-2023")
	var exp struct {
		Projects        int    `json:"projects"`
		TotalInvestment string `json:"total_investment"`
		AnnualPlan      string `json:"annual_plan"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err := json.Unmarshal(b, &exp); err != nil || exp.Projects == 0 {
		t.Fatalf("expected.json: %v", err)
	}
	ctx := testenv.Browser(t)
	var count, annual, total, listCount, listTotal, listAnnual string
	err := chromedp.Run(ctx,
		testenv.Login(w.srv.URL, "zhb", testenv.Password),
		chromedp.Navigate(w.srv.URL+"/imports"),
		chromedp.WaitVisible(`#upload-form`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#file`, []string{filepath.Join(dir, "projects.xlsx")}, chromedp.ByQuery),
		chromedp.SetValue(`#year`, "2023", chromedp.ByQuery),
		chromedp.Click(`#preview-button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#confirm`, chromedp.ByQuery),
		chromedp.Text(`#preview-count`, &count, chromedp.ByQuery),
		chromedp.Text(`#preview-total`, &total, chromedp.ByQuery),
		chromedp.Text(`#preview-annual`, &annual, chromedp.ByQuery),
	)
	testenv.Screenshot(t, ctx, "import-preview")
	if err != nil {
		t.Fatalf("upload and preview: %v", err)
	}
	if count != "300" || plain(total) != exp.TotalInvestment || plain(annual) != exp.AnnualPlan {
		t.Errorf("preview shows %s projects, %s, %s; want %d, %s, %s", count, total, annual, exp.Projects, exp.TotalInvestment, exp.AnnualPlan)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`#confirm`, chromedp.ByQuery),
		chromedp.WaitVisible(`#import-done`, chromedp.ByQuery),
	)
	testenv.Screenshot(t, ctx, "import-done")
	if err != nil {
		t.Fatalf("confirm: %v", err)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`#to-list`, chromedp.ByQuery),
		chromedp.WaitVisible(`#totals`, chromedp.ByQuery),
		chromedp.Text(`#total-count`, &listCount, chromedp.ByQuery),
		chromedp.Text(`#total-investment`, &listTotal, chromedp.ByQuery),
		chromedp.Text(`#total-annual`, &listAnnual, chromedp.ByQuery),
	)
	testenv.Screenshot(t, ctx, "import-list")
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	if listCount != "300" || plain(listTotal) != exp.TotalInvestment || plain(listAnnual) != exp.AnnualPlan {
		t.Errorf("list totals %s, %s, %s; want %d, %s, %s (the workbook's 合计 row)", listCount, listTotal, listAnnual,
			exp.Projects, exp.TotalInvestment, exp.AnnualPlan)
	}
}

// TestBrowserImportBadWorkbook uploads the faulty list and sees every fault
// on its row, and no way to confirm.
func TestBrowserImportBadWorkbook(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	dir := filepath.Join(testenv.Samples(t), "city-sectioned-2023")
	var exp struct {
		BadRows map[string]int `json:"bad_rows"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err := json.Unmarshal(b, &exp); err != nil || len(exp.BadRows) == 0 {
		t.Fatalf("expected.json: %v", err)
	}
	ctx := testenv.Browser(t)
	var marked []string
	var confirm bool
	var summary string
	err := chromedp.Run(ctx,
		testenv.Login(w.srv.URL, "zhb", testenv.Password),
		chromedp.Navigate(w.srv.URL+"/imports"),
		chromedp.WaitVisible(`#upload-form`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#file`, []string{filepath.Join(dir, "bad.xlsx")}, chromedp.ByQuery),
		chromedp.SetValue(`#year`, "2023", chromedp.ByQuery),
		chromedp.Click(`#preview-button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#import-errors`, chromedp.ByQuery),
		chromedp.Text(`#import-errors strong`, &summary, chromedp.ByQuery),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#preview-table tr.err")).map(r => r.id)`, &marked),
		chromedp.Evaluate(`!!document.getElementById("confirm")`, &confirm),
	)
	testenv.Screenshot(t, ctx, "import-bad")
	if err != nil {
		t.Fatalf("upload bad.xlsx: %v", err)
	}
	if !strings.Contains(summary, "未导入任何数据") {
		t.Errorf("error summary %q does not say nothing was imported", summary)
	}
	if confirm {
		t.Error("the preview of a faulty file offers to confirm it")
	}
	have := map[string]bool{}
	for _, id := range marked {
		have[id] = true
	}
	var missing []string
	for fault, row := range exp.BadRows {
		if !have["row-"+itoa(row)] {
			missing = append(missing, fault+" row "+itoa(row))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("rows not marked with their errors: %v (marked: %v)", missing, marked)
	}
	// Only the faulty rows, on request.
	var shown int
	err = chromedp.Run(ctx,
		chromedp.Click(`.js-only-errors`, chromedp.ByQuery),
		chromedp.Sleep(100*time.Millisecond),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#preview-table tbody tr")).filter(r => r.offsetParent !== null && !r.classList.contains("err-msg")).length`, &shown),
	)
	testenv.Screenshot(t, ctx, "import-bad-only-errors")
	if err != nil || shown != len(marked) {
		t.Errorf("only-errors view shows %d rows, want %d (%v)", shown, len(marked), err)
	}
}

// plain drops the thousands separators the page writes.
func plain(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), ",", "") }

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
