package excel

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// openXLSX opens a workbook. excelize parses untrusted XML; a panic inside
// it must not take the server down, so it is turned into a refusal.
func openXLSX(data []byte) (wb *workbook, err error) {
	defer recoverAs(&err)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 512 << 20})
	if err != nil {
		return nil, unreadable("the workbook could not be read: it is damaged or not an .xlsx file")
	}
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, unreadable("the workbook has no sheets")
	}
	return &workbook{
		sheets: sheets,
		load:   func(name string) (*table, error) { return loadSheet(f, name, date1904) },
		close:  func() { f.Close() },
	}, nil
}

// recoverAs converts a panic in a third-party parser into a validation
// error; our own code is not wrapped, so that fuzzing still finds its bugs.
func recoverAs(err *error) {
	if r := recover(); r != nil {
		*err = unreadable("the workbook could not be read")
	}
}

// loadSheet reads the stored values (not the displayed ones: amounts must
// not pass through a number format) and the merged ranges of a sheet.
func loadSheet(f *excelize.File, name string, date1904 bool) (t *table, err error) {
	defer recoverAs(&err)
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, unreadable("sheet %q could not be read", name)
	}
	if len(rows) > maxRows {
		return nil, unreadable("sheet %q has more than %d rows", name, maxRows)
	}
	t = &table{sheet: name, rows: rows, date1904: date1904}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return nil, unreadable("sheet %q could not be read", name)
	}
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 < r0 || c1 < c0 {
			continue
		}
		t.merges = append(t.merges, area{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
	}
	t.format = styleReader(f, name)
	return t, nil
}

// styleReader answers, for numeric date cells only, whether the cell's
// number format shows a day or only a month; formats are looked up once
// per style.
func styleReader(f *excelize.File, sheet string) func(r, c int) cellFormat {
	cache := map[int]cellFormat{}
	return func(r, c int) (kind cellFormat) {
		defer func() {
			if recover() != nil {
				kind = fmtPlain
			}
		}()
		axis, err := excelize.CoordinatesToCellName(c+1, r+1)
		if err != nil {
			return fmtPlain
		}
		id, err := f.GetCellStyle(sheet, axis)
		if err != nil {
			return fmtPlain
		}
		if k, ok := cache[id]; ok {
			return k
		}
		kind = fmtPlain
		if st, err := f.GetStyle(id); err == nil && st != nil {
			kind = classifyNumFmt(st.NumFmt, st.CustomNumFmt)
		}
		cache[id] = kind
		return kind
	}
}

// Built-in number formats that show dates. 17 (mmm-yy) and the Chinese
// locale's 27, 36, 50, 52 and 57 (yyyy"年"m"月") show a month only.
var (
	builtinMonth = map[int]bool{17: true, 27: true, 36: true, 50: true, 52: true, 57: true}
	builtinDay   = map[int]bool{14: true, 15: true, 16: true, 22: true, 28: true, 29: true,
		30: true, 31: true, 51: true, 53: true, 54: true, 58: true}
	quotedOrBracketed = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)
)

func classifyNumFmt(id int, custom *string) cellFormat {
	if custom == nil {
		switch {
		case builtinMonth[id]:
			return fmtMonth
		case builtinDay[id]:
			return fmtDate
		}
		return fmtPlain
	}
	code := strings.ToLower(quotedOrBracketed.ReplaceAllString(*custom, ""))
	switch {
	case !strings.Contains(code, "y"):
		return fmtPlain
	case strings.Contains(code, "d"):
		return fmtDate
	case strings.Contains(code, "m"):
		return fmtMonth
	}
	return fmtPlain
}

// columnName gives the spreadsheet letter of a 0-based column.
func columnName(c int) string {
	s, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return fmt.Sprint(c + 1)
	}
	return s
}
