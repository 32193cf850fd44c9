package excel

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

const gapSheet = "应统未统项目"

// gapReasonNames and voucherNames are the statistics bureau's words.
var gapReasonNames = map[string]string{
	qianxiang.GapMissingVouchers: "佐证材料不全", qianxiang.GapNotSubmitted: "建设单位未报送", qianxiang.GapReturned: "已退回",
	qianxiang.GapAwaitingReview: "待主管部门审核", qianxiang.GapAwaitingAcceptance: "待统计部门验收",
}

var voucherNames = map[qianxiang.VoucherKind]string{
	qianxiang.VoucherApproval: "审批/核准/备案文件", qianxiang.VoucherContract: "施工合同或现场照片",
	qianxiang.VoucherLicence: "营业执照或统一社会信用代码", qianxiang.VoucherProgress: "形象进度确认单", qianxiang.VoucherPayment: "付款凭证",
}

var returnedByNames = map[string]string{"review": "主管部门审核退回", "acceptance": "统计部门验收退回"}

// WriteEntryGap writes the entry-gap list (应统尽统) as the bureau passes it
// to the counties: one row per project with the reason and the vouchers it
// still lacks, under a line of the totals.
func WriteEntryGap(w io.Writer, title string, g qianxiang.Gap) error {
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if e != nil && err == nil {
			err = fmt.Errorf("writing the entry gap: %w", e)
		}
	}
	check(f.SetSheetName("Sheet1", gapSheet))
	heads := []struct {
		h string
		w float64
	}{{"序号", 6}, {"县（市、区）", 12}, {"项目名称", 34}, {"项目代码", 26}, {"总投资（万元）", 14}, {"实际开工", 12},
		{"未入库原因", 16}, {"尚缺佐证材料", 36}, {"退回原因", 36}}
	last := columnName(len(heads) - 1)
	check(f.SetCellStr(gapSheet, "A1", title))
	check(f.MergeCell(gapSheet, "A1", last+"1"))
	bold, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	check(e)
	check(f.SetCellStyle(gapSheet, "A1", "A1", bold))
	rate := "—"
	if g.Rate != nil {
		rate = fmt.Sprintf("%.2f%%", g.Rate.Rounded()*100)
	}
	check(f.SetCellStr(gapSheet, "A2", fmt.Sprintf("截至 %s：应统项目 %d 个，已入库 %d 个，入库率 %s，应统未统 %d 个", g.AsOf, g.Expected, g.Entered, rate, g.Expected-g.Entered)))
	check(f.MergeCell(gapSheet, "A2", last+"2"))
	head := make([]any, len(heads))
	for i, h := range heads {
		head[i] = h.h
		check(f.SetColWidth(gapSheet, columnName(i), columnName(i), h.w))
	}
	check(f.SetSheetRow(gapSheet, "A3", &head))
	wrap, e := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	check(e)
	amount, e := f.NewStyle(&excelize.Style{NumFmt: 4, Alignment: &excelize.Alignment{Vertical: "top"}}) // #,##0.00
	check(e)
	for i, it := range g.Items {
		missing := make([]string, len(it.Missing))
		for j, k := range it.Missing {
			missing[j] = voucherNames[k]
		}
		ret := ""
		if it.ReturnReason != "" {
			ret = returnedByNames[it.ReturnedBy] + "：" + it.ReturnReason
		}
		row := []any{i + 1, it.Project.Org.Name, it.Project.Name, it.Project.Code, it.TotalInvestment.Float(), it.StartedOn.String(),
			gapReasonNames[it.Reason], strings.Join(missing, "、"), ret}
		r := i + 4
		axis := fmt.Sprintf("A%d", r)
		check(f.SetSheetRow(gapSheet, axis, &row))
		check(f.SetCellStyle(gapSheet, axis, fmt.Sprintf("%s%d", last, r), wrap))
		check(f.SetCellStyle(gapSheet, fmt.Sprintf("E%d", r), fmt.Sprintf("E%d", r), amount))
	}
	check(f.SetPanes(gapSheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}))
	if err != nil {
		return err
	}
	return f.Write(w)
}
