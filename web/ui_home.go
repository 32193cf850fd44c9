package web

import (
	"fmt"
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// homeView is the month's work of a county, a department or a unit.
type homeView struct {
	*dispatchView
	Grid     *app.Grid
	GridURL  string
	Todo     []app.GridRow // not yet counted this month: empty, draft or returned
	TodoMore int           // beyond those listed
}

// homeTodoShown bounds the list on the home page; the grid has them all.
const homeTodoShown = 12

// congressHome is where the congress's own people work from: a deputy
// from their suggestions, answers to rate and station (/my), the congress
// office from the suggestions it assigns and chases. The month's project
// reports, everyone else's home, are none of their work.
var congressHome = map[qianxiang.Role]string{
	qianxiang.RoleDeputy:        "/my",
	qianxiang.RoleCongressStaff: "/suggestions",
}

// homePage is the cockpit for city-wide roles and the month's work for
// counties, departments and units.
func (s *Server) homePage(w http.ResponseWriter, r *http.Request) error {
	u := info(r).User
	if to, ok := congressHome[u.Role]; ok {
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
		return nil
	}
	if u.Role.CityWide() {
		v, err := s.loadCockpit(r)
		if err != nil {
			return err
		}
		return s.render(w, r, 200, "cockpit", s.page(r, "Cockpit", "", v))
	}
	dv, err := s.loadDispatch(r)
	if err != nil {
		return err
	}
	t := s.App.Today()
	g, err := s.App.ReportGrid(r.Context(), actor(r), t.Year, t.Month, "")
	if err != nil {
		return err
	}
	v := &homeView{dispatchView: dv, Grid: g, GridURL: fmt.Sprintf("/reports?month=%04d-%02d", t.Year, t.Month)}
	for _, row := range g.Rows {
		if row.Report != nil && row.Report.Status.Counts() {
			continue
		}
		if len(v.Todo) < homeTodoShown {
			v.Todo = append(v.Todo, row)
		} else {
			v.TodoMore++
		}
	}
	return s.render(w, r, 200, "home", s.page(r, "Home", "", v))
}
