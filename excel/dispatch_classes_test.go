package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// The workbook has a sheet grouping by classification: a block per list
// with each entry's line and the unclassified line; none without lists.
func TestDispatchWorkbookGroupsByClass(t *testing.T) {
	d := &qianxiang.Dispatch{Year: 2023, Month: 4, TimeProgress: 1.0 / 3}
	var plain bytes.Buffer
	if err := WriteDispatch(&plain, d, "吕梁市", 0); err != nil {
		t.Fatal(err)
	}
	if f, _ := excelize.OpenReader(&plain); f != nil {
		if i, _ := f.GetSheetIndex(DispatchSheetClasses); i >= 0 {
			t.Error("a classes sheet without lists")
		}
	}
	d.ByClass = []qianxiang.ClassDispatch{
		{List: "chain", Name: "重点产业链", Rows: []qianxiang.ClassRow{
			{Entry: "新能源", DispatchTotals: qianxiang.DispatchTotals{Projects: 2, AnnualPlan: 400_25, CompletedYTD: 100_05, CompletionRate: 0.25}},
			{Entry: "氢能", DispatchTotals: qianxiang.DispatchTotals{Projects: 1, AnnualPlan: 100_00}}},
			Unclassified: qianxiang.DispatchTotals{Projects: 3, AnnualPlan: 50_00}},
		{List: "town", Name: "特色专业镇", Rows: []qianxiang.ClassRow{{Entry: "孝义铝镁专业镇"}}},
	}
	var buf bytes.Buffer
	if err := WriteDispatch(&buf, d, "吕梁市", 0); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(DispatchSheetClasses)
	if err != nil {
		t.Fatal(err)
	}
	// Title, note, then 重点产业链: header, 2 entries, unclassified, blank;
	// 特色专业镇: header, 1 entry, unclassified.
	if len(rows) != 10 || rows[2][0] != "重点产业链" || rows[3][0] != "新能源" || rows[3][2] != "400.25" || rows[3][3] != "100.05" ||
		rows[5][0] != "未归类" || rows[5][1] != "3" || rows[7][0] != "特色专业镇" || rows[8][0] != "孝义铝镁专业镇" {
		t.Errorf("sheet: %q", rows)
	}
}
