package web

import (
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// monthParam reads YYYY-MM.
func monthParam(v string) (int, int, error) {
	y, m, ok := strings.Cut(v, "-")
	year, err1 := strconv.Atoi(y)
	month, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(y) != 4 {
		return 0, 0, qianxiang.FieldError("month", "%q is not a month YYYY-MM", v)
	}
	return year, month, app.CheckMonth(year, month)
}

func (s *Server) apiProjectReports(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	year, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	rs, err := s.App.ProjectReports(r.Context(), actor(r), id, year)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": rs})
	return nil
}

func (s *Server) apiSaveReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	y, m, err := monthParam(r.PathValue("month"))
	if err != nil {
		return err
	}
	var in app.ReportInput
	if err := decode(r, &in); err != nil {
		return err
	}
	rep, err := s.App.SaveReport(r.Context(), actor(r), id, y, m, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, rep)
	return nil
}

func (s *Server) apiReportAction(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	y, m, err := monthParam(r.PathValue("month"))
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actor(r)
	var rep qianxiang.Report
	switch r.PathValue("action") {
	case "submit":
		var in *app.ReportInput
		if r.ContentLength > 0 {
			in = &app.ReportInput{}
			if err := decode(r, in); err != nil {
				return err
			}
		}
		rep, err = s.App.SubmitReport(ctx, a, id, y, m, in)
	case "approve":
		rep, err = s.App.ApproveReport(ctx, a, id, y, m)
	case "return":
		var in struct{ Reason string }
		if err := decode(r, &in); err != nil {
			return err
		}
		rep, err = s.App.ReturnReport(ctx, a, id, y, m, in.Reason)
	case "reopen":
		rep, err = s.App.ReopenReport(ctx, a, id, y, m)
	default:
		return qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "report action "+r.PathValue("action"))
	}
	if err != nil {
		return err
	}
	writeJSON(w, 200, rep)
	return nil
}

func (s *Server) apiGrid(w http.ResponseWriter, r *http.Request) error {
	y, m, err := monthParam(r.URL.Query().Get("month"))
	if err != nil {
		return err
	}
	g, err := s.App.ReportGrid(r.Context(), actor(r), y, m, r.URL.Query().Get("org"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, g)
	return nil
}

// yearMonth reads year= and month= (month defaults to the latest reported).
func (s *Server) yearMonth(r *http.Request) (int, int, error) {
	year, err := queryInt(r, "year", 0)
	if err != nil {
		return 0, 0, err
	}
	if year == 0 {
		year = s.App.DefaultYear(r.Context())
	}
	month, err := queryInt(r, "month", 0)
	if err != nil {
		return 0, 0, err
	}
	if month == 0 {
		month = s.App.DefaultDispatchMonth(r.Context(), year)
	}
	return year, month, app.CheckMonth(year, month)
}

func (s *Server) apiDispatch(w http.ResponseWriter, r *http.Request) error {
	y, m, err := s.yearMonth(r)
	if err != nil {
		return err
	}
	d, err := s.App.Dispatch(r.Context(), actor(r), y, m)
	if err != nil {
		return err
	}
	writeJSON(w, 200, d)
	return nil
}

func (s *Server) apiSeries(w http.ResponseWriter, r *http.Request) error {
	y, m, err := s.yearMonth(r)
	if err != nil {
		return err
	}
	pts, err := s.App.Series(r.Context(), actor(r), y, m)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"year": y, "month": m, "points": pts})
	return nil
}

func (s *Server) apiGetSettings(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, 200, s.App.DispatchSettings(r.Context()))
	return nil
}

func (s *Server) apiPutSettings(w http.ResponseWriter, r *http.Request) error {
	var in qianxiang.DispatchSettings
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetDispatchSettings(r.Context(), actor(r), in); err != nil {
		return err
	}
	writeJSON(w, 200, s.App.DispatchSettings(r.Context()))
	return nil
}
