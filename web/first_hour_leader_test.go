package web_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// Issue 15.12: a county's home page says where it ranks in the city and
// what pulls it down, in the dispatch's own figures: its red projects,
// each linked, and the projects still without the month's report.
func TestCountyHomeSaysWhatPullsItDown(t *testing.T) {
	w := newDspWorld(t)
	ctx := context.Background()
	month := w.a.DefaultDispatchMonth(ctx, w.year)
	d, err := w.a.Dispatch(ctx, qianxiang.SystemActor, w.year, month)
	if err != nil {
		t.Fatal(err)
	}
	var own qianxiang.OrgDispatch
	for _, o := range d.ByOrg {
		if o.Org.Code == "141102" {
			own = o
		}
	}
	var red []qianxiang.RedProject
	for _, p := range d.RedProjects {
		if p.Org.Code == "141102" {
			red = append(red, p)
		}
	}
	if len(red) == 0 || own.ReportsMissing == 0 {
		t.Fatalf("the world has %d red projects and %d missing reports in 离石区: nothing to pull it down", len(red), own.ReportsMissing)
	}
	home := w.get(t, "lishi", "/")
	figs := figures(home)
	if want := fmt.Sprintf("红灯项目%d个", own.Lights.Red); figs["home.red"] != want {
		t.Errorf("home.red = %q, want %q", figs["home.red"], want)
	}
	if want := fmt.Sprintf("未报月报项目%d个（%d月）", own.ReportsMissing, month); figs["home.missing"] != want {
		t.Errorf("home.missing = %q, want %q", figs["home.missing"], want)
	}
	testenv.Contains(t, home, "离石区全市排名第")
	for _, p := range red {
		testenv.Contains(t, home, fmt.Sprintf(`<a href="/projects/%d">%s</a>`, p.ID, p.Name))
	}
	// The city has no rank of its own to show.
	if strings.Contains(w.get(t, "zhb", "/"), `data-k="home.rank"`) {
		t.Error("the campaign office's home shows a county's rank card")
	}
}

// Issue 15.13: the project page shows its progress photos month by month,
// newest first, and the earliest against the latest.
func TestProjectPageGalleryByMonth(t *testing.T) {
	w := newDspWorld(t)
	id := w.lishi[2]
	page := w.get(t, "zhb", fmt.Sprintf("/projects/%d", id))
	if strings.Contains(page, `data-k="gallery"`) {
		t.Fatal("a gallery before any photo")
	}
	for m := 1; m <= 3; m += 2 {
		path := fmt.Sprintf("/api/v1/projects/%d/reports/%d-%02d/photos", id, w.year, m)
		if code, body := w.upload(t, "lishi", path, fmt.Sprintf("m%d.png", m), dspPNG(t)); code != 201 && code != 200 {
			t.Fatalf("photo for month %d: %d %s", m, code, body)
		}
	}
	page = w.get(t, "zhb", fmt.Sprintf("/projects/%d", id))
	testenv.Contains(t, page, `data-k="gallery"`, `data-k="before-after"`, "此前 · 1月", "现在 · 3月")
	heads := regexp.MustCompile(`<div class="gallery-month"><h3>(\d+)月`).FindAllStringSubmatch(page, -1)
	if len(heads) != 2 || heads[0][1] != "3" || heads[1][1] != "1" {
		t.Errorf("the gallery's months: %v, want 3月 then 1月", heads)
	}
}
