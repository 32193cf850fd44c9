package excel

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// mergedList is a list whose amount cells rows 3 and 4 share (merged, as
// an office writes one figure for two projects), with a county merged
// down over the same rows, which stays a shared attribute.
func mergedList(t *testing.T, mergeFrom, mergeTo string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "项目清单"
	f.SetSheetName("Sheet1", sh)
	rows := [][]any{
		{"序号", "项目名称", "县（市、区）", "项目类型", "总投资", "年度计划投资"},
		{1, "离石区第一污水厂", "离石区", "新开工", 100, 40},
		{2, "离石区第二污水厂", "离石区", "新开工", 300, 120},
		{3, "离石区第三污水厂", nil, "新开工", nil, 60},
		{4, "文水县道路", "文水县", "续建", 50, 20},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"C3", "C4"}, {mergeFrom, mergeTo}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A total investment merged over two project rows is refused on both rows,
// naming the range, instead of being counted for each (issue 7, item 8);
// the county merged down the same rows is still read for both.
func TestReadProjectsRefusesAnAmountMergedOverProjects(t *testing.T) {
	imp, err := ReadProjects(bytes.NewReader(mergedList(t, "E3", "E4")), "merged.xlsx", importOptions())
	if err != nil {
		t.Fatal(err)
	}
	merged := map[int]string{}
	for _, d := range imp.Errors {
		if strings.Contains(d.Format, "merged over rows") {
			merged[d.Row] = d.Column
			if got := d.Args[0]; got != "E3:E4" {
				t.Errorf("row %d names %v, want E3:E4", d.Row, got)
			}
		}
	}
	if len(merged) != 2 || merged[3] != "E" || merged[4] != "E" {
		t.Errorf("merged-amount errors on %v, want rows 3 and 4 in column E (all errors: %v)", merged, imp.Errors)
	}
	for _, r := range imp.Rows {
		if r.Row == 4 && r.Project.Org.Name != "离石区" {
			t.Errorf("row 4's county = %q, want the merged 离石区", r.Project.Org.Name)
		}
	}
}

// A merge over a total row and nothing else is not a project's amount.
func TestReadProjectsLeavesAnAmountMergedOverOneProject(t *testing.T) {
	imp, err := ReadProjects(bytes.NewReader(mergedList(t, "E5", "F5")), "merged.xlsx", importOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range imp.Errors {
		if strings.Contains(d.Format, "merged over rows") {
			t.Errorf("row %d: %s", d.Row, d)
		}
	}
}

// In a 调度表 too, a month's amount merged over two projects' rows is
// refused on both rows rather than reported for each.
func TestReadReportsRefusesAnAmountMergedOverProjects(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "调度表"
	f.SetSheetName("Sheet1", sh)
	rows := [][]any{
		{"序号", "项目名称", "县（市、区）", "本月完成投资", "是否开工"},
		{1, "甲项目", "离石区", 30, "是"},
		{2, "乙项目", "离石区", nil, "是"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell(sh, "D2", "D3"); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	orgs := lvliangOrgs()
	ref := qianxiang.OrgRef{ID: orgs[1].ID, Code: orgs[1].Code, Name: orgs[1].Name}
	ps := []qianxiang.Project{{ID: 1, Name: "甲项目", Org: ref}, {ID: 2, Name: "乙项目", Org: ref}}
	imp, err := ReadReports(&b, "dispatch.xlsx", ReportOptions{Year: 2023, Month: 3, Orgs: orgs, Projects: ps})
	if err != nil {
		t.Fatal(err)
	}
	rows2 := map[int]bool{}
	for _, d := range imp.Errors {
		if strings.Contains(d.Format, "merged over rows") {
			rows2[d.Row] = true
		}
	}
	if !rows2[2] || !rows2[3] {
		t.Errorf("merged-amount errors on rows %v, want 2 and 3 (errors: %v)", rows2, imp.Errors)
	}
}
