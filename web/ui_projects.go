package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"qianxiang"
	"qianxiang/app"
)

// projectListData is what projects.html shows.
type projectListData struct {
	Q          app.ProjectQuery
	Result     *app.ProjectPage
	Years      []int
	Orgs       []qianxiang.Org
	OrgGroups  []orgGroup
	Sectors    []string
	Leaders    []string
	Kinds      []qianxiang.Kind
	Stages     []qianxiang.Stage
	Lights     []qianxiang.Light
	Sorts      map[string]sortLink
	Pages      []pageLink
	PrevURL    string
	PrintURL   string // the whole filtered set on one page, when it fits
	NextURL    string
	LastPage   int
	Summary    []string // the active filters in words, for print
	Offset     int      // number of the first row on this page, minus one
	Filtered   bool
	CanCreate  bool
	CanImport  bool
	PerPages   []int
	ExportYear int
	// ClassLists feed the classification filter (?chain=list:entry).
	ClassLists qianxiang.ClassLists
	// Scope is the caller's county or department when they see only its
	// projects, so the heading says whose registry it is.
	Scope string
}

// sortLink is a clickable column header: its address and, when the list is
// sorted by it, the arrow to show.
type sortLink struct {
	URL   string
	Arrow string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // an ellipsis between page numbers
}

// projectsPage is the registry: the filters live in the query string so a
// filtered list can be bookmarked and sent to a colleague.
func (s *Server) projectsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	q, err := projectQuery(r)
	if err != nil {
		return err
	}
	if q.Year == 0 {
		q.Year = s.App.DefaultYear(ctx)
	}
	res, err := s.App.Projects(ctx, a, q)
	if err != nil {
		return err
	}
	d := projectListData{Q: q, Result: res, Kinds: qianxiang.Kinds, Stages: qianxiang.Stages,
		Lights:   []qianxiang.Light{qianxiang.LightGreen, qianxiang.LightYellow, qianxiang.LightRed},
		PerPages: []int{20, 50, 100, 200}, ExportYear: q.Year}
	if d.Orgs, err = s.App.Orgs(ctx, a); err != nil {
		return err
	}
	// Distinct values feed the menus only; a failure leaves a menu empty
	// rather than the whole list unavailable.
	d.Sectors, d.Leaders, _ = s.App.FilterValues(ctx, actor(r), q.Year)
	d.Years, _ = s.App.Years(ctx)
	d.ClassLists, _ = s.App.ClassLists(ctx, a)
	if !slices.Contains(d.Years, q.Year) {
		d.Years = append(d.Years, q.Year)
		slices.Sort(d.Years)
		slices.Reverse(d.Years)
	}
	if u := info(r).User; u != nil && !u.Role.CityWide() {
		d.Scope = u.Org.Name
	}
	d.CanCreate = a.Role.AtLeast(qianxiang.RoleOrgAdmin)
	d.CanImport = a.Can(qianxiang.ActImportPlan, qianxiang.Scope{})
	d.Filtered = q.OrgCode != "" || q.LeadOrgCode != "" || q.Kind != "" || q.Stage != "" || q.Sector != "" ||
		q.Leader != "" || q.Q != "" || q.Light != "" || q.Class != ""
	d.Sorts = sortLinks(r.URL, q.Sort)
	d.LastPage = max(1, (res.Total+q.PerPage-1)/q.PerPage)
	d.Pages = pageLinks(r.URL, res.Page, d.LastPage)
	d.Offset = (res.Page - 1) * q.PerPage
	if res.Page > 1 {
		d.PrevURL = withQuery(r.URL, "page", strconv.Itoa(res.Page-1))
	}
	if res.Page < d.LastPage {
		d.NextURL = withQuery(r.URL, "page", strconv.Itoa(res.Page+1))
	}
	// A printed list should be the whole filtered set, not the page on
	// screen; up to the largest page it is, and it prints itself.
	if res.Total > q.PerPage && res.Total <= 200 {
		d.PrintURL = withQuery(r.URL, "per_page", "200", "page", "", "print", "1")
	}
	p := s.page(r, "Project registry", "projects", &d)
	d.Summary = filterSummary(p, q, d.Orgs)
	d.OrgGroups = orgGroups(p, d.Orgs)
	if r.URL.Query().Get("deleted") == "1" {
		p.Flash = p.T("The project was deleted; its history stays in the audit trail.")
	}
	return s.render(w, r, 200, "projects", p)
}

// sortLinks gives each sortable column its link: the first click sorts
// names and dates ascending and amounts descending (the biggest first is
// what an office looks for), the next click reverses.
func sortLinks(u *url.URL, cur string) map[string]sortLink {
	cols := map[string]bool{"name": false, "org": false, "planned_start": false, "total_investment": true, "annual_plan": true,
		"completed": true, "rate": true, "month": true}
	out := map[string]sortLink{}
	for col, descFirst := range cols {
		next, arrow := col, ""
		if descFirst {
			next = "-" + col
		}
		switch cur {
		case col:
			next, arrow = "-"+col, "▲"
		case "-" + col:
			next, arrow = col, "▼"
		}
		if cur == "" && col == "org" {
			next, arrow = "-org", "▲" // the default order is by county
		}
		out[col] = sortLink{URL: withQuery(u, "sort", next, "page", ""), Arrow: arrow}
	}
	return out
}

// pageLinks gives the first, last and nearby pages, with gaps between.
func pageLinks(u *url.URL, cur, last int) []pageLink {
	var out []pageLink
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < cur-2 || n > cur+2) {
			continue
		}
		if prev != 0 && n > prev+1 {
			out = append(out, pageLink{Gap: true})
		}
		out = append(out, pageLink{N: n, URL: withQuery(u, "page", strconv.Itoa(n)), Current: n == cur})
		prev = n
	}
	return out
}

// withQuery is the current address with some parameters replaced (an empty
// value removes the parameter).
func withQuery(u *url.URL, kv ...string) string {
	q := u.Query()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			q.Del(kv[i])
		} else {
			q.Set(kv[i], kv[i+1])
		}
	}
	q.Del("deleted")
	return u.Path + "?" + q.Encode()
}

// StageName translates a stage. Stage "completed" shares its identifier
// with the report field 本月完成投资, so the catalog keeps it apart.
func (p *Page) StageName(s qianxiang.Stage) string {
	if s == qianxiang.StageCompleted {
		return p.T("completed_stage")
	}
	return p.Term(s)
}

// filterSummary says in words which filters are on, so a printed list
// says what it lists.
func filterSummary(p *Page, q app.ProjectQuery, orgs []qianxiang.Org) []string {
	name := func(code string) string {
		for _, o := range orgs {
			if o.Code == code {
				return o.Name
			}
		}
		return code
	}
	var out []string
	add := func(label, v string) {
		if v != "" {
			out = append(out, p.T("%s: %s", p.T(label), v))
		}
	}
	if q.OrgCode != "" {
		add("County", name(q.OrgCode))
	}
	if q.LeadOrgCode != "" {
		add("Lead organisation", name(q.LeadOrgCode))
	}
	if q.Kind != "" {
		add("Kind", p.Term(q.Kind))
	}
	if q.Stage != "" {
		add("Stage", p.StageName(qianxiang.Stage(q.Stage)))
	}
	add("Sector", q.Sector)
	add("Chain or town", q.Class)
	add("City leader", q.Leader)
	if q.Light != "" {
		add("Light", p.Term(q.Light))
	}
	add("Search", q.Q)
	return out
}

// orgGroup is one <optgroup> of an organisation menu.
type orgGroup struct {
	Label string
	Orgs  []qianxiang.Org
}

// orgGroups sorts organisations for a menu: counties, then city
// departments, then the city itself; project units are not places.
func orgGroups(p *Page, orgs []qianxiang.Org) []orgGroup {
	var out []orgGroup
	for _, g := range []struct {
		kind  qianxiang.OrgKind
		label string
	}{{qianxiang.OrgCounty, "Counties"}, {qianxiang.OrgDepartment, "City departments"}, {qianxiang.OrgCity, "City"}} {
		grp := orgGroup{Label: p.T(g.label)}
		for _, o := range orgs {
			if o.Kind == g.kind {
				grp.Orgs = append(grp.Orgs, o)
			}
		}
		if len(grp.Orgs) > 0 {
			out = append(out, grp)
		}
	}
	return out
}

// TotalRate is the filtered set's completion rate (nil without a plan).
func (d *projectListData) TotalRate() *qianxiang.Fraction {
	if f, ok := d.Result.Totals.CompletionRate(); ok {
		return &f
	}
	return nil
}
