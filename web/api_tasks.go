package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

func taskQuery(r *http.Request) (app.TaskQuery, error) {
	var q app.TaskQuery
	var err error
	if q.Year, err = queryInt(r, "year", 0); err != nil {
		return q, err
	}
	if v := r.URL.Query().Get("list"); v != "" {
		if q.ListID, err = strconv.ParseInt(v, 10, 64); err != nil || q.ListID <= 0 {
			return q, qianxiang.FieldError("list", "must be a positive number")
		}
	}
	q.Light, q.OrgCode = r.URL.Query().Get("light"), r.URL.Query().Get("org")
	return q, nil
}

func (s *Server) apiTaskLists(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	ls, err := s.App.TaskLists(r.Context(), actor(r), y)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ls, "total": len(ls)})
	return nil
}

func (s *Server) apiTasks(w http.ResponseWriter, r *http.Request) error {
	q, err := taskQuery(r)
	if err != nil {
		return err
	}
	ts, err := s.App.Tasks(r.Context(), actor(r), q)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ts, "total": len(ts)})
	return nil
}

func (s *Server) apiTask(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := s.App.Task(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, t)
	return nil
}

func (s *Server) apiTaskProgress(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.ProgressIn
	if err := decode(r, &in); err != nil {
		return err
	}
	t, err := s.App.ReportTaskProgress(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, t)
	return nil
}

// importTasks reads the uploaded ledger (multipart field file) and imports
// it as the list named title (default: the workbook's title row).
func (s *Server) importTasks(r *http.Request) (qianxiang.TaskList, error) {
	var l qianxiang.TaskList
	if err := s.App.May(actor(r), qianxiang.ActImportPlan); err != nil {
		return l, err
	}
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return l, err
	}
	if err := r.ParseMultipartForm(s.MaxUpload); err != nil {
		return l, qianxiang.Errorf(qianxiang.EInvalid, "send the workbook as the multipart field %q", "file")
	}
	if y == 0 {
		if y, err = strconv.Atoi(r.FormValue("year")); err != nil {
			return l, qianxiang.FieldError("year", "must be a whole number")
		}
	}
	f, h, err := r.FormFile("file")
	if err != nil {
		return l, qianxiang.Errorf(qianxiang.EInvalid, "send the workbook as the multipart field %q", "file")
	}
	defer f.Close()
	sheet, err := excel.ReadTasks(f, h.Filename, y)
	if err != nil {
		return l, err
	}
	title := r.FormValue("title")
	if title == "" {
		title = r.URL.Query().Get("title")
	}
	if title == "" {
		title = sheet.Title
	}
	return s.App.ImportTaskList(r.Context(), actor(r), qianxiang.TaskList{Year: y, Title: title, Source: r.FormValue("source")}, sheet.Rows)
}

func (s *Server) apiImportTasks(w http.ResponseWriter, r *http.Request) error {
	l, err := s.importTasks(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, l)
	return nil
}

// exportTasks writes one list (list=ID) in the import layout with lights.
func (s *Server) exportTasks(w http.ResponseWriter, r *http.Request) error {
	q, err := taskQuery(r)
	if err != nil {
		return err
	}
	if q.ListID == 0 {
		return qianxiang.FieldError("list", "is required")
	}
	ctx, a := r.Context(), actor(r)
	ls, err := s.App.TaskLists(ctx, a, 0)
	if err != nil {
		return err
	}
	var l *qianxiang.TaskList
	for i := range ls {
		if ls[i].ID == q.ListID {
			l = &ls[i]
		}
	}
	if l == nil {
		return qianxiang.ErrNotFound("task list")
	}
	ts, err := s.App.Tasks(ctx, a, q)
	if err != nil {
		return err
	}
	lang := info(r).Lang
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="tasks-%d.xlsx"; filename*=UTF-8''%s`, l.ID, url.PathEscape(l.Title+".xlsx")))
	return excel.WriteTasks(w, l.Title, l.Year, ts, func(x qianxiang.Light) string { return i18n.T(lang, string(x)) })
}

func (s *Server) apiEditTask(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.TaskEdit
	if err := decode(r, &in); err != nil {
		return err
	}
	t, err := s.App.EditTask(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 200, t)
	return nil
}
