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
	ts := qianxiang.Targets{Orgs: []qianxiang.OrgTarget{{Org: "141102", Projects: 3, AnnualPlan: 1200_00, NewStarts: 2},
		{Org: "141121", Name: "文水县", Projects: 4, AnnualPlan: 800_00, NewStarts: 1}}}
	qianxiang.ApplyTargets(d, ts, &qianxiang.TargetFigures{Projects: 1000, AnnualPlan: 2000_00})
	d.Unlisted = qianxiang.TargetedWithoutProjects(d, ts)
	var buf bytes.Buffer
	if err := WriteDispatch(&buf, d, "吕梁市", 3); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(DispatchSheetTargets)
	if err != nil || len(rows) != 6 {
		t.Fatalf("rows %v %v", rows, err)
	}
	if rows[2][10] != "开门红" || rows[3][0] != "全市大会战" || rows[3][6] != "15.00%" || rows[4][0] != "离石区" || rows[4][6] != "25.00%" || rows[4][10] != "达到时序进度" {
		t.Errorf("sheet: %q", rows)
	}
	// New starts against their target; 文水县 has a target and no project:
	// listed at zero, not reaching time progress.
	if rows[4][8] != "0" || rows[4][9] != "2" || rows[5][0] != "文水县" || rows[5][1] != "0" || rows[5][4] != "800.00" || rows[5][6] != "0.00%" || rows[5][9] != "1" || rows[5][10] != "未达到" {
		t.Errorf("sheet: %q", rows)
	}
}

// A county's own workbook names its total row after it and does not
// repeat its own row.
func TestDispatchWorkbookTargetsOfACounty(t *testing.T) {
	lishi := qianxiang.OrgRef{Code: "141102", Name: "离石区"}
	totals := qianxiang.DispatchTotals{Projects: 2, AnnualPlan: 1000_00, CompletedYTD: 300_00}
	d := &qianxiang.Dispatch{Year: 2023, Month: 2, TimeProgress: 0.1667, Total: totals,
		ByOrg:    []qianxiang.OrgDispatch{{Org: lishi, Rank: 1, DispatchTotals: totals}},
		Standing: &qianxiang.Standing{Org: lishi, Ranking: "counties", Rank: 2, Of: 13}}
	n := 1
	qianxiang.ApplyTargets(d, qianxiang.Targets{Orgs: []qianxiang.OrgTarget{{Org: "141102", Projects: 3, AnnualPlan: 1200_00, NewStarts: 1}}},
		&qianxiang.TargetFigures{Projects: 3, AnnualPlan: 1200_00, NewStarts: &n})
	var buf bytes.Buffer
	if err := WriteDispatch(&buf, d, "离石区", 3); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(DispatchSheetTargets)
	if err != nil || len(rows) != 4 || rows[3][0] != "离石区合计" || rows[3][6] != "25.00%" {
		t.Errorf("the county's targets sheet: %q %v", rows, err)
	}
}
