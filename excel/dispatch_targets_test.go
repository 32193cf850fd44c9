package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// The workbook has the targets sheet with each target rate and, at month
// 3, the 开门红 column; without targets it has no such sheet.
func TestDispatchWorkbookShowsTargets(t *testing.T) {
	d := &qianxiang.Dispatch{Year: 2023, Month: 3, TimeProgress: 0.25,
		Total: qianxiang.DispatchTotals{Projects: 2, AnnualPlan: 1000_00, CompletedYTD: 300_00},
		ByOrg: []qianxiang.OrgDispatch{{Org: qianxiang.OrgRef{Code: "141102", Name: "离石区"}, Rank: 1,
			DispatchTotals: qianxiang.DispatchTotals{Projects: 2, AnnualPlan: 1000_00, CompletedYTD: 300_00}}}}
	var plain bytes.Buffer
	if err := WriteDispatch(&plain, d, "吕梁市", 3); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(&plain)
	if i, _ := f.GetSheetIndex(DispatchSheetTargets); i >= 0 {
		t.Errorf("a targets sheet without targets")
	}
	qianxiang.ApplyTargets(d, qianxiang.Targets{Orgs: []qianxiang.OrgTarget{{Org: "141102", Projects: 3, AnnualPlan: 1200_00}}},
		&qianxiang.TargetFigures{Projects: 1000, AnnualPlan: 2000_00})
	var buf bytes.Buffer
	if err := WriteDispatch(&buf, d, "吕梁市", 3); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(DispatchSheetTargets)
	if err != nil || len(rows) != 5 {
		t.Fatalf("rows %v %v", rows, err)
	}
	if rows[2][8] != "开门红" || rows[3][0] != "全市大会战" || rows[3][6] != "15.00%" || rows[4][0] != "离石区" || rows[4][6] != "25.00%" || rows[4][8] != "达到时序进度" {
		t.Errorf("sheet: %q", rows)
	}
}
