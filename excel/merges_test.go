package excel

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
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
