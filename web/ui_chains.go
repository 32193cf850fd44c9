package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

func init() {
	// hasEntry: whether a project's classes hold an entry (form checkboxes).
	funcs["hasEntry"] = func(c qianxiang.Classes, list, entry string) bool { return slices.Contains(c[list], entry) }
	// classText: a project's entries of one list, as a cell shows them.
	funcs["seqNo"] = func(i int) int { return i + 1 }
	funcs["classText"] = func(c qianxiang.Classes, list string) string { return strings.Join(c[list], "、") }
}

// batchListData is what batch_starts.html shows.
type batchListData struct {
	Year     int
	Years    []int
	Items    []qianxiang.BatchStart
	Counties []qianxiang.Org // where the actor may hold an event
	CanEdit  bool
	Form     map[string]string
	Total    qianxiang.BatchStart // the year's sums
}

func (s *Server) batchYear(r *http.Request) (int, error) {
	y, err := queryInt(r, "year", 0)
	if err != nil || y != 0 {
		return y, err
	}
	if v := r.FormValue("year"); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			return n, nil
		}
	}
	return s.App.DefaultYear(r.Context()), nil
}

func (s *Server) batchList(r *http.Request, year int) (*batchListData, error) {
	ctx, a := r.Context(), actor(r)
	items, err := s.App.BatchStarts(ctx, a, year)
	if err != nil {
		return nil, err
	}
	d := &batchListData{Year: year, Items: items, Form: map[string]string{}}
	d.Years, _ = s.App.Years(ctx)
	if !slices.Contains(d.Years, year) {
		d.Years = append(d.Years, year)
		slices.Sort(d.Years)
		slices.Reverse(d.Years)
	}
	orgs, err := s.App.Orgs(ctx, a)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		if (o.Kind == qianxiang.OrgCounty || o.Kind == qianxiang.OrgCity) &&
			a.Can(qianxiang.ActEditProject, qianxiang.Scope{Paths: []string{o.Path}}) {
			d.Counties = append(d.Counties, o)
		}
	}
	d.CanEdit = len(d.Counties) > 0
	for _, b := range items {
		d.Total.Count += b.Count
		d.Total.TotalInvestment += b.TotalInvestment
		d.Total.AnnualPlan += b.AnnualPlan
	}
	return d, nil
}

func (s *Server) batchStartsPage(w http.ResponseWriter, r *http.Request) error {
	year, err := s.batchYear(r)
	if err != nil {
		return err
	}
	d, err := s.batchList(r, year)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "batch_starts", s.page(r, "Batch starts", "dispatch", d))
}

// batchStartCreate records an event from the list page's form; refused
// fields come back beside what was typed.
func (s *Server) batchStartCreate(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActEditProject); err != nil {
		return err
	}
	lang := info(r).Lang
	year, err := s.batchYear(r)
	if err != nil {
		return err
	}
	in := qianxiang.BatchStart{Place: r.FormValue("place"), Org: qianxiang.OrgRef{Code: r.FormValue("county")},
		Leader: r.FormValue("leader"), Title: r.FormValue("title"), Notes: r.FormValue("notes")}
	date, derr := qianxiang.ParseDate(r.FormValue("date"))
	in.Date = date
	var b qianxiang.BatchStart
	if derr != nil {
		err = qianxiang.FieldError("date", "is required, as a day (YYYY-MM-DD)")
	} else {
		b, err = s.App.CreateBatchStart(r.Context(), actor(r), in)
	}
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/batch-starts/%d?saved=1", b.ID), http.StatusSeeOther)
		return nil
	}
	e := qianxiang.AsError(err)
	if e == nil || (e.Code != qianxiang.EValidation && e.Code != qianxiang.EForbidden) {
		return err
	}
	d, lerr := s.batchList(r, year)
	if lerr != nil {
		return lerr
	}
	for _, k := range []string{"date", "place", "county", "leader", "title", "notes"} {
		d.Form[k] = r.FormValue(k)
	}
	p := s.page(r, "Batch starts", "dispatch", d)
	p.Error = i18n.Error(lang, err)
	for _, det := range e.Details {
		p.Details = append(p.Details, i18n.Detail(lang, det))
	}
	status := http.StatusUnprocessableEntity
	if e.Code == qianxiang.EForbidden {
		status = http.StatusForbidden
	}
	return s.render(w, r, status, "batch_starts", p)
}

// batchData is what batch_start.html shows.
type batchData struct {
	B         qianxiang.BatchStart
	CanEdit   bool
	Eligible  []qianxiang.Project // projects that may still join
	City      string
	Today     qianxiang.Date
	ShowNotes bool
}

func (s *Server) batchFor(r *http.Request, id int64) (*batchData, error) {
	ctx, a := r.Context(), actor(r)
	b, err := s.App.BatchStart(ctx, a, id)
	if err != nil {
		return nil, err
	}
	d := &batchData{B: b, CanEdit: a.Can(qianxiang.ActEditProject, b.ScopeOf()), Today: s.App.Today(), ShowNotes: true}
	if city, ok := s.App.City(ctx); ok {
		d.City = city.Name
	}
	if !d.CanEdit {
		return d, nil
	}
	// Candidates: the year's projects the actor may edit in the event's
	// county, not continuing, in no event yet.
	all, err := s.App.BatchStarts(ctx, a, b.Year)
	if err != nil {
		return nil, err
	}
	taken := map[int64]bool{}
	for _, x := range all {
		for _, p := range x.Projects {
			taken[p.ID] = true
		}
	}
	page, err := s.App.Projects(ctx, a, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: b.Year, Sort: "org", PerPage: 200}})
	if err != nil {
		return nil, err
	}
	for n := 2; len(page.Items) > 0; n++ {
		for _, p := range page.Items {
			if !taken[p.ID] && qianxiang.CanJoin(p, b) == nil && a.Can(qianxiang.ActEditProject, p.ScopeOf()) {
				d.Eligible = append(d.Eligible, p)
			}
		}
		if n > (page.Total+199)/200 {
			break
		}
		if page, err = s.App.Projects(ctx, a, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: b.Year, Sort: "org", PerPage: 200, Page: n}}); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (s *Server) batchStartPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.batchFor(r, id)
	if err != nil {
		return err
	}
	p := s.page(r, "Batch start", "dispatch", d)
	p.Title = d.B.Title
	if r.URL.Query().Get("saved") == "1" {
		p.Flash = p.T("Saved.")
	}
	if p.Print {
		return s.render(w, r, 200, "batch_start_print", p)
	}
	return s.render(w, r, 200, "batch_start", p)
}

// batchStartSave changes the event's fields from its page.
func (s *Server) batchStartSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, _ := strconv.Atoi(r.FormValue("version"))
	var patch app.BatchPatch
	date, derr := qianxiang.ParseDate(r.FormValue("date"))
	place, leader, title, notes := r.FormValue("place"), r.FormValue("leader"), r.FormValue("title"), r.FormValue("notes")
	patch.Date, patch.Place, patch.Leader, patch.Title, patch.Notes = &date, &place, &leader, &title, &notes
	if derr != nil {
		err = qianxiang.FieldError("date", "is required, as a day (YYYY-MM-DD)")
	} else {
		_, err = s.App.UpdateBatchStart(r.Context(), actor(r), id, v, patch)
	}
	return s.batchAfter(w, r, id, err)
}

// batchAfter goes back to the event's page: saved, or with the refusal.
func (s *Server) batchAfter(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/batch-starts/%d?saved=1", id), http.StatusSeeOther)
		return nil
	}
	e := qianxiang.AsError(err)
	if e == nil || e.Code == qianxiang.ENotFound && len(e.Details) == 0 || e.Code == qianxiang.EInternal {
		return err
	}
	d, derr := s.batchFor(r, id)
	if derr != nil {
		return derr
	}
	lang := info(r).Lang
	p := s.page(r, "Batch start", "dispatch", d)
	p.Title = d.B.Title
	p.Error = i18n.Error(lang, err)
	if len(e.Details) > 1 {
		for _, det := range e.Details {
			p.Details = append(p.Details, i18n.Detail(lang, det))
		}
	}
	return s.render(w, r, httpStatus(e.Code), "batch_start", p)
}

func httpStatus(code string) int {
	switch code {
	case qianxiang.EForbidden:
		return http.StatusForbidden
	case qianxiang.EConflict:
		return http.StatusConflict
	case qianxiang.ENotFound:
		return http.StatusNotFound
	}
	return http.StatusUnprocessableEntity
}

func (s *Server) batchStartAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	r.ParseForm()
	var ids []int64
	for _, v := range r.Form["project"] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return malformed("project", "must be a positive number")
		}
		ids = append(ids, n)
	}
	_, err = s.App.AddBatchProjects(r.Context(), actor(r), id, ids)
	return s.batchAfter(w, r, id, err)
}

func (s *Server) batchStartRemove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	pid, err := pathID(r, "pid")
	if err != nil {
		return err
	}
	_, err = s.App.RemoveBatchProject(r.Context(), actor(r), id, pid)
	return s.batchAfter(w, r, id, err)
}

// classesData is what classes.html shows.
type classesData struct {
	Lists   qianxiang.ClassLists
	CanEdit bool
	Counts  map[int64]int // projects of the year per entry
	Year    int
	New     map[string]string
}

func (s *Server) classesFor(r *http.Request) (*classesData, error) {
	ctx, a := r.Context(), actor(r)
	ls, err := s.App.ClassLists(ctx, a)
	if err != nil {
		return nil, err
	}
	d := &classesData{Lists: ls, CanEdit: a.Can(qianxiang.ActSettings, qianxiang.Scope{}), Year: s.App.DefaultYear(ctx), New: map[string]string{}}
	d.Counts, err = s.App.ClassCounts(ctx, a, d.Year)
	return d, err
}

func (s *Server) classesPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.classesFor(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Classifications", "projects", d)
	if r.URL.Query().Get("saved") == "1" {
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "classes", p)
}

// classesSubmit saves one list: its name, the headers that name it in a
// workbook (separated by 、 or commas) and its entries, one per line.
func (s *Server) classesSubmit(w http.ResponseWriter, r *http.Request) error {
	l := qianxiang.ClassList{Code: strings.TrimSpace(r.FormValue("code")), Name: r.FormValue("name"),
		Headers: qianxiang.SplitClassCell(r.FormValue("headers")), Entries: []qianxiang.ClassEntry{}}
	for _, line := range strings.Split(r.FormValue("entries"), "\n") {
		if v := strings.TrimSpace(line); v != "" {
			l.Entries = append(l.Entries, qianxiang.ClassEntry{Name: v})
		}
	}
	_, err := s.App.PutClassList(r.Context(), actor(r), l)
	if err == nil {
		http.Redirect(w, r, "/classes?saved=1", http.StatusSeeOther)
		return nil
	}
	e := qianxiang.AsError(err)
	if e == nil || e.Code == qianxiang.EInternal {
		return err
	}
	d, derr := s.classesFor(r)
	if derr != nil {
		return derr
	}
	for _, k := range []string{"code", "name", "headers", "entries"} {
		d.New[k] = r.FormValue(k)
	}
	lang := info(r).Lang
	p := s.page(r, "Classifications", "projects", d)
	p.Error = i18n.Error(lang, err)
	if len(e.Details) > 1 {
		for _, det := range e.Details {
			p.Details = append(p.Details, i18n.Message(lang, det))
		}
	} else if len(e.Details) == 1 {
		p.Error = i18n.Message(lang, e.Details[0])
	}
	return s.render(w, r, httpStatus(e.Code), "classes", p)
}

// projectChainsView adds the project's classes and batch start to its
// page; a failure leaves them out rather than the page unavailable.
func (s *Server) projectChainsView(r *http.Request, d *projectViewData) {
	ctx, a := r.Context(), actor(r)
	d.Lists, _ = s.App.ClassLists(ctx, a)
	if b, ok := s.App.BatchOfProject(ctx, a, d.P.ID); ok {
		d.Batch = &b
	}
}
