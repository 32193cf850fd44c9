package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// The office keeps a checkpoint and, on the audit page, verifies the
// database against it.
func TestBrowserAuditVerifyAgainstAKeptCheckpoint(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	status, cp, _ := bearer(t, w.srv.URL, w.tokens["zhb"], "GET", "/api/v1/audit/checkpoint", nil, "")
	if status != 200 {
		t.Fatalf("checkpoint: %d", status)
	}
	file := filepath.Join(t.TempDir(), "checkpoint.json")
	os.WriteFile(file, []byte(cp), 0o644)
	ctx := testenv.Browser(t)
	var result string
	err := chromedp.Run(ctx,
		testenv.Login(w.srv.URL, "zhb", testenv.Password),
		chromedp.Navigate(w.srv.URL+"/admin/audit"),
		chromedp.WaitVisible(`input[name=checkpoint]`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`input[name=checkpoint]`, []string{file}, chromedp.ByQuery),
		chromedp.Submit(`input[name=checkpoint]`, chromedp.ByQuery),
		chromedp.WaitVisible(`p.good`, chromedp.ByQuery),
		chromedp.Text(`main`, &result, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	testenv.Screenshot(t, ctx, "audit-checkpoint")
	if !strings.Contains(result, "检查点核对无误") || !strings.Contains(result, "完好") {
		t.Fatalf("the page does not say the checkpoint holds:\n%s", result)
	}
}
