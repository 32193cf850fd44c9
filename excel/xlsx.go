package excel

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

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
