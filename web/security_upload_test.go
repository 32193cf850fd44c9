package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// multipartBody is a form with one file field of n bytes (and the csrf
// field when csrf is not empty).
func multipartBody(n int, csrf string) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if csrf != "" {
		mw.WriteField("csrf", csrf)
	}
	fw, _ := mw.CreateFormFile("file", "big.xlsx")
	fw.Write(bytes.Repeat([]byte("x"), n))
	mw.Close()
	return &b, mw.FormDataContentType()
}

// tempLeft waits briefly for the server to clean up after a request and
// gives what is left in dir.
func tempLeft(t *testing.T, dir string) []os.DirEntry {
	t.Helper()
	var left []os.DirEntry
	for range 40 {
		left = left[:0]
		all, _ := os.ReadDir(dir)
		for _, e := range all {
			if strings.HasPrefix(e.Name(), "multipart-") {
				left = append(left, e)
			}
		}
		if len(left) == 0 {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return left
}

// An upload too big to be held in memory is spooled to a temporary file by
// the multipart reader. The server removes those only for the request it
// created, not for the copy the middleware passes down, so each such upload
// stayed on disk for good: any logged-in user could fill the disk.
func TestSecurityUploadsLeaveNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	tokens := withTokens(t, a, []userSpec{{"guest", qianxiang.RoleViewer, "141100"}})
	srv, s := serve(t, a)
	s.MaxUpload = 1 << 20
	size := 1<<20 + 200<<10 // above the in-memory limit, within the body limit

	t.Run("bearer", func(t *testing.T) {
		body, ctype := multipartBody(size, "")
		code, _, _ := bearer(t, srv.URL, tokens["guest"], "POST", "/reports/import", body, ctype)
		if code < 400 {
			t.Fatalf("a viewer importing an oversized workbook: %d, want a refusal", code)
		}
		if left := tempLeft(t, dir); len(left) > 0 {
			t.Fatalf("%d temporary upload files left on disk, e.g. %s", len(left), left[0].Name())
		}
	})
	t.Run("session form with the csrf field", func(t *testing.T) {
		c := loginAs(t, srv.URL, "guest", testenv.Password)
		body, ctype := multipartBody(size, c.csrf)
		req, _ := http.NewRequest("POST", srv.URL+"/reports/import", body)
		req.Header.Set("Content-Type", ctype)
		if code, _, _ := c.do(req); code < 400 {
			t.Fatalf("a viewer importing an oversized workbook: %d, want a refusal", code)
		}
		if left := tempLeft(t, dir); len(left) > 0 {
			t.Fatalf("%d temporary upload files left on disk, e.g. %s", len(left), left[0].Name())
		}
	})
}
