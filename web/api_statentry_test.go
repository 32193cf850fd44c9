package web_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"mime/multipart"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// multipartFile builds a body with one file field.
func multipartFile(t *testing.T, field, name string, data []byte) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return &b, mw.FormDataContentType()
}

func pngBytes(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestStatisticsEntryAPI(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	for k, v := range withTokens(t, w.a, []userSpec{{"tongji", "statistics", "141100"}}) {
		w.tokens[k] = v
	}
	ls, ws := w.lishi.ID, w.wenshui.ID
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	upload := func(user string, id int64, kind, name string, data []byte) (int, string) {
		body, ct := multipartFile(t, "file", name, data)
		st, got, _ := bearer(t, w.srv.URL, w.tokens[user], "POST", fmt.Sprintf("/api/v1/projects/%d/vouchers/%s", id, kind), body, ct)
		return st, got
	}
	run := func(scs []scenario) {
		t.Helper()
		for _, sc := range scs {
			status, got, _ := w.do(t, sc)
			if status != sc.status || !strings.Contains(got, sc.contain) {
				t.Fatalf("%s: %d %s", sc.name, status, got)
			}
		}
	}
	run([]scenario{
		{name: "the bureau sees the city's gap", user: "tongji", method: "GET", path: "/api/v1/statistics/gap?year=2023", status: 200, contain: `"expected":2,"entered":0`},
		{name: "with the vouchers each lacks", user: "tongji", method: "GET", path: "/api/v1/statistics/gap?year=2023&org=141102", status: 200, contain: `"missing_vouchers":["approval","contract","licence"]`},
		{name: "narrowed to a reason", user: "tongji", method: "GET", path: "/api/v1/statistics/gap?year=2023&reason=missing_vouchers", status: 200, contain: `"total":2`},
		{name: "an unknown reason", user: "tongji", method: "GET", path: "/api/v1/statistics/gap?year=2023&reason=lazy", status: 422, contain: `"field":"reason"`},
		{name: "a county filtering on another", user: "lishi", method: "GET", path: "/api/v1/statistics/gap?year=2023&org=141121", status: 422, contain: `"field":"org"`},
		{name: "a bad year", user: "lishi", method: "GET", path: "/api/v1/statistics/gap?year=20x3", status: 422, contain: `"field":"year"`},
		{name: "submit with vouchers missing", user: "lishi-xm", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/submit", ls), status: 422, contain: `"field":"vouchers.approval"`},
		{name: "an unknown step", user: "lishi", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/approve", ls), status: 404},
		{name: "another county's entry", user: "wenshui", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d/entry", ls), status: 404},
	})
	if st, got := upload("lishi-xm", ls, "approval", "批复.pdf", []byte("MZ\x90\x00 an executable named .pdf")); st != 422 || !strings.Contains(got, "is not a PDF, JPEG or PNG file") {
		t.Fatalf("a non-PDF voucher: %d %s", st, got)
	}
	big := append(append([]byte("%PDF-1.4\n"), make([]byte, 10<<20)...), "%%EOF"...)
	if st, got := upload("lishi-xm", ls, "approval", "big.pdf", big); st != 422 || !strings.Contains(got, "larger than 10 MB") {
		t.Fatalf("a voucher too large: %d %.200s", st, got)
	}
	if st, got := upload("lishi-xm", ws, "approval", "x.pdf", pdf); st != 404 {
		t.Fatalf("a voucher on another county's project: %d %s", st, got)
	}
	if st, got := upload("lishi-xm", ls, "deed", "x.pdf", pdf); st != 422 || !strings.Contains(got, `"field":"kind"`) {
		t.Fatalf("an unknown kind: %d %s", st, got)
	}
	if st, got := upload("guest", ls, "approval", "x.pdf", pdf); st != 403 {
		t.Fatalf("a viewer uploads: %d %s", st, got)
	}
	for kind, data := range map[string][]byte{"approval": pdf, "contract": pngBytes(t), "licence": append([]byte(nil), append(pdf, ' ')...)} {
		if st, got := upload("lishi-xm", ls, kind, kind+".file", data); st != 201 || !strings.Contains(got, `"sha256":"`) {
			t.Fatalf("upload %s: %d %s", kind, st, got)
		}
	}
	run([]scenario{
		{name: "the checklist is complete", user: "lishi", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d/vouchers", ls), status: 200, contain: `"missing_vouchers":[]`},
		{name: "submitted", user: "lishi-xm", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/submit", ls), status: 200, contain: `"status":"submitted"`},
		{name: "the unit may not review", user: "lishi-xm", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/review", ls), status: 403},
		{name: "accept before review", user: "tongji", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/accept", ls), status: 422},
		{name: "reviewed", user: "lishi", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/review", ls), status: 200, contain: `"status":"reviewed"`},
		{name: "the campaign office may not accept", user: "zhb", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/accept", ls), status: 403, contain: "only the statistics bureau"},
		{name: "the county may not accept", user: "lishi", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/accept", ls), status: 403},
		{name: "return without a reason", user: "tongji", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/return", ls), body: `{"reason":""}`, status: 422, contain: `"field":"reason"`},
		{name: "accepted", user: "tongji", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/entry/accept", ls), status: 200, contain: `"status":"accepted"`},
		{name: "in the statistics", user: "lishi", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d", ls), status: 200, contain: `"in_stats":true`},
		{name: "the history names the bureau", user: "lishi", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d/entry", ls), status: 200, contain: `"role":"statistics"`},
		{name: "an accepted entry keeps its required vouchers", user: "lishi-xm", method: "DELETE", path: fmt.Sprintf("/api/v1/projects/%d/vouchers/1", ls), status: 422, contain: "stays on file"},
		{name: "the dispatch's entry rate", user: "zhb", method: "GET", path: "/api/v1/dispatch?year=2023&month=12", status: 200, contain: `"entry_expected":2,"entry_entered":1,"entry_rate":0.5`},
		{name: "a verification", user: "tongji", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/verifications", ws), body: `{"visited_on":"2023-06-09","people":"王某、李某","findings":"在建"}`, status: 201, contain: `"people":"王某、李某"`},
		{name: "a unit may not verify", user: "lishi-xm", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/verifications", ls), body: `{"visited_on":"2023-06-09","people":"a","findings":"b"}`, status: 403},
		{name: "a verification without findings", user: "tongji", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/verifications", ws), body: `{"visited_on":"2023-06-09","people":"a"}`, status: 422, contain: `"field":"findings"`},
		// A verification's people are who went (核查人员), not a station
		// visit's count received (接待人数); the field stays "people".
		{name: "a verification without people, in Chinese", user: "tongji", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/verifications?lang=zh", ws), body: `{"visited_on":"2023-06-09","findings":"在建"}`, status: 422, contain: `"message":"核查人员：必填：请写明核查人员"`},
		{name: "the field keeps its API name", user: "tongji", method: "POST", path: fmt.Sprintf("/api/v1/projects/%d/verifications?lang=zh", ws), body: `{"visited_on":"2023-06-09","findings":"在建"}`, status: 422, contain: `"field":"people"`},
		{name: "the county reads its verification", user: "wenshui", method: "GET", path: fmt.Sprintf("/api/v1/projects/%d/verifications", ws), status: 200, contain: `"total":1`},
	})
	// The page in English, and a county's page without the bureau's buttons.
	c := loginAs(t, w.srv.URL, "tongji", testenv.Password)
	if st, page := c.get("/statistics?year=2023&lang=en"); st != 200 || !strings.Contains(page, "Entry gap") || !strings.Contains(page, "Returned for correction") {
		t.Fatalf("English page: %d", st)
	}
	cw := loginAs(t, w.srv.URL, "wenshui", testenv.Password)
	if st, page := cw.get("/statistics?year=2023"); st != 200 || strings.Contains(page, "离石区项目") || strings.Contains(page, "/entry/accept") {
		t.Fatalf("文水县's page shows 离石区 or the bureau's buttons: %d", st)
	}
	// The gap as the bureau's workbook.
	if st, x, h := bearer(t, w.srv.URL, w.tokens["tongji"], "GET", "/statistics.xlsx?year=2023", nil, ""); st != 200 || !strings.HasPrefix(x, "PK") || !strings.Contains(h.Get("Content-Disposition"), "entry-gap-2023.xlsx") {
		t.Fatalf("workbook: %d %v", st, h)
	}
	// The voucher file, for those who see the project only.
	st, got, _ := bearer(t, w.srv.URL, w.tokens["lishi"], "GET", fmt.Sprintf("/api/v1/projects/%d/vouchers", ls), nil, "")
	i := strings.Index(got, `"url":"`)
	if st != 200 || i < 0 {
		t.Fatalf("vouchers: %d %s", st, got)
	}
	url := got[i+7 : i+7+strings.Index(got[i+7:], `"`)]
	if st, body, h := bearer(t, w.srv.URL, w.tokens["tongji"], "GET", url, nil, ""); st != 200 || !strings.HasPrefix(body, "%PDF") || h.Get("Content-Type") != "application/pdf" {
		t.Fatalf("the bureau reads %s: %d %q", url, st, h.Get("Content-Type"))
	}
	if st, _, _ := bearer(t, w.srv.URL, w.tokens["wenshui"], "GET", url, nil, ""); st != 404 {
		t.Fatalf("another county reads %s: %d", url, st)
	}
}
