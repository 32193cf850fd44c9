package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

func TestEntryGapWorkbook(t *testing.T) {
	rate := qianxiang.Fraction(0.5)
	g := qianxiang.Gap{AsOf: qianxiang.Date{Year: 2023, Month: 12, Day: 31}, Expected: 2, Entered: 1, Rate: &rate, Items: []qianxiang.GapItem{{
		Project:         qianxiang.ProjectRef{Name: "文水县污水厂", Org: qianxiang.OrgRef{Name: "文水县"}},
		TotalInvestment: 123456, StartedOn: qianxiang.Date{Year: 2023, Month: 4, Day: 2}, Reason: qianxiang.GapReturned,
		ReturnReason: "合同不符", ReturnedBy: "acceptance", Missing: []qianxiang.VoucherKind{qianxiang.VoucherApproval, qianxiang.VoucherLicence},
	}}}
	var b bytes.Buffer
	if err := WriteEntryGap(&b, "2023年应统未统清单", g); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(gapSheet)
	if err != nil || len(rows) != 4 {
		t.Fatalf("rows %v %v", rows, err)
	}
	want := []string{"1", "文水县", "文水县污水厂", "", "1,234.56", "2023-04-02", "已退回", "审批/核准/备案文件、营业执照或统一社会信用代码", "统计部门验收退回：合同不符"}
	for i, w := range want {
		if i >= len(rows[3]) || rows[3][i] != w {
			t.Errorf("column %d: %q, want %q (row %q)", i, rows[3][i], w, rows[3])
		}
	}
	if rows[1][0] != "截至 2023-12-31：应统项目 2 个，已入库 1 个，入库率 50.00%，应统未统 1 个" {
		t.Errorf("totals line %q", rows[1][0])
	}
}
