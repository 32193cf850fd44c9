package excel

import (
	"strings"
	"unicode"
)

// halfWidth maps the full-width forms Chinese input methods produce
// (１２３．，（）－／：) to ASCII and the ideographic space to a space, so
// that numbers, dates, codes and headers compare as people mean them.
func halfWidth(s string) string {
	if isASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		case r == '【':
			return '['
		case r == '】':
			return ']'
		}
		return r
	}, s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// squeeze drops every kind of white space, line breaks included: header
// cells are often wrapped ("总投资\n（万元）") and numbers padded.
func squeeze(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// oneLine trims a text cell and joins a value wrapped over several lines,
// as names and organisations sometimes are.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' })
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, "")
}

// compact is the key under which two spellings of a code or short value
// are the same: ASCII forms and no spaces.
func compact(s string) string { return squeeze(halfWidth(s)) }

// truthy reads the yes/no cells of lists (是否入库, 是否开工): ok is false
// when the text says neither.
func truthy(s string) (yes, ok bool) {
	s = compact(s)
	switch {
	case s == "":
		return false, true
	case strings.HasPrefix(s, "否"), strings.HasPrefix(s, "未"), strings.HasPrefix(s, "不"),
		s == "无", s == "N", s == "n", s == "No", s == "NO", s == "×":
		return false, true
	case strings.HasPrefix(s, "是"), strings.HasPrefix(s, "已"), s == "入库", s == "入统",
		s == "开工", s == "Y", s == "y", s == "Yes", s == "YES", s == "√":
		return true, true
	}
	return false, false
}
