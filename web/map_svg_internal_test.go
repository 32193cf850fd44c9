package web

import (
	"strings"
	"testing"

	"qianxiang"
)

// Bars start from a round floor below the lowest rate once every rate is
// high, so counties a few points apart look apart.
func TestBarFloor(t *testing.T) {
	for _, c := range []struct{ lowest, want float64 }{
		{0, 0}, {0.29, 0}, {0.3, 0.2}, {0.859, 0.8}, {0.85, 0.8}, {0.851, 0.8}, {0.96, 0.9}, {1.2, 1.1},
	} {
		if got := barFloor(c.lowest); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("barFloor(%v) = %v, want %v", c.lowest, got, c.want)
		}
	}
}

func TestMapClasses(t *testing.T) {
	tp := qianxiang.Fraction(11.0 / 12)
	for _, c := range []struct {
		rate float64
		want string
	}{{0.95, "m-ahead"}, {11.0 / 12, "m-ahead"}, {0.90, "m-near"}, {11.0/12 - 0.1, "m-near"}, {0.80, "m-behind"}} {
		if got := progressClass(qianxiang.Fraction(c.rate), tp, 0.1); got != c.want {
			t.Errorf("progressClass(%.4f) = %s, want %s", c.rate, got, c.want)
		}
	}
	for _, c := range []struct {
		red, total int
		want       string
	}{{0, 10, "m-red0"}, {0, 0, "m-red0"}, {1, 100, "m-red1"}, {5, 100, "m-red2"}, {10, 100, "m-red3"}, {19, 100, "m-red3"}, {20, 100, "m-red4"}} {
		if got := redClass(c.red, c.total); got != c.want {
			t.Errorf("redClass(%d, %d) = %s, want %s", c.red, c.total, got, c.want)
		}
	}
}

// The map's SVG links the counties it is given a link for, outlines the
// reader's own, escapes names and draws located projects by light.
func TestCityMapSVG(t *testing.T) {
	sq := func(x float64) qianxiang.Polygon {
		return qianxiang.Polygon{{{Lon: x, Lat: 37}, {Lon: x + 1, Lat: 37}, {Lon: x + 1, Lat: 38}, {Lon: x, Lat: 38}, {Lon: x, Lat: 37}}}
	}
	m := qianxiang.CityMap{Counties: []qianxiang.CountyShape{
		{Code: "1", Name: "甲<县>", Polygons: []qianxiang.Polygon{sq(110)}},
		{Code: "2", Name: "乙县", Polygons: []qianxiang.Polygon{sq(111)}},
	}}
	svg := string(cityMapSVG(m, map[string]mapCounty{
		"1": {Class: "m-ahead", Value: "95.00%", Href: "/projects?org=1", Own: true},
		"2": {Class: "m-behind", Value: "80.00%"},
	}, []qianxiang.PlacedProject{{ID: 7, Name: "项目", At: qianxiang.Point{Lon: 110.5, Lat: 37.5}, Light: qianxiang.LightRed}}, 640, "map"))
	for _, want := range []string{`<a href="/projects?org=1"><path class="m-county m-ahead own" data-county="1"`, `<g><path class="m-county m-behind" data-county="2"`,
		`甲&lt;县&gt;`, `<a href="/projects/7"><circle class="m-dot red"`, `dy="1.2em">95.00%</tspan></text>`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the map lacks %s", want)
		}
	}
	if strings.Contains(svg, "<县>") {
		t.Error("a county name went out unescaped")
	}
}
