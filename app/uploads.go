package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"qianxiang"
	"qianxiang/store"
)

// UploadTTL is how long a previewed workbook waits for its confirmation.
const UploadTTL = time.Hour

// PreviewImport runs an import of a project list as a dry run and, when the
// file would import cleanly, keeps it for ConfirmImport so the user does not
// have to send it again. The id is empty when nothing was kept (the file has
// errors, or could not be read). A file refused only because its projects
// are already in the plan is kept too, with its error, so that the page can
// offer to preview it as an update instead (PreviewAsUpdate).
func (a *App) PreviewImport(ctx context.Context, actor qianxiang.Actor, year int, filename string, data []byte, update bool) (*ImportResult, string, error) {
	res, err := a.ImportProjects(ctx, actor, year, filename, bytes.NewReader(data), true, update)
	if err != nil && !res.OnlyInPlan() || actor.UserID == 0 {
		return res, "", err
	}
	refused := err
	b := make([]byte, 16)
	rand.Read(b)
	u := qianxiang.Upload{ID: hex.EncodeToString(b), UserID: actor.UserID, Kind: "projects", Filename: filename,
		Year: year, Update: update, Data: data, ExpiresAt: a.Now().Add(UploadTTL)}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.InsertUpload(ctx, &u) })
	if err != nil {
		return res, "", a.internal(ctx, "keep upload", err)
	}
	return res, u.ID, refused
}

// PreviewAsUpdate previews again, as an update of the projects already in
// the plan, a file PreviewImport kept; the new preview has a new id.
func (a *App) PreviewAsUpdate(ctx context.Context, actor qianxiang.Actor, id string) (*ImportResult, qianxiang.Upload, string, error) {
	if !actor.Can(qianxiang.ActImportPlan, qianxiang.Scope{}) {
		return nil, qianxiang.Upload{}, "", qianxiang.ErrForbidden()
	}
	var u qianxiang.Upload
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.TakeUpload(ctx, id, actor.UserID, "projects")
		return err
	})
	if err != nil {
		return nil, u, "", a.internal(ctx, "read upload", err)
	}
	u.Update = true
	res, newID, err := a.PreviewImport(ctx, actor, u.Year, u.Filename, u.Data, true)
	return res, u, newID, err
}

// ConfirmImport imports the file kept by PreviewImport, with the year and
// update choice of its preview. Only the user who uploaded it can confirm
// it, and only once; another user's or an expired id is not found.
func (a *App) ConfirmImport(ctx context.Context, actor qianxiang.Actor, id string) (*ImportResult, qianxiang.Upload, error) {
	if !actor.Can(qianxiang.ActImportPlan, qianxiang.Scope{}) {
		return nil, qianxiang.Upload{}, qianxiang.ErrForbidden()
	}
	var u qianxiang.Upload
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.TakeUpload(ctx, id, actor.UserID, "projects")
		return err
	})
	if err != nil {
		return nil, u, a.internal(ctx, "read upload", err)
	}
	res, err := a.ImportProjects(ctx, actor, u.Year, u.Filename, bytes.NewReader(u.Data), false, u.Update)
	return res, u, err
}
