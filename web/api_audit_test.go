package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// The office downloads a signed checkpoint (API and page), and later holds
// the database against it: intact while history stands, truncation named
// once the newest entries are cut. Other roles may not.
func TestAuditCheckpointByAPIAndPage(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			w := newAPIWorld(t, kind)
			status, cp, hdr := bearer(t, w.srv.URL, w.tokens["zhb"], "GET", "/api/v1/audit/checkpoint", nil, "")
			if status != 200 || !strings.Contains(hdr.Get("Content-Disposition"), "attachment") || !strings.Contains(cp, `"signature"`) {
				t.Fatalf("checkpoint: %d %s", status, cp)
			}
			if status, _, _ := bearer(t, w.srv.URL, w.tokens["lishi"], "GET", "/api/v1/audit/checkpoint", nil, ""); status != 403 {
				t.Fatalf("a county admin took a checkpoint: %d", status)
			}
			status, body, _ := bearer(t, w.srv.URL, w.tokens["zhb"], "POST", "/api/v1/audit/verify", strings.NewReader(cp), "application/json")
			if status != 200 || !strings.Contains(body, `"intact":true`) {
				t.Fatalf("verify against a fresh checkpoint: %d %s", status, body)
			}
			if status, body, _ := bearer(t, w.srv.URL, w.tokens["zhb"], "POST", "/api/v1/audit/verify", strings.NewReader(`{"x":1}`), "application/json"); status != 400 {
				t.Fatalf("not a checkpoint: %d %s", status, body)
			}

			// The page: upload the kept file.
			s := loginAs(t, w.srv.URL, "zhb", testenv.Password)
			if status, page := s.get("/admin/audit"); status != 200 || !strings.Contains(page, "下载签名检查点") {
				t.Fatalf("audit page offers no checkpoint: %d", status)
			}
			upload := func() (int, string) {
				var b bytes.Buffer
				mw := multipart.NewWriter(&b)
				mw.WriteField("csrf", s.csrf)
				fw, _ := mw.CreateFormFile("checkpoint", "cp.json")
				fw.Write([]byte(cp))
				mw.Close()
				req, _ := http.NewRequest("POST", w.srv.URL+"/admin/audit/verify", &b)
				req.Header.Set("Content-Type", mw.FormDataContentType())
				code, page, _ := s.do(req)
				return code, page
			}
			if status, page := upload(); status != 200 || !strings.Contains(page, "检查点核对无误") {
				t.Fatalf("page verify against the checkpoint: %d", status)
			}
			raw := testenv.Raw(t, w.a)
			var last int64
			raw.QueryRow(`SELECT MAX(id) FROM audit_log`).Scan(&last)
			if _, err := raw.Exec(`DELETE FROM audit_log WHERE id >= ` + strconv.FormatInt(last-1, 10)); err != nil {
				t.Fatal(err)
			}
			status, page := upload()
			testenv.Contains(t, page, "history was truncated")
			if status != 200 {
				t.Fatalf("page verify after truncation: %d", status)
			}
		})
	}
}
