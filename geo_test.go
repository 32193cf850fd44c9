package qianxiang

import (
	"strconv"
	"strings"
	"testing"
)

var testCounties = []OrgRef{{Code: "141102", Name: "离石区"}, {Code: "141121", Name: "文水县"}}

func square(x, y float64) string {
	return `[[[` + ftoa(x) + `,` + ftoa(y) + `],[` + ftoa(x+1) + `,` + ftoa(y) + `],[` + ftoa(x+1) + `,` + ftoa(y+1) + `],[` + ftoa(x) + `,` + ftoa(y+1) + `],[` + ftoa(x) + `,` + ftoa(y) + `]]]`
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func feature(props, geomType, coords string) string {
	return `{"type":"Feature","properties":` + props + `,"geometry":{"type":"` + geomType + `","coordinates":` + coords + `}}`
}

func fc(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

func TestParseCityMap(t *testing.T) {
	for _, c := range []struct {
		name     string
		in       string
		counties int    // shapes read
		missing  int    // counties without a shape
		err      string // part of the message or a detail
	}{
		{"by code and short name", fc(feature(`{"adcode":141102}`, "Polygon", square(111, 37)), feature(`{"name":"文水"}`, "Polygon", square(112, 37))), 2, 0, ""},
		{"multipolygon, one county missing", fc(feature(`{"code":"141102","name":"离石区"}`, "MultiPolygon", "["+square(111, 37)+","+square(113, 37)+"]")), 1, 1, ""},
		{"an OpenStreetMap export, Chinese name under name:zh", fc(feature(`{"name":"Lishi District","name:zh":"离石区","admin_level":"6"}`, "Polygon", square(111, 37))), 1, 1, ""},
		{"not json", `{"type":`, 0, 0, "is not GeoJSON"},
		{"not a collection", `{"type":"Feature"}`, 0, 0, "FeatureCollection"},
		{"unknown county", fc(feature(`{"name":"太原市"}`, "Polygon", square(111, 37))), 0, 0, "features[0] (太原市): matches no county"},
		{"twice", fc(feature(`{"name":"离石区"}`, "Polygon", square(111, 37)), feature(`{"code":"141102"}`, "Polygon", square(111, 37))), 0, 0, "again"},
		{"a point", fc(feature(`{"name":"离石区"}`, "Point", `[111,37]`)), 0, 0, "is a Point"},
		{"off the globe", fc(feature(`{"name":"离石区"}`, "Polygon", square(200, 37))), 0, 0, "not a longitude"},
		{"short ring", fc(feature(`{"name":"离石区"}`, "Polygon", `[[[111,37],[112,37],[111,37]]]`)), 0, 0, "fewer than 4 points"},
		{"no county at all", fc(), 0, 0, "has no county"},
		{"too large", strings.Repeat(" ", MapMaxBytes+1), 0, 0, "MB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, missing, err := ParseCityMap([]byte(c.in), testCounties)
			if c.err != "" {
				if err == nil || !strings.Contains(errorText(err), c.err) {
					t.Fatalf("err = %v, want it to say %q", errorText(err), c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", errorText(err))
			}
			if len(m.Counties) != c.counties || len(missing) != c.missing {
				t.Errorf("read %d counties, %d missing; want %d, %d", len(m.Counties), len(missing), c.counties, c.missing)
			}
		})
	}
}

// errorText is the message with its details, as a user reads it.
func errorText(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := err.Error()
	if e := AsError(err); e != nil {
		for _, d := range e.Details {
			s += "; " + d.String()
		}
	}
	return s
}

func TestCountyContains(t *testing.T) {
	c := CountyShape{Polygons: []Polygon{{
		{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}},
		{{1, 1}, {3, 1}, {3, 3}, {1, 3}, {1, 1}}, // a hole
	}}}
	for _, p := range []struct {
		at   Point
		want bool
	}{{Point{0.5, 0.5}, true}, {Point{2, 2}, false}, {Point{5, 2}, false}, {Point{3.5, 2}, true}} {
		if got := c.Contains(p.at); got != p.want {
			t.Errorf("Contains(%v) = %v, want %v", p.at, got, p.want)
		}
	}
}

func TestSchematicMapCells(t *testing.T) {
	seats := []Seat{{"a", "甲", Point{111.1, 37.5}}, {"b", "乙", Point{111.8, 37.2}}, {"c", "丙", Point{111.2, 38.3}}, {"d", "丁", Point{112.1, 37.5}}}
	outline := Ring{{110.6, 36.9}, {112.4, 36.9}, {112.4, 38.6}, {110.6, 38.6}, {110.6, 36.9}}
	m := SchematicMap(seats, outline)
	if !m.Schematic || len(m.Counties) != len(seats) {
		t.Fatalf("got %d cells (schematic %v), want %d", len(m.Counties), m.Schematic, len(seats))
	}
	for i, c := range m.Counties {
		if !c.Contains(seats[i].At) {
			t.Errorf("%s's cell does not contain its seat", c.Name)
		}
	}
	// Every point of the outline lies in exactly one cell.
	for x := 110.65; x < 112.4; x += 0.1 {
		for y := 36.95; y < 38.6; y += 0.1 {
			n := 0
			for _, c := range m.Counties {
				if c.Contains(Point{x, y}) {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("(%.2f, %.2f) lies in %d cells", x, y, n)
			}
		}
	}
	// The schematic survives a trip through its own GeoJSON.
	b, err := m.GeoJSON()
	if err != nil {
		t.Fatal(err)
	}
	refs := []OrgRef{{Code: "a", Name: "甲"}, {Code: "b", Name: "乙"}, {Code: "c", Name: "丙"}, {Code: "d", Name: "丁"}}
	back, missing, err := ParseCityMap(b, refs)
	if err != nil || len(back.Counties) != 4 || len(missing) != 0 {
		t.Fatalf("round trip: %d counties, %d missing, %v", len(back.Counties), len(missing), err)
	}
}
