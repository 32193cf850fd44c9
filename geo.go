package qianxiang

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
)

// The map of the city (项目一张图) is drawn from the counties' shapes kept
// in the database as GeoJSON: the office uploads the official boundaries
// (e.g. from its 天地图 service); until it does, a preset city gets a
// schematic built from its county seats, labelled as a schematic, since
// publishing an administrative boundary needs an approved map source.

// Point is a longitude and latitude in degrees (WGS 84 / CGCS2000, which
// agree to within a metre, far below what a city map shows).
type Point struct {
	Lon float64 `json:"lon"`
	Lat float64 `json:"lat"`
}

// Valid reports a point on the globe.
func (p Point) Valid() bool {
	return p.Lon >= -180 && p.Lon <= 180 && p.Lat >= -90 && p.Lat <= 90 && !math.IsNaN(p.Lon) && !math.IsNaN(p.Lat)
}

// Ring is a closed line of points; Polygon is an outer ring and its holes.
type (
	Ring    []Point
	Polygon []Ring
)

// CountyShape is one county's outline on the map.
type CountyShape struct {
	Code     string    `json:"code"`
	Name     string    `json:"name"`
	Polygons []Polygon `json:"polygons"`
}

// CityMap is the counties of the city as the map draws them.
type CityMap struct {
	Counties []CountyShape `json:"counties"`
	// Schematic is true for the preset built from county seats rather
	// than surveyed boundaries; the page says so.
	Schematic bool `json:"schematic"`
}

// MapLimits bound an uploaded GeoJSON: a city's counties at a map's
// resolution fit well inside them; more is a country or a survey file.
const (
	MapMaxBytes  = 8 << 20
	MapMaxPoints = 400_000
)

// Bounds gives the box around every county: min and max corners.
func (m CityMap) Bounds() (lo, hi Point, ok bool) {
	lo, hi = Point{180, 90}, Point{-180, -90}
	for _, c := range m.Counties {
		for _, pg := range c.Polygons {
			for _, r := range pg {
				for _, p := range r {
					lo.Lon, lo.Lat = math.Min(lo.Lon, p.Lon), math.Min(lo.Lat, p.Lat)
					hi.Lon, hi.Lat = math.Max(hi.Lon, p.Lon), math.Max(hi.Lat, p.Lat)
					ok = true
				}
			}
		}
	}
	return lo, hi, ok
}

// Contains reports whether p lies inside the county (even-odd rule over
// its rings, so holes are outside).
func (c CountyShape) Contains(p Point) bool {
	in := false
	for _, pg := range c.Polygons {
		for _, r := range pg {
			for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
				a, b := r[i], r[j]
				if (a.Lat > p.Lat) != (b.Lat > p.Lat) && p.Lon < (b.Lon-a.Lon)*(p.Lat-a.Lat)/(b.Lat-a.Lat)+a.Lon {
					in = !in
				}
			}
		}
	}
	return in
}

// geoJSON is the part of RFC 7946 a county map uses.
type geoJSON struct {
	Type     string `json:"type"`
	Features []struct {
		Type       string         `json:"type"`
		Properties map[string]any `json:"properties"`
		Geometry   *struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// ParseCityMap reads an uploaded GeoJSON FeatureCollection of the city's
// counties. Each feature is matched to a county by a property holding its
// code (code, adcode, gb) or its name (name:zh, name, NAME, 名称; 离石 matches
// 离石区). Features that match no county, county names given twice,
// geometry other than Polygon or MultiPolygon and coordinates off the
// globe are refused, each named; counties left without a shape are
// allowed (they are drawn absent) and returned in missing.
func ParseCityMap(data []byte, counties []OrgRef) (m CityMap, missing []OrgRef, err error) {
	if len(data) > MapMaxBytes {
		return m, nil, FieldError("file", "is %d MB, more than the %d MB a city's map needs", len(data)>>20, MapMaxBytes>>20)
	}
	var g geoJSON
	if err := json.Unmarshal(data, &g); err != nil {
		return m, nil, FieldError("file", "is not GeoJSON: %s", jsonProblem(err))
	}
	if g.Type != "FeatureCollection" {
		return m, nil, FieldError("file", "must be a GeoJSON FeatureCollection, not %q", g.Type)
	}
	byCode, byName := map[string]OrgRef{}, map[string]OrgRef{}
	for _, c := range counties {
		byCode[c.Code] = c
		byName[c.Name] = c
		byName[ShortName(c.Name)] = c
	}
	seen := map[string]int{}
	var details []Detail
	points := 0
	for i, f := range g.Features {
		label := fmt.Sprintf("features[%d]", i)
		c, ok := matchCounty(f.Properties, byCode, byName)
		if name := featureName(f.Properties); name != "" {
			label = fmt.Sprintf("features[%d] (%s)", i, name)
		}
		if !ok {
			details = append(details, Detail{Field: label, Format: "matches no county of the city by code or name"})
			continue
		}
		if j, dup := seen[c.Code]; dup {
			details = append(details, Detail{Field: label, Format: "is %s again (already features[%d])", Args: []any{c.Name, j}})
			continue
		}
		seen[c.Code] = i
		if f.Geometry == nil {
			details = append(details, Detail{Field: label, Format: "has no geometry"})
			continue
		}
		var pgs []Polygon
		switch f.Geometry.Type {
		case "Polygon":
			var pg [][][]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &pg); err != nil {
				details = append(details, Detail{Field: label, Format: "has unreadable coordinates"})
				continue
			}
			pgs = append(pgs, toPolygon(pg))
		case "MultiPolygon":
			var mp [][][][]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &mp); err != nil {
				details = append(details, Detail{Field: label, Format: "has unreadable coordinates"})
				continue
			}
			for _, pg := range mp {
				pgs = append(pgs, toPolygon(pg))
			}
		default:
			details = append(details, Detail{Field: label, Format: "is a %s; a county must be a Polygon or MultiPolygon", Args: []any{f.Geometry.Type}})
			continue
		}
		if d := checkPolygons(pgs, &points); d != "" {
			details = append(details, Detail{Field: label, Format: d})
			continue
		}
		m.Counties = append(m.Counties, CountyShape{Code: c.Code, Name: c.Name, Polygons: pgs})
	}
	if points > MapMaxPoints {
		return CityMap{}, nil, FieldError("file", "has %d points, more than the %d a city's map needs: simplify it first", points, MapMaxPoints)
	}
	if len(details) > 0 {
		return CityMap{}, nil, &Error{Code: EValidation, Format: "the map has %d problems", Args: []any{len(details)}, Details: details}
	}
	if len(m.Counties) == 0 {
		return CityMap{}, nil, FieldError("file", "has no county of the city")
	}
	for _, c := range counties {
		if _, ok := seen[c.Code]; !ok {
			missing = append(missing, c)
		}
	}
	return m, missing, nil
}

func matchCounty(props map[string]any, byCode, byName map[string]OrgRef) (OrgRef, bool) {
	for _, k := range []string{"code", "adcode", "gb", "ADCODE", "CODE"} {
		if v, ok := props[k]; ok {
			s := strings.TrimSpace(fmt.Sprint(v))
			if f, isNum := v.(float64); isNum {
				s = fmt.Sprintf("%.0f", f)
			}
			if c, ok := byCode[s]; ok {
				return c, true
			}
		}
	}
	if n := featureName(props); n != "" {
		if c, ok := byName[n]; ok {
			return c, true
		}
		if c, ok := byName[ShortName(n)]; ok {
			return c, true
		}
	}
	return OrgRef{}, false
}

func featureName(props map[string]any) string {
	// "name:zh" first: an OpenStreetMap export may name a county in
	// another language under "name".
	for _, k := range []string{"name:zh", "name", "NAME", "名称", "Name"} {
		if v, ok := props[k].(string); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func toPolygon(pg [][][]float64) Polygon {
	out := make(Polygon, 0, len(pg))
	for _, r := range pg {
		ring := make(Ring, 0, len(r))
		for _, c := range r {
			if len(c) < 2 {
				ring = append(ring, Point{math.NaN(), math.NaN()})
				continue
			}
			ring = append(ring, Point{c[0], c[1]})
		}
		out = append(out, ring)
	}
	return out
}

// checkPolygons gives what is wrong with a county's rings ("" when
// nothing) and counts their points.
func checkPolygons(pgs []Polygon, points *int) string {
	if len(pgs) == 0 {
		return "has no polygon"
	}
	for _, pg := range pgs {
		if len(pg) == 0 {
			return "has a polygon without rings"
		}
		for _, r := range pg {
			if len(r) < 4 {
				return "has a ring of fewer than 4 points"
			}
			for _, p := range r {
				if !p.Valid() {
					return "has a coordinate that is not a longitude and latitude in degrees"
				}
			}
			*points += len(r)
		}
	}
	return ""
}

// jsonProblem says where a JSON document broke without Go's wording.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("syntax error at byte %d", se.Offset)
	}
	return "not the shape of a FeatureCollection"
}

// GeoJSON writes the map back as a FeatureCollection with each county's
// code and name, the form the API serves and the office can edit.
func (m CityMap) GeoJSON() ([]byte, error) {
	type geom struct {
		Type        string          `json:"type"`
		Coordinates [][][][]float64 `json:"coordinates"`
	}
	type feature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   geom              `json:"geometry"`
	}
	fc := struct {
		Type      string    `json:"type"`
		Schematic bool      `json:"schematic,omitempty"`
		Features  []feature `json:"features"`
	}{Type: "FeatureCollection", Schematic: m.Schematic, Features: []feature{}}
	for _, c := range m.Counties {
		g := geom{Type: "MultiPolygon"}
		for _, pg := range c.Polygons {
			var rings [][][]float64
			for _, r := range pg {
				var pts [][]float64
				for _, p := range r {
					pts = append(pts, []float64{round6(p.Lon), round6(p.Lat)})
				}
				rings = append(rings, pts)
			}
			g.Coordinates = append(g.Coordinates, rings)
		}
		fc.Features = append(fc.Features, feature{Type: "Feature", Properties: map[string]string{"code": c.Code, "name": c.Name}, Geometry: g})
	}
	return json.Marshal(fc)
}

func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }

// PlacedProject is a project with a location, a point on the map with
// the project's light of the month shown.
type PlacedProject struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Org   OrgRef `json:"org"`
	At    Point  `json:"at"`
	Light Light  `json:"light,omitempty"`
}
