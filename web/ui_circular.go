package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// firsthourRoutes are the circular's issue numbers and settings, and the
// bulk user import (issue 15.8, 15.14).
func (s *Server) firsthourRoutes() []route {
	a := s.authed
	rs := []route{
		{"POST /dispatch/issue", a(s.circularIssueSubmit)},
		{"POST /settings/circular", a(s.circularSettingsSubmit)},
		{"GET /api/v1/settings/circular", a(s.apiCircularSettings)},
		{"PUT /api/v1/settings/circular", a(s.apiPutCircularSettings)},
		{"PUT /api/v1/dispatch/issues/{year}/{month}", a(s.apiPutCircularIssue)},
		{"POST /admin/users/import", a(s.usersImportSubmit)},
		{"POST /api/v1/users/import", a(s.apiImportUsers)},
	}
	rs = append(rs, s.listsRoutes()...)
	return rs
}

// circularHead reads the office's settings and month's issue.
func (s *Server) circularHead(r *http.Request, year, month int) CircularHead {
	ctx := r.Context()
	h := CircularHead{Settings: s.App.CircularSettings(ctx)}
	h.Issue, h.Kept = s.App.CircularIssue(ctx, year, month)
	return h
}

// circularPage is the print view of the dispatch (/dispatch?print=1); the
// campaign office keeps the issue number and date on it. errs shows a
// refused number beside the form.
func (s *Server) circularPage(w http.ResponseWriter, r *http.Request, v *dispatchView, status int, err error) error {
	c := newCircular(v.D, v.City, info(r).Lang, s.App.Now().In(s.App.Loc), s.circularHead(r, v.Year, v.Month))
	c.Scope = v.Scope
	c.Editable = v.Scope == "" && actor(r).Can(qianxiang.ActSettings, qianxiang.Scope{})
	if e := s.addOverdueProblems(r, c); e != nil {
		return e
	}
	var e error
	if c.Orders, e = s.openOrders(r); e != nil {
		return e
	}
	p := s.page(r, "Dispatch circular", "dispatch", c)
	p.Title, p.Print = c.Title(), true
	if err != nil {
		p.Error = i18n.Error(p.Lang, err)
		if x := qianxiang.AsError(err); x != nil {
			for _, d := range x.Details {
				p.Details = append(p.Details, i18n.Detail(p.Lang, d))
			}
		}
	}
	return s.render(w, r, status, "circular", p)
}

// issueForm reads issue_no and issued_on as typed; a bad value is named.
func issueForm(month int, no, on string) (qianxiang.CircularIssue, error) {
	x := qianxiang.CircularIssue{Month: month}
	n, err := strconv.Atoi(strings.TrimSpace(no))
	if err != nil {
		return x, qianxiang.FieldError("issue_no", "must be a whole number from 1 to 999")
	}
	x.Number = n
	if on = strings.TrimSpace(on); on != "" {
		d, err := qianxiang.ParseDate(on)
		if err != nil || d.Day == 0 {
			return x, qianxiang.FieldError("issued_on", "must be a date such as 2026-12-03")
		}
		x.IssuedOn = d
	}
	return x, nil
}

func (s *Server) circularIssueSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
	// The month is the form's (the dispatch reads it from the query).
	q := r.URL.Query()
	for _, k := range []string{"year", "month"} {
		if v := r.PostFormValue(k); v != "" {
			q.Set(k, v)
		}
	}
	r.URL.RawQuery = q.Encode()
	v, err := s.loadDispatch(r)
	if err != nil {
		return err
	}
	x, err := issueForm(v.Month, r.FormValue("issue_no"), r.FormValue("issued_on"))
	if err == nil {
		err = s.App.SetCircularIssue(r.Context(), actor(r), v.Year, x)
	}
	if err != nil {
		if qianxiang.ErrorCode(err) != qianxiang.EValidation {
			return err
		}
		return s.circularPage(w, r, v, http.StatusUnprocessableEntity, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/dispatch?year=%d&month=%d&print=1", v.Year, v.Month), http.StatusSeeOther)
	return nil
}

func (s *Server) apiCircularSettings(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, 200, s.App.CircularSettings(r.Context()))
	return nil
}

func (s *Server) apiPutCircularSettings(w http.ResponseWriter, r *http.Request) error {
	var in qianxiang.CircularSettings
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetCircularSettings(r.Context(), actor(r), in); err != nil {
		return err
	}
	writeJSON(w, 200, s.App.CircularSettings(r.Context()))
	return nil
}

// apiPutCircularIssue keeps a month's issue: {"number": 11, "issued_on": "2026-12-03"}.
func (s *Server) apiPutCircularIssue(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
	y, err1 := strconv.Atoi(r.PathValue("year"))
	m, err2 := strconv.Atoi(r.PathValue("month"))
	if err1 != nil || err2 != nil {
		return qianxiang.FieldError("month", "the path must be /api/v1/dispatch/issues/YEAR/MONTH")
	}
	var in struct {
		Number   int            `json:"number"`
		IssuedOn qianxiang.Date `json:"issued_on"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetCircularIssue(r.Context(), actor(r), y, qianxiang.CircularIssue{Month: m, Number: in.Number, IssuedOn: in.IssuedOn}); err != nil {
		return err
	}
	x, kept := s.App.CircularIssue(r.Context(), y, m)
	writeJSON(w, 200, map[string]any{"issue": x, "kept": kept, "doc_number": s.App.CircularSettings(r.Context()).DocNumber(y, x.Number)})
	return nil
}
