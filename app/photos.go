package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	_ "image/jpeg" // registers JPEG for DecodeConfig
	_ "image/png"  // registers PNG for DecodeConfig
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"qianxiang"
	"qianxiang/store"
)

// MaxPhotoBytes bounds one photo: site pictures from a phone fit, a video
// renamed to .jpg does not.
const MaxPhotoBytes = 5 << 20

// MaxPhotoSide and MaxPhotoPixels bound a photo's dimensions: a few
// kilobytes of PNG can claim 30000×30000 pixels, 3.6 GB once a browser or a
// print decodes it. 40 megapixels (160 MB decoded) holds any phone camera's
// ordinary picture; 10000 pixels a side allows panoramas up to that area.
const (
	MaxPhotoSide   = 10000
	MaxPhotoPixels = 40_000_000
)

// MaxPhotosPerReport keeps a report reviewable.
const MaxPhotosPerReport = 20

// photoType recognises JPEG and PNG by their content, never the file name,
// and checks the header decodes, so a renamed document is refused.
func photoType(data []byte) (string, error) {
	var mime, want string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		mime, want = "image/jpeg", "jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		mime, want = "image/png", "png"
	default:
		return "", qianxiang.FieldError("file", "is not a JPEG or PNG picture")
	}
	// Only the header is decoded: the pixel bound is checked without
	// allocating the picture, which every viewer would have to.
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != want || cfg.Width <= 0 || cfg.Height <= 0 {
		return "", qianxiang.FieldError("file", "is not a readable JPEG or PNG picture")
	}
	if cfg.Width > MaxPhotoSide || cfg.Height > MaxPhotoSide || cfg.Width*cfg.Height > MaxPhotoPixels {
		return "", qianxiang.FieldError("file", "the picture is %d×%d pixels; at most %d pixels a side and %d megapixels are accepted",
			cfg.Width, cfg.Height, MaxPhotoSide, MaxPhotoPixels/1000000)
	}
	return mime, nil
}

// photoName keeps a short, printable base name for people to recognise.
func photoName(name string) string {
	name = strings.TrimSpace(filepath.Base(strings.ReplaceAll(name, `\`, "/")))
	name = strings.Map(dropControl, name) // a browser's file name is cleaned, not refused
	if name == "." || name == "/" || !utf8.ValidString(name) {
		return ""
	}
	if r := []rune(name); len(r) > 100 {
		name = string(r[:100])
	}
	return name
}

// AttachPhoto stores a picture and attaches it to a project's month report
// (creating the draft when the month has none). Attaching is a change of
// the report: it follows the same rules as saving figures (scope, deadline,
// not once submitted) and is audited on the report.
func (a *App) AttachPhoto(ctx context.Context, actor qianxiang.Actor, projectID int64, year, month int, name string, data []byte) (qianxiang.Photo, error) {
	var ph qianxiang.Photo
	if len(data) > MaxPhotoBytes {
		return ph, qianxiang.FieldError("file", "the photo is larger than %d MB", MaxPhotoBytes>>20)
	}
	if err := a.checkReportMonth(year, month); err != nil {
		return ph, err
	}
	mime, err := photoType(data)
	if err != nil {
		return ph, err
	}
	sum := sha256.Sum256(data)
	ph = qianxiang.Photo{SHA256: hex.EncodeToString(sum[:]), MIME: mime, Size: len(data), Name: photoName(name)}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Project(ctx, projectID)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActFillReport, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if p.Year != year {
			return qianxiang.Errorf(qianxiang.EValidation, "the project is in the %d plan, not %d", p.Year, year)
		}
		r, err := tx.Report(ctx, projectID, year, month)
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			r, err = qianxiang.Report{ProjectID: projectID, Year: year, Month: month, Status: qianxiang.ReportDraft}, nil
		}
		if err != nil {
			return err
		}
		if err := a.editable(ctx, tx, actor, &p, &r); err != nil {
			return err
		}
		before := ""
		if r.ID != 0 {
			if before, err = tx.Snapshot(ctx, "reports", r.ID); err != nil {
				return err
			}
			existing, err := tx.ReportPhotos(ctx, r.ID)
			if err != nil {
				return err
			}
			if len(existing) >= MaxPhotosPerReport {
				return qianxiang.FieldError("file", "a report can have at most %d photos", MaxPhotosPerReport)
			}
		}
		// Saving bumps the report's version, so an open grid row learns the
		// report changed, and records who attached.
		r.UpdatedBy = actor.Username
		if err := tx.SaveReport(ctx, &r); err != nil {
			return err
		}
		if err := tx.PutBlob(ctx, ph.SHA256, data); err != nil {
			return err
		}
		ph.ReportID = r.ID
		if err := tx.InsertPhoto(ctx, &ph); err != nil {
			return err
		}
		label := p.Name + " " + monthLabel(year, month) + " photo " + ph.SHA256[:12]
		if err := tx.Audit(ctx, actor.Username, "attach_photo", "reports", r.ID, label, before); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "photos", ph.ID, label, "")
	})
	return ph, a.internal(ctx, "attach photo", err)
}

// ReportPhotos lists the photos of a project's month report (none when the
// month has no report yet).
func (a *App) ReportPhotos(ctx context.Context, actor qianxiang.Actor, projectID int64, year, month int) ([]qianxiang.Photo, error) {
	if err := CheckMonth(year, month); err != nil {
		return nil, err
	}
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return nil, err
	}
	r, err := a.DB.Report(ctx, projectID, year, month)
	if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
		return []qianxiang.Photo{}, nil
	}
	if err != nil {
		return nil, a.internal(ctx, "list photos", err)
	}
	ps, err := a.DB.ReportPhotos(ctx, r.ID)
	return ps, a.internal(ctx, "list photos", err)
}

var shaShape = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Photo gives a picture's bytes and type to an actor who can see at least
// one report that shows it; to anyone else it does not exist.
func (a *App) Photo(ctx context.Context, actor qianxiang.Actor, sha string) ([]byte, string, error) {
	sha = strings.ToLower(sha)
	if !shaShape.MatchString(sha) {
		return nil, "", qianxiang.ErrNotFound("photo")
	}
	scopes, mime, err := a.DB.PhotoScopes(ctx, sha)
	if err != nil {
		return nil, "", a.internal(ctx, "read photo", err)
	}
	visible := false
	for _, s := range scopes {
		if actor.Can(qianxiang.ActRead, s) {
			visible = true
			break
		}
	}
	if !visible {
		return nil, "", qianxiang.ErrNotFound("photo")
	}
	b, err := a.DB.Blob(ctx, sha)
	return b, mime, a.internal(ctx, "read photo", err)
}

// ProjectGallery gives a project's progress photos month by month with
// the before/after pair, to whoever may read the project.
func (a *App) ProjectGallery(ctx context.Context, actor qianxiang.Actor, projectID int64) (qianxiang.Gallery, error) {
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return qianxiang.Gallery{}, err
	}
	ps, err := a.DB.ProjectPhotos(ctx, projectID)
	if err != nil {
		return qianxiang.Gallery{}, a.internal(ctx, "photos", err)
	}
	return qianxiang.GalleryOf(ps), nil
}
