package web

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"qianxiang"
	"qianxiang/excel"
)

// dispatchView is what dispatch.html and the cockpit read.
type dispatchView struct {
	D     *qianxiang.Dispatch
	Year  int
	Month int
	Years []int
	City  string
	// Scope is the caller's county or department when they see only its
	// projects ("" for city-wide roles), or the one the office drilled
	// into from the cockpit.
	Scope string
	// Org is the code of the organisation drilled into (?org=), "" when
	// the view is the caller's own.
	Org string
	// Lists are the page's window on the red projects and missing reports.
	Lists dispatchLists
}

// within keeps a drill-down's organisation in the links it makes.
func (v *dispatchView) within(kv []string) []string {
	if v.Org == "" {
		return kv
	}
	return append([]string{"org", v.Org}, kv...)
}

// Projects links to the project list behind a number: the year, and the
// month whose lights the number counts.
func (v *dispatchView) Projects(kv ...string) template.URL {
	return template.URL("/projects?" + queryString(append([]string{"year", fmt.Sprint(v.Year), "month", fmt.Sprint(v.Month)}, v.within(kv)...)...))
}

// Grid links to the reporting grid of the view's month.
func (v *dispatchView) Grid(kv ...string) template.URL {
	return template.URL("/reports?" + queryString(append([]string{"month", fmt.Sprintf("%04d-%02d", v.Year, v.Month)}, kv...)...))
}

// Self links to this view with other parameters (the month picker, print).
func (v *dispatchView) Self(path string, kv ...string) template.URL {
	return template.URL(path + "?" + queryString(append([]string{"year", fmt.Sprint(v.Year), "month", fmt.Sprint(v.Month)}, v.within(kv)...)...))
}

// Ahead reports whether the completion rate keeps up with time progress.
func (v *dispatchView) Ahead(rate qianxiang.Fraction) bool {
	return rate.Rounded() >= v.D.TimeProgress.Rounded()
}

// Place names whose figures the view shows: the county or department for
// a scoped reader, else the city.
func (v *dispatchView) Place() string { return cmp.Or(v.Scope, v.City) }

// Months is 1..12 for the month picker.
func (v *dispatchView) Months() []int { return []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} }

// loadDispatch reads year= and month= (defaults: the newest plan, the
// latest reported month) and computes the dispatch the caller may see.
func (s *Server) loadDispatch(r *http.Request) (*dispatchView, error) {
	y, m, err := s.yearMonth(r)
	if err != nil {
		return nil, err
	}
	ctx, a := r.Context(), actor(r)
	d, org, err := s.App.DispatchOf(ctx, a, y, m, r.URL.Query().Get("org"))
	if err != nil {
		return nil, err
	}
	v := &dispatchView{D: d, Year: y, Month: m, Org: org.Code}
	if city, ok := s.App.City(ctx); ok {
		v.City = city.Name
	}
	if org.Code != "" {
		v.Scope = org.Name
	} else if u := info(r).User; u != nil && !u.Role.CityWide() {
		v.Scope = u.Org.Name
	}
	v.Years, _ = s.App.Years(ctx)
	if len(v.Years) == 0 {
		v.Years = []int{y}
	}
	return v, nil
}

func (s *Server) dispatchPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loadDispatch(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("print") == "1" {
		return s.circularPage(w, r, v, 200, nil)
	}
	v.Lists = pageDispatchLists(r.URL, v.D)
	p := s.page(r, "Dispatch", "dispatch", v)
	return s.render(w, r, 200, "dispatch", p)
}

// dispatchXLSX is the circular as the workbook offices pass around.
func (s *Server) dispatchXLSX(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loadDispatch(r)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("dispatch-%04d-%02d.xlsx", v.Year, v.Month)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, name,
		url.PathEscape(fmt.Sprintf("%s调度通报-%d年%d月.xlsx", v.City, v.Year, v.Month))))
	iss, _ := s.App.CircularIssue(r.Context(), v.Year, v.Month)
	return excel.WriteDispatch(w, v.D, v.City, iss.Number)
}

// dispatchNav is the module's second row of navigation, shared by its
// pages (as the template function dispatchNav), marking the current one.
func dispatchNav(p *Page) template.HTML {
	items := [][2]string{{"/cockpit", "Cockpit"}, {"/map", "Project map"}, {"/dispatch", "Dispatch circular"}, {"/reports", "Monthly reports"}, {"/targets", "Targets"}, {"/assessment", "Assessment"}, {"/statistics", "Statistics entry"}, {"/batch-starts", "Batch starts"}, {"/settings/dispatch", "Dispatch settings"}}
	var b strings.Builder
	fmt.Fprintf(&b, `<nav class="subnav" aria-label="%s">`, template.HTMLEscapeString(p.T("Dispatch")))
	for _, it := range items {
		if it[0] == "/settings/dispatch" && !p.Can("command") {
			continue // only the campaign office changes the thresholds
		}
		on := p.Path == it[0] || (it[0] == "/cockpit" && p.Path == "/" && p.CityWide()) || (it[0] == "/batch-starts" && strings.HasPrefix(p.Path, "/batch-starts/"))
		cls := ""
		if on {
			cls = ` class="on" aria-current="page"`
		}
		fmt.Fprintf(&b, `<a href="%s"%s>%s</a>`, it[0], cls, template.HTMLEscapeString(p.T(it[1])))
	}
	b.WriteString(`</nav>`)
	return template.HTML(b.String())
}
