package app_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// pngOf makes a small real PNG; seed changes its bytes.
func pngOf(t *testing.T, seed uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{R: seed, G: 80, B: 40, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPhotosOnReports(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, newProject("离石区滨河路改造", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		other := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		city := testenv.User(t, a, "shizhang", qianxiang.RoleLeader, "141100")

		// Not an image, though named like one: refused, nothing stored.
		_, err = a.AttachPhoto(ctx, unit, p.ID, 2023, 3, "site.jpg", []byte("%PDF-1.4 not a picture"))
		if qianxiang.ErrorCode(err) != qianxiang.EValidation || !strings.Contains(err.Error(), "JPEG or PNG") {
			t.Fatalf("a PDF named .jpg: %v, want a validation error naming JPEG or PNG", err)
		}
		// A PNG header over garbage is not a picture either.
		fake := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1}, 40)...)
		if _, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, "x.png", fake); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a broken PNG: %v, want refused", err)
		}
		if _, err := a.DB.Report(ctx, p.ID, 2023, 3); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("a refused photo left a report behind: %v", err)
		}
		// Too large: refused before anything else.
		big := append(pngOf(t, 1), make([]byte, app.MaxPhotoBytes)...)
		if _, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, "big.png", big); err == nil || !strings.Contains(err.Error(), "larger than 5 MB") {
			t.Fatalf("a 5 MB+ photo: %v, want refused as too large", err)
		}

		// A PNG is accepted, stored by its hash, listed and served.
		img := pngOf(t, 2)
		ph, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, `C:\相机\现场.png`, img)
		if err != nil {
			t.Fatal(err)
		}
		if len(ph.SHA256) != 64 || ph.MIME != "image/png" || ph.Name != "现场.png" {
			t.Errorf("stored photo %+v", ph)
		}
		list, err := a.ReportPhotos(ctx, city, p.ID, 2023, 3)
		if err != nil || len(list) != 1 || list[0].SHA256 != ph.SHA256 {
			t.Fatalf("photos of the report: %v %v", list, err)
		}
		data, mime, err := a.Photo(ctx, unit, ph.SHA256)
		if err != nil || mime != "image/png" || !bytes.Equal(data, img) {
			t.Fatalf("reading the photo back: %s %v", mime, err)
		}
		// The same picture again on the same report: a conflict, not a copy.
		if _, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, "again.png", img); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("the same photo twice: %v, want conflict", err)
		}

		// Another county's user: the photo and the report do not exist.
		if _, _, err := a.Photo(ctx, other, ph.SHA256); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("文水县 reading 离石区's photo: %v, want not found", err)
		}
		if _, err := a.AttachPhoto(ctx, other, p.ID, 2023, 3, "x.png", pngOf(t, 3)); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("文水县 attaching to 离石区's report: %v, want not found", err)
		}
		if _, err := a.ReportPhotos(ctx, other, p.ID, 2023, 3); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("文水县 listing 离石区's photos: %v, want not found", err)
		}

		// The attach is audited on the report, and the trail still verifies.
		rep, err := a.DB.Report(ctx, p.ID, 2023, 3)
		if err != nil {
			t.Fatal(err)
		}
		h, err := a.History(ctx, qianxiang.SystemActor, "reports", rep.ID)
		if err != nil || len(h) == 0 || h[len(h)-1].Action != "attach_photo" || !strings.Contains(h[len(h)-1].Label, ph.SHA256[:12]) {
			t.Fatalf("audit of the attach: %+v %v", h, err)
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Fatalf("audit verify after attaching: %v %v", broken, err)
		}

		// Once submitted, the report's photos are fixed like its figures.
		if _, err := a.SubmitReport(ctx, unit, p.ID, 2023, 3, &app.ReportInput{Completed: money("12")}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, "late.png", pngOf(t, 4)); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("a photo on a submitted report: %v, want refused", err)
		}
	})
}
