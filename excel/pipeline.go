package excel

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

const (
	poolSheet    = "储备项目"
	poolSumSheet = "分类汇总"
)

// PoolLine is one reserve project's row of the pool workbook.
type PoolLine struct {
	Project   qianxiang.Project
	County    string
	Agency    string
	Maturity  qianxiang.Maturity
	Checks    map[string]qianxiang.CheckMark
	Channels  []string // the funding channels it fits
	Published bool
	Interests int
}

// PoolSum is one line of the pool's summary (a county or a sector).
type PoolSum struct {
	Name              string
	Projects          int
	TotalInvestment   qianxiang.Money
	High, Medium, Low int
}

// PoolBook is the reserve pool workbook: the projects with one column per
// checklist item, and the sums by county and by sector.
type PoolBook struct {
	Title              string
	Checklist          []qianxiang.ChecklistItem
	Lines              []PoolLine
	ByCounty, BySector []PoolSum
}

var bandNames = map[qianxiang.MaturityBand]string{qianxiang.BandHigh: "成熟", qianxiang.BandMedium: "较成熟", qianxiang.BandLow: "培育"}

// WritePool writes the pool workbook. Amounts are numbers shown #,##0.00,
// the maturity a percentage, so the office can sum and sort them.
func WritePool(w io.Writer, b PoolBook) error {
	f := excelize.NewFile()
	defer f.Close()
	var err error
	check := func(e error) {
		if e != nil && err == nil {
			err = fmt.Errorf("writing the reserve pool: %w", e)
		}
	}
	style := func(s excelize.Style) int {
		id, e := f.NewStyle(&s)
		check(e)
		return id
	}
	bold := style(excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	head := style(excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	money := style(excelize.Style{NumFmt: 4})
	pct := style(excelize.Style{NumFmt: 10})

	check(f.SetSheetName("Sheet1", poolSheet))
	heads := []string{"序号", "项目名称", "县（市、区）", "行业", "阶段", "总投资（万元）", "成熟度", "成熟度等级", "缺少的必备要件", "包装咨询机构", "可争取资金渠道", "是否推介", "投资意向"}
	widths := []float64{6, 34, 10, 12, 8, 14, 9, 10, 24, 20, 30, 8, 8}
	for _, it := range b.Checklist {
		name := it.Name
		if it.Mandatory {
			name += "（必备）"
		}
		heads, widths = append(heads, name), append(widths, 10)
	}
	last := columnName(len(heads) - 1)
	check(f.SetCellStr(poolSheet, "A1", b.Title))
	check(f.MergeCell(poolSheet, "A1", last+"1"))
	check(f.SetCellStyle(poolSheet, "A1", "A1", bold))
	row := make([]any, len(heads))
	for i, h := range heads {
		row[i] = h
		check(f.SetColWidth(poolSheet, columnName(i), columnName(i), widths[i]))
	}
	check(f.SetSheetRow(poolSheet, "A2", &row))
	check(f.SetCellStyle(poolSheet, "A2", last+"2", head))
	stages := map[qianxiang.Stage]string{qianxiang.StageIdea: "谋划", qianxiang.StageReserve: "储备", qianxiang.StagePreparing: "前期"}
	yes := map[bool]string{true: "是", false: "否"}
	for i, l := range b.Lines {
		missing := make([]string, len(l.Maturity.MissingMandatory))
		for j, it := range l.Maturity.MissingMandatory {
			missing[j] = it.Name
		}
		r := []any{i + 1, l.Project.Name, l.County, l.Project.Sector, stages[l.Project.Stage], l.Project.TotalInvestment.Float(),
			float64(l.Maturity.Score), bandNames[l.Maturity.Band], strings.Join(missing, "、"), l.Agency, strings.Join(l.Channels, "、"),
			yes[l.Published], l.Interests}
		for _, it := range b.Checklist {
			mark := ""
			if m := l.Checks[it.Key]; m.Done {
				mark = "√"
				if !m.DoneOn.IsZero() {
					mark = "√ " + m.DoneOn.String()
				}
			}
			r = append(r, mark)
		}
		n := i + 3
		check(f.SetSheetRow(poolSheet, fmt.Sprintf("A%d", n), &r))
		check(f.SetCellStyle(poolSheet, fmt.Sprintf("F%d", n), fmt.Sprintf("F%d", n), money))
		check(f.SetCellStyle(poolSheet, fmt.Sprintf("G%d", n), fmt.Sprintf("G%d", n), pct))
	}
	check(f.SetPanes(poolSheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}))

	_, e := f.NewSheet(poolSumSheet)
	check(e)
	at := 1
	for _, part := range []struct {
		title string
		rows  []PoolSum
	}{{"按县（市、区）", b.ByCounty}, {"按行业", b.BySector}} {
		hr := []any{part.title, "项目数", "总投资（万元）", "成熟", "较成熟", "培育"}
		check(f.SetSheetRow(poolSumSheet, fmt.Sprintf("A%d", at), &hr))
		check(f.SetCellStyle(poolSumSheet, fmt.Sprintf("A%d", at), fmt.Sprintf("F%d", at), head))
		at++
		for _, s := range part.rows {
			r := []any{s.Name, s.Projects, s.TotalInvestment.Float(), s.High, s.Medium, s.Low}
			check(f.SetSheetRow(poolSumSheet, fmt.Sprintf("A%d", at), &r))
			check(f.SetCellStyle(poolSumSheet, fmt.Sprintf("C%d", at), fmt.Sprintf("C%d", at), money))
			at++
		}
		at++
	}
	check(f.SetColWidth(poolSumSheet, "A", "A", 18))
	check(f.SetColWidth(poolSumSheet, "C", "C", 16))
	if err != nil {
		return err
	}
	return f.Write(w)
}
