package excel

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// WriteOrders writes the supervision orders (one sheet) and the counts by
// organisation with the on-time reply rate (a second sheet). status gives
// a status's words in the reader's language.
func WriteOrders(w io.Writer, orders []qianxiang.Order, counts []qianxiang.OrderCount, status func(string) string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "督办单"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	head := []any{"文号", "督办对象", "督办事项", "涉及项目", "涉及问题", "回复期限", "状态", "是否逾期", "回复", "回复日期", "督办单位", "签发人"}
	f.SetSheetRow(sh, "A1", &head)
	for i, o := range orders {
		name := func(r *qianxiang.ItemRef) string {
			if r == nil {
				return ""
			}
			return r.Name
		}
		overdue := ""
		if o.Overdue {
			overdue = "逾期"
		} else if o.RepliedLate {
			overdue = "逾期回复"
		}
		row := []any{o.Number, o.Org.Name, o.Text, name(o.Project), name(o.Problem), o.ReplyBy.String(), status(string(o.Status)), overdue,
			o.Reply, o.RepliedOn.String(), o.IssuerOrg.Name, o.IssuedBy}
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", i+2), &row); err != nil {
			return err
		}
	}
	f.SetColWidth(sh, "A", "B", 16)
	f.SetColWidth(sh, "C", "C", 50)
	f.SetColWidth(sh, "D", "E", 30)
	f.SetColWidth(sh, "I", "I", 50)
	cs := "按单位统计"
	if _, err := f.NewSheet(cs); err != nil {
		return err
	}
	head = []any{"单位", "督办单数", "未办结", "逾期未回复", "已回复", "按期回复", "应回复", "按期回复率", "已办结"}
	f.SetSheetRow(cs, "A1", &head)
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	for i, c := range counts {
		var rate any = "—"
		if c.Rate != nil {
			rate = c.Rate.Rounded()
		}
		row := []any{c.Org.Name, c.Orders, c.Open, c.Overdue, c.Replied, c.OnTime, c.Due, rate, c.Accepted}
		cell := fmt.Sprintf("A%d", i+2)
		if err := f.SetSheetRow(cs, cell, &row); err != nil {
			return err
		}
		f.SetCellStyle(cs, fmt.Sprintf("H%d", i+2), fmt.Sprintf("H%d", i+2), pct)
	}
	f.SetColWidth(cs, "A", "A", 18)
	return f.Write(w)
}
