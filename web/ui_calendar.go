package web

import (
	"fmt"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// calendarView is what calendar.html reads: a year's kept days, and the
// office's form (days one per line or separated by commas).
type calendarView struct {
	Year     int
	Cal      qianxiang.YearCalendar
	Holidays string
	Workdays string
	Office   bool
	// Deadlines counted on this calendar: from the day asked (From) and
	// from each month's last day.
	From  *qianxiang.Deadlines
	Table []qianxiang.Deadlines
	Err   string
}

func (s *Server) calendarView(r *http.Request) (*calendarView, error) {
	y, err := queryInt(r, "year", s.App.Today().Year)
	if err != nil {
		return nil, err
	}
	c, err := s.App.YearCalendar(r.Context(), actor(r), y)
	if err != nil {
		return nil, err
	}
	a := actor(r)
	v := &calendarView{Year: y, Cal: c, Office: a.Role == qianxiang.RoleCongressStaff || a.Role == qianxiang.RoleAdmin}
	v.Holidays, v.Workdays = joinDays(c.Holidays), joinDays(c.Workdays)
	if from := r.URL.Query().Get("from"); from != "" {
		d, err := s.App.Deadlines(r.Context(), a, from)
		if err != nil {
			return nil, err
		}
		v.From = &d
	}
	if v.Table, err = s.App.DeadlineTable(r.Context(), a, y); err != nil {
		return nil, err
	}
	return v, nil
}

func joinDays(ds []qianxiang.Date) string {
	ss := make([]string, len(ds))
	for i, d := range ds {
		ss[i] = d.String()
	}
	return strings.Join(ss, "\n")
}

func splitDays(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == '，' || c == '\n' || c == '\r' || c == ' ' || c == '、' })
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.calendarView(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Working-day calendar", "suggestions", v)
	if r.URL.Query().Get("done") == "1" {
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "calendar", p)
}

func (s *Server) calendarSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.MayKeepCalendar(actor(r)); err != nil {
		return err
	}
	var y int
	if _, err := fmt.Sscan(r.FormValue("year"), &y); err != nil {
		return qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	in := app.CalendarInput{Holidays: splitDays(r.FormValue("holidays")), Workdays: splitDays(r.FormValue("workdays"))}
	_, err := s.App.SetYearCalendar(r.Context(), actor(r), y, in)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/calendar?year=%d&done=1", y), http.StatusSeeOther)
		return nil
	}
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.EInternal || code == qianxiang.EForbidden {
		return err
	}
	r.URL.RawQuery = fmt.Sprintf("year=%d", y)
	v, verr := s.calendarView(r)
	if verr != nil {
		return verr
	}
	v.Holidays, v.Workdays = r.FormValue("holidays"), r.FormValue("workdays")
	p := s.page(r, "Working-day calendar", "suggestions", v)
	s.setError(p, err)
	return s.render(w, r, Status(code), "calendar", p)
}
