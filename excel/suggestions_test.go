package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// The year's summary in the published shape: title, date, two header
// rows' worth of columns in one, a row per unit, the total and the
// definitions; proposals in their own words.
func TestHandlingReportWorkbookShape(t *testing.T) {
	lead := qianxiang.OrgRef{ID: 1, Code: "141100-CGJ", Name: "市城管局"}
	co := qianxiang.OrgRef{ID: 2, Code: "141100-WJW", Name: "市卫健委"}
	ss := []qianxiang.Suggestion{
		{Kind: qianxiang.KindProposal, Number: 1, Title: "关于加强背街小巷管理的提案", LeadOrg: &lead, CoOrgs: []qianxiang.OrgRef{co}, Status: qianxiang.SugClosed,
			Answers: []qianxiang.Answer{{Class: "A", OnTime: true}}, Rating: qianxiang.Satisfied},
		{Kind: qianxiang.KindProposal, Number: 2, Title: "关于社区卫生服务的提案", LeadOrg: &co, Status: qianxiang.SugHandling, Overdue: true},
		{Kind: qianxiang.KindProposal, Number: 3, Title: "未立案的提案", Status: qianxiang.SugDeclined},
	}
	rep := qianxiang.ReportHandling(ss)
	var b bytes.Buffer
	status := func(s *qianxiang.Suggestion) string { return s.StatusLabel() }
	if err := WriteHandlingReport(&b, HandlingTitle("吕梁市", 2023, qianxiang.KindProposal), "2023-12-31", qianxiang.KindProposal, rep, ss, status); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	get := func(sheet, cell string) string {
		v, _ := f.GetCellValue(sheet, cell)
		return v
	}
	const sum, list = "办理情况统计表", "办理明细"
	for cell, want := range map[string]string{
		"A1": "吕梁市政协2023年提案办理情况统计表", "A2": "统计截至 2023-12-31", "B3": "主办单位", "C3": "立案交办件数", "D3": "会办件数",
		"E3": "已复文", "F3": "A类（已解决或采纳）", "K3": "逾期未复文", "R3": "满意率",
		"B4": "市城管局", "C4": "1", "D4": "0", "F4": "1", "M4": "1", "P4": "100.00%", "R4": "100.00%",
		"B5": "市卫健委", "C5": "1", "D5": "1", "E5": "0", "K5": "1", "P5": "0.00%", "Q5": "—",
		"A6": "合计", "C6": "2", "D6": "1", "E6": "1", "K6": "1", "P6": "50.00%",
	} {
		if got := get(sum, cell); got != want {
			t.Errorf("%s!%s = %q, want %q", sum, cell, got, want)
		}
	}
	if got := get(sum, "A8"); got == "" {
		t.Error("the definitions line is missing")
	}
	for cell, want := range map[string]string{"B1": "类别", "D1": "提案人", "F1": "主办单位", "G1": "会办单位", "B2": "提案", "G2": "市卫健委",
		"J2": "Closed", "K2": "A", "M2": "是", "N2": "满意", "J4": "Not filed", "H4": ""} {
		if got := get(list, cell); got != want {
			t.Errorf("%s!%s = %q, want %q", list, cell, got, want)
		}
	}
}
