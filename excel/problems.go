package excel

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

const problemSheet = "问题清单"

var problemStatusNames = map[qianxiang.ProblemStatus]string{
	qianxiang.ProblemOpen: "未解决", qianxiang.ProblemInProgress: "办理中",
	qianxiang.ProblemResolved: "已解决待确认", qianxiang.ProblemClosed: "已办结",
}

// WriteProblems writes the problem list as offices keep it: one row per
// problem with its owner, due date, age and the leader's latest 批示.
func WriteProblems(w io.Writer, title string, ps []qianxiang.Problem, latest map[int64]qianxiang.Instruction) error {
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if e != nil && err == nil {
			err = fmt.Errorf("writing the problem list: %w", e)
		}
	}
	check(f.SetSheetName("Sheet1", problemSheet))
	heads := []struct {
		h string
		w float64
	}{{"序号", 6}, {"项目名称", 30}, {"县（市、区）", 10}, {"问题类别", 10}, {"问题描述", 40}, {"责任单位", 14}, {"配合单位", 16},
		{"完成时限", 12}, {"办理状态", 12}, {"是否逾期", 8}, {"已历天数", 8}, {"包联市领导", 10}, {"是否提级", 8}, {"领导批示", 30}, {"办理结果", 30}}
	last := columnName(len(heads) - 1)
	check(f.SetCellStr(problemSheet, "A1", title))
	check(f.MergeCell(problemSheet, "A1", last+"1"))
	bold, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	check(e)
	check(f.SetCellStyle(problemSheet, "A1", "A1", bold))
	head := make([]any, len(heads))
	for i, h := range heads {
		head[i] = h.h
		check(f.SetColWidth(problemSheet, columnName(i), columnName(i), h.w))
	}
	check(f.SetSheetRow(problemSheet, "A2", &head))
	wrap, e := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	check(e)
	yes := func(b bool) string {
		if b {
			return "是"
		}
		return "否"
	}
	for i, p := range ps {
		cos := make([]string, len(p.CoOrgs))
		for j, c := range p.CoOrgs {
			cos[j] = c.Name
		}
		leader := ""
		if p.Leader != nil {
			leader = p.Leader.Name
		}
		row := []any{i + 1, p.Project.Name, p.Project.Org.Name, p.Category.Chinese(), p.Description, p.OwnerOrg.Name, strings.Join(cos, "、"),
			p.Due.String(), problemStatusNames[p.Status], yes(p.Overdue), p.DaysOpen, leader, yes(p.Escalated), latest[p.ID].Text, p.Resolution}
		axis := fmt.Sprintf("A%d", i+3)
		check(f.SetSheetRow(problemSheet, axis, &row))
		check(f.SetCellStyle(problemSheet, axis, fmt.Sprintf("%s%d", last, i+3), wrap))
	}
	check(f.SetPanes(problemSheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}))
	if err != nil {
		return err
	}
	return f.Write(w)
}
