package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

func targetsBook(t *testing.T, rows [][]any) *bytes.Buffer {
	t.Helper()
	x := excelize.NewFile()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		x.SetSheetRow("Sheet1", cell, &row)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return &buf
}

var targetOrgs = []qianxiang.Org{
	{ID: 1, Code: "141100", Name: "吕梁市", Kind: qianxiang.OrgCity},
	{ID: 2, Code: "141102", Name: "离石区", Kind: qianxiang.OrgCounty},
	{ID: 3, Code: "141181", Name: "孝义市", Kind: qianxiang.OrgCounty},
}

func TestReadTargetsInYi(t *testing.T) {
	buf := targetsBook(t, [][]any{
		{"2023年千项千亿目标任务分解表"},
		{"单位", "项目数（个）", "年度投资（亿元）", "新开工项目（个）"},
		{"合计", 1000, 1000, ""},
		{"离石", 80, 85.5, 30},
		{"孝义市", 90, "120", 35},
	})
	got, err := ReadTargets(buf, "分解表.xlsx", targetOrgs)
	if err != nil {
		t.Fatal(err)
	}
	if got.Campaign.Projects != 1000 || got.Campaign.AnnualPlan != 1000*qianxiang.Yi || len(got.Orgs) != 2 ||
		got.Orgs[0] != (qianxiang.OrgTarget{Org: "141102", Name: "离石区", Projects: 80, AnnualPlan: 855000_00, NewStarts: 30}) ||
		got.Orgs[1].AnnualPlan != 1_200_000_00 {
		t.Errorf("read %+v", got)
	}
}

func TestReadTargetsNamesTheFaultyCells(t *testing.T) {
	buf := targetsBook(t, [][]any{
		{"单位", "项目数", "年度投资（万元）", "新开工"},
		{"离石区", 8.5, 1000, 3},
		{"火星县", 1, 1000, 1},
		{"孝义市", 2, "很多", 1},
		{"合计", -3, -1, ""}, // found by FuzzReadTargets: negative targets
	})
	_, err := ReadTargets(buf, "t.xlsx", targetOrgs)
	e := qianxiang.AsError(err)
	if e == nil || len(e.Details) != 5 {
		t.Fatalf("err %v", err)
	}
	want := []struct {
		row int
		col string
	}{{2, "B"}, {3, "A"}, {4, "C"}, {5, "C"}, {5, "B"}}
	for i, w := range want {
		if d := e.Details[i]; d.Row != w.row || d.Column != w.col {
			t.Errorf("fault %d at row %d column %s, want %d %s (%s)", i, d.Row, d.Column, w.row, w.col, d.String())
		}
	}
}
