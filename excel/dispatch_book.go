package excel

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// dispatchBook writes the dispatch workbook; it keeps the first error so
// that the sheet writers read as a list of cells.
type dispatchBook struct {
	f   *excelize.File
	st  dispatchStyles
	err error
}

// dispatchRowKind picks the styles of a row.
type dispatchRowKind int

const (
	dispatchBody dispatchRowKind = iota
	dispatchHeader
	dispatchTotal
)

// dispatchCellStyles are the styles of one kind of row, by cell type.
type dispatchCellStyles struct{ text, center, number, money, pct int }

type dispatchStyles struct {
	title, note int
	rows        [3]dispatchCellStyles // by dispatchRowKind
	lights      [3]int                // green, yellow, red header cells
}

// dispatchPercent is a rate written as a percentage cell (0.0058 → 0.58%).
type dispatchPercent float64

// dispatchPct gives a rate as the contract shows it, rounded to 4 decimals.
func dispatchPct(f qianxiang.Fraction) dispatchPercent { return dispatchPercent(f.Rounded()) }

// dispatchOptPct gives "—" for a rate there is none of (no new projects,
// no plan).
func dispatchOptPct(f *qianxiang.Fraction) any {
	if f == nil {
		return "—"
	}
	return dispatchPct(*f)
}

// dispatchPctText gives "25.00%".
func dispatchPctText(f qianxiang.Fraction) string { return fmt.Sprintf("%.2f%%", f.Rounded()*100) }

func dispatchCol(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

func dispatchCell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func dispatchAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

const (
	dispatchFmtInt     = 1  // 0
	dispatchFmtMoney   = 4  // #,##0.00: thousands separated, as offices write amounts
	dispatchFmtPercent = 10 // 0.00%
)

func newDispatchBook(f *excelize.File) (*dispatchBook, error) {
	b := &dispatchBook{f: f}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	style := func(s excelize.Style) int {
		id, err := f.NewStyle(&s)
		if err != nil && b.err == nil {
			b.err = err
		}
		return id
	}
	align := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	cells := func(bold bool, fill excelize.Fill) dispatchCellStyles {
		cell := func(h string, numFmt int) int {
			return style(excelize.Style{Font: font(bold, 11), Border: border, Alignment: align(h), NumFmt: numFmt, Fill: fill})
		}
		return dispatchCellStyles{
			text: cell("left", 0), center: cell("center", 0), number: cell("center", dispatchFmtInt),
			money: cell("right", dispatchFmtMoney), pct: cell("right", dispatchFmtPercent),
		}
	}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	b.st.title = style(excelize.Style{Font: font(true, 16), Alignment: align("center")})
	b.st.note = style(excelize.Style{Font: font(false, 11), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	b.st.rows[dispatchBody] = cells(false, excelize.Fill{})
	b.st.rows[dispatchHeader] = cells(true, fill("D9D9D9"))
	b.st.rows[dispatchHeader].text = b.st.rows[dispatchHeader].center
	b.st.rows[dispatchTotal] = cells(true, fill("F2F2F2"))
	for i, c := range []string{"C6EFCE", "FFEB9C", "FFC7CE"} {
		b.st.lights[i] = style(excelize.Style{Font: font(true, 11), Border: border, Alignment: align("center"), Fill: fill(c)})
	}
	return b, b.err
}

func (b *dispatchBook) keep(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// renameFirst names the workbook's first (default) sheet.
func (b *dispatchBook) renameFirst(sh string) { b.keep(b.f.SetSheetName(b.f.GetSheetName(0), sh)) }

func (b *dispatchBook) newSheet(sh string) {
	_, err := b.f.NewSheet(sh)
	b.keep(err)
}

// row writes values from column A, styled by their type: Money as 0.00,
// dispatchPercent as 0.00%, integers centred, text left ("—" centred).
func (b *dispatchBook) row(sh string, r int, kind dispatchRowKind, values ...any) {
	st := b.st.rows[kind]
	for i, v := range values {
		cell := dispatchCell(i+1, r)
		s := st.text
		switch x := v.(type) {
		case qianxiang.Money:
			v, s = x.Float(), st.money
		case dispatchPercent:
			v, s = float64(x), st.pct
		case int, int64:
			s = st.number
		case string:
			if x == "—" || x == "" || i == 0 {
				s = st.center
			}
		}
		b.keep(b.f.SetCellValue(sh, cell, v))
		b.keep(b.f.SetCellStyle(sh, cell, cell, s))
	}
}

func (b *dispatchBook) merge(sh, from, to, text string, style int) {
	b.keep(b.f.SetCellValue(sh, from, text))
	b.keep(b.f.MergeCell(sh, from, to))
	b.keep(b.f.SetCellStyle(sh, from, to, style))
}

func (b *dispatchBook) title(sh, from, to, text string) {
	b.merge(sh, from, to, text, b.st.title)
	b.setRowHeight(sh, 1, 36)
}

func (b *dispatchBook) setRowHeight(sh string, r int, h float64) { b.keep(b.f.SetRowHeight(sh, r, h)) }

// lightHeaders colours the 绿灯, 黄灯, 红灯 header cells from column c.
func (b *dispatchBook) lightHeaders(sh string, r, c int) {
	for i, s := range b.st.lights {
		cell := dispatchCell(c+i, r)
		b.keep(b.f.SetCellStyle(sh, cell, cell, s))
	}
}

// none writes （无） across an empty list.
func (b *dispatchBook) none(sh string, r, n int, last string) {
	if n == 0 {
		b.merge(sh, dispatchCell(1, r), fmt.Sprintf("%s%d", last, r), "（无）", b.st.rows[dispatchBody].center)
	}
}

func (b *dispatchBook) widths(sh string, w ...float64) {
	for i, x := range w {
		c := dispatchCol(i + 1)
		b.keep(b.f.SetColWidth(sh, c, c, x))
	}
}

// freeze keeps the title and header rows in view.
func (b *dispatchBook) freeze(sh string, rows int) {
	b.keep(b.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: rows,
		TopLeftCell: dispatchCell(1, rows+1), ActivePane: "bottomLeft"}))
}

// printSetup: A4 landscape, fitted to the page width, the header row
// repeated on every page, page numbers in the footer.
func (b *dispatchBook) printSetup(sh string, headerRow int) {
	a4, landscape, one, tall := 9, "landscape", 1, 0
	b.keep(b.f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}))
	fit := true
	b.keep(b.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}))
	side, top, centre := 0.5, 0.6, true
	b.keep(b.f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top, Horizontally: &centre}))
	b.keep(b.f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}))
	b.keep(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sh,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, headerRow, headerRow)}))
}
