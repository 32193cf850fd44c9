package excel

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bounds on a sheet as the importer holds it. A list is a few thousand
// rows of some thirty columns; these are far above that and keep a sheet
// of one value at XFD on every row, or a million rows, from being held.
const (
	// maxSheetColumns bounds the columns holding a value.
	maxSheetColumns = 256
	// maxCellChars is Excel's own limit on a cell; maxCellBytes is that in
	// UTF-8 at most.
	maxCellChars = 32767
	maxCellBytes = 4 * maxCellChars
	// maxCells bounds the cells held, blanks before a value included.
	maxCells = 1 << 20
	// maxText bounds the text held that is not a shared string.
	maxText = 32 << 20
	// maxMerges bounds a sheet's merged ranges.
	maxMerges = 1 << 16
)

// sheetReader streams one worksheet part into a table: cell values as
// stored (numbers unformatted), the display class of numeric cells with a
// date format, and the merged ranges, in one pass.
type sheetReader struct {
	b     *xlsxBook
	t     *table
	s     *xmlStream
	limit int // rows to read; 0 for all
	row   int // current row, 1-based
	col   int // last cell's column, 1-based
	cells int
	text  int
	stop  bool
}

// loadSheet reads sheet name; rows > 0 stops after that many rows (a probe
// for the header, which the merged ranges at the end of the part are not
// needed for).
func (b *xlsxBook) loadSheet(name string, rows int) (*table, error) {
	if err := b.load(); err != nil {
		return nil, err
	}
	part := b.parts[name]
	rc, ok, err := b.z.open(part, maxSheetPart)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, unreadable("sheet %q could not be read", name)
	}
	defer rc.Close()
	t := &table{sheet: name, date1904: b.date1904}
	sr := &sheetReader{b: b, t: t, s: b.z.newXMLStream(rc), limit: rows}
	for !sr.stop {
		tok, err := sr.s.next()
		if err == io.EOF {
			break
		}
		if err == nil {
			if e, ok := tok.(xml.StartElement); ok {
				err = sr.element(e)
			}
		}
		var lim *errPartLimit
		if errors.As(err, &lim) {
			return nil, unreadable("sheet %q is too large or too deeply nested to import: %s", name, lim.what)
		}
		if err != nil {
			return nil, partError(err, part)
		}
	}
	t.partial = sr.stop
	if t.fmts != nil {
		t.format = func(r, c int) cellFormat {
			if r < len(t.fmts) && c < len(t.fmts[r]) {
				return t.fmts[r][c]
			}
			return fmtPlain
		}
	}
	return t, nil
}

func (sr *sheetReader) element(e xml.StartElement) error {
	switch e.Name.Local {
	case "row":
		r := sr.row + 1
		if v := attr(e, "r"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 1<<20 {
				return sr.damaged()
			}
			r = n
		}
		sr.row, sr.col = r, 0
		if sr.limit > 0 && r > sr.limit {
			sr.stop = true
		}
	case "c":
		return sr.cell(e)
	case "mergeCell":
		ref := attr(e, "ref")
		i := strings.IndexByte(ref, ':')
		if i < 0 {
			return nil // one cell merged with nothing
		}
		c0, r0, ok0 := cellRef(ref[:i])
		c1, r1, ok1 := cellRef(ref[i+1:])
		if !ok0 || !ok1 || r0 < 1 || r1 < r0 || c1 < c0 {
			return nil
		}
		if len(sr.t.merges) >= maxMerges {
			return unreadable("sheet %q has more than %d merged ranges", sr.t.sheet, maxMerges)
		}
		sr.t.merges = append(sr.t.merges, area{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
	}
	return nil
}

func (sr *sheetReader) damaged() error {
	return unreadable("the workbook could not be read: sheet %q is damaged", sr.t.sheet)
}

// cell reads one <c> element and keeps its value.
func (sr *sheetReader) cell(e xml.StartElement) error {
	col := sr.col + 1
	if ref := attr(e, "r"); ref != "" {
		c, _, ok := cellRef(ref)
		if !ok {
			return sr.damaged()
		}
		col = c
	}
	sr.col = col
	typ := attr(e, "t")
	var v, is strings.Builder
	inV, inIS, inT, phonetic := false, false, false, 0
	for depth := 1; depth > 0; {
		tok, err := sr.s.next()
		if err != nil {
			if err == io.EOF {
				return sr.damaged()
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v":
				inV = true
			case "is":
				inIS = true
			case "t":
				inT = true
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			var sb *strings.Builder
			switch {
			case inV:
				sb = &v
			case inIS && inT && phonetic == 0:
				sb = &is
			default:
				continue
			}
			if sb.Len()+len(t) > maxCellBytes {
				return sr.tooLong(col)
			}
			sb.Write(t)
		}
	}
	var val string
	shared := false
	switch typ {
	case "s":
		if s := strings.TrimSpace(v.String()); s != "" {
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= len(sr.b.strings) {
				return sr.damaged()
			}
			val, shared = sr.b.strings[i], true
		}
	case "inlineStr":
		val = unescapeBSTR(is.String())
		if val == "" {
			val = v.String()
		}
	default:
		val = v.String()
	}
	if val == "" {
		return nil
	}
	format := fmtPlain
	if typ == "" || typ == "n" {
		if s, err := strconv.Atoi(attr(e, "s")); err == nil && s > 0 && s < len(sr.b.formats) {
			format = sr.b.formats[s]
		}
	}
	return sr.keep(col, val, shared, format)
}

func (sr *sheetReader) tooLong(col int) error {
	return unreadable("cell %s%d of sheet %q has more than %d characters", columnName(col-1), sr.row, sr.t.sheet, maxCellChars)
}

// keep stores a value at the current row and column col (1-based), within
// the sheet's bounds.
func (sr *sheetReader) keep(col int, val string, shared bool, format cellFormat) error {
	t, r, c := sr.t, sr.row-1, col-1
	switch {
	case r < 0:
		return sr.damaged()
	case r >= maxRows:
		return unreadable("sheet %q has a value in row %d: a list can have at most %d rows", t.sheet, sr.row, maxRows)
	case c >= maxSheetColumns:
		return unreadable("sheet %q has a value in cell %s%d, beyond column %s: a list can have at most %d columns; delete what is there and import again",
			t.sheet, columnName(c), sr.row, columnName(maxSheetColumns-1), maxSheetColumns)
	case len(val) > maxCellChars && utf8.RuneCountInString(val) > maxCellChars:
		return sr.tooLong(col)
	}
	for len(t.rows) <= r {
		t.rows = append(t.rows, nil)
	}
	row := t.rows[r]
	if grow := c + 1 - len(row); grow > 0 {
		if sr.cells += grow; sr.cells > maxCells {
			return unreadable("sheet %q has more than %d cells", t.sheet, maxCells)
		}
		row = append(row, make([]string, grow)...)
		t.rows[r] = row
	}
	if !shared {
		if sr.text += len(val); sr.text > maxText {
			return unreadable("sheet %q holds more than %d MB of text", t.sheet, maxText>>20)
		}
	}
	row[c] = val
	if format != fmtPlain {
		for len(t.fmts) <= r {
			t.fmts = append(t.fmts, nil)
		}
		for len(t.fmts[r]) <= c {
			t.fmts[r] = append(t.fmts[r], fmtPlain)
		}
		t.fmts[r][c] = format
	}
	return nil
}

// cellRef reads a reference such as "AB12": 1-based column and row; the
// row is 0 when the reference has none.
func cellRef(ref string) (col, row int, ok bool) {
	ref = strings.TrimPrefix(ref, "$")
	i := 0
	for i < len(ref) && i < 4 {
		ch := ref[i] | 0x20
		if ch < 'a' || ch > 'z' {
			break
		}
		col = col*26 + int(ch-'a'+1)
		i++
	}
	if i == 0 || col > maxColumns {
		return 0, 0, false
	}
	if i < len(ref) {
		n, err := strconv.Atoi(strings.TrimPrefix(ref[i:], "$"))
		if err != nil || n < 1 || n > 1<<20 {
			return 0, 0, false
		}
		row = n
	}
	return col, row, true
}
