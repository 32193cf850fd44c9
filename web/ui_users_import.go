package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// usersImportSubmit takes a users workbook on /admin/users and shows the
// first-login slips once; a refused workbook comes back with every faulty
// row named, and nothing written.
func (s *Server) usersImportSubmit(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	f, name, err := s.uploadedFile(w, r)
	var res *app.UsersImport
	if err == nil {
		defer f.Close()
		res, err = s.App.ImportUsers(r.Context(), actor(r), name, f)
	}
	if err != nil {
		lang := info(r).Lang
		var ds []string
		if e := qianxiang.AsError(err); e != nil {
			for _, x := range e.Details {
				ds = append(ds, i18n.Detail(lang, x))
			}
		}
		return s.renderUsersDetails(w, r, Status(qianxiang.ErrorCode(err)), i18n.Error(lang, err), ds)
	}
	// The passwords are in this page only: no cache may keep it.
	w.Header().Set("Cache-Control", "no-store")
	return s.render(w, r, 200, "user_slips", s.page(r, "First-login slips", "settings", res))
}

// apiImportUsers is POST /api/v1/users/import (multipart field "file"):
// {"imported": N, "slips": [{row, display_name, org, role, username,
// password}]}, the passwords given this once.
func (s *Server) apiImportUsers(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActManageUsers); err != nil {
		return err
	}
	f, name, err := s.uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := s.App.ImportUsers(r.Context(), actor(r), name, f)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, 200, res)
	return nil
}
