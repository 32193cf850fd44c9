package excel_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/excel"
)

// A users workbook as an office writes it: a title row, the header in its
// own words, blank rows between people.
func TestReadUsersWorkbook(t *testing.T) {
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	rows := [][]any{
		{"吕梁市县区项目办人员名单"},
		{"序号", "姓名", "单位名称", "用户角色", "手机号码", "账号"},
		{1, "刘建国", "离石区", "县区管理员", "13800000001", ""},
		{},
		{2, " 陈 晓梅 ", "141121", "项目单位", 13900000002, "chenxm"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(sh, cell, &r)
	}
	var b bytes.Buffer
	f.Write(&b)
	got, cols, err := excel.ReadUsers(&b, "users.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []qianxiang.UserRow{
		{Row: 3, Name: "刘建国", Org: "离石区", Role: "县区管理员", Phone: "13800000001"},
		{Row: 5, Name: "陈晓梅", Org: "141121", Role: "项目单位", Phone: "13900000002", Username: "chenxm"},
	}
	if len(got) != len(want) {
		t.Fatalf("rows %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if cols["org"] != "C" || cols["phone"] != "E" || cols["username"] != "F" {
		t.Errorf("columns %v", cols)
	}
	if _, _, err := excel.ReadUsers(bytes.NewReader([]byte("姓名,手机\n张三,1\n")), "x.csv"); qianxiang.AsError(err) == nil {
		t.Error("a workbook without 单位 and 角色 was read")
	}
}
