package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"mime/multipart"
	"strings"
	"testing"
)

func dspPNG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func (w *dspWorld) upload(t *testing.T, user, path, name string, data []byte) (int, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	code, body, _ := w.req(t, user, "POST", path, &b, mw.FormDataContentType())
	return code, body
}

func TestPhotoAPIRefusesNonImagesAndHidesOtherCounties(t *testing.T) {
	w := newDspWorld(t)
	path := fmt.Sprintf("/api/v1/projects/%d/reports/%d-03/photos", w.lishi[0], w.year)
	code, body := w.upload(t, "lishi-xm", path, "site.jpg", []byte("GIF89a not what it says"))
	if code != 422 || !strings.Contains(body, `"field":"file"`) || !strings.Contains(body, "JPEG or PNG") {
		t.Fatalf("a GIF named .jpg: %d %s", code, body)
	}
	code, body = w.upload(t, "lishi-xm", path, "site.png", dspPNG(t))
	if code != 201 {
		t.Fatalf("a PNG: %d %s", code, body)
	}
	var out struct {
		URL   string `json:"url"`
		Photo struct {
			SHA256 string `json:"sha256"`
		} `json:"photo"`
	}
	json.Unmarshal([]byte(body), &out)
	code, img, hd := w.req(t, "lishi", "GET", out.URL, nil, "")
	if code != 200 || hd.Get("Content-Type") != "image/png" || !strings.HasPrefix(img, "\x89PNG") {
		t.Fatalf("the county reading its photo: %d %s", code, hd.Get("Content-Type"))
	}
	if code, _, _ := w.req(t, "wenshui", "GET", out.URL, nil, ""); code != 404 {
		t.Errorf("another county reading the photo: %d, want 404", code)
	}
	if code, _ := w.upload(t, "wenshui", path, "x.png", dspPNG(t)); code != 404 {
		t.Errorf("another county attaching: %d, want 404", code)
	}
	code, list, _ := w.req(t, "zhb", "GET", path, nil, "")
	if code != 200 || !strings.Contains(list, out.Photo.SHA256) {
		t.Errorf("listing the report's photos: %d %s", code, list)
	}
	big := append(dspPNG(t), make([]byte, 5<<20)...)
	if code, body := w.upload(t, "lishi-xm", path, "big.png", big); code != 422 || !strings.Contains(body, "larger than 5 MB") {
		t.Errorf("a photo over 5 MB: %d %s", code, body)
	}
}
