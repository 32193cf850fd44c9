package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

func TestReportGridForTheCityStartsWithEachOrganisation(t *testing.T) {
	w := newDspWorld(t)
	body := w.get(t, "zhb", w.at("/reports?month=%[1]d-03"))
	if strings.Contains(body, `class="c-completed"`) {
		t.Error("the city-wide grid lists every row before an organisation is chosen")
	}
	testenv.Contains(t, body, `<tr data-org="141121">`, w.at(`/reports?month=%[1]d-03&amp;org=141121`), "导入本月调度表")
	body = w.get(t, "zhb", w.at("/reports?month=%[1]d-03&org=141121"))
	if n := strings.Count(body, `class="c-completed"`); n != 2 {
		t.Errorf("文水县's grid for the city has %d rows, want 2", n)
	}
	// The county sees no import form: that is the campaign office's.
	if strings.Contains(w.get(t, "lishi", w.at("/reports?month=%[1]d-03")), "/reports/import") {
		t.Error("a county is offered the month's import")
	}
}

func TestReportsImportShowsTheWorkbooksErrors(t *testing.T) {
	w := newDspWorld(t)
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("month", w.at("%[1]d-03"))
	fw, _ := mw.CreateFormFile("file", "调度表.csv")
	fw.Write([]byte("这不是调度表\n1,2,3\n"))
	mw.Close()
	code, body, _ := w.req(t, "zhb", "POST", "/reports/import", &b, mw.FormDataContentType())
	if code < 400 || code >= 500 || !strings.Contains(body, `class="flash err"`) {
		t.Fatalf("a workbook that is not a 调度表: %d, want a 4xx page with the error", code)
	}
	if rs, _ := w.a.DB.MonthReports(context.Background(), w.year, 3); len(rs) != 0 {
		t.Errorf("a refused import wrote %d reports", len(rs))
	}
}
