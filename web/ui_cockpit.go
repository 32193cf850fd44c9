package web

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"slices"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// reminder is one organisation's projects without a counted report for
// the month being reported.
type reminder struct {
	Org     qianxiang.OrgRef
	Lead    bool // a lead department rather than a county
	Due     int
	Missing int
}

// cockpitView is what cockpit.html reads.
type cockpitView struct {
	*dispatchView
	Progress, Ranking, Lights, Map template.HTML
	Schematic                      bool
	DeptRanking                    bool // the bars rank lead departments (a department's cockpit)
	Series                         []qianxiang.SeriesPoint
	Reminders                      []reminder
	RemindMonth                    string // YYYY-MM
	RemindM                        int    // the month being reported
	RemindDue                      string // its deadline, as "2026年12月25日"
	RemindMissing                  int
	Screen                         bool
	Updated                        string
	// Clock is the city's time at rendering; ClockOffset (minutes east of
	// UTC) and ClockMS (server time, Unix ms) let the screen's script keep
	// the city's time even when the hall PC's own clock or zone is wrong.
	Clock       string
	ClockOffset int
	ClockMS     int64
	Obstacles   obstacles
	// Batches are the year's batch starts (集中开工), for their tile.
	Batches []qianxiang.BatchStart
}

func (s *Server) cockpitPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loadCockpit(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Cockpit", "dispatch", v)
	if v.Screen {
		// The hall display: no navigation, and the page's script refreshes it.
		p.Print = true
	}
	return s.render(w, r, 200, "cockpit", p)
}

func (s *Server) loadCockpit(r *http.Request) (*cockpitView, error) {
	dv, err := s.loadDispatch(r)
	if err != nil {
		return nil, err
	}
	ctx, a, lang := r.Context(), actor(r), info(r).Lang
	now := s.App.Now().In(s.App.Loc)
	_, off := now.Zone()
	v := &cockpitView{dispatchView: dv, Screen: r.URL.Query().Get("screen") == "1",
		Updated: now.Format("2006-01-02 15:04"), Obstacles: s.obstacles(r),
		Clock: now.Format("15:04:05"), ClockOffset: off / 60, ClockMS: now.UnixMilli()}
	if v.Series, err = s.App.SeriesOf(ctx, a, dv.Year, dv.Month, dv.Org); err != nil {
		return nil, err
	}
	v.Batches, _ = s.App.BatchStarts(ctx, a, dv.Year) // a failure leaves the tile empty
	// The hall display has height to spare: taller charts, same width.
	chartH, rowH := 300.0, 24.0
	if v.Screen {
		chartH, rowH = 390, 30
	}
	v.Progress = progressChart(v.Series, i18n.T(lang, "Cumulative completion rate"), i18n.T(lang, "Time progress"), chartH,
		func(m int) string { return fmt.Sprintf("/dispatch?year=%d&month=%d", dv.Year, m) })
	ranked, by, own := dv.D.ByOrg, "org", ""
	if st := dv.D.Standing; st != nil {
		// A county's bars are the city's ranking with its own linked and
		// marked.
		ranked, own = st.Rows, st.Org.Code
		if st.Ranking == "departments" {
			by = "lead_org"
			v.DeptRanking = true
		}
	}
	v.Ranking = rankBars(ranked, own, dv.D.TimeProgress, i18n.T(lang, "Time progress"), rowH, func(code string) string {
		if u := info(r).User; by == "org" && u != nil && u.Role.CityWide() {
			// The city's cockpit opens a county's own cockpit.
			return "/cockpit?" + queryString("year", fmt.Sprint(dv.Year), "month", fmt.Sprint(dv.Month), "org", code)
		}
		if dv.D.Standing == nil || code != dv.D.Standing.Org.Code {
			return ""
		}
		return string(dv.Projects(by, code))
	})
	v.Lights = lightBars(dv.D.ByOrg, func(t string) string { return i18n.T(lang, t) }, rowH,
		func(code, light string) string { return string(dv.Projects("org", code, "light", light)) })
	var m qianxiang.CityMap
	// The map's labels are sized in its own units: on the desk cockpit
	// the map has about 360 px of its card, on the hall screen 640.
	mapW := 380.0
	if v.Screen {
		mapW = 640
	}
	if v.Map, _, m, _, err = s.cityMap(r, dv, "progress", mapW); err != nil {
		return nil, err
	}
	v.Schematic = m.Schematic
	return v, s.remind(r, v)
}

// remind lists who has not reported for the month being reported now:
// the current month in the plan's year, else the dispatch's own month.
func (s *Server) remind(r *http.Request, v *cockpitView) error {
	today := s.App.Today()
	d := v.D
	month := v.Month
	if today.Year == v.Year && today.Month != v.Month {
		month = today.Month
		var err error
		if d, _, err = s.App.DispatchOf(r.Context(), actor(r), v.Year, month, v.Org); err != nil {
			return err
		}
	}
	v.RemindMonth = fmt.Sprintf("%04d-%02d", v.Year, month)
	// The heading names the month and its deadline: on the 1st of a month
	// every project is still "missing" a report that is not due for weeks.
	v.RemindM = month
	v.RemindDue = i18n.T(info(r).Lang, "%d-%02d-%02d", v.Year, month, s.App.DispatchSettings(r.Context()).DeadlineDay)
	v.RemindMissing = d.Total.ReportsMissing
	v.Reminders = reminders(d)
	return nil
}

// reminders gives counties, then lead departments that are not counties,
// with projects missing their report, most missing first.
func reminders(d *qianxiang.Dispatch) []reminder {
	var out []reminder
	counties := map[string]bool{}
	for _, o := range d.ByOrg {
		counties[o.Org.Code] = true
		if o.ReportsMissing > 0 {
			out = append(out, reminder{Org: o.Org, Due: o.ReportsDue, Missing: o.ReportsMissing})
		}
	}
	for _, o := range d.ByLeadOrg {
		if !counties[o.Org.Code] && o.ReportsMissing > 0 {
			out = append(out, reminder{Org: o.Org, Lead: true, Due: o.ReportsDue, Missing: o.ReportsMissing})
		}
	}
	slices.SortStableFunc(out, func(a, b reminder) int {
		return cmp.Or(cmp.Compare(b.Missing, a.Missing), cmp.Compare(a.Org.Code, b.Org.Code))
	})
	return out
}

// RemindGrid links a reminder to the grid rows still missing.
func (v *cockpitView) RemindGrid(code string) template.URL {
	return template.URL("/reports?" + queryString("month", v.RemindMonth, "org", code, "status", "missing"))
}
