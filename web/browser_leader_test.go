package web_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qianxiang/internal/testenv"
)

// TestLeaderMapAPI: the map as GeoJSON (the preset's schematic until an
// upload), uploads only by the office with faults named, project locations
// refused outside the city, and the progress photos by month.
func TestLeaderMapAPI(t *testing.T) {
	w := newDspWorld(t)
	if body := w.get(t, "lishi", "/api/v1/map"); !strings.Contains(body, `"schematic":true`) || strings.Count(body, `"type":"Feature"`) != 13 {
		t.Fatalf("the preset map: %.200s", body)
	}
	good := `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":141102},"geometry":{"type":"Polygon","coordinates":[[[111,37.4],[111.3,37.4],[111.3,37.7],[111,37.7],[111,37.4]]]}}]}`
	if code, body, _ := w.req(t, "lishi", "PUT", "/api/v1/map", strings.NewReader(good), "application/geo+json"); code != 403 {
		t.Fatalf("a county put the map: %d %s", code, body)
	}
	bad := strings.Replace(good, `"adcode":141102`, `"name":"火星县"`, 1)
	if code, body, _ := w.req(t, "zhb", "PUT", "/api/v1/map", strings.NewReader(bad), "application/geo+json"); code != 422 || !strings.Contains(body, `features[0] (火星县)`) {
		t.Fatalf("a map of no county: %d %s", code, body)
	}
	if code, body, _ := w.req(t, "zhb", "PUT", "/api/v1/map", strings.NewReader(good), "application/geo+json"); code != 200 || strings.Count(body, `"code"`) != 12 {
		t.Fatalf("upload: %d %s", code, body)
	}
	place := fmt.Sprintf("/api/v1/projects/%d/place", w.lishi[0])
	if code, body, _ := w.req(t, "lishi", "PUT", place, strings.NewReader(`{"lon":37.5,"lat":111.1}`), "application/json"); code != 422 || !strings.Contains(body, `"field":"lon"`) {
		t.Fatalf("swapped coordinates: %d %s", code, body)
	}
	if code, body, _ := w.req(t, "wenshui", "PUT", place, strings.NewReader(`{"lon":111.1,"lat":37.5}`), "application/json"); code != 404 {
		t.Fatalf("another county located 离石区's project: %d %s", code, body)
	}
	if code, body, _ := w.req(t, "lishi", "PUT", place, strings.NewReader(`{"lon":111.1,"lat":37.5}`), "application/json"); code != 200 {
		t.Fatalf("locating: %d %s", code, body)
	}
	if body := w.get(t, "zhb", place); body != `{"lon":111.1,"lat":37.5}`+"\n" && body != `{"lon":111.1,"lat":37.5}` {
		t.Errorf("location read back: %s", body)
	}
	for m := 2; m <= 3; m++ {
		path := fmt.Sprintf("/api/v1/projects/%d/reports/%d-%02d/photos", w.lishi[2], w.year, m)
		if code, body := w.upload(t, "lishi", path, fmt.Sprintf("m%d.png", m), dspPNG(t)); code != 201 && code != 200 {
			t.Fatalf("photo for month %d: %d %s", m, code, body)
		}
	}
	body := w.get(t, "zhb", fmt.Sprintf("/api/v1/projects/%d/gallery", w.lishi[2]))
	if !regexp.MustCompile(`"months":\[\{"month":3,.*\{"month":2,`).MatchString(body) || !strings.Contains(body, `"before":{`) || !strings.Contains(body, `"after":{`) {
		t.Errorf("gallery: %s", body)
	}
}

// TestBrowserLeaderScreenMapAndDrillDown: the big screen fills 1920×1080
// with amounts in 亿元 and the city's clock; the city's cockpit opens a
// county's own cockpit; the map links counties to their projects; a
// county's home page says where it ranks and why.
func TestBrowserLeaderScreenMapAndDrillDown(t *testing.T) {
	w := newDspWorld(t)
	srv := w.srv.URL
	b := testenv.Browser(t)
	var plan, clock string
	var fits bool
	var counties int
	err := chromedp.Run(b,
		chromedp.EmulateViewport(1920, 1080),
		testenv.Login(srv, "zhb", testenv.Password),
		chromedp.Navigate(srv+w.at("/cockpit?year=%[1]d&month=2&screen=1")),
		chromedp.WaitVisible(`svg.citymap`, chromedp.ByQuery),
		chromedp.Text(`[data-k="total.annual_plan"]`, &plan, chromedp.ByQuery),
		chromedp.Text(`[data-clock]`, &clock, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollHeight <= innerHeight && document.querySelector(".charts").getBoundingClientRect().bottom > innerHeight * 0.95`, &fits),
		chromedp.Evaluate(`document.querySelectorAll("svg.citymap path[data-county]").length`, &counties),
	)
	testenv.Screenshot(t, b, "leader-big-screen")
	if err != nil {
		t.Fatalf("big screen: %v", err)
	}
	// 离石区 plans 1,200+2,400+3,600 and 文水县 1,200+2,400: 10,800 万元,
	// 1.08 亿元 shown as 1.1.
	if plan != "1.1" || !strings.HasPrefix(clock, "10:00:") || !fits || counties != 13 {
		t.Errorf("big screen: plan %q (want 1.1 亿元), clock %q (want the city's 10:00), fills the screen %v, %d counties on the map", plan, clock, fits, counties)
	}

	var title string
	var back bool
	err = chromedp.Run(b,
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(srv+w.at("/cockpit?year=%[1]d&month=2")),
		chromedp.WaitVisible(`svg.bars`, chromedp.ByQuery),
		chromedp.Click(`svg.bars a[href*="org=141102"] rect`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-k="city-cockpit"]`, chromedp.ByQuery),
		chromedp.Text(`h1`, &title, chromedp.ByQuery),
		chromedp.Evaluate(`!!document.querySelector('[data-k="standing"]')`, &back),
	)
	testenv.Screenshot(t, b, "leader-county-drill-down")
	if err != nil {
		t.Fatalf("drill-down: %v", err)
	}
	if !strings.HasPrefix(title, "离石区") || !back {
		t.Errorf("the county cockpit is titled %q (standing line shown: %v)", title, back)
	}

	var url string
	err = chromedp.Run(b,
		chromedp.Navigate(srv+w.at("/map?year=%[1]d&month=2")),
		chromedp.WaitVisible(`svg.citymap`, chromedp.ByQuery),
		chromedp.Click(`svg.citymap path[data-county="141121"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`table`, chromedp.ByQuery),
		chromedp.Location(&url),
	)
	testenv.Screenshot(t, b, "leader-map-clicked")
	if err != nil {
		t.Fatalf("map: %v", err)
	}
	if !strings.Contains(url, "/projects?") || !strings.Contains(url, "org=141121") {
		t.Errorf("clicking 文水县 on the map went to %s", url)
	}

	var rank string
	err = chromedp.Run(b,
		logout(),
		testenv.Login(srv, "lishi", testenv.Password),
		chromedp.WaitVisible(`[data-k="home.rank"]`, chromedp.ByQuery),
		chromedp.Text(`[data-k="home.rank"] .standing-line`, &rank, chromedp.ByQuery),
	)
	testenv.Screenshot(t, b, "leader-county-home-rank")
	if err != nil {
		t.Fatalf("county home: %v", err)
	}
	if !strings.Contains(rank, "离石区全市排名第") {
		t.Errorf("the county's home says %q", rank)
	}
}
