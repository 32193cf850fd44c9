package excel

import (
	"io"
	"strings"

	"qianxiang"
)

// RosterRow is one deputy as read from a roster, with its row number in
// the sheet (1-based, as Excel shows it) for error messages.
type RosterRow struct {
	Row    int
	Deputy qianxiang.Deputy
}

// rosterColumns are the roster's headers and the fields they fill; the
// aliases are the words offices write for the same column.
// sheetColumn is a field of a small workbook (a roster, a users list):
// the headers it may appear under and whether the sheet must have it.
type sheetColumn struct {
	field   string
	aliases []string
	must    bool
}

var rosterColumns = []sheetColumn{
	{"seq", []string{"序号", "编号"}, false},
	{"deputy_name", []string{"姓名", "代表姓名"}, true},
	{"delegation", []string{"代表团", "所属代表团"}, true},
	{"gender", []string{"性别"}, false},
	{"ethnicity", []string{"民族"}, false},
	{"title", []string{"职务/工作单位", "职务工作单位", "工作单位及职务", "职务", "工作单位"}, false},
	{"seat", []string{"座位号", "座位"}, false},
	{"card", []string{"代表证号", "代表证编号", "证号"}, true},
	{"presidium", []string{"主席团成员", "主席团"}, false},
}

// ReadRoster reads a congress roster (代表名册): a title row or two, then
// the header 序号, 姓名, 代表团, 性别, 民族, 职务/工作单位, 座位号, 代表证号,
// 主席团成员 (是/否). Rows with errors are all reported, each by row and
// column; the caller writes nothing unless there are none.
func ReadRoster(r io.Reader, filename string) ([]RosterRow, error) {
	wb, err := readWorkbook(r, filename)
	if err != nil {
		return nil, err
	}
	defer wb.close()
	t, err := wb.load(wb.sheets[0], 0)
	if err != nil {
		return nil, err
	}
	h, cols := rosterHeader(t)
	if h < 0 {
		return nil, unreadable("no roster header found in the first %d rows: the columns 姓名, 代表团 and 代表证号 are needed", headerScanRows)
	}
	var out []RosterRow
	var details []qianxiang.Detail
	for r := h + 1; r < len(t.rows); r++ {
		if t.blank(r) {
			continue
		}
		cell := func(f string) string {
			if c, ok := cols[f]; ok {
				return strings.TrimSpace(t.get(r, c))
			}
			return ""
		}
		d := qianxiang.Deputy{Name: squeeze(cell("deputy_name")), Delegation: squeeze(cell("delegation")), Gender: cell("gender"),
			Ethnicity: cell("ethnicity"), Title: cell("title"), Seat: cell("seat"), Card: squeeze(cell("card"))}
		if s := cell("seq"); s != "" {
			for _, ch := range s {
				if ch < '0' || ch > '9' {
					d.Seq = -1
					break
				}
				d.Seq = d.Seq*10 + int(ch-'0')
			}
			if d.Seq < 0 {
				details = append(details, rosterDetail(r, cols["seq"], "序号", "must be a whole number"))
				d.Seq = 0
			}
		}
		switch p := cell("presidium"); p {
		case "是", "Y", "y", "yes", "1", "√", "✓":
			d.Presidium = true
		case "", "否", "N", "n", "no", "0":
		default:
			details = append(details, rosterDetail(r, cols["presidium"], "主席团成员", "write 是 or 否, not %q", p))
		}
		out = append(out, RosterRow{Row: r + 1, Deputy: d})
	}
	for _, rr := range out {
		for _, e := range qianxiang.CheckRoster([]qianxiang.Deputy{rr.Deputy}) {
			details = append(details, rosterDetail(rr.Row-1, cols[e.Field], e.Header, e.Format, e.Args...))
		}
	}
	seen := map[string]int{}
	for _, rr := range out {
		if rr.Deputy.Card == "" {
			continue
		}
		if first, ok := seen[rr.Deputy.Card]; ok {
			details = append(details, rosterDetail(rr.Row-1, cols["card"], "代表证号", "card number %s is already on row %d", rr.Deputy.Card, first))
			continue
		}
		seen[rr.Deputy.Card] = rr.Row
	}
	if len(out) == 0 && len(details) == 0 {
		return nil, unreadable("the roster has no deputies below its header")
	}
	if len(details) > 0 {
		return out, &qianxiang.Error{Code: qianxiang.EValidation, Format: "the roster has %d errors; nothing was imported", Args: []any{len(details)}, Details: details}
	}
	return out, nil
}

func rosterDetail(r, c int, header, format string, args ...any) qianxiang.Detail {
	return qianxiang.Detail{Row: r + 1, Column: columnName(c), Header: header, Format: format, Args: args}
}

// rosterHeader finds the header row and the column of each field.
func rosterHeader(t *table) (int, map[string]int) { return findHeader(t, rosterColumns) }

// findHeader finds, within the first headerScanRows rows, the first row
// holding every column the sheet must have, and the column of each field
// found there (the first of its headers from the left).
func findHeader(t *table, columns []sheetColumn) (int, map[string]int) {
	for r := 0; r < len(t.rows) && r < headerScanRows; r++ {
		cols := map[string]int{}
		for c, v := range t.rows[r] {
			k := strings.ReplaceAll(headerKey(v).key, "／", "/")
			for _, sc := range columns {
				if _, done := cols[sc.field]; done {
					continue
				}
				for _, a := range sc.aliases {
					if k == a {
						cols[sc.field] = c
					}
				}
			}
		}
		ok := true
		for _, sc := range columns {
			if _, found := cols[sc.field]; sc.must && !found {
				ok = false
			}
		}
		if ok {
			return r, cols
		}
	}
	return -1, nil
}
