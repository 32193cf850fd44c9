package excel

import (
	"strconv"
	"strings"

	"qianxiang"
)

// column is one column of the sheet under its header.
type column struct {
	idx    int
	letter string
	header string // as written, on one line: the lower cell of a two-row header
	field  field  // "" for a column the importer does not know
	rank   int    // which alias named it; a better one wins a duplicate
	factor int64  // 10000 for amounts in 亿元
	unit   string
	key    headerText
	amount bool // an amount column, known or a duplicate of one
}

// layout is where things are in a sheet: the header rows and what each
// column holds, with what the title rows say.
type layout struct {
	first, last int // header rows, 0-based; equal for a one-row header
	cols        []*column
	by          map[field]*column
	dupes       []*column // known headers seen twice: read as extra columns
	unit        string    // the sheet's unit (单位：…), "" when not given
	year, month int       // named by a title row
	titleRow    int       // that row, 0-based
}

// sheetKind describes what a reader looks for.
type sheetKind struct {
	specs   []columnSpec
	aliases map[string]alias
	prefer  []string // sheet names to try first
	anchors []field  // one of them must be in the header row
	example []field  // named in the message when no header is found
}

var (
	projectSheet = sheetKind{projectColumns, projectAliases, []string{"项目清单", "项目表", "清单"},
		[]field{fName}, []field{fCounty, fTotal, fAnnual}}
	reportSheet = sheetKind{reportColumns, reportAliases, []string{"调度", "月报"},
		[]field{fName, fCode}, []field{fCounty, fCompleted}}
)

// findTable picks the sheet to read — the ones whose names contain one of
// k.prefer first, then the others in order — and reads its layout.
func findTable(wb *workbook, k sheetKind) (*table, *layout, error) {
	specs, aliases, anchors := k.specs, k.aliases, k.anchors
	order := make([]string, 0, len(wb.sheets))
	for _, s := range wb.sheets {
		if containsAny(s, k.prefer) {
			order = append(order, s)
		}
	}
	for _, s := range wb.sheets {
		if !containsAny(s, k.prefer) {
			order = append(order, s)
		}
	}
	for _, name := range order {
		// Only the first rows are read to look for the header (the row
		// under it may complete it), then the whole sheet that has it.
		t, err := wb.load(name, headerScanRows+1)
		if err != nil {
			return nil, nil, err
		}
		if r := findHeaderRow(t, aliases, anchors...); r >= 0 {
			if t.partial {
				if t, err = wb.load(name, 0); err != nil {
					return nil, nil, err
				}
			}
			l, err := readLayout(t, r, specs, aliases)
			return t, l, err
		}
	}
	var ex []string
	for _, f := range k.example {
		ex = append(ex, canonical(specs, f))
	}
	return nil, nil, unreadable("no header row found in the first %d rows of sheet %q: the header row must hold %s and at least two other known column headers such as %s",
		headerScanRows, order[0], canonical(specs, anchors[0]), strings.Join(ex, ", "))
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// readLayout reads the header at row r, and the row under it when the two
// form a two-row header (merged cells, or a lower row of known names): the
// lower cell names the column, the upper one only groups, but its unit
// ("投资情况（万元）") applies to the columns below it.
func readLayout(t *table, r int, specs []columnSpec, aliases map[string]alias) (*layout, error) {
	l := &layout{first: r, last: r, by: map[field]*column{}}
	if t.spansRows(r) || isSubHeader(t, r+1, aliases) {
		l.last = r + 1
	}
	t.fillMerges(l.first, l.last, func(int) bool { return true })
	l.unit, l.year, l.month, l.titleRow = titleInfo(t, r)
	group := "" // the group cell over the columns to its right, as merged
	for c := 0; c < t.width(l.first, l.last); c++ {
		upper, lower := t.get(l.first, c), ""
		if l.last > l.first && t.get(l.last, c) != upper {
			lower = t.get(l.last, c)
		}
		switch {
		case l.last == l.first:
		case squeeze(upper) != "" && squeeze(lower) != "":
			group = upper
		case squeeze(upper) != "":
			group = ""
		case squeeze(lower) != "":
			upper = group // a CSV keeps a merged group's text in its first cell only
		}
		text := lower
		if squeeze(text) == "" {
			text = upper
		} else if !l.known(aliases, lower) {
			switch {
			case l.known(aliases, lower+upper):
				text = oneLine(lower) + oneLine(upper) // 本月 under 完成投资
			case l.known(aliases, upper+lower):
				text = oneLine(upper) + oneLine(lower)
			case l.known(aliases, upper) && (c == 0 || t.get(l.first, c-1) != upper):
				text = upper // 总投资 over 合计 | 其中…: the group's first column is the amount itself
			}
		}
		if squeeze(text) == "" {
			continue // a column without a header cannot be named
		}
		col := &column{idx: c, letter: columnName(c), header: oneLine(text), key: headerKey(text), factor: 1}
		col.unit = col.key.unit
		if col.unit == "" && lower != "" {
			col.unit = headerKey(upper).unit
		}
		l.cols = append(l.cols, col)
		a, ok := aliases[col.key.key]
		if !ok {
			continue
		}
		if a.amount {
			if err := l.setUnit(col); err != nil {
				return nil, err
			}
		}
		col.field, col.rank = a.field, a.rank
		if prev := l.by[a.field]; prev != nil {
			if prev.rank <= col.rank {
				col.field, l.dupes = "", append(l.dupes, col)
				continue
			}
			prev.field, l.dupes = "", append(l.dupes, prev)
		}
		l.by[a.field] = col
	}
	// Below the header, a value merged down a column is copied to each
	// row it covers, except amounts.
	amounts := map[int]bool{}
	for _, c := range l.cols {
		if a, ok := aliases[c.key.key]; ok && a.amount {
			amounts[c.idx], c.amount = true, true
		}
	}
	t.fillMerges(l.last+1, l.last, func(c int) bool { return amounts[c] })
	return l, nil
}

func (l *layout) known(aliases map[string]alias, s string) bool {
	_, ok := aliases[headerKey(s).key]
	return ok && squeeze(s) != ""
}

// setUnit decides an amount column's unit: its header's, else the
// sheet's, else 万元, as lists are kept.
func (l *layout) setUnit(col *column) error {
	if col.unit == "" {
		col.unit = l.unit
	}
	switch col.unit {
	case "", "万元":
		col.unit, col.factor = "万元", 1
	case "亿元":
		col.factor = 10000
	default:
		return unreadable("column %s (%s) is in %s: amounts must be in 万元 or 亿元", col.letter, col.header, col.unit)
	}
	return nil
}

// require refuses a layout without the given columns, naming all of them.
func (l *layout) require(specs []columnSpec, fields ...field) error {
	var missing []string
	var details []qianxiang.Detail
	for _, f := range fields {
		if l.by[f] == nil {
			missing = append(missing, canonical(specs, f)+" ("+string(f)+")")
			details = append(details, qianxiang.Detail{Row: l.first + 1, Field: string(f),
				Format: "required column %s is missing", Args: []any{canonical(specs, f)}})
		}
	}
	if len(missing) == 0 {
		return nil
	}
	e := unreadable("required column missing from the header row (row %d): %s", l.first+1, strings.Join(missing, ", "))
	e.Details = details
	return e
}

// cell gives the value of field f in row r, "" when there is no such column.
func (l *layout) cell(t *table, r int, f field) string {
	if c := l.by[f]; c != nil {
		return t.get(r, c.idx)
	}
	return ""
}

// detail makes a Detail for field f of row r, naming the column.
func (l *layout) detail(r int, f field, format string, args ...any) qianxiang.Detail {
	d := qianxiang.Detail{Row: r + 1, Field: string(f), Format: format, Args: args}
	if c := l.by[f]; c != nil {
		d.Column, d.Header = c.letter, c.header
	}
	return d
}

// amountMerge is a range below the header, merged over two or more rows,
// that covers an amount column: Excel shows one amount for several rows.
type amountMerge struct {
	area
	col *column
}

func (l *layout) amountMerges(t *table) []amountMerge {
	var out []amountMerge
	for _, a := range t.merges {
		if a.r0 <= l.last || a.r1 == a.r0 {
			continue
		}
		for _, c := range l.cols {
			if c.amount && c.idx >= a.c0 && c.idx <= a.c1 {
				out = append(out, amountMerge{a, c})
				break
			}
		}
	}
	return out
}

// mergedAmountDetails refuses an amount merged over rows that are read as
// records (projects, reports): it would be counted once for each, and
// which row it belongs to only the office knows. Each such row is named.
// A merge whose rows hold at most one record (a note or a total merged
// down) is left alone.
func (l *layout) mergedAmountDetails(t *table, rows []int) []qianxiang.Detail {
	var out []qianxiang.Detail
	for _, m := range l.amountMerges(t) {
		var in []int
		for _, r := range rows {
			if r-1 >= m.r0 && r-1 <= m.r1 {
				in = append(in, r)
			}
		}
		if len(in) < 2 {
			continue
		}
		for _, r := range in {
			out = append(out, qianxiang.Detail{Row: r, Column: m.col.letter, Header: m.col.header, Field: string(m.col.field),
				Format: "%s is merged over rows %d to %d and would be counted for each of them: unmerge the cells and give each row its own amount",
				Args:   []any{columnName(m.c0) + itoaRow(m.r0) + ":" + columnName(m.c1) + itoaRow(m.r1), m.r0 + 1, m.r1 + 1}})
		}
	}
	return out
}

func itoaRow(r int) string { return strconv.Itoa(r + 1) }
