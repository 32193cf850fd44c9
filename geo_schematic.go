package qianxiang

import "math"

// Seat is a county's seat (县城), the point a schematic map divides the
// city around.
type Seat struct {
	Code string
	Name string
	At   Point
}

// SchematicMap divides the outline among the seats: each county gets the
// part of the outline nearer its seat than any other (a Voronoi cell),
// distances measured with longitude shrunk by the cosine of the latitude
// so cells are not stretched east–west. It is a schematic, not a
// boundary: every cell contains its seat and cells do not overlap.
func SchematicMap(seats []Seat, outline Ring) CityMap {
	lat0 := 0.0
	for _, s := range seats {
		lat0 += s.At.Lat
	}
	if len(seats) > 0 {
		lat0 /= float64(len(seats))
	}
	k := math.Cos(lat0 * math.Pi / 180)
	flat := func(p Point) Point { return Point{p.Lon * k, p.Lat} }
	round := func(p Point) Point { return Point{p.Lon / k, p.Lat} }
	base := make(Ring, 0, len(outline))
	for _, p := range outline {
		base = append(base, flat(p))
	}
	if n := len(base); n > 1 && base[0] == base[n-1] {
		base = base[:n-1] // clipping works on the open ring
	}
	m := CityMap{Schematic: true}
	for i, s := range seats {
		cell := base
		si := flat(s.At)
		for j, o := range seats {
			if i == j {
				continue
			}
			sj := flat(o.At)
			// Keep the points p with (sj-si)·p <= (|sj|²-|si|²)/2.
			nx, ny := sj.Lon-si.Lon, sj.Lat-si.Lat
			c := (sj.Lon*sj.Lon + sj.Lat*sj.Lat - si.Lon*si.Lon - si.Lat*si.Lat) / 2
			cell = clipHalfPlane(cell, nx, ny, c)
		}
		if len(cell) < 3 {
			continue
		}
		ring := make(Ring, 0, len(cell)+1)
		for _, p := range cell {
			ring = append(ring, round(p))
		}
		ring = append(ring, ring[0])
		m.Counties = append(m.Counties, CountyShape{Code: s.Code, Name: s.Name, Polygons: []Polygon{{ring}}})
	}
	return m
}

// clipHalfPlane keeps the part of the polygon where nx*x + ny*y <= c
// (Sutherland–Hodgman against one edge).
func clipHalfPlane(poly Ring, nx, ny, c float64) Ring {
	inside := func(p Point) bool { return nx*p.Lon+ny*p.Lat <= c+1e-12 }
	cross := func(a, b Point) Point {
		da, db := nx*a.Lon+ny*a.Lat-c, nx*b.Lon+ny*b.Lat-c
		t := da / (da - db)
		return Point{a.Lon + t*(b.Lon-a.Lon), a.Lat + t*(b.Lat-a.Lat)}
	}
	var out Ring
	for i := range poly {
		cur, prev := poly[i], poly[(i+len(poly)-1)%len(poly)]
		switch {
		case inside(cur) && inside(prev):
			out = append(out, cur)
		case inside(cur):
			out = append(out, cross(prev, cur), cur)
		case inside(prev):
			out = append(out, cross(prev, cur))
		}
	}
	return out
}
