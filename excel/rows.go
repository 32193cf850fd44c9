package excel

import (
	"regexp"
	"strconv"
	"strings"
)

// rowKind is what a row of a list is, besides a project.
type rowKind int

const (
	rowData    rowKind = iota
	rowEmpty           // nothing, or only a 序号
	rowSection         // 一、新开工项目（312个） / （一）产业项目
	rowTotal           // 合计, 总计, 小计, 其中
	rowNote            // 注：…, 填报说明…
)

var (
	sectionL1  = regexp.MustCompile(`^[一二三四五六七八九十百]+[、.,]`)
	sectionL2  = regexp.MustCompile(`^\([一二三四五六七八九十百]+\)[、.,]?`)
	countInfix = regexp.MustCompile(`\((?:共|合计)?(\d+)个(?:项目)?\)`)
	noteStart  = regexp.MustCompile(`^(?:注[0-9一二三四五六七八九十]*[:.、]|注释|注意|填报说明|说明[:.、]|备注[:.、])`)
	totalWord  = regexp.MustCompile(`^(?:全市|全县|本县|全区|总)?(?:合计|总计|小计)|^其中`)
)

// rowInfo is a classified row.
type rowInfo struct {
	kind  rowKind
	level int    // 1 for 一、, 2 for （一）
	label string // the section's or total's text without ordinal and count
	text  string // the cell as written, for messages
	count int    // the "（N个）" of a section or total, -1 when not given
	sub   bool   // a 小计 row
}

// classify tells a data row from the rows around the projects. seq and
// name are the row's 序号 and 项目名称 cells; placed reports a county cell
// that is filled (a section names no place).
func classify(t *table, r int, seq, name string, placed bool) rowInfo {
	if t.blank(r) {
		return rowInfo{kind: rowEmpty}
	}
	if first := firstValue(t, r); noteStart.MatchString(compact(first)) {
		return rowInfo{kind: rowNote}
	}
	s, n := compact(seq), compact(name)
	for i, v := range []string{s, n} {
		if v != "" && totalWord.MatchString(stripCount(v)) {
			return rowInfo{kind: rowTotal, label: stripCount(v), count: countOf(v), sub: strings.Contains(v, "小计"),
				text: oneLine([]string{seq, name}[i])}
		}
	}
	if !placed {
		for i, v := range []string{s, n} {
			level, rest := 0, ""
			if m := sectionL1.FindString(v); m != "" {
				level, rest = 1, v[len(m):]
			} else if m := sectionL2.FindString(v); m != "" {
				level, rest = 2, v[len(m):]
			}
			if level == 0 {
				continue
			}
			if rest == "" && v == s { // 序号 holds only "一、", the name cell the text
				rest = n
			}
			return rowInfo{kind: rowSection, level: level, label: stripCount(rest), count: countOf(rest),
				text: oneLine([]string{seq, name}[i])}
		}
	}
	if name == "" && onlyFilled(t, r, seq) {
		return rowInfo{kind: rowEmpty}
	}
	return rowInfo{kind: rowData}
}

func firstValue(t *table, r int) string {
	for _, v := range t.rows[r] {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// onlyFilled reports that the only value in the row is v: a pre-numbered
// empty row of a template.
func onlyFilled(t *table, r int, v string) bool {
	seen := false
	for _, x := range t.rows[r] {
		if squeeze(x) == "" {
			continue
		}
		if x != v || seen {
			return false
		}
		seen = true
	}
	return true
}

// filledCells counts a row's non-empty cells.
func filledCells(t *table, r int) int {
	n := 0
	for _, x := range t.rows[r] {
		if squeeze(x) != "" {
			n++
		}
	}
	return n
}

// stripCount removes the "（N个）" of a label.
func stripCount(s string) string {
	return strings.TrimRight(countInfix.ReplaceAllString(halfWidth(s), ""), ":：")
}

func countOf(s string) int {
	if m := countInfix.FindStringSubmatch(halfWidth(s)); m != nil && len(m[1]) < 7 {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return -1
}
