package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"qianxiang"
)

// Charts are drawn on the server as inline SVG: they work offline, print,
// need no script and no chart library. Colours come from CSS classes
// (dispatch.css), so the big screen's dark theme recolours them. Every
// mark is a link to the figures behind it.

func svgEsc(s string) string { return template.HTMLEscapeString(s) }

// fmtRate gives a rate as "25.3%" for chart labels.
func svgRate(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }

// progressChart draws the plan's cumulative completion rate month by month
// against the time-progress line N/12, h units tall (640 wide). href(m)
// links a month's point.
func progressChart(pts []qianxiang.SeriesPoint, legendRate, legendTime string, h float64, href func(m int) string) template.HTML {
	const w, l, r, t, b = 640.0, 46.0, 18.0, 30.0, 30.0
	top := 1.0
	for _, p := range pts {
		top = math.Max(top, float64(p.CompletionRate))
	}
	top = math.Ceil(top*5) / 5 // a gridline above the highest point
	x := func(m float64) float64 { return l + (w-l-r)*m/12 }
	y := func(f float64) float64 { return h - b - (h-t-b)*f/top }
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart progress" viewBox="0 0 %g %g" role="img" aria-label="%s">`, w, h, svgEsc(legendRate+" / "+legendTime))
	for g := 0.0; g <= top+1e-9; g += 0.2 {
		fmt.Fprintf(&s, `<line class="c-grid" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/><text class="c-axis" x="%g" y="%.1f" text-anchor="end">%.0f%%</text>`,
			l, y(g), w-r, y(g), l-6, y(g)+4, g*100)
	}
	for m := 1; m <= 12; m++ {
		fmt.Fprintf(&s, `<text class="c-axis" x="%.1f" y="%g" text-anchor="middle">%d</text>`, x(float64(m)), h-b+18, m)
	}
	fmt.Fprintf(&s, `<line class="c-time" x1="%g" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x(0), y(0), x(12), y(1))
	if len(pts) > 0 {
		path := fmt.Sprintf("M%.1f %.1f", x(0), y(0))
		for _, p := range pts {
			path += fmt.Sprintf(" L%.1f %.1f", x(float64(p.Month)), y(float64(p.CompletionRate)))
		}
		fmt.Fprintf(&s, `<path class="c-rate" d="%s"/>`, path)
		for i, p := range pts {
			cx, cy := x(float64(p.Month)), y(float64(p.CompletionRate))
			cls := "c-dot"
			if p.CompletionRate.Rounded() < p.TimeProgress.Rounded() {
				cls += " behind"
			}
			label := ""
			if i == len(pts)-1 || len(pts) <= 6 || i%2 == 1 {
				label = fmt.Sprintf(`<text class="c-val" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, cx, cy-10, svgRate(float64(p.CompletionRate)))
			}
			fmt.Fprintf(&s, `<a href="%s"><title>%d: %s</title><circle class="%s" cx="%.1f" cy="%.1f" r="5"/>%s</a>`,
				svgEsc(href(p.Month)), p.Month, svgRate(float64(p.CompletionRate)), cls, cx, cy, label)
		}
	}
	fmt.Fprintf(&s, `<g class="c-legend"><line class="c-rate" x1="%g" y1="14" x2="%g" y2="14"/><text x="%g" y="18">%s</text>`, l, l+24, l+30, svgEsc(legendRate))
	fmt.Fprintf(&s, `<line class="c-time" x1="%g" y1="14" x2="%g" y2="14"/><text x="%g" y="18">%s</text></g>`, l+210, l+234, l+240, svgEsc(legendTime))
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// rankBars draws organisations' completion rates as horizontal bars in
// rank order, rowH units a row, with the time-progress mark, the row of
// own (the reader's county, or "") shaded; href(code) links a bar. When every rate is high the bars start from a floor below
// the lowest (a round ten per cent, written under the bars), so that
// counties a few points apart look apart; values sit in their own column
// on the right, clear of the time-progress line.
func rankBars(rows []qianxiang.OrgDispatch, own string, tp qianxiang.Fraction, timeLabel string, rowH float64, href func(code string) string) template.HTML {
	const w, l, r, top = 640.0, 96.0, 70.0, 22.0
	h := top + rowH*float64(len(rows)) + 22
	hi, lo := math.Max(float64(tp), 0.01), float64(tp)
	for _, o := range rows {
		hi = math.Max(hi, float64(o.CompletionRate))
		lo = math.Min(lo, float64(o.CompletionRate))
	}
	floor := barFloor(lo)
	hi = floor + (hi-floor)*1.04
	x := func(f float64) float64 { return l + (w-l-r)*(math.Max(f, floor)-floor)/(hi-floor) }
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart bars" viewBox="0 0 %g %.0f" role="img">`, w, h)
	for i, o := range rows {
		yy := top + rowH*float64(i)
		cls := "c-bar ok"
		if o.CompletionRate.Rounded() < tp.Rounded() {
			cls = "c-bar behind"
		}
		// An organisation outside the reader's scope (a county sees the
		// city's ranking) is drawn without a link to projects it cannot see.
		link := href(o.Org.Code)
		if o.Org.Code == own {
			// The reader's own row, shaded across the chart so it is
			// found at a glance among the city's.
			fmt.Fprintf(&s, `<rect class="c-own" x="0" y="%.1f" width="%g" height="%g"/>`, yy, w, rowH)
		}
		open, end := `<g>`, `</g>`
		if link != "" {
			open, end = `<a href="`+svgEsc(link)+`">`, `</a>`
		}
		fmt.Fprintf(&s, `%s<title>%s %s</title><text class="c-label" x="%g" y="%.1f" text-anchor="end">%d %s</text><rect class="%s" x="%g" y="%.1f" width="%.1f" height="%.1f" rx="2"/><text class="c-val" x="%g" y="%.1f" text-anchor="end">%s</text>%s`,
			open, svgEsc(o.Org.Name), svgRate(float64(o.CompletionRate)), l-8, yy+rowH/2+4, o.Rank, svgEsc(o.Org.Name),
			cls, l, yy+3, math.Max(x(float64(o.CompletionRate))-l, 1), rowH-6, w-2, yy+rowH/2+4, svgRate(float64(o.CompletionRate)), end)
	}
	bottom := top + rowH*float64(len(rows))
	fmt.Fprintf(&s, `<line class="c-axisline" x1="%g" y1="%g" x2="%g" y2="%.1f"/><text class="c-axis" x="%g" y="%.1f" text-anchor="middle" data-floor="%.0f">%.0f%%</text>`,
		l, top-2, l, bottom+2, l, bottom+17, floor*100, floor*100)
	fmt.Fprintf(&s, `<line class="c-time" x1="%.1f" y1="%g" x2="%.1f" y2="%.1f"/><text class="c-axis" x="%.1f" y="14" text-anchor="middle">%s %s</text>`,
		x(float64(tp)), top-4, x(float64(tp)), bottom+2, math.Min(x(float64(tp)), w-r-40), svgEsc(timeLabel), svgRate(float64(tp)))
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// barFloor is where rate bars start: 0, or when the lowest rate is 30%
// or more, the round ten per cent at least five points below it.
func barFloor(lowest float64) float64 {
	if lowest < 0.3 {
		return 0
	}
	return math.Floor((lowest-0.05)*10+1e-9) / 10 // 0.85 → 0.8, not 0.7 by rounding
}

// lightBars draws each organisation's green, yellow and red projects as a
// stacked bar; href(code, light) links a segment to those projects.
func lightBars(rows []qianxiang.OrgDispatch, term func(string) string, rowH float64, href func(code, light string) string) template.HTML {
	const w, l, r, top = 640.0, 96.0, 40.0, 22.0
	h := top + rowH*float64(len(rows)) + 8
	most := 1
	for _, o := range rows {
		most = max(most, o.Lights.Green+o.Lights.Yellow+o.Lights.Red)
	}
	unit := (w - l - r) / float64(most)
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart lights" viewBox="0 0 %g %.0f" role="img">`, w, h)
	lx := l
	for _, c := range []string{"green", "yellow", "red"} {
		fmt.Fprintf(&s, `<rect class="c-%s" x="%.0f" y="4" width="12" height="12" rx="2"/><text class="c-axis" x="%.0f" y="14">%s</text>`, c, lx, lx+16, svgEsc(term(c)))
		lx += 90
	}
	for i, o := range rows {
		yy := top + rowH*float64(i)
		fmt.Fprintf(&s, `<text class="c-label" x="%g" y="%.1f" text-anchor="end">%s</text>`, l-8, yy+rowH/2+4, svgEsc(o.Org.Name))
		xx := l
		for _, seg := range []struct {
			light string
			n     int
		}{{"green", o.Lights.Green}, {"yellow", o.Lights.Yellow}, {"red", o.Lights.Red}} {
			if seg.n == 0 {
				continue
			}
			sw := unit * float64(seg.n)
			fmt.Fprintf(&s, `<a href="%s"><title>%s %s %d</title><rect class="c-%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`,
				svgEsc(href(o.Org.Code, seg.light)), svgEsc(o.Org.Name), svgEsc(term(seg.light)), seg.n, seg.light, xx, yy+3, sw, rowH-6)
			if sw >= 22 {
				fmt.Fprintf(&s, `<text class="c-seg" x="%.1f" y="%.1f" text-anchor="middle">%d</text>`, xx+sw/2, yy+rowH/2+4, seg.n)
			}
			s.WriteString(`</a>`)
			xx += sw
		}
		fmt.Fprintf(&s, `<text class="c-val" x="%.1f" y="%.1f">%d</text>`, xx+5, yy+rowH/2+4, o.Lights.Green+o.Lights.Yellow+o.Lights.Red)
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}
