package web_test

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang/internal/testenv"
)

// Issue 15.7: a 合计 row, departments apart from counties with anchors named
// as their titles, amounts in the workbook with thousands separators.
func TestDispatchTotalsRowDepartmentsAndWorkbookFormat(t *testing.T) {
	w := newDspWorld(t)
	body := w.get(t, "zhb", w.at("/dispatch?year=%[1]d&month=2"))
	testenv.Contains(t, body, `<tr class="total" data-org="total">`, "<b>合计</b>",
		`<a href="#counties">县（市、区）排名`, `<a href="#departments">`)
	// Every project here is led by its county: no department to rank.
	dep := body[strings.Index(body, `id="departments"`):strings.Index(body, `id="red"`)]
	if strings.Contains(dep, "离石区") || strings.Contains(dep, "文水县") {
		t.Error("the department ranking holds counties")
	}
	_, xlsx, _ := w.req(t, "zhb", "GET", w.at("/dispatch.xlsx?year=%[1]d&month=2"), nil, "")
	f, err := excelize.OpenReader(strings.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, r := range rows {
			for _, c := range r {
				found = found || c == "10,800.00"
			}
		}
	}
	if !found {
		t.Error("no amount in the workbook reads 10,800.00 (format #,##0.00)")
	}
}
