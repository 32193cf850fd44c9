package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"qianxiang"
)

// mapCounty is what the map shows of one county: its colour class, the
// line under its name, where a click goes ("" for no link) and whether it
// is the reader's own.
type mapCounty struct {
	Class, Value, Href string
	Own                bool
}

// cityMapSVG draws the counties as filled shapes in a w-wide box (its
// height follows the city's proportions), each named at its centre with
// its value, and the located projects as dots coloured by their light.
// Longitudes are shrunk by the cosine of the middle latitude so the city
// keeps its shape.
func cityMapSVG(m qianxiang.CityMap, counties map[string]mapCounty, points []qianxiang.PlacedProject, w float64, title string) template.HTML {
	lo, hi, ok := m.Bounds()
	if !ok {
		return ""
	}
	const pad = 12.0
	k := math.Cos((lo.Lat + hi.Lat) / 2 * math.Pi / 180)
	spanX, spanY := math.Max((hi.Lon-lo.Lon)*k, 1e-6), math.Max(hi.Lat-lo.Lat, 1e-6)
	scale := (w - 2*pad) / spanX
	h := spanY*scale + 2*pad
	px := func(p qianxiang.Point) (float64, float64) {
		return pad + (p.Lon-lo.Lon)*k*scale, pad + (hi.Lat-p.Lat)*scale
	}
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart citymap" viewBox="0 0 %g %.0f" role="img" aria-label="%s">`, w, h, svgEsc(title))
	var labels strings.Builder
	for _, c := range m.Counties {
		info := counties[c.Code]
		var d strings.Builder
		for _, pg := range c.Polygons {
			for _, r := range pg {
				for i, p := range r {
					x, y := px(p)
					if i == 0 {
						fmt.Fprintf(&d, "M%.1f %.1f", x, y)
					} else {
						fmt.Fprintf(&d, "L%.1f %.1f", x, y)
					}
				}
				d.WriteString("Z")
			}
		}
		cls := "m-county " + info.Class
		if info.Class == "" {
			cls += "m-none" // no project of the year there
		}
		if info.Own {
			cls += " own"
		}
		open, end := `<g>`, `</g>`
		if info.Href != "" {
			open, end = `<a href="`+svgEsc(info.Href)+`">`, `</a>`
		}
		fmt.Fprintf(&s, `%s<path class="%s" data-county="%s" d="%s" fill-rule="evenodd"><title>%s %s</title></path>%s`,
			open, cls, svgEsc(c.Code), d.String(), svgEsc(c.Name), svgEsc(info.Value), end)
		cx, cy := px(centroid(c))
		// Name and value are one label of two lines, the second a line
		// of its own size below, so a larger font never runs them together.
		fmt.Fprintf(&labels, `<text class="m-label" text-anchor="middle"><tspan class="m-name" x="%.1f" y="%.1f">%s</tspan>`, cx, cy-2, svgEsc(c.Name))
		if info.Value != "" {
			fmt.Fprintf(&labels, `<tspan class="m-val" x="%.1f" dy="1.2em">%s</tspan>`, cx, svgEsc(info.Value))
		}
		labels.WriteString(`</text>`)
	}
	for _, p := range points {
		x, y := px(p.At)
		fmt.Fprintf(&s, `<a href="/projects/%d"><circle class="m-dot %s" cx="%.1f" cy="%.1f" r="4.5"><title>%s</title></circle></a>`,
			p.ID, svgEsc(string(p.Light)), x, y, svgEsc(p.Name))
	}
	// Names last, so shapes and dots never cover them; they let clicks
	// through to the county underneath.
	s.WriteString(`<g class="m-labels">` + labels.String() + `</g></svg>`)
	return template.HTML(s.String())
}

// centroid is the area-weighted centre of a county's largest outer ring,
// where its name goes.
func centroid(c qianxiang.CountyShape) qianxiang.Point {
	var best qianxiang.Ring
	bestArea := -1.0
	for _, pg := range c.Polygons {
		if len(pg) == 0 {
			continue
		}
		if a := math.Abs(ringArea(pg[0])); a > bestArea {
			best, bestArea = pg[0], a
		}
	}
	a := ringArea(best)
	if len(best) == 0 || a == 0 {
		if len(best) > 0 {
			return best[0]
		}
		return qianxiang.Point{}
	}
	var x, y float64
	for i := 0; i+1 < len(best); i++ {
		p, q := best[i], best[i+1]
		f := p.Lon*q.Lat - q.Lon*p.Lat
		x += (p.Lon + q.Lon) * f
		y += (p.Lat + q.Lat) * f
	}
	return qianxiang.Point{Lon: x / (6 * a), Lat: y / (6 * a)}
}

// ringArea is the signed shoelace area of a closed ring.
func ringArea(r qianxiang.Ring) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i].Lon*r[i+1].Lat - r[i+1].Lon*r[i].Lat
	}
	return a / 2
}

// progressClass colours a county by its completion against time
// progress, with the dispatch's yellow band: ahead, within the band, or
// behind it.
func progressClass(rate, tp qianxiang.Fraction, band float64) string {
	switch {
	case rate.Rounded() >= tp.Rounded():
		return "m-ahead"
	case float64(tp)-float64(rate) <= band+1e-9:
		return "m-near"
	}
	return "m-behind"
}

// redClass shades a county by the share of its projects that are red:
// none, under 5%, under 10%, under 20%, and 20% or more.
func redClass(red, total int) string {
	if red == 0 || total == 0 {
		return "m-red0"
	}
	share := float64(red) / float64(total)
	switch {
	case share < 0.05:
		return "m-red1"
	case share < 0.10:
		return "m-red2"
	case share < 0.20:
		return "m-red3"
	}
	return "m-red4"
}
