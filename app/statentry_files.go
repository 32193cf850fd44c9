package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"qianxiang"
	"qianxiang/store"
)

// MaxVoucherBytes bounds one voucher: a scanned approval or contract of
// some dozen pages fits; anything larger is split or scanned lighter.
const MaxVoucherBytes = 10 << 20

// MaxFilesPerVoucher keeps a checklist line reviewable.
const MaxFilesPerVoucher = 20

// voucherType recognises what a voucher is by its content, never its
// name: a PDF (the "%PDF-" header and an end-of-file marker near the end,
// so a truncated upload is refused), or a JPEG or PNG picture as report
// photos are checked (photoType).
func voucherType(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		tail := data[max(0, len(data)-2048):]
		if !bytes.Contains(tail, []byte("%%EOF")) {
			return "", qianxiang.FieldError("file", "is not a complete PDF (its end is missing)")
		}
		return "application/pdf", nil
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}) || bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		return photoType(data)
	}
	return "", qianxiang.FieldError("file", "is not a PDF, JPEG or PNG file")
}

// UploadVoucher files a document of one kind of the project's vouchers
// checklist: checked by content and size, stored once by its SHA-256, and
// audited.
func (a *App) UploadVoucher(ctx context.Context, actor qianxiang.Actor, projectID int64, kind qianxiang.VoucherKind, name string, data []byte) (qianxiang.StatFile, error) {
	var f qianxiang.StatFile
	if err := a.MayFileOn(ctx, actor, projectID, false); err != nil {
		return f, err
	}
	if !kind.Valid() {
		return f, qianxiang.FieldError("kind", "%q is not a voucher kind (approval, contract, licence, progress, payment)", string(kind))
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := a.fileProject(ctx, tx, actor, projectID, qianxiang.MayUploadVoucher)
		if err != nil {
			return err
		}
		if f, err = checkedFile(data, MaxVoucherBytes, voucherType, name); err != nil {
			return err
		}
		files, err := tx.StatFiles(ctx, projectID)
		if err != nil {
			return err
		}
		n := 0
		for _, x := range files {
			if x.Kind == kind {
				n++
			}
		}
		if n >= MaxFilesPerVoucher {
			return qianxiang.FieldError("file", "a voucher can have at most %d files", MaxFilesPerVoucher)
		}
		f.ProjectID, f.Kind, f.UploadedBy = projectID, kind, actor.Username
		return a.saveStatFile(ctx, tx, actor, &f, data, fmt.Sprintf("%s voucher %s %s", p.Name, kind, f.SHA256[:12]))
	})
	return f, a.internal(ctx, "upload voucher", err)
}

// checkedFile refuses a file too large or of the wrong content before
// anything is stored, and describes it.
func checkedFile(data []byte, maxBytes int, sniff func([]byte) (string, error), name string) (qianxiang.StatFile, error) {
	var f qianxiang.StatFile
	if len(data) == 0 {
		return f, qianxiang.FieldError("file", "is empty")
	}
	if len(data) > maxBytes {
		return f, qianxiang.FieldError("file", "is larger than %d MB", maxBytes>>20)
	}
	mime, err := sniff(data)
	if err != nil {
		return f, err
	}
	sum := sha256.Sum256(data)
	return qianxiang.StatFile{SHA256: hex.EncodeToString(sum[:]), MIME: mime, Size: len(data), Name: photoName(name)}, nil
}

// fileProject loads a project for a change of its entry's documents: not
// found outside the actor's scope, forbidden to a role may refuses.
// MayFileOn makes fileProject's checks (vouchers, or verify for a
// verification and its photos) before the upload is read: a caller
// without the right learns nothing from the file's validation.
func (a *App) MayFileOn(ctx context.Context, actor qianxiang.Actor, projectID int64, verify bool) error {
	may := qianxiang.MayUploadVoucher
	if verify {
		may = qianxiang.MayVerify
	}
	return a.internal(ctx, "statistics file", a.DB.Tx(ctx, func(tx *store.Tx) error {
		_, err := a.fileProject(ctx, tx, actor, projectID, may)
		return err
	}))
}

func (a *App) fileProject(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, projectID int64, may func(qianxiang.Actor) bool) (qianxiang.Project, error) {
	p, err := tx.Project(ctx, projectID)
	if err != nil {
		return p, err
	}
	if !actor.InScope(p.ScopeOf()) {
		return p, qianxiang.ErrNotFound("project")
	}
	if !may(actor) {
		return p, qianxiang.ErrForbidden()
	}
	return p, nil
}

func (a *App) saveStatFile(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, f *qianxiang.StatFile, data []byte, label string) error {
	if err := tx.PutBlob(ctx, f.SHA256, data); err != nil {
		return err
	}
	if err := tx.InsertStatFile(ctx, f); err != nil {
		return err
	}
	return tx.Audit(ctx, actor.Username, "create", "stat_files", f.ID, label, "")
}

// NamedFile is an uploaded file with the name the browser gave it.
type NamedFile struct {
	Name string
	Data []byte
}

// AddVerification records an on-site check with its photos, all or
// nothing: a photo that is not a picture refuses the whole record.
func (a *App) AddVerification(ctx context.Context, actor qianxiang.Actor, projectID int64, v qianxiang.Verification, photos []NamedFile) (qianxiang.Verification, error) {
	if err := a.MayFileOn(ctx, actor, projectID, true); err != nil {
		return v, err
	}
	if err := v.Validate(a.Today()); err != nil {
		return v, err
	}
	if len(photos) > MaxPhotosPerReport {
		return v, qianxiang.FieldError("photos", "a verification can have at most %d photos", MaxPhotosPerReport)
	}
	checked := make([]qianxiang.StatFile, len(photos))
	for i, ph := range photos {
		f, err := checkedFile(ph.Data, MaxPhotoBytes, photoType, ph.Name)
		if err != nil {
			return v, err
		}
		checked[i] = f
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := a.fileProject(ctx, tx, actor, projectID, qianxiang.MayVerify)
		if err != nil {
			return err
		}
		v.ProjectID, v.CreatedBy = projectID, actor.Username
		if err := tx.InsertVerification(ctx, &v); err != nil {
			return err
		}
		label := fmt.Sprintf("%s verification %s", p.Name, v.VisitedOn)
		if err := tx.Audit(ctx, actor.Username, "create", "stat_verifications", v.ID, label, ""); err != nil {
			return err
		}
		v.Photos = []qianxiang.StatFile{}
		seen := map[string]bool{}
		for i := range checked {
			f := checked[i]
			if seen[f.SHA256] {
				continue // the same picture chosen twice is one photo
			}
			seen[f.SHA256] = true
			f.ProjectID, f.VerificationID, f.UploadedBy = projectID, v.ID, actor.Username
			if err := a.saveStatFile(ctx, tx, actor, &f, photos[i].Data, label+" photo "+f.SHA256[:12]); err != nil {
				return err
			}
			v.Photos = append(v.Photos, f)
		}
		return nil
	})
	return v, a.internal(ctx, "add verification", err)
}

// AddVerificationPhoto adds one photo to a recorded on-site check.
func (a *App) AddVerificationPhoto(ctx context.Context, actor qianxiang.Actor, projectID, verificationID int64, name string, data []byte) (qianxiang.StatFile, error) {
	var f qianxiang.StatFile
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := a.fileProject(ctx, tx, actor, projectID, qianxiang.MayVerify)
		if err != nil {
			return err
		}
		v, err := tx.Verification(ctx, projectID, verificationID)
		if err != nil {
			return err
		}
		if f, err = checkedFile(data, MaxPhotoBytes, photoType, name); err != nil {
			return err
		}
		f.ProjectID, f.VerificationID, f.UploadedBy = projectID, v.ID, actor.Username
		return a.saveStatFile(ctx, tx, actor, &f, data, fmt.Sprintf("%s verification %s photo %s", p.Name, v.VisitedOn, f.SHA256[:12]))
	})
	return f, a.internal(ctx, "add verification photo", err)
}

// Verifications lists a project's on-site checks.
func (a *App) Verifications(ctx context.Context, actor qianxiang.Actor, projectID int64) ([]qianxiang.Verification, error) {
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return nil, err
	}
	vs, err := a.DB.Verifications(ctx, projectID)
	return vs, a.internal(ctx, "verifications", err)
}

// StatFileData gives a filed document's bytes to whoever may see its project.
func (a *App) StatFileData(ctx context.Context, actor qianxiang.Actor, projectID, fileID int64) (qianxiang.StatFile, []byte, error) {
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return qianxiang.StatFile{}, nil, err
	}
	f, err := a.DB.StatFile(ctx, projectID, fileID)
	if err != nil {
		return f, nil, a.internal(ctx, "read file", err)
	}
	b, err := a.DB.Blob(ctx, f.SHA256)
	return f, b, a.internal(ctx, "read file", err)
}

// DeleteVoucher takes a wrongly filed voucher off the project's checklist,
// audited; refused while the entry is under review, and for a required
// voucher once it is accepted (VoucherRemovable).
func (a *App) DeleteVoucher(ctx context.Context, actor qianxiang.Actor, projectID, fileID int64) error {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := a.fileProject(ctx, tx, actor, projectID, qianxiang.MayUploadVoucher)
		if err != nil {
			return err
		}
		f, err := tx.StatFile(ctx, projectID, fileID)
		if err != nil {
			return err
		}
		if f.Kind == "" {
			return qianxiang.ErrNotFound("voucher")
		}
		e, err := tx.StatEntry(ctx, projectID)
		if err != nil {
			return err
		}
		if err := qianxiang.VoucherRemovable(f.Kind, e.Status); err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "stat_files", f.ID)
		if err != nil {
			return err
		}
		if err := tx.DeleteStatFile(ctx, projectID, f.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "delete", "stat_files", f.ID, fmt.Sprintf("%s voucher %s %s", p.Name, f.Kind, f.SHA256[:12]), before)
	})
	return a.internal(ctx, "delete voucher", err)
}
