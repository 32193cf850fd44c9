package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// The office reads a long red list a page at a time: the first 50, then
// the next page from the pager, landing back on the list.
func TestBrowserDispatchPagesTheRedList(t *testing.T) {
	w := newDspWorld(t)
	addRedProjects(t, w, 120)
	b := testenv.Browser(t)
	var first, second int
	var url, firstName, secondName string
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		testenv.Login(w.srv.URL, "zhb", testenv.Password),
		chromedp.Navigate(w.srv.URL+w.at("/dispatch?year=%[1]d&month=2")),
		chromedp.WaitVisible(`#red .pager`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#red tbody tr").length`, &first),
		chromedp.Text(`#red tbody tr td a`, &firstName, chromedp.ByQuery),
		chromedp.ScrollIntoView(`#red .pager`, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	testenv.Screenshot(t, b, "dispatch-red-page-1")
	err = chromedp.Run(b,
		chromedp.Click(`#red .pager a[rel=next]`, chromedp.ByQuery),
		// Page 2 has a link back to page 1.
		chromedp.WaitVisible(`#red .pager a[rel=prev]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#red tbody tr").length`, &second),
		chromedp.Text(`#red tbody tr td a`, &secondName, chromedp.ByQuery),
		chromedp.Location(&url),
	)
	if err != nil {
		t.Fatal(err)
	}
	testenv.Screenshot(t, b, "dispatch-red-page-2")
	if first != 50 || second != 50 {
		t.Errorf("pages list %d and %d red projects, want 50 each", first, second)
	}
	if firstName == secondName {
		t.Errorf("page 2 starts with page 1's project %s", firstName)
	}
	if !strings.Contains(url, "red_page=2") || !strings.HasSuffix(url, "#red") {
		t.Errorf("the pager lands at %s, not back on the red list", url)
	}
}
