package excel

import (
	"errors"
	"math/big"
	"regexp"
	"strings"

	"qianxiang"
)

// emptyAmount holds what lists write in a numeric cell that has no value.
var emptyAmount = map[string]bool{
	"": true, "-": true, "--": true, "—": true, "——": true, "–": true, "―": true,
	"/": true, "无": true, "暂无": true, "空": true,
}

var (
	plainNumber  = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,2})?$`)
	groupedInt   = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$`)
	errNotNumber = errors.New("not a number")
	errTooLarge  = errors.New("too large")
	errTooFine   = errors.New("more than two decimals")
)

// maxAmountDigits bounds the integer part of an amount before it is parsed,
// so that no cell makes big.Rat work hard; the domain's MaxAmount then
// bounds the value itself.
const maxAmountDigits = 13

// parseAmount reads an amount cell in the column's unit (factor 1 for 万元,
// 10000 for 亿元) and returns it in 万元, exact: the cell's text is parsed as
// a decimal, never through float64, so Excel's 1234.5600000001 becomes
// 1234.56. A unit written in the cell itself (12.5亿元) overrides the
// column's. empty reports a cell with no value (blank, —, -, /, 无).
func parseAmount(s string, factor int64) (m qianxiang.Money, empty bool, err error) {
	t := squeeze(halfWidth(s))
	if emptyAmount[t] {
		return 0, true, nil
	}
	switch {
	case strings.HasSuffix(t, "亿元"):
		t, factor = strings.TrimSuffix(t, "亿元"), 10000
	case strings.HasSuffix(t, "万元"):
		t, factor = strings.TrimSuffix(t, "万元"), 1
	}
	if strings.Contains(t, ",") {
		if !groupedInt.MatchString(t) {
			return 0, false, errNotNumber
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	if len(t) > 40 || !plainNumber.MatchString(t) {
		return 0, false, errNotNumber
	}
	if intDigits(t) > maxAmountDigits {
		return 0, false, errTooLarge
	}
	// Tolerant: a numeric cell's text can carry binary floating-point noise.
	m, err = qianxiang.ParseMoneyTolerant(t, factor)
	switch qianxiang.AmountFault(err) {
	case 0:
		return m, false, nil
	case qianxiang.FaultTooLarge:
		return 0, false, errTooLarge
	case qianxiang.FaultTooFine:
		return 0, false, errTooFine
	}
	return 0, false, errNotNumber
}

// intDigits counts the digits an amount has before its decimal point,
// exponent included, ignoring leading zeros.
func intDigits(t string) int {
	mant, exp := t, 0
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		mant = t[:i]
		for j, sign := i+1, 1; j < len(t); j++ {
			switch c := t[j]; {
			case c == '-':
				sign = -1
			case c >= '0' && c <= '9':
				exp = exp*10 + sign*int(c-'0')
			}
		}
	}
	mant = strings.TrimLeft(mant, "+-")
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		mant = mant[:i]
	}
	return len(strings.TrimLeft(mant, "0")) + exp
}

// plainText gives a text cell's value as people read it: codes and phone
// numbers typed into a numeric cell can come back in scientific notation
// (1.3597074764E+10) and are written out in full.
func plainText(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "eE") || !plainNumber.MatchString(s) {
		return s
	}
	if intDigits(s) > 15 {
		return s
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || !r.IsInt() {
		return s
	}
	return r.Num().String()
}

// amountProblem words a refused amount cell for the row's error.
func amountProblem(raw, unit string, err error) (string, []any) {
	raw = strings.TrimSpace(raw)
	switch err {
	case errTooLarge:
		return "%q is too large for an amount in %s: no project is above 10,000 亿元", []any{raw, unit}
	case errTooFine:
		return "%q has more than two decimals of 万元; write it to the hundredth", []any{raw}
	}
	return "%q is not a number", []any{raw}
}
