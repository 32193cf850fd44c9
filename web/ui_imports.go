package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

// importData is what imports.html shows: the upload form, then a preview
// (a dry run), then the outcome of the confirmed import.
type importData struct {
	Year     int
	Update   bool
	MaxMB    int
	Filename string
	Result   *app.ImportResult
	Rows     []importRowView
	Errors   []string
	Warnings []string
	UploadID string // set when the preview can be confirmed
	// UpdateID is set when the preview was refused only because its
	// projects are already in the plan: it can be previewed as an update.
	UpdateID string
	Done     bool
}

// importRowView is one row of the preview with its own faults, so a person
// sees each error where it is in their spreadsheet.
type importRowView struct {
	Row    int
	Action string
	P      *qianxiang.Project // nil for a row the reader could not make a project of
	Errs   []string
	Bad    map[string]bool // fields to mark
}

// mayImport refuses, before anything is read, the roles that cannot import.
func mayImport(r *http.Request) error {
	if !actor(r).Can(qianxiang.ActImportPlan, qianxiang.Scope{}) {
		return qianxiang.Errorf(qianxiang.EForbidden, "only the campaign office can import the year's project list; ask it to import your list")
	}
	return nil
}

func (s *Server) importsPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayImport(r); err != nil {
		return err
	}
	year, err := queryInt(r, "year", 0)
	if err != nil || year == 0 {
		year = s.App.DefaultYear(r.Context())
	}
	return s.renderImport(w, r, 200, &importData{Year: year}, nil)
}

func (s *Server) renderImport(w http.ResponseWriter, r *http.Request, status int, d *importData, err error) error {
	d.MaxMB = int(s.MaxUpload >> 20)
	p := s.page(r, "Import project list", "projects", d)
	// Row errors of a preview are listed with the preview, not twice.
	if err != nil && len(d.Errors) == 0 {
		p.Error = i18n.Error(p.Lang, err)
		if e := qianxiang.AsError(err); e != nil {
			for _, det := range e.Details {
				p.Details = append(p.Details, i18n.Detail(p.Lang, det))
			}
		}
	}
	return s.render(w, r, status, "imports", p)
}

// importPreview reads the upload, runs it as a dry run and, when it is
// clean, keeps it in the database for the confirmation.
func (s *Server) importPreview(w http.ResponseWriter, r *http.Request) error {
	if err := mayImport(r); err != nil {
		return err
	}
	// The file first: reading any other field would parse the body
	// without the upload limit.
	name, data, err := s.readUpload(w, r)
	d := &importData{Update: flag(r, "update")}
	d.Year, _ = strconv.Atoi(r.FormValue("year"))
	if err != nil {
		if d.Year == 0 {
			d.Year = s.App.DefaultYear(r.Context())
		}
		return s.renderImport(w, r, Status(qianxiang.ErrorCode(err)), d, err)
	}
	d.Filename = name
	res, id, err := s.App.PreviewImport(r.Context(), actor(r), d.Year, name, data, d.Update)
	d.keep(id, err)
	return s.showImport(w, r, d, res, err)
}

// keep files the kept upload's id as confirmable, or as to be previewed
// as an update when the preview was refused.
func (d *importData) keep(id string, err error) {
	if err == nil {
		d.UploadID = id
	} else {
		d.UpdateID = id
	}
}

// importAsUpdate previews again, as an update, a list refused because its
// projects are already in the plan.
func (s *Server) importAsUpdate(w http.ResponseWriter, r *http.Request) error {
	if err := mayImport(r); err != nil {
		return err
	}
	res, u, id, err := s.App.PreviewAsUpdate(r.Context(), actor(r), r.PathValue("upload"))
	d := &importData{Year: u.Year, Update: true, Filename: u.Filename}
	if d.Year == 0 {
		d.Year = s.App.DefaultYear(r.Context())
	}
	d.keep(id, err)
	return s.showImport(w, r, d, res, err)
}

func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request) error {
	if err := mayImport(r); err != nil {
		return err
	}
	res, u, err := s.App.ConfirmImport(r.Context(), actor(r), r.PathValue("upload"))
	d := &importData{Year: u.Year, Update: u.Update, Filename: u.Filename, Done: err == nil}
	if d.Year == 0 {
		d.Year = s.App.DefaultYear(r.Context())
	}
	return s.showImport(w, r, d, res, err)
}

// showImport renders a preview or an outcome, with every error on its row.
func (s *Server) showImport(w http.ResponseWriter, r *http.Request, d *importData, res *app.ImportResult, err error) error {
	if res == nil {
		if err == nil {
			err = errors.New("import returned nothing")
		}
		if qianxiang.ErrorCode(err) == qianxiang.EInternal {
			return err
		}
		return s.renderImport(w, r, Status(qianxiang.ErrorCode(err)), d, err)
	}
	lang := info(r).Lang
	d.Result = res
	for _, det := range res.Errors {
		d.Errors = append(d.Errors, i18n.Detail(lang, det))
	}
	for _, det := range res.Warnings {
		d.Warnings = append(d.Warnings, i18n.Detail(lang, det))
	}
	if !d.Done {
		d.Rows = previewRows(lang, res)
	}
	status := 200
	if err != nil {
		status = Status(qianxiang.ErrorCode(err))
	}
	return s.renderImport(w, r, status, d, err)
}

// previewRows joins the rows with their errors; an error on a row the
// reader made no project of still gets a line of its own.
func previewRows(lang string, res *app.ImportResult) []importRowView {
	byRow := map[int]int{}
	var out []importRowView
	for i := range res.Rows {
		ir := &res.Rows[i]
		byRow[ir.Row] = len(out)
		out = append(out, importRowView{Row: ir.Row, Action: ir.Action, P: &ir.Project})
	}
	for _, det := range res.Errors {
		if det.Row == 0 {
			continue
		}
		i, ok := byRow[det.Row]
		if !ok {
			i = len(out)
			byRow[det.Row] = i
			out = append(out, importRowView{Row: det.Row})
		}
		v := &out[i]
		if v.Bad == nil {
			v.Bad = map[string]bool{}
		}
		field := det.Field
		if field == "county" { // the reader's name for the project's org
			field = "org"
		}
		v.Bad[field] = true
		here := det
		here.Row = 0 // the row number is already in the row's first cell
		v.Errs = append(v.Errs, i18n.Detail(lang, here))
	}
	slices.SortStableFunc(out, func(a, b importRowView) int { return a.Row - b.Row })
	return out
}

// readUpload reads the "file" field within the upload limit, with messages
// for people rather than for scripts.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	tooBig := qianxiang.Errorf(qianxiang.EInvalid, "the file is larger than %d MB", int(s.MaxUpload>>20))
	r.Body = http.MaxBytesReader(w, r.Body, s.MaxUpload+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "", nil, tooBig
		}
		return "", nil, qianxiang.Errorf(qianxiang.EInvalid, "choose a workbook (.xlsx or .csv) to upload")
	}
	f, h, err := r.FormFile("file")
	if err != nil {
		return "", nil, qianxiang.Errorf(qianxiang.EInvalid, "choose a workbook (.xlsx or .csv) to upload")
	}
	defer f.Close()
	if h.Size > s.MaxUpload {
		return "", nil, tooBig
	}
	data, err := io.ReadAll(io.LimitReader(f, s.MaxUpload+1))
	if err != nil {
		return "", nil, qianxiang.Errorf(qianxiang.EInvalid, "the upload was interrupted; try again")
	}
	if int64(len(data)) > s.MaxUpload {
		return "", nil, tooBig
	}
	return h.Filename, data, nil
}

// importTemplate is the empty list with its instruction sheet.
func (s *Server) importTemplate(w http.ResponseWriter, r *http.Request) error {
	year, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	if year == 0 {
		year = s.App.DefaultYear(r.Context())
	}
	if year < 2000 || year > 2100 {
		return qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	var b bytes.Buffer
	if err := excel.WriteTemplate(&b, year); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	// An ASCII name for old clients, the Chinese one (RFC 6266) for the rest.
	zh := url.PathEscape(fmt.Sprintf("%d年项目清单模板.xlsx", year))
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="project-list-template-%d.xlsx"; filename*=UTF-8''%s`, year, zh))
	_, err = b.WriteTo(w)
	return err
}
