package excel

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// HandlingWords are a summary's words in its kind's vocabulary: a
// proposal is filed and assigned (立案交办), replied to (复文), handled by
// main and joint units (主办 / 会办).
func HandlingWords(kind qianxiang.SuggestionKind) map[string]string {
	if kind == qianxiang.KindProposal {
		return map[string]string{"assigned": "立案交办件数", "co": "会办件数", "answered": "已复文", "on_time": "按期复文", "overdue": "逾期未复文",
			"rate": "办复率", "on_time_rate": "按期办复率", "lead": "主办单位", "cos": "会办单位", "signers": "提案人", "assigned_on": "立案交办日期",
			"due": "复文期限", "kind": "提案", "answer_on": "复文日期", "class": "复文类别"}
	}
	return map[string]string{"assigned": "交办件数（主办）", "co": "协办件数", "answered": "已答复", "on_time": "按期答复", "overdue": "逾期未答复",
		"rate": "办复率", "on_time_rate": "按期办复率", "lead": "主办单位", "cos": "协办单位", "signers": "提出代表", "assigned_on": "交办日期",
		"due": "答复期限", "kind": "建议", "answer_on": "答复日期", "class": "答复类别"}
}

// WriteHandlingReport writes the year's summary in the shape congress
// offices publish it: a title, the date it is counted to, per unit the
// numbers assigned (as lead and as co-unit), answered by class A–D, on
// time and overdue, the signers' ratings and the three rates, a total row
// and the definitions; then every suggestion on a second sheet. status
// gives a suggestion's status in Chinese.
func WriteHandlingReport(w io.Writer, title, asOf string, kind qianxiang.SuggestionKind, rep qianxiang.HandlingReport, ss []qianxiang.Suggestion,
	status func(*qianxiang.Suggestion) string) error {
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if e != nil && err == nil {
			err = fmt.Errorf("writing the handling report: %w", e)
		}
	}
	wd := HandlingWords(kind)
	const sum, list = "办理情况统计表", "办理明细"
	check(f.SetSheetName("Sheet1", sum))
	_, e := f.NewSheet(list)
	check(e)
	bold, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: "方正小标宋简体"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	check(e)
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
	head, e := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	check(e)
	cell, e := f.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center"}})
	check(e)
	pct, e := f.NewStyle(&excelize.Style{Border: border, NumFmt: 10, Alignment: &excelize.Alignment{Horizontal: "center"}})
	check(e)
	heads := []string{"序号", wd["lead"], wd["assigned"], wd["co"], wd["answered"], "A类（已解决或采纳）", "B类（正在解决）", "C类（列入计划逐步解决）",
		"D类（留作参考）", wd["on_time"], wd["overdue"], "已测评", "满意", "基本满意", "不满意", wd["rate"], wd["on_time_rate"], "满意率"}
	last := columnName(len(heads) - 1)
	check(f.SetCellStr(sum, "A1", title))
	check(f.MergeCell(sum, "A1", last+"1"))
	check(f.SetCellStyle(sum, "A1", "A1", bold))
	check(f.SetRowHeight(sum, 1, 30))
	check(f.SetCellStr(sum, "A2", "统计截至 "+asOf))
	check(f.MergeCell(sum, "A2", last+"2"))
	hs := make([]any, len(heads))
	for i, h := range heads {
		hs[i] = h
	}
	check(f.SetSheetRow(sum, "A3", &hs))
	check(f.SetCellStyle(sum, "A3", last+"3", head))
	check(f.SetRowHeight(sum, 3, 45))
	check(f.SetColWidth(sum, "B", "B", 24))
	check(f.SetColWidth(sum, "C", last, 10))
	rate := func(r *qianxiang.Fraction) any {
		if r == nil {
			return "—"
		}
		return r.Rounded()
	}
	row := func(n int, label any, u qianxiang.UnitHandling) {
		cells := []any{label, u.Org.Name, u.Assigned, u.CoAssigned, u.Answered, u.ClassA, u.ClassB, u.ClassC, u.ClassD, u.OnTime, u.Overdue,
			u.Rated, u.FullySat, u.Basically, u.Unsatisfied, rate(u.HandlingRate), rate(u.OnTimeRate), rate(u.Satisfaction)}
		check(f.SetSheetRow(sum, fmt.Sprintf("A%d", n), &cells))
		check(f.SetCellStyle(sum, fmt.Sprintf("A%d", n), fmt.Sprintf("O%d", n), cell))
		check(f.SetCellStyle(sum, fmt.Sprintf("P%d", n), fmt.Sprintf("%s%d", last, n), pct))
	}
	n := 4
	for i, u := range rep.Units {
		row(n, i+1, u)
		n++
	}
	row(n, "合计", rep.Total)
	check(f.SetCellStr(sum, fmt.Sprintf("A%d", n+2), fmt.Sprintf("说明：%s = %s ÷ %s；%s = 首次%s按期件数 ÷ %s；满意率 =（满意 + 基本满意）÷ 已测评；A–D 类按最近一次%s统计；重新办理的按最近一次测评统计。",
		wd["rate"], wd["answered"], trimCount(wd["assigned"]), wd["on_time_rate"], trimCount(wd["answered"]), wd["answered"], strings.TrimSuffix(wd["class"], "类别"))))
	check(f.MergeCell(sum, fmt.Sprintf("A%d", n+2), fmt.Sprintf("%s%d", last, n+2)))

	lh := []any{"编号", "类别", "标题", wd["signers"], "提出日期", wd["lead"], wd["cos"], wd["assigned_on"], wd["due"], "状态", wd["class"], wd["answer_on"], "是否按期", "测评结果"}
	check(f.SetSheetRow(list, "A1", &lh))
	check(f.SetCellStyle(list, "A1", columnName(len(lh)-1)+"1", head))
	check(f.SetColWidth(list, "C", "C", 36))
	for i := range ss {
		s := &ss[i]
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
		rating := map[qianxiang.Rating]string{qianxiang.Satisfied: "满意", qianxiang.Basically: "基本满意", qianxiang.Unsatisfied: "不满意"}[s.Rating]
		kindName := HandlingWords(s.Kind)["kind"]
		cells := []any{s.Number, kindName, s.Title, names, s.SubmittedOn.String(), lead, cos, dateOrEmpty(s.AssignedOn), dateOrEmpty(s.AnswerDue),
			status(s), class, on, onTime, rating}
		check(f.SetSheetRow(list, fmt.Sprintf("A%d", i+2), &cells))
	}
	if err != nil {
		return err
	}
	return f.Write(w)
}

// trimCount drops the "件数" and any bracket from a column's name for the
// definitions line (交办件数（主办） → 交办).
func trimCount(s string) string {
	for _, cut := range []string{"（", "件数"} {
		if i := strings.Index(s, cut); i >= 0 {
			s = s[:i]
		}
	}
	return s
}

func dateOrEmpty(d qianxiang.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// HandlingTitle is the summary's title as the offices print it.
func HandlingTitle(city string, year int, kind qianxiang.SuggestionKind) string {
	if kind == qianxiang.KindProposal {
		return fmt.Sprintf("%s政协%d年提案办理情况统计表", city, year)
	}
	return fmt.Sprintf("%s%d年人大代表建议办理情况统计表", city, year)
}
