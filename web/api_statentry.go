package web

import (
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// statEntryRoutes: statistics entry (项目入库) — the gap list, a project's
// entry workflow, vouchers and on-site verifications; the /statistics page
// and the project page's forms (ui_statentry.go).
func (s *Server) statEntryRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/statistics/gap", a(s.apiEntryGap)},
		{"GET /api/v1/projects/{id}/entry", a(s.apiEntry)},
		{"POST /api/v1/projects/{id}/entry/{action}", a(s.apiEntryStep)},
		{"GET /api/v1/projects/{id}/vouchers", a(s.apiVouchers)},
		{"POST /api/v1/projects/{id}/vouchers/{kind}", a(s.apiUploadVoucher)},
		{"DELETE /api/v1/projects/{id}/vouchers/{fid}", a(s.apiDeleteVoucher)},
		{"GET /api/v1/projects/{id}/entry-files/{fid}", a(s.apiEntryFile)},
		{"GET /api/v1/projects/{id}/verifications", a(s.apiVerifications)},
		{"POST /api/v1/projects/{id}/verifications", a(s.apiAddVerification)},
		{"POST /api/v1/projects/{id}/verifications/{vid}/photos", a(s.apiVerificationPhoto)},
		{"GET /statistics", a(s.statisticsPage)},
		{"GET /statistics.xlsx", a(s.statisticsXLSX)},
		{"POST /projects/{id}/entry/{action}", a(s.entryStepSubmit)},
		{"POST /projects/{id}/vouchers", a(s.voucherSubmit)},
		{"POST /projects/{id}/vouchers/{fid}/delete", a(s.voucherDelete)},
		{"POST /projects/{id}/verifications", a(s.verificationSubmit)},
	}
}

// entryFileURL is where a filed voucher or photo is read.
func entryFileURL(f qianxiang.StatFile) string {
	return fmt.Sprintf("/api/v1/projects/%d/entry-files/%d", f.ProjectID, f.ID)
}

func (s *Server) apiEntryGap(w http.ResponseWriter, r *http.Request) error {
	year, err := queryInt(r, "year", s.App.DefaultYear(r.Context()))
	if err != nil {
		return err
	}
	g, err := s.App.EntryGap(r.Context(), actor(r), year, strings.TrimSpace(r.URL.Query().Get("org")))
	if err != nil {
		return err
	}
	if err := g.OnlyReason(r.URL.Query().Get("reason")); err != nil {
		return err
	}
	writeJSON(w, 200, g)
	return nil
}

func (s *Server) apiEntry(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.App.StatEntry(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, v)
	return nil
}

// entryAction reads the step of the path; anything else is not an address.
func entryAction(r *http.Request) (qianxiang.EntryAction, error) {
	act := qianxiang.EntryAction(r.PathValue("action"))
	for _, x := range qianxiang.EntryActions {
		if act == x {
			return act, nil
		}
	}
	return "", qianxiang.Errorf(qianxiang.ENotFound, "%s not found", r.URL.Path)
}

// apiEntryStep: submit, review, accept, or return {"reason"}.
func (s *Server) apiEntryStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	act, err := entryAction(r)
	if err != nil {
		return err
	}
	var in struct{ Reason string }
	if _, err := decodeOptional(r, &in); err != nil {
		return err
	}
	e, err := s.App.StepEntry(r.Context(), actor(r), id, act, in.Reason)
	if err != nil {
		return err
	}
	writeJSON(w, 200, e)
	return nil
}

// voucherJSON is a filed document with the address to read it.
func voucherJSON(f qianxiang.StatFile) map[string]any {
	return map[string]any{"id": f.ID, "kind": f.Kind, "sha256": f.SHA256, "mime": f.MIME, "size": f.Size, "name": f.Name,
		"uploaded_by": f.UploadedBy, "created_at": f.CreatedAt, "url": entryFileURL(f)}
}

func (s *Server) apiVouchers(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.App.StatEntry(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	items := make([]map[string]any, 0, len(v.Vouchers))
	for _, slot := range v.Vouchers {
		files := make([]map[string]any, 0, len(slot.Files))
		for _, f := range slot.Files {
			files = append(files, voucherJSON(f))
		}
		items = append(items, map[string]any{"kind": slot.Kind, "label": slot.Label, "required": slot.Required, "files": files})
	}
	writeJSON(w, 200, map[string]any{"items": items, "total": len(items), "missing_vouchers": v.Missing})
	return nil
}

// fileFromForm reads one multipart file field, refusing more than max
// bytes before it is all read.
func fileFromForm(w http.ResponseWriter, r *http.Request, field string, max int) ([]byte, string, error) {
	const slack = 64 << 10 // the multipart envelope and the other fields
	tooLarge := qianxiang.FieldError(field, "is larger than %d MB", max>>20)
	if r.MultipartForm == nil {
		r.Body = http.MaxBytesReader(w, r.Body, int64(max)+slack)
		if err := r.ParseMultipartForm(int64(max) + slack); err != nil {
			if _, ok := err.(*http.MaxBytesError); ok {
				return nil, "", tooLarge
			}
			return nil, "", qianxiang.FieldError(field, "is required: attach the file as the multipart field %q", field)
		}
	}
	f, h, err := r.FormFile(field)
	if err != nil {
		return nil, "", qianxiang.FieldError(field, "is required: attach the file as the multipart field %q", field)
	}
	defer f.Close()
	return readLimited(f, h, field, max)
}

func readLimited(f multipart.File, h *multipart.FileHeader, field string, max int) ([]byte, string, error) {
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return nil, "", qianxiang.Errorf(qianxiang.EInvalid, "the file could not be read")
	}
	if len(data) > max {
		return nil, "", qianxiang.FieldError(field, "is larger than %d MB", max>>20)
	}
	return data, h.Filename, nil
}

func (s *Server) apiUploadVoucher(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.MayFileOn(r.Context(), actor(r), id, false); err != nil {
		return err
	}
	data, name, err := fileFromForm(w, r, "file", app.MaxVoucherBytes)
	if err != nil {
		return err
	}
	f, err := s.App.UploadVoucher(r.Context(), actor(r), id, qianxiang.VoucherKind(r.PathValue("kind")), name, data)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, voucherJSON(f))
	return nil
}

// apiEntryFile serves a voucher or verification photo; PDFs and pictures
// are shown inline, never sniffed into anything else.
func (s *Server) apiEntryFile(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	fid, err := pathID(r, "fid")
	if err != nil {
		return err
	}
	f, data, err := s.App.StatFileData(r.Context(), actor(r), id, fid)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", f.MIME)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Header().Set("Content-Disposition", "inline")
	w.Write(data)
	return nil
}

func verificationJSON(v qianxiang.Verification) map[string]any {
	photos := make([]map[string]any, 0, len(v.Photos))
	for _, f := range v.Photos {
		photos = append(photos, voucherJSON(f))
	}
	return map[string]any{"id": v.ID, "project_id": v.ProjectID, "visited_on": v.VisitedOn, "people": v.People, "findings": v.Findings,
		"created_by": v.CreatedBy, "created_at": v.CreatedAt, "photos": photos}
}

func (s *Server) apiVerifications(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	vs, err := s.App.Verifications(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	items := make([]map[string]any, 0, len(vs))
	for _, v := range vs {
		items = append(items, verificationJSON(v))
	}
	writeJSON(w, 200, map[string]any{"items": items, "total": len(items)})
	return nil
}

// apiAddVerification takes {"visited_on","people","findings"} as JSON, or
// the same fields as multipart/form-data with pictures in "photos".
func (s *Server) apiAddVerification(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.MayFileOn(r.Context(), actor(r), id, true); err != nil {
		return err
	}
	var v qianxiang.Verification
	var photos []app.NamedFile
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if v, photos, err = verificationForm(w, r); err != nil {
			return err
		}
	} else {
		var in struct {
			VisitedOn string `json:"visited_on"`
			People    string `json:"people"`
			Findings  string `json:"findings"`
		}
		if err := decode(r, &in); err != nil {
			return err
		}
		if v.VisitedOn, err = qianxiang.ParseDate(in.VisitedOn); err != nil {
			return qianxiang.InArea("verification", qianxiang.FieldError("visited_on", "must be a date YYYY-MM-DD"))
		}
		v.People, v.Findings = in.People, in.Findings
	}
	out, err := s.App.AddVerification(r.Context(), actor(r), id, v, photos)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, verificationJSON(out))
	return nil
}

// verificationForm reads a verification with its photos from a multipart
// form (the API's and the project page's).
func verificationForm(w http.ResponseWriter, r *http.Request) (qianxiang.Verification, []app.NamedFile, error) {
	var v qianxiang.Verification
	const max = app.MaxPhotosPerReport*app.MaxPhotoBytes + 1<<20
	if r.MultipartForm == nil {
		r.Body = http.MaxBytesReader(w, r.Body, max)
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			if _, ok := err.(*http.MaxBytesError); ok {
				return v, nil, qianxiang.FieldError("photos", "are larger than %d MB together", max>>20)
			}
			return v, nil, qianxiang.Errorf(qianxiang.EInvalid, "send the record as multipart/form-data")
		}
	}
	var err error
	if v.VisitedOn, err = qianxiang.ParseDate(r.FormValue("visited_on")); err != nil {
		return v, nil, qianxiang.InArea("verification", qianxiang.FieldError("visited_on", "must be a date YYYY-MM-DD"))
	}
	v.People, v.Findings = r.FormValue("people"), r.FormValue("findings")
	var photos []app.NamedFile
	for _, h := range r.MultipartForm.File["photos"] {
		f, err := h.Open()
		if err != nil {
			return v, nil, qianxiang.Errorf(qianxiang.EInvalid, "the file could not be read")
		}
		data, name, err := readLimited(f, h, "photos", app.MaxPhotoBytes)
		f.Close()
		if err != nil {
			return v, nil, err
		}
		if len(data) == 0 && name == "" {
			continue // the empty file input of a form sent without photos
		}
		photos = append(photos, app.NamedFile{Name: name, Data: data})
	}
	return v, photos, nil
}

func (s *Server) apiVerificationPhoto(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.App.MayFileOn(r.Context(), actor(r), id, true); err != nil {
		return err
	}
	vid, err := pathID(r, "vid")
	if err != nil {
		return err
	}
	data, name, err := fileFromForm(w, r, "file", app.MaxPhotoBytes)
	if err != nil {
		return err
	}
	f, err := s.App.AddVerificationPhoto(r.Context(), actor(r), id, vid, name, data)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, voucherJSON(f))
	return nil
}

func (s *Server) apiDeleteVoucher(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	fid, err := pathID(r, "fid")
	if err != nil {
		return err
	}
	if err := s.App.DeleteVoucher(r.Context(), actor(r), id, fid); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
