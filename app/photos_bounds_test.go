package app_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// pngHeader is a PNG that claims w×h pixels: a valid signature and IHDR,
// then a tiny image stream, as a decompression bomb would start.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8] = 8 // 8-bit grayscale
	chunk("IHDR", ihdr)
	chunk("IEND", nil)
	return b.Bytes()
}

// TestPhotoPixelBounds pins the bound on a photo's dimensions, read from the
// header alone: at most 10000 pixels a side and 40 megapixels.
func TestPhotoPixelBounds(t *testing.T) {
	hostile := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", "photos", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"png-30000x30000.png", hostile("png-30000x30000.png"), false},
		{"jpeg-30000x30000.jpg", hostile("jpeg-30000x30000.jpg"), false},
		{"a 12 MP phone picture", pngHeader(4000, 3000), true},
		{"exactly 40 MP", pngHeader(8000, 5000), true},
		{"a 10000-pixel panorama", pngHeader(10000, 2000), true},
		{"just over 40 MP", pngHeader(8000, 5001), false},
		{"a side over 10000 pixels", pngHeader(10001, 10), false},
		{"a tall strip", pngHeader(10, 20000), false},
	}
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, newProject("离石区滨河路改造", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		accepted := 0
		for _, c := range cases {
			_, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, c.name, c.data)
			switch {
			case c.ok && err != nil:
				t.Errorf("%s: %v, want accepted", c.name, err)
			case c.ok:
				accepted++
			case qianxiang.ErrorCode(err) != qianxiang.EValidation || !strings.Contains(err.Error(), "at most 10000 pixels a side and 40 megapixels"):
				t.Errorf("%s: %v, want refused naming the bound", c.name, err)
			}
		}
		list, err := a.ReportPhotos(ctx, unit, p.ID, 2023, 3)
		if err != nil || len(list) != accepted {
			t.Fatalf("stored %d photos (%v), want only the %d accepted", len(list), err, accepted)
		}
	})
}
