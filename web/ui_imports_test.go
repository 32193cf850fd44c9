package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// upload posts a workbook to the import page as the browser's form does.
func (c *client) upload(path, filename string, data []byte, fields map[string]string) (int, string) {
	c.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("csrf", c.csrf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", filename)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	code, body, _ := c.do(req)
	return code, body
}

// sample reads a sample workbook and its expected.json.
func sample(t *testing.T, folder, file string) ([]byte, map[string]any) {
	t.Helper()
	dir := filepath.Join(testenv.Samples(t), folder)
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	var exp map[string]any
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil || json.Unmarshal(b, &exp) != nil {
		t.Fatalf("expected.json of %s: %v", folder, err)
	}
	return data, exp
}

func TestImportPreviewShowsEachErrorOnItsRow(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	c := w.login(t, "zhb")
	data, exp := sample(t, "county-flat-2023", "bad.xlsx")
	code, body := c.upload("/imports", "bad.xlsx", data, map[string]string{"year": "2023"})
	if code != 422 {
		t.Fatalf("bad.xlsx preview: status %d, want 422:\n%s", code, body)
	}
	testenv.Contains(t, body, `id="import-errors"`, "未导入任何数据", `id="preview-table"`)
	for fault, row := range exp["bad_rows"].(map[string]any) {
		r := int(row.(float64))
		// The row is marked and followed by its messages, which name the column.
		re := regexp.MustCompile(fmt.Sprintf(`(?s)<tr id="row-%d" class="err">.*?</tr>\s*<tr class="err-msg">(.*?)</tr>`, r))
		m := re.FindStringSubmatch(body)
		if m == nil {
			t.Errorf("%s: row %d is not marked with its errors", fault, r)
			continue
		}
		if fault != "dup_code" && !regexp.MustCompile(`[A-Z]+ 列|项目代码|第`).MatchString(m[1]) {
			t.Errorf("%s: the message on row %d names no column: %s", fault, r, m[1])
		}
		if !strings.Contains(body, fmt.Sprintf("第 %d 行", r)) {
			t.Errorf("%s: row %d missing from the full list of errors", fault, r)
		}
	}
	if strings.Contains(body, `id="confirm"`) {
		t.Error("a file with errors can be confirmed")
	}
	if n := listCount(t, c, 2023); n != "0" {
		t.Errorf("a refused preview wrote %s projects", n)
	}
}

var confirmRE = regexp.MustCompile(`action="(/imports/[0-9a-f]+/confirm)"`)

func TestImportConfirmImportsThePreviewedFileOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newRegWorld(t, a)
		c := w.login(t, "zhb")
		data, exp := sample(t, "county-flat-2023", "projects.xlsx")
		code, body := c.upload("/imports", "projects.xlsx", data, map[string]string{"year": "2023"})
		if code != 200 {
			t.Fatalf("preview: status %d:\n%s", code, body)
		}
		testenv.Contains(t, body, `id="preview-count">120<`, fmt.Sprintf(`id="preview-annual">%s<`, commas(exp["annual_plan"].(string))))
		m := confirmRE.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no confirm button in the preview:\n%s", body)
		}
		if n := listCount(t, c, 2023); n != "0" {
			t.Fatalf("the preview wrote %s projects", n)
		}
		// Another user cannot confirm someone else's upload.
		other := w.login(t, "zhb2")
		if code, body, _ := other.post(m[1], url.Values{}); code != 404 || !strings.Contains(body, "已过期或已导入") {
			t.Errorf("another user's confirm: status %d, want 404", code)
		}
		code, body, _ = c.post(m[1], url.Values{})
		if code != 200 {
			t.Fatalf("confirm: status %d:\n%s", code, body)
		}
		testenv.Contains(t, body, `id="import-done"`, "已将 120 个项目导入 2023 年度计划", `href="/projects?year=2023"`)
		_, list := c.get("/projects?year=2023")
		n, tot, ann := totals(t, list)
		if n != "120" || tot != commas(exp["total_investment"].(string)) || ann != commas(exp["annual_plan"].(string)) {
			t.Errorf("list after import: %s, %s, %s; want 120, %s, %s", n, tot, ann, exp["total_investment"], exp["annual_plan"])
		}
		// A second click finds nothing to import, and imports nothing.
		if code, body, _ := c.post(m[1], url.Values{}); code != 404 || !strings.Contains(body, "已过期或已导入") {
			t.Errorf("second confirm: status %d, want 404", code)
		}
		if n := listCount(t, c, 2023); n != "120" {
			t.Errorf("after a second confirm: %s projects", n)
		}
	})
}

func TestImportRefusals(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	// Counties and viewers cannot import, and are told so.
	for _, u := range []string{"lishi", "guest"} {
		c := w.login(t, u)
		if code, body := c.get("/imports"); code != 403 || !strings.Contains(body, "只有指挥部办公室可以导入") {
			t.Errorf("%s GET /imports: status %d, want 403 with the reason", u, code)
		}
		if code, _ := c.upload("/imports", "x.csv", []byte("项目名称\n"), map[string]string{"year": "2023"}); code != 403 {
			t.Errorf("%s POST /imports: status %d, want 403", u, code)
		}
	}
	c := w.login(t, "zhb")
	code, body := c.upload("/imports", "photo.xlsx", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), map[string]string{"year": "2023"})
	if code != 422 || !strings.Contains(body, "photo.xlsx") {
		t.Errorf("a PNG named .xlsx: status %d, want 422 naming the file:\n%s", code, body)
	}
	if code, body := c.upload("/imports", "", nil, map[string]string{"year": "2023"}); code != 400 || !strings.Contains(body, "请选择要上传的工作簿") {
		t.Errorf("no file: status %d, want 400 asking for one", code)
	}
	w.s.MaxUpload = 1 << 20
	code, body = c.upload("/imports", "big.csv", bytes.Repeat([]byte("a,b\n"), 300000), map[string]string{"year": "2023"})
	if code != 400 || !strings.Contains(body, "文件超过 1 MB") {
		t.Errorf("a 1.2 MB file over a 1 MB limit: status %d, want 400 with the limit", code)
	}
	// The template is a workbook with a Chinese file name.
	req, _ := http.NewRequest("GET", c.base+"/imports/template.xlsx?year=2023", nil)
	code, tpl, h := c.do(req)
	if code != 200 || !strings.HasPrefix(tpl, "PK") || !strings.Contains(h.Get("Content-Disposition"), "2023") {
		t.Errorf("template: status %d, %q, starts %q", code, h.Get("Content-Disposition"), tpl[:min(4, len(tpl))])
	}
}

// commas writes "986079.81" as the page does: "986,079.81".
func commas(s string) string {
	m, _ := qianxiang.ParseMoney(s)
	return m.Grouped()
}
