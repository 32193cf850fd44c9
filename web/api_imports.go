package web

import (
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// uploadedFile reads the multipart field "file" within the upload limit.
func (s *Server) uploadedFile(w http.ResponseWriter, r *http.Request) (multipart.File, string, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.MaxUpload+1<<20)
	if err := r.ParseMultipartForm(s.MaxUpload); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, "", qianxiang.Errorf(qianxiang.EInvalid, "the file is larger than %d MB", int(s.MaxUpload>>20))
		}
		return nil, "", qianxiang.Errorf(qianxiang.EInvalid, "send the workbook as multipart/form-data in the field \"file\"")
	}
	f, h, err := r.FormFile("file")
	if err != nil {
		return nil, "", qianxiang.FieldError("file", "is required: attach the workbook as the multipart field \"file\"")
	}
	if h.Size > s.MaxUpload {
		f.Close()
		return nil, "", qianxiang.Errorf(qianxiang.EInvalid, "the file is larger than %d MB", int(s.MaxUpload>>20))
	}
	return f, h.Filename, nil
}

func flag(r *http.Request, name string) bool {
	v := r.URL.Query().Get(name)
	if v == "" {
		v = r.FormValue(name)
	}
	return v == "1" || v == "true" || v == "on"
}

func details(lang string, ds []qianxiang.Detail) []errorDetail {
	out := make([]errorDetail, 0, len(ds))
	for _, d := range ds {
		out = append(out, errorDetail{Row: d.Row, Column: d.Column, Header: d.Header, Field: d.Field,
			Message: i18n.Message(lang, d)})
	}
	return out
}

func (s *Server) apiImportProjects(w http.ResponseWriter, r *http.Request) error {
	// The role is checked before the upload is read (the service checks again).
	if !actor(r).Can(qianxiang.ActImportPlan, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	year, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	f, name, err := s.uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	lang := info(r).Lang
	res, err := s.App.ImportProjects(r.Context(), actor(r), year, name, f, flag(r, "dry_run"), flag(r, "update"))
	if err != nil {
		if res == nil {
			return err
		}
		body := apiError(lang, err)
		writeJSON(w, Status(qianxiang.ErrorCode(err)), map[string]any{"error": body.Error, "warnings": details(lang, res.Warnings)})
		return nil
	}
	writeJSON(w, 200, map[string]any{"dry_run": res.DryRun, "imported": res.Created + res.Updated, "created": res.Created,
		"updated": res.Updated, "sheet": res.Sheet, "unit": res.Unit, "totals": res.Totals, "warnings": details(lang, res.Warnings),
		"message": fmt.Sprintf("imported %d projects", res.Created+res.Updated)})
	return nil
}

func (s *Server) apiImportReports(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).Can(qianxiang.ActImportReports, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	year, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	month, err := queryInt(r, "month", 0)
	if err != nil {
		return err
	}
	f, name, err := s.uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	lang := info(r).Lang
	imp, err := s.App.ImportReports(r.Context(), actor(r), year, month, name, f, flag(r, "dry_run"))
	if err != nil {
		if imp == nil {
			return err
		}
		body := apiError(lang, err)
		writeJSON(w, Status(qianxiang.ErrorCode(err)), map[string]any{"error": body.Error, "warnings": details(lang, imp.Warnings)})
		return nil
	}
	writeJSON(w, 200, map[string]any{"imported": len(imp.Rows), "month": imp.Month, "warnings": details(lang, imp.Warnings),
		"message": fmt.Sprintf("imported %d reports", len(imp.Rows))})
	return nil
}

func (s *Server) apiExportProjects(w http.ResponseWriter, r *http.Request) error {
	year, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="projects-%d.xlsx"`, year))
	return s.App.ExportProjects(r.Context(), actor(r), year, w)
}
