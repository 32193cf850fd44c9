package excel

import (
	"regexp"
	"strconv"
	"strings"
)

// headerScanRows is how far down the header row is looked for.
const headerScanRows = 15

// headerText is a header cell reduced to what identifies its column.
type headerText struct {
	key     string // matched against the aliases
	unit    string // 万元, 亿元 or 元 when the header names one
	year    int    // the year of "2023年计划投资"
	monthTo int    // the N of "1-N月累计完成投资"
}

var (
	bracketed  = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)
	leadYear   = regexp.MustCompile(`^(\d{4})年度?`)
	monthRange = regexp.MustCompile(`^(?:截至|截止)?(?:\d{1,2}[-~至—–])?(\d{1,2})月(?:份|底|末)?(?:止)?`)
	unitTitle  = regexp.MustCompile(`单位[:：]\s*(万元|亿元|元)`)
	titleMonth = regexp.MustCompile(`(\d{4})\s*年\s*(?:度\s*)?(?:(?:\d{1,2})\s*[-~至—–]\s*)?(\d{1,2})\s*月`)
	titleYear  = regexp.MustCompile(`(\d{4})\s*年`)
	headerJunk = strings.NewReplacer("、", "", ",", "", "*", "", "★", "", "※", "", ":", "")
)

// headerKey normalises a header: no spaces or line breaks, ASCII brackets,
// the unit in brackets or at the end taken out, and a leading year or month
// range replaced, so that "2023年计划投资\n（万元）" reads 年度计划投资.
func headerKey(s string) headerText {
	var h headerText
	s = headerJunk.Replace(squeeze(halfWidth(s)))
	s = bracketed.ReplaceAllStringFunc(s, func(m string) string {
		if inner := m[1 : len(m)-1]; strings.Contains(inner, "元") {
			h.unit = unitOf(inner)
			return ""
		}
		return m
	})
	for _, u := range []string{"万元", "亿元"} {
		if len(s) > len(u) && strings.HasSuffix(s, u) {
			h.unit, s = u, strings.TrimRight(strings.TrimSuffix(s, u), "/")
		}
	}
	prefix := ""
	if m := leadYear.FindStringSubmatch(s); m != nil {
		h.year, _ = strconv.Atoi(m[1])
		prefix, s = "年度", s[len(m[0]):]
	}
	if m := monthRange.FindStringSubmatch(s); m != nil && len(m[0]) < len(s) {
		h.monthTo, _ = strconv.Atoi(m[1])
		s = s[len(m[0]):]
	}
	h.key = prefix + s
	return h
}

func unitOf(s string) string {
	switch {
	case strings.Contains(s, "亿元"):
		return "亿元"
	case strings.Contains(s, "万元"):
		return "万元"
	}
	return "元"
}

// alias is one header text's meaning.
type alias struct {
	field  field
	rank   int
	amount bool
}

func aliasTable(specs []columnSpec) map[string]alias {
	m := map[string]alias{}
	for _, s := range specs {
		for i, a := range s.aliases {
			m[a] = alias{s.field, i, s.amount}
		}
	}
	return m
}

var (
	projectAliases = aliasTable(projectColumns)
	reportAliases  = aliasTable(reportColumns)
)

// findHeaderRow returns the first of the first 15 rows holding an anchor
// header (项目名称; for reports also 项目代码) and at least two other known
// headers, or -1.
func findHeaderRow(t *table, aliases map[string]alias, anchors ...field) int {
	for r := 0; r < len(t.rows) && r < headerScanRows; r++ {
		seen := map[field]bool{}
		for _, v := range t.rows[r] {
			if a, ok := aliases[headerKey(v).key]; ok && v != "" {
				seen[a.field] = true
			}
		}
		for _, f := range anchors {
			if seen[f] && len(seen) >= 3 {
				return r
			}
		}
	}
	return -1
}

// isSubHeader reports whether row r completes the header row above it, as
// a CSV saved from a merged two-row header looks: it holds no number (as
// data, section and total rows do), nothing under 序号, 项目名称 or 项目代码
// (merged with the cell above), and it is not a note.
func isSubHeader(t *table, r int, aliases map[string]alias) bool {
	if r >= len(t.rows) {
		return false
	}
	filled := false
	for c, v := range t.rows[r] {
		if squeeze(v) == "" {
			continue
		}
		if !filled && noteStart.MatchString(compact(v)) {
			return false
		}
		filled = true
		if _, _, err := parseAmount(v, 1); err == nil || err == errTooFine || err == errTooLarge {
			return false // a number, even one the rows would refuse, is no header
		}
		if upper, ok := aliases[headerKey(t.get(r-1, c)).key]; ok && (upper.field == fName || upper.field == fCode || upper.field == fSeq) {
			return false
		}
	}
	return filled
}

// titleInfo reads the rows above the header: the unit (单位：万元) and the
// year and month a title names ("吕梁市2023年1月调度表"), with the row
// (0-based) that names them.
func titleInfo(t *table, headerRow int) (unit string, year, month, row int) {
	for r := 0; r < headerRow; r++ {
		for _, v := range t.rows[r] {
			v = halfWidth(v)
			if m := unitTitle.FindStringSubmatch(v); m != nil && unit == "" {
				unit = m[1]
			}
			if m := titleMonth.FindStringSubmatch(v); m != nil && month == 0 {
				year, _ = strconv.Atoi(m[1])
				month, _ = strconv.Atoi(m[2])
				row = r
			} else if m := titleYear.FindStringSubmatch(v); m != nil && year == 0 {
				year, _ = strconv.Atoi(m[1])
				row = r
			}
		}
	}
	if month < 1 || month > 12 {
		month = 0
	}
	return unit, year, month, row
}
