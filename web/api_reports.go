package web

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// monthParam reads YYYY-MM: anything not of that shape is malformed (400);
// a month of that shape outside the years served is refused by the rule
// (422), as year= and month= are on the dispatch.
func monthParam(v string) (int, int, error) {
	y, m, ok := strings.Cut(v, "-")
	if !ok || len(y) != 4 || len(m) < 1 || len(m) > 2 || !allDigits(y) || !allDigits(m) {
		return 0, 0, malformed("month", "%q is not a month YYYY-MM", v)
	}
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
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
	if in.Version, err = reportVersion(r, in.Version); err != nil {
		return err
	}
	rep, err := s.App.SaveReport(r.Context(), actor(r), id, y, m, in)
	if err != nil {
		return err
	}
	writeReport(w, rep)
	return nil
}

// reportVersion is the version of the report the caller acts on: the
// If-Match header (an ETag "vN" or *) or the body's version, which must
// agree when both are sent; 0 when neither is.
func reportVersion(r *http.Request, body int) (int, error) {
	h, given, err := ifMatchVersion(r)
	switch {
	case err != nil:
		return 0, err
	case !given:
		return body, nil
	case body != 0 && h != anyVersion && body != h:
		return 0, qianxiang.Errorf(qianxiang.EInvalid, "the If-Match header and the version in the body disagree")
	}
	return h, nil
}

func writeReport(w http.ResponseWriter, rep qianxiang.Report) {
	w.Header().Set("ETag", etag(rep.Version))
	writeJSON(w, 200, rep)
}

// reviewInput is the optional body of approve and return.
type reviewInput struct {
	Reason  string `json:"reason"`
	Version int    `json:"version"`
}

// decodeOptional reads a JSON body when one is sent: approve and submit
// may come without any.
func decodeOptional(r *http.Request, v any) (bool, error) {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, 1<<20))
	if err != nil {
		return false, qianxiang.Errorf(qianxiang.EInvalid, "the request body is too large or unreadable")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return false, nil
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return true, decode(r, v)
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
		var in app.ReportInput
		sent, derr := decodeOptional(r, &in)
		if derr != nil {
			return derr
		}
		if in.Version, err = reportVersion(r, in.Version); err != nil {
			return err
		}
		if sent || in.Version != 0 {
			rep, err = s.App.SubmitReport(ctx, a, id, y, m, &in)
		} else {
			rep, err = s.App.SubmitReport(ctx, a, id, y, m, nil)
		}
	case "approve", "return":
		var in reviewInput
		if _, derr := decodeOptional(r, &in); derr != nil {
			return derr
		}
		if in.Version, err = reportVersion(r, in.Version); err != nil {
			return err
		}
		if r.PathValue("action") == "approve" {
			rep, err = s.App.ApproveReport(ctx, a, id, y, m, in.Version)
		} else {
			rep, err = s.App.ReturnReport(ctx, a, id, y, m, in.Version, in.Reason)
		}
	case "reopen":
		rep, err = s.App.ReopenReport(ctx, a, id, y, m)
	default:
		return qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "report action "+r.PathValue("action"))
	}
	if err != nil {
		return err
	}
	writeReport(w, rep)
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
	// summary=1: the figures with the first red projects and missing
	// reports and their counts (a province's whole lists are megabytes).
	switch r.URL.Query().Get("summary") {
	case "", "0":
		writeJSON(w, 200, d)
	case "1":
		writeJSON(w, 200, d.Summarize())
	default:
		return qianxiang.FieldError("summary", "must be 0 or 1")
	}
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
