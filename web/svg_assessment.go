package web

import (
	"fmt"
	"html/template"
	"strings"

	"qianxiang"
)

type assessChartLabels struct {
	Org, Best, Mean string
	Rank            func(n int) string
}

// assessChart draws one organisation's score month by month (0-100)
// beside the best score and the average of the ranking it stands in, its
// rank written over each point; href(m) links a month's point to that
// month's assessment.
func assessChart(h []*qianxiang.Assessment, code string, l assessChartLabels, href func(m int) string) template.HTML {
	const w, h0, left, right, top, bottom = 640.0, 300.0, 40.0, 18.0, 34.0, 30.0
	x := func(m int) float64 { return left + (w-left-right)*float64(m)/12 }
	y := func(p float64) float64 { return h0 - bottom - (h0-top-bottom)*p/100 }
	type pt struct {
		m                int
		score, best, avg float64
		rank             int
	}
	var pts []pt
	for _, a := range h {
		row, ranking, ok := a.Row(code)
		if !ok || row.Rank == 0 {
			continue
		}
		rows := a.Counties
		if ranking == "departments" {
			rows = a.Departments
		}
		best, sum, n := 0.0, 0.0, 0
		for _, r := range rows {
			if r.Rank > 0 {
				best = max(best, r.Score.Float())
				sum += r.Score.Float()
				n++
			}
		}
		pts = append(pts, pt{a.Month, row.Score.Float(), best, sum / float64(max(n, 1)), row.Rank})
	}
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart assess-history" viewBox="0 0 %g %g" role="img" aria-label="%s">`, w, h0, svgEsc(l.Org))
	for g := 0.0; g <= 100; g += 20 {
		fmt.Fprintf(&s, `<line class="c-grid" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/><text class="c-axis" x="%g" y="%.1f" text-anchor="end">%.0f</text>`,
			left, y(g), w-right, y(g), left-6, y(g)+4, g)
	}
	for m := 1; m <= 12; m++ {
		fmt.Fprintf(&s, `<text class="c-axis" x="%.1f" y="%g" text-anchor="middle">%d</text>`, x(m), h0-bottom+18, m)
	}
	line := func(cls string, v func(pt) float64) {
		if len(pts) == 0 {
			return
		}
		var d strings.Builder
		for i, p := range pts {
			op := "L"
			if i == 0 {
				op = "M"
			}
			fmt.Fprintf(&d, "%s%.1f %.1f ", op, x(p.m), y(v(p)))
		}
		fmt.Fprintf(&s, `<path class="%s" d="%s"/>`, cls, strings.TrimSpace(d.String()))
	}
	line("c-best", func(p pt) float64 { return p.best })
	line("c-avg", func(p pt) float64 { return p.avg })
	line("c-rate", func(p pt) float64 { return p.score })
	for _, p := range pts {
		fmt.Fprintf(&s, `<a href="%s"><title>%d: %.2f · %s</title><circle class="c-dot" cx="%.1f" cy="%.1f" r="5"/><text class="c-val" x="%.1f" y="%.1f" text-anchor="middle">%.1f</text><text class="c-rank" x="%.1f" y="%.1f" text-anchor="middle">%s</text></a>`,
			svgEsc(href(p.m)), p.m, p.score, svgEsc(l.Rank(p.rank)), x(p.m), y(p.score), x(p.m), y(p.score)-10, p.score, x(p.m), y(p.score)+18, svgEsc(l.Rank(p.rank)))
	}
	fmt.Fprintf(&s, `<g class="c-legend"><line class="c-rate" x1="%g" y1="14" x2="%g" y2="14"/><text x="%g" y="18">%s</text>`, left, left+24, left+30, svgEsc(l.Org))
	fmt.Fprintf(&s, `<line class="c-best" x1="%g" y1="14" x2="%g" y2="14"/><text x="%g" y="18">%s</text>`, left+180, left+204, left+210, svgEsc(l.Best))
	fmt.Fprintf(&s, `<line class="c-avg" x1="%g" y1="14" x2="%g" y2="14"/><text x="%g" y="18">%s</text></g>`, left+380, left+404, left+410, svgEsc(l.Mean))
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}
