package web_test

import (
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// Issue 15.1: a county's pages are titled and worded as the county's, and
// rank it in the city (文水县 16.67% ahead of 离石区 8.33%), never first
// against itself.
func TestCountySeesItsOwnTitleAndItsCityWideRank(t *testing.T) {
	w := newDspWorld(t)
	page := w.get(t, "lishi", w.at("/dispatch?year=%[1]d&month=2"))
	testenv.Contains(t, page, "<h1>离石区 · 逐月调度", "离石区全市排名第2位（共2个）", `data-org="141102" class="self"`, `id="standing"`)
	if strings.Contains(page, `id="counties"`) {
		t.Error("the county's page still has a county ranking of its own projects")
	}

	circ := w.get(t, "lishi", w.at("/dispatch?year=%[1]d&month=2&print=1"))
	testenv.Contains(t, circ, "离石区“千项千亿”项目共3个", "全市排名第2位（共2个）", "<title>离石区“千项千亿”项目调度情况", `<tr class="self">`)
	for _, bad := range []string{"全市“千项千亿”项目共", "调度通报（第", "文水县工业园"} {
		if strings.Contains(circ, bad) {
			t.Errorf("the county's circular says %q", bad)
		}
	}
	city := w.get(t, "zhb", w.at("/dispatch?year=%[1]d&month=2&print=1"))
	testenv.Contains(t, city, "全市“千项千亿”项目共5个")

	screen := w.get(t, "lishi", w.at("/cockpit?screen=1&year=%[1]d&month=2"))
	testenv.Contains(t, screen, `<div class="screen-title">离石区“千项千亿”`, "离石区全市排名第2位")
	if strings.Contains(screen, "吕梁市“千项千亿”") {
		t.Error("the county's big screen is titled as the city")
	}

	// The registry says whose it is; the city's says nothing more.
	testenv.Contains(t, w.get(t, "lishi", w.at("/projects?year=%[1]d")), "<h1>离石区 · 项目清单")
	if page := w.get(t, "zhb", w.at("/projects?year=%[1]d")); strings.Contains(page, "<h1>吕梁市 · ") || !strings.Contains(page, "<h1>项目清单") {
		t.Error("the city's registry heading changed")
	}
}
