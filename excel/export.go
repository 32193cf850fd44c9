package excel

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// listSheet is the name of the project list sheet the platform writes; the
// reader looks for it first.
const listSheet = "项目清单"

// listCell says how a column's cells are written.
type listCell int

const (
	cellText   listCell = iota
	cellWrap            // long text, wrapped
	cellAmount          // 万元, 0.00
	cellDate            // a real Excel date; month-only dates show 2023年3月
)

// listColumn is one column of the written list, headed as the reader's
// alias table knows it, so that an export imports again unchanged.
type listColumn struct {
	header string
	width  float64
	cell   listCell
	value  func(p *qianxiang.Project) any
}

var kindNames = map[qianxiang.Kind]string{
	qianxiang.KindNew: "新开工", qianxiang.KindContinuing: "续建", qianxiang.KindPreparatory: "前期",
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// listColumns are the columns of the import layout for a plan year.
func listColumns(year int) []listColumn {
	return []listColumn{
		{"序号", 6, cellText, nil},
		{"项目名称", 36, cellWrap, func(p *qianxiang.Project) any { return p.Name }},
		{"项目代码", 26, cellText, func(p *qianxiang.Project) any { return p.Code }},
		{"建设单位", 26, cellWrap, func(p *qianxiang.Project) any { return p.Owner }},
		{"县（市、区）", 12, cellText, func(p *qianxiang.Project) any { return p.Org.Name }},
		{"责任单位", 16, cellText, func(p *qianxiang.Project) any { return p.LeadOrg.Name }},
		{"项目类型", 10, cellText, func(p *qianxiang.Project) any { return kindNames[p.Kind] }},
		{"行业类别", 16, cellText, func(p *qianxiang.Project) any { return p.Sector }},
		{"建设内容及规模", 40, cellWrap, func(p *qianxiang.Project) any { return p.Scope }},
		{"总投资（万元）", 14, cellAmount, func(p *qianxiang.Project) any { return p.TotalInvestment }},
		{fmt.Sprintf("%d年计划投资（万元）", year), 14, cellAmount, func(p *qianxiang.Project) any { return p.AnnualPlan }},
		{"计划开工时间", 13, cellDate, func(p *qianxiang.Project) any { return p.PlannedStart }},
		{"计划竣工时间", 13, cellDate, func(p *qianxiang.Project) any { return p.PlannedEnd }},
		{"包联市领导", 11, cellText, func(p *qianxiang.Project) any { return p.Leader }},
		{"联系人", 10, cellText, func(p *qianxiang.Project) any { return p.Contact }},
		{"联系电话", 15, cellText, func(p *qianxiang.Project) any { return p.Phone }},
		{"是否入库", 9, cellText, func(p *qianxiang.Project) any { return yesNo(p.InStats) }},
		{"备注", 20, cellWrap, func(p *qianxiang.Project) any { return p.Notes }},
	}
}

// WriteProjects writes a year's projects in the import layout, so that
// ReadProjects gives the same projects back: a title row, a 单位：万元 row,
// a bold frozen header, one row per project, and a 合计 row. Extra
// attributes become columns after the known ones. Stage, team, target and
// actual start are not part of the list and are not written.
func WriteProjects(w io.Writer, year int, cityName string, projects []qianxiang.Project) error {
	cols := listColumns(year)
	for _, k := range extraKeys(projects) {
		cols = append(cols, listColumn{k, 16, cellWrap, func(p *qianxiang.Project) any { return p.Extra[k] }})
	}
	lw, err := newListWriter(cols, fmt.Sprintf("%s%d年“千项千亿”项目清单", cityName, year))
	if err != nil {
		return err
	}
	defer lw.f.Close()
	for i := range projects {
		lw.row(i+1, &projects[i])
	}
	lw.totalRow(len(projects))
	return lw.finish(w)
}

// extraKeys lists the extra attributes of the projects, sorted.
func extraKeys(projects []qianxiang.Project) []string {
	seen := map[string]bool{}
	var keys []string
	for _, p := range projects {
		for k := range p.Extra {
			if !seen[k] && squeeze(k) != "" {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// listWriter writes the list sheet; the first error sticks and is
// returned by finish, which keeps the writing code straight.
type listWriter struct {
	f      *excelize.File
	cols   []listColumn
	styles map[listCell]int
	month  int                     // style of a month-only date
	bold   int                     // style of the 合计 row's amounts
	next   int                     // next row, 1-based
	sums   map[int]qianxiang.Money // column → sum, for the 合计 row
	err    error
}

const headerRow = 3 // title, unit, header

func newListWriter(cols []listColumn, title string) (*listWriter, error) {
	f := excelize.NewFile()
	lw := &listWriter{f: f, cols: cols, styles: map[listCell]int{}, next: headerRow + 1, sums: map[int]qianxiang.Money{}}
	lw.check(f.SetSheetName("Sheet1", listSheet))
	last := columnName(len(cols) - 1)
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	titleStyle := lw.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: center})
	headStyle := lw.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: center, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	top := &excelize.Alignment{Vertical: "top"}
	lw.styles[cellText] = lw.style(&excelize.Style{Border: border, Alignment: top})
	lw.styles[cellWrap] = lw.style(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	lw.styles[cellAmount] = lw.style(&excelize.Style{Border: border, Alignment: top, NumFmt: 2})
	dayFmt, monthFmt := "yyyy-mm-dd", `yyyy"年"m"月"`
	lw.styles[cellDate] = lw.style(&excelize.Style{Border: border, Alignment: top, CustomNumFmt: &dayFmt})
	lw.month = lw.style(&excelize.Style{Border: border, Alignment: top, CustomNumFmt: &monthFmt})
	lw.bold = lw.style(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, NumFmt: 2})

	lw.check(f.SetCellStr(listSheet, "A1", title))
	lw.check(f.MergeCell(listSheet, "A1", last+"1"))
	lw.check(f.SetCellStyle(listSheet, "A1", "A1", titleStyle))
	lw.check(f.SetRowHeight(listSheet, 1, 30))
	lw.check(f.SetCellStr(listSheet, "A2", "单位：万元"))
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c.header
		name := columnName(i)
		lw.check(f.SetColWidth(listSheet, name, name, c.width))
	}
	lw.check(f.SetSheetRow(listSheet, fmt.Sprintf("A%d", headerRow), &head))
	lw.check(f.SetCellStyle(listSheet, fmt.Sprintf("A%d", headerRow), fmt.Sprintf("%s%d", last, headerRow), headStyle))
	lw.check(f.SetPanes(listSheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: headerRow,
		TopLeftCell: fmt.Sprintf("C%d", headerRow+1), ActivePane: "bottomRight"}))
	return lw, lw.err
}

func (lw *listWriter) check(err error) {
	if err != nil && lw.err == nil {
		lw.err = fmt.Errorf("writing the project list: %w", err)
	}
}

func (lw *listWriter) style(s *excelize.Style) int {
	id, err := lw.f.NewStyle(s)
	lw.check(err)
	return id
}

// row writes project p as list row number seq.
func (lw *listWriter) row(seq int, p *qianxiang.Project) {
	r := lw.next
	lw.next++
	for i, c := range lw.cols {
		axis := fmt.Sprintf("%s%d", columnName(i), r)
		style := lw.styles[c.cell]
		var v any = seq
		if c.value != nil {
			v = c.value(p)
		}
		switch x := v.(type) {
		case qianxiang.Money:
			if x.Plausible() { // a stored figure outside the bounds would overflow the sum
				lw.sums[i] += x
			}
			lw.check(lw.f.SetCellFloat(listSheet, axis, x.Float(), 2, 64))
		case qianxiang.Date:
			if !x.IsZero() {
				lw.check(lw.f.SetCellInt(listSheet, axis, int64(excelSerial(x))))
				if x.MonthOnly() {
					style = lw.month
				}
			}
		case string:
			if x != "" {
				lw.check(lw.f.SetCellStr(listSheet, axis, x))
			}
		default:
			lw.check(lw.f.SetCellValue(listSheet, axis, x))
		}
		lw.check(lw.f.SetCellStyle(listSheet, axis, axis, style))
	}
}

// excelSerial is the Excel day number of a date (of its first day when it
// is known only to the month).
func excelSerial(d qianxiang.Date) int {
	day := max(d.Day, 1)
	t := time.Date(d.Year, time.Month(d.Month), day, 0, 0, 0, 0, time.UTC)
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// totalRow writes the 合计 row; the reader checks it against the rows.
func (lw *listWriter) totalRow(n int) {
	r := lw.next
	lw.check(lw.f.SetCellStr(listSheet, fmt.Sprintf("A%d", r), fmt.Sprintf("合计（%d个）", n)))
	lw.check(lw.f.MergeCell(listSheet, fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r)))
	for i, c := range lw.cols {
		axis := fmt.Sprintf("%s%d", columnName(i), r)
		if c.cell == cellAmount {
			lw.check(lw.f.SetCellFloat(listSheet, axis, lw.sums[i].Float(), 2, 64))
		}
		lw.check(lw.f.SetCellStyle(listSheet, axis, axis, lw.bold))
	}
}

// finish writes the workbook out.
func (lw *listWriter) finish(w io.Writer) error {
	if lw.err != nil {
		return lw.err
	}
	if _, err := lw.f.WriteTo(w); err != nil {
		return fmt.Errorf("writing the project list: %w", err)
	}
	return nil
}
