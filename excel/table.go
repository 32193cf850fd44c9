package excel

// table is one sheet as the readers see it: the stored value of every cell
// as text (numbers unformatted, so amounts stay exact), indexed from 0.
type table struct {
	sheet    string
	rows     [][]string
	merges   []area
	date1904 bool
	// format tells how a numeric cell is displayed (nil for CSV, where
	// nothing is known); only consulted for date columns.
	format func(row, col int) cellFormat
	fmts   [][]cellFormat // what format reads for a workbook
	// partial marks a probe that stopped before the end of the sheet.
	partial bool
}

// area is a merged range, 0-based and inclusive.
type area struct{ r0, c0, r1, c1 int }

// maxFill bounds the cells copied out of merged ranges, so that a workbook
// of enormous overlapping merges cannot make the reader work for ever.
const maxFill = 1 << 21

func (t *table) get(r, c int) string {
	if r < 0 || r >= len(t.rows) || c < 0 || c >= len(t.rows[r]) {
		return ""
	}
	return t.rows[r][c]
}

func (t *table) set(r, c int, v string) {
	if r < 0 || r >= len(t.rows) || c < 0 || c > maxColumns {
		return
	}
	for len(t.rows[r]) <= c {
		t.rows[r] = append(t.rows[r], "")
	}
	t.rows[r][c] = v
}

// maxColumns is Excel's limit (XFD).
const maxColumns = 16384

func (t *table) cellFormat(r, c int) cellFormat {
	if t.format == nil {
		return fmtPlain
	}
	return t.format(r, c)
}

// width is the widest of rows r0..r1.
func (t *table) width(r0, r1 int) int {
	w := 0
	for r := max(r0, 0); r <= r1 && r < len(t.rows); r++ {
		w = max(w, len(t.rows[r]))
	}
	return w
}

// blank reports a row with no value at all.
func (t *table) blank(r int) bool {
	for _, v := range t.rows[r] {
		if squeeze(v) != "" {
			return false
		}
	}
	return true
}

// spansRows reports a merged range that joins header row h with the row
// below it: the sign of a two-row header.
func (t *table) spansRows(h int) bool {
	for _, a := range t.merges {
		if a.r0 <= h && a.r1 > h {
			return true
		}
	}
	return false
}

// fillMerges copies the value of each merged range into the cells it
// covers, where Excel shows it but stores it only once: across the header
// rows h0..h1 (the group "投资情况（万元）" over its columns, "序号" down
// two rows), and down a column below them (a county written once for
// several projects) unless keep(column) says the column's value belongs
// to one row only: an amount merged over two projects is not two amounts
// (mergedAmounts finds those). Merges across data rows are left alone:
// they are section, total and note rows, read from their first cell.
func (t *table) fillMerges(h0, h1 int, keep func(c int) bool) {
	budget := maxFill
	for _, a := range t.merges {
		v := t.get(a.r0, a.c0)
		if v == "" {
			continue
		}
		r0, r1, c1 := a.r0, a.r1, a.c1
		switch {
		case r0 <= h1 && r1 >= h0:
			r0, r1 = max(r0, h0), min(r1, h1)
		case r0 > h1 && a.c0 == a.c1 && !keep(a.c0):
			r1 = min(r1, len(t.rows)-1)
		default:
			continue
		}
		c1 = min(c1, maxColumns-1)
		for r := r0; r <= r1; r++ {
			for c := a.c0; c <= c1; c++ {
				if budget--; budget < 0 {
					return
				}
				if (r != a.r0 || c != a.c0) && t.get(r, c) == "" {
					t.set(r, c, v)
				}
			}
		}
	}
}
