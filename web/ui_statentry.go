package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

// statisticsData is what statistics.html shows: the entry gap of a year.
type statisticsData struct {
	Year    int
	Years   []int
	Org     string
	Orgs    []qianxiang.Org
	Gap     qianxiang.Gap
	Reasons []string
	Reason  string // the reason the list is narrowed to, "" for all
	Back    string // this page's address, where the row forms come back to
}

func (s *Server) statisticsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	year, err := queryInt(r, "year", s.App.DefaultYear(ctx))
	if err != nil {
		return err
	}
	org := strings.TrimSpace(r.URL.Query().Get("org"))
	g, err := s.App.EntryGap(ctx, a, year, org)
	if err != nil {
		return err
	}
	reason := r.URL.Query().Get("reason")
	if err := g.OnlyReason(reason); err != nil {
		return err
	}
	orgs, err := s.App.Orgs(ctx, a)
	if err != nil {
		return err
	}
	years, _ := s.App.Years(ctx)
	d := &statisticsData{Year: year, Years: years, Org: org, Gap: g, Back: r.URL.RequestURI(), Reasons: qianxiang.GapReasons, Reason: reason}
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty || o.Kind == qianxiang.OrgDepartment {
			d.Orgs = append(d.Orgs, o)
		}
	}
	p := s.page(r, "Statistics entry", "dispatch", d)
	switch r.URL.Query().Get("done") {
	case "":
	case "return":
		p.Flash = p.T("The entry was returned with its reason.")
	default:
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "statistics", p)
}

// statisticsXLSX is the gap list as a workbook, with the page's filters.
func (s *Server) statisticsXLSX(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	year, err := queryInt(r, "year", s.App.DefaultYear(ctx))
	if err != nil {
		return err
	}
	g, err := s.App.EntryGap(ctx, a, year, strings.TrimSpace(r.URL.Query().Get("org")))
	if err != nil {
		return err
	}
	if err := g.OnlyReason(r.URL.Query().Get("reason")); err != nil {
		return err
	}
	name := fmt.Sprintf("entry-gap-%d.xlsx", year)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, name,
		url.PathEscape(fmt.Sprintf("%d年应统未统项目清单.xlsx", year))))
	return excel.WriteEntryGap(w, fmt.Sprintf("%d年固定资产投资项目应统未统清单", year), g)
}

func init() {
	// entryMay: whether the page's user may take a step on an entry in a
	// status (the same rule the service asks; it decides again).
	funcs["entryMay"] = func(p *Page, act string, status qianxiang.EntryStatus) bool {
		if p.User == nil {
			return false
		}
		a := qianxiang.EntryAction(act)
		_, err := qianxiang.NextEntryStatus(status, a)
		return err == nil && qianxiang.MayStepEntry(p.User.Actor(), a, status)
	}
	funcs["gapReason"] = qianxiang.GapReasonLabel
	funcs["voucherRemovable"] = func(k qianxiang.VoucherKind, s qianxiang.EntryStatus) bool {
		return qianxiang.VoucherRemovable(k, s) == nil
	}
	funcs["entryFileURL"] = entryFileURL
	funcs["kib"] = func(n int) string {
		if n < 1024 {
			return fmt.Sprintf("%d B", n)
		}
		if n < 1<<20 {
			return fmt.Sprintf("%.1f KB", float64(n)/1024)
		}
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
}

// safeBack keeps a return address on this site (a path, never a host).
func safeBack(v string, fallback string) string {
	u, err := url.Parse(v)
	if v == "" || err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") {
		return fallback
	}
	return v
}

// entryStepSubmit takes a step from the project page or a /statistics row,
// and goes back where the form came from; a refusal is shown on the
// project page.
func (s *Server) entryStepSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	act, err := entryAction(r)
	if err != nil {
		return err
	}
	_, err = s.App.StepEntry(r.Context(), actor(r), id, act, r.FormValue("reason"))
	back := safeBack(r.FormValue("back"), fmt.Sprintf("/projects/%d#statistics", id))
	if err == nil {
		sep := "?"
		if strings.Contains(back, "?") {
			sep = "&"
		}
		if i := strings.Index(back, "#"); i >= 0 {
			back = back[:i] + sep + "done=" + string(act) + back[i:]
		} else {
			back += sep + "done=" + string(act)
		}
		http.Redirect(w, r, back, http.StatusSeeOther)
		return nil
	}
	return s.entryRefused(w, r, id, err)
}

// entryRefused shows a refused change on the project page, beside the
// statistics section; not found and forbidden stay error pages.
func (s *Server) entryRefused(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	if c := qianxiang.ErrorCode(err); c != qianxiang.EValidation && c != qianxiang.EInvalid && c != qianxiang.EConflict {
		return err
	}
	d, verr := s.projectView(r, id)
	if verr != nil {
		return verr
	}
	p := s.page(r, "Project", "projects", d)
	p.Title, p.Error = d.P.Name, i18n.Error(p.Lang, err)
	// One detail is the message itself; several are listed under it.
	if e := qianxiang.AsError(err); e != nil && len(e.Details) > 1 {
		for _, dt := range e.Details {
			p.Details = append(p.Details, i18n.Detail(p.Lang, dt))
		}
	}
	return s.render(w, r, Status(qianxiang.ErrorCode(err)), "project", p)
}

func (s *Server) voucherSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.MayFileOn(r.Context(), actor(r), id, false); err != nil {
		return s.entryRefused(w, r, id, err)
	}
	data, name, err := fileFromForm(w, r, "file", app.MaxVoucherBytes)
	if err == nil {
		_, err = s.App.UploadVoucher(r.Context(), actor(r), id, qianxiang.VoucherKind(r.FormValue("kind")), name, data)
	}
	if err != nil {
		return s.entryRefused(w, r, id, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/projects/%d?saved=1#statistics", id), http.StatusSeeOther)
	return nil
}

func (s *Server) voucherDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	fid, err := pathID(r, "fid")
	if err != nil {
		return err
	}
	if err := s.App.DeleteVoucher(r.Context(), actor(r), id, fid); err != nil {
		return s.entryRefused(w, r, id, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/projects/%d?saved=1#statistics", id), http.StatusSeeOther)
	return nil
}

func (s *Server) verificationSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.MayFileOn(r.Context(), actor(r), id, true); err != nil {
		return s.entryRefused(w, r, id, err)
	}
	v, photos, err := verificationForm(w, r)
	if err == nil {
		_, err = s.App.AddVerification(r.Context(), actor(r), id, v, photos)
	}
	if err != nil {
		return s.entryRefused(w, r, id, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/projects/%d?saved=1#statistics", id), http.StatusSeeOther)
	return nil
}

// projectEntryView loads the project page's statistics section.
func (s *Server) projectEntryView(r *http.Request, d *projectViewData) error {
	v, err := s.App.StatEntry(r.Context(), actor(r), d.P.ID)
	if err != nil {
		return err
	}
	d.Entry = &v
	return nil
}
