package excel

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// WriteHandlingReport writes the year's summary as congress offices
// publish it: per lead unit the numbers handled, answered, on time and
// rated, with the rates; then the list of every suggestion.
func WriteHandlingReport(w io.Writer, title string, rep qianxiang.HandlingReport, ss []qianxiang.Suggestion, words func(string) string) error {
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if e != nil && err == nil {
			err = fmt.Errorf("writing the handling report: %w", e)
		}
	}
	const sum, list = "办理情况汇总", "办理明细"
	check(f.SetSheetName("Sheet1", sum))
	_, e := f.NewSheet(list)
	check(e)
	bold, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	check(e)
	pct, e := f.NewStyle(&excelize.Style{NumFmt: 10})
	check(e)
	heads := []string{"序号", "承办单位", "交办件数", "已答复", "按期答复", "已测评", "满意和基本满意", "不满意", "逾期未答复", "办复率", "按期办复率", "满意率"}
	last := columnName(len(heads) - 1)
	check(f.SetCellStr(sum, "A1", title))
	check(f.MergeCell(sum, "A1", last+"1"))
	check(f.SetCellStyle(sum, "A1", "A1", bold))
	head := make([]any, len(heads))
	for i, h := range heads {
		head[i] = h
	}
	check(f.SetSheetRow(sum, "A2", &head))
	check(f.SetColWidth(sum, "B", "B", 22))
	rate := func(r *qianxiang.Fraction) any {
		if r == nil {
			return "—"
		}
		return r.Rounded()
	}
	row := func(n int, label any, u qianxiang.UnitHandling) {
		cells := []any{label, u.Org.Name, u.Assigned, u.Answered, u.OnTime, u.Rated, u.Satisfied, u.Unsatisfied, u.Overdue,
			rate(u.HandlingRate), rate(u.OnTimeRate), rate(u.Satisfaction)}
		cell := fmt.Sprintf("A%d", n)
		check(f.SetSheetRow(sum, cell, &cells))
		check(f.SetCellStyle(sum, fmt.Sprintf("J%d", n), fmt.Sprintf("L%d", n), pct))
	}
	n := 3
	for i, u := range rep.Units {
		row(n, i+1, u)
		n++
	}
	row(n, "", rep.Total)
	lh := []any{"编号", "类别", "标题", words("Signing deputies"), "提出日期", "主办单位", "协办（会办）单位", "交办日期", "答复期限", "状态", "答复类别", "答复日期", "是否按期", "测评结果"}
	check(f.SetSheetRow(list, "A1", &lh))
	check(f.SetColWidth(list, "C", "C", 36))
	for i, s := range ss {
		names, cos, lead := "", "", ""
		for j, g := range s.Signers {
			if j > 0 {
				names += "、"
			}
			names += g.Name
		}
		for j, c := range s.CoOrgs {
			if j > 0 {
				cos += "、"
			}
			cos += c.Name
		}
		if s.LeadOrg != nil {
			lead = s.LeadOrg.Name
		}
		class, on, onTime := "", "", ""
		if k := len(s.Answers); k > 0 {
			a := s.Answers[k-1]
			class, on = string(a.Class), a.On.String()
			onTime = map[bool]string{true: "是", false: "否"}[s.Answers[0].OnTime]
		}
		kind := map[qianxiang.SuggestionKind]string{qianxiang.KindSuggestion: "建议", qianxiang.KindProposal: "提案"}[s.Kind]
		cells := []any{s.Number, kind, s.Title, names, s.SubmittedOn.String(), lead, cos, s.AssignedOn.String(), s.AnswerDue.String(),
			words(s.Status.Label()), class, on, onTime, words(s.Rating.Label())}
		check(f.SetSheetRow(list, fmt.Sprintf("A%d", i+2), &cells))
	}
	if err != nil {
		return err
	}
	return f.Write(w)
}
