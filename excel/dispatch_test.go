package excel_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/excel"
)

func dispatchFixture() *qianxiang.Dispatch {
	lishi := qianxiang.OrgRef{ID: 1, Code: "141102", Name: "离石区"}
	wenshui := qianxiang.OrgRef{ID: 2, Code: "141121", Name: "文水县"}
	fgw := qianxiang.OrgRef{ID: 3, Code: "D01", Name: "市发改委"}
	projects := []qianxiang.DispatchProject{
		{ID: 1, Name: "离石区数据中心项目", Org: lishi, LeadOrg: fgw, Kind: qianxiang.KindNew,
			PlannedStart: qianxiang.Date{Year: 2023, Month: 2}, AnnualPlan: 100000_00},
		{ID: 2, Name: "离石区污水处理厂项目", Org: lishi, LeadOrg: lishi, Kind: qianxiang.KindContinuing, AnnualPlan: 2000_00},
		{ID: 3, Name: "文水县体育中心项目", Org: wenshui, LeadOrg: wenshui, Kind: qianxiang.KindContinuing, AnnualPlan: 1000_00},
	}
	reports := []qianxiang.MonthFigure{
		{ProjectID: 2, Month: 1, Completed: 100_25, Status: qianxiang.ReportSubmitted},
		{ProjectID: 3, Month: 3, Completed: 250_00, Status: qianxiang.ReportApproved},
	}
	return qianxiang.ComputeDispatch(2023, 3, qianxiang.DefaultDispatchSettings(), projects, reports)
}

func TestWriteDispatchWorkbook(t *testing.T) {
	var buf bytes.Buffer
	if err := excel.WriteDispatch(&buf, dispatchFixture(), "吕梁市", 3); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"总体情况", "县（市、区）排名", "部门排名", "红灯项目", "未报送项目", "全部项目亮灯情况"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	cells := []struct{ sheet, cell, want string }{
		{"总体情况", "A1", "吕梁市“千项千亿”项目建设第3期调度通报（2023年1-3月）"},
		{"总体情况", "A4", "时序进度"},
		{"总体情况", "B4", "25.00%"},
		{"总体情况", "B5", "3"},
		{"总体情况", "B6", "103,000.00"}, // #,##0.00 (issue 15.7)
		{"总体情况", "B8", "0.34%"},      // 350.25 / 103000 = 0.0034
		{"总体情况", "B11", "0.00%"},
		{"县（市、区）排名", "A3", "排名"},
		{"县（市、区）排名", "B3", "县（市、区）"},
		{"县（市、区）排名", "A4", "1"},
		{"县（市、区）排名", "B4", "文水县"},
		{"县（市、区）排名", "F4", "25.00%"},
		{"县（市、区）排名", "I4", "—"}, // no new projects: no start rate
		{"县（市、区）排名", "B5", "离石区"},
		{"县（市、区）排名", "D5", "102,000.00"},
		{"县（市、区）排名", "E5", "100.25"},
		{"县（市、区）排名", "F5", "0.10%"},
		{"县（市、区）排名", "L5", "2"},
		{"县（市、区）排名", "B6", "合计"},
		{"县（市、区）排名", "C6", "3"},
		{"部门排名", "B3", "责任单位"},
		// Departments only: the counties leading their own projects are
		// ranked among the counties (issue 15.7).
		{"部门排名", "B4", "市发改委"},
		{"部门排名", "A4", "1"},
		{"部门排名", "B5", ""},
		{"红灯项目", "B4", "离石区数据中心项目"},
		{"红灯项目", "I4", "应开未开"},
		{"红灯项目", "I5", "投资进度滞后"},
		{"红灯项目", "H5", "5.01%"},
		{"未报送项目", "B4", "离石区数据中心项目"},
		{"未报送项目", "B5", "离石区污水处理厂项目"},
		{"未报送项目", "A6", ""},
		// Every project with its light and the reason (issue 15.7), by
		// county and name, by the same rule as the dispatch page.
		{"全部项目亮灯情况", "A1", "全部项目亮灯情况（2023年1-3月，共3个）"},
		{"全部项目亮灯情况", "B4", "离石区数据中心项目"},
		{"全部项目亮灯情况", "J4", "红灯"},
		{"全部项目亮灯情况", "K4", "应开未开：计划2023-02开工，尚未开工"},
		{"全部项目亮灯情况", "H4", "0.00%"},
		{"全部项目亮灯情况", "I4", "未报"},
		{"全部项目亮灯情况", "B5", "离石区污水处理厂项目"},
		{"全部项目亮灯情况", "F5", "2,000.00"},
		{"全部项目亮灯情况", "G5", "100.25"},
		{"全部项目亮灯情况", "J5", "红灯"},
		{"全部项目亮灯情况", "K5", "投资进度滞后：完成率低于时序进度（25.00%）超过黄灯区间"},
		{"全部项目亮灯情况", "B6", "文水县体育中心项目"},
		{"全部项目亮灯情况", "I6", "已报"},
		{"全部项目亮灯情况", "J6", "绿灯"},
		{"全部项目亮灯情况", "K6", "完成率达到时序进度（25.00%）"},
		{"全部项目亮灯情况", "A7", ""},
	}
	for _, c := range cells {
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil || got != c.want {
			t.Errorf("%s!%s = %q (%v), want %q", c.sheet, c.cell, got, err, c.want)
		}
	}
	raw, _ := f.GetCellValue("县（市、区）排名", "F5", excelize.Options{RawCellValue: true})
	if raw != "0.001" {
		t.Errorf("rate cell holds %q, want the rounded fraction 0.001", raw)
	}
	for _, sh := range want {
		panes, err := f.GetPanes(sh)
		if err != nil || !panes.Freeze || panes.YSplit != 3 {
			t.Errorf("%s: panes %+v %v, want frozen under row 3", sh, panes, err)
		}
		pl, err := f.GetPageLayout(sh)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
			t.Errorf("%s: page layout %+v %v, want A4 landscape", sh, pl, err)
		}
	}
	id, _ := f.GetCellStyle("县（市、区）排名", "A3")
	if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
		t.Error("the header is not bold")
	}
}

func TestWriteDispatchEmptyListsAndFirstMonth(t *testing.T) {
	d := qianxiang.ComputeDispatch(2023, 1, qianxiang.DefaultDispatchSettings(), nil, nil)
	var buf bytes.Buffer
	if err := excel.WriteDispatch(&buf, d, "吕梁市", 0); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sh, want := range map[string]string{
		"总体情况!A1":  "吕梁市“千项千亿”项目建设调度通报（2023年1月）",
		"红灯项目!A4":  "（无）",
		"未报送项目!A4": "（无）",
		"总体情况!B11": "—",
	} {
		i := bytes.IndexByte([]byte(sh), '!')
		if got, _ := f.GetCellValue(sh[:i], sh[i+1:]); got != want {
			t.Errorf("%s = %q, want %q", sh, got, want)
		}
	}
}
