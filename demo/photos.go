package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/store"
)

// fillPhotos gives a few projects a progress photo (形象进度) every other
// month, drawn here: a building that rises month by month beside its
// crane, so the project page's gallery and its before/after are alive on
// first run. They are stored and audited as attached photos are.
func fillPhotos(ctx context.Context, a *app.App, year, lastMonth int) error {
	ps, _, err := a.DB.DispatchInput(ctx, year, 0, "")
	if err != nil {
		return err
	}
	return a.DB.Tx(ctx, func(tx *store.Tx) error {
		shown := 0
		for _, p := range ps {
			if shown == 6 || p.StartedOn.IsZero() {
				continue
			}
			shown++
			for m := 1; m <= lastMonth; m += 2 {
				r, err := tx.Report(ctx, p.ID, year, m)
				if err != nil {
					continue // no report that month: no photo
				}
				data, err := sitePhoto(float64(m)/12, shown)
				if err != nil {
					return err
				}
				sum := sha256.Sum256(data)
				ph := qianxiang.Photo{SHA256: hex.EncodeToString(sum[:]), MIME: "image/png", Size: len(data),
					Name: fmt.Sprintf("形象进度-%02d月.png", m), ReportID: r.ID}
				if err := tx.PutBlob(ctx, ph.SHA256, data); err != nil {
					return err
				}
				if err := tx.InsertPhoto(ctx, &ph); err != nil {
					return err
				}
				if err := tx.Audit(ctx, "demo", "create", "photos", ph.ID, p.Name+" photo", ""); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// sitePhoto draws a 480×360 construction site at the given share of
// completion; style varies the building's colour between projects.
func sitePhoto(done float64, style int) ([]byte, error) {
	const w, h = 480, 360
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	ground := h * 3 / 4
	walls := []color.RGBA{{176, 190, 197, 255}, {215, 204, 200, 255}, {197, 202, 233, 255}}
	wall := walls[style%len(walls)]
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(120 + y*80/ground), uint8(170 + y*60/ground), 235, 255} // sky
			if y >= ground {
				c = color.RGBA{141, 110, 99, 255} // earth
			}
			img.SetRGBA(x, y, c)
		}
	}
	fill := func(x0, y0, x1, y1 int, c color.RGBA) {
		for y := max(y0, 0); y < min(y1, h); y++ {
			for x := max(x0, 0); x < min(x1, w); x++ {
				img.SetRGBA(x, y, c)
			}
		}
	}
	// The building: floors rise with completion, windows on each floor.
	floors := 1 + int(done*10)
	top := ground - floors*18
	fill(150, top, 330, ground, wall)
	for f := 0; f < floors; f++ {
		for x := 160; x < 320; x += 24 {
			fill(x, top+f*18+5, x+12, top+f*18+13, color.RGBA{69, 90, 100, 255})
		}
	}
	// The crane: mast and jib, in safety yellow.
	yellow := color.RGBA{251, 192, 45, 255}
	fill(360, 60, 368, ground, yellow)
	fill(250, 60, 440, 66, yellow)
	fill(300, 66, 302, top, color.RGBA{33, 33, 33, 255})
	var b bytes.Buffer
	err := png.Encode(&b, img)
	return b.Bytes(), err
}
