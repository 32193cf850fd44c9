package excel

import (
	"fmt"

	"qianxiang"
)

// DispatchSheetClasses is the sheet of the dispatch grouped by each
// classification list (产业链, 特色专业镇).
const DispatchSheetClasses = "按产业链分类"

// classes writes, one block per list, each entry's figures and the line of
// the projects with none. Nothing is written when no list is defined.
func (b *dispatchBook) classes(d *qianxiang.Dispatch) {
	if len(d.ByClass) == 0 {
		return
	}
	const sh = DispatchSheetClasses
	b.newSheet(sh)
	header := []any{"分类", "项目数", "年度计划投资（万元）", "累计完成投资（万元）", "投资完成率", "新开工项目", "已开工", "开工率", "绿灯", "黄灯", "红灯"}
	last := dispatchCol(len(header))
	b.title(sh, "A1", last+"1", fmt.Sprintf("按产业链、专业镇分类调度情况（%d年%s）", d.Year, dispatchMonths(d.Month)))
	b.merge(sh, "A2", last+"2", "一个项目属于多个分类时在每个分类中分别计入，各行之和不必等于合计", b.st.note)
	r := 3
	for _, c := range d.ByClass {
		h := append([]any{c.Name}, header[1:]...)
		b.row(sh, r, dispatchHeader, h...)
		r++
		line := func(name string, t qianxiang.DispatchTotals, kind dispatchRowKind) {
			b.row(sh, r, kind, name, t.Projects, t.AnnualPlan, t.CompletedYTD, dispatchPct(t.CompletionRate),
				t.NewProjects, t.StartedNewProjects, dispatchOptPct(t.StartRate), t.Lights.Green, t.Lights.Yellow, t.Lights.Red)
			r++
		}
		for _, row := range c.Rows {
			line(row.Entry, row.DispatchTotals, dispatchBody)
		}
		line("未归类", c.Unclassified, dispatchBody)
		r++ // a blank row between lists
	}
	b.widths(sh, 22, 8, 16, 16, 10, 10, 8, 8, 6, 6, 6)
	b.printSetup(sh, 3)
}
