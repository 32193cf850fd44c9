package qianxiang

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// Money is an amount in hundredths of 万元 (so 1 = 0.01 万元 = 100 元).
// Project lists write amounts in 万元 with at most two decimals; keeping them
// as integers makes every sum exact.
type Money int64

// Yi is one 亿元 in Money units: 1 亿元 = 10,000 万元.
const Yi Money = 10000 * 100

// MaxAmount is the largest amount anything may hold: 10,000 亿元 (one
// trillion yuan), far above any single project, and small enough that a
// sum of a billion such amounts still fits in Money. Every amount that
// enters the application by any path (form, API, workbook, restore) is
// checked against it, so sums of stored amounts cannot overflow.
const MaxAmount Money = 10000 * Yi

// maxNumberText bounds the text of a number before it is parsed at all, so
// that "1e999999999" cannot make big.Rat compute a huge power.
const maxNumberText = 64

var numberShape = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,4})?$`)

// Kinds of refused amount, for readers that word their own messages.
const (
	FaultNotNumber = iota + 1
	FaultTooFine
	FaultTooLarge
)

const (
	msgTooFine  = "%s has more than two decimals; amounts are in 万元 to the hundredth"
	msgTooLarge = "%s is more than 10,000 亿元, beyond any project"
	msgNotNum   = "%s is not a number"
)

// AmountFault tells what kind of refusal a parse error is (0: none).
func AmountFault(err error) int {
	e := AsError(err)
	switch {
	case err == nil:
		return 0
	case e != nil && e.Format == msgTooFine:
		return FaultTooFine
	case e != nil && e.Format == msgTooLarge:
		return FaultTooLarge
	}
	return FaultNotNumber
}

// ParseMoney reads a decimal number of 万元 ("1234.5", "-3", "1,234.56").
// More than two decimals are refused rather than rounded, and so is any
// amount beyond ±MaxAmount.
func ParseMoney(s string) (Money, error) { return ParseMoneyScaled(s, 1) }

// ParseMoneyScaled reads a decimal number and multiplies it by factor
// (factor 10000 converts 亿元 to 万元 exactly). The result must be a whole
// number of hundredths of 万元 within ±MaxAmount.
func ParseMoneyScaled(s string, factor int64) (Money, error) {
	r, err := parseAmountRat(s, factor)
	if err != nil {
		return 0, err
	}
	if !r.IsInt() {
		return 0, Errorf(EValidation, msgTooFine, strings.TrimSpace(s))
	}
	return Money(r.Num().Int64()), nil
}

// ParseMoneyTolerant is ParseMoneyScaled for numbers written by a
// spreadsheet, whose binary floating point turns 1234.56 into
// 1234.5600000000001: a value within a millionth of a hundredth of a whole
// hundredth is taken as that hundredth. 12.345 is still refused.
func ParseMoneyTolerant(s string, factor int64) (Money, error) {
	r, err := parseAmountRat(s, factor)
	if err != nil || r.IsInt() {
		if err != nil {
			return 0, err
		}
		return Money(r.Num().Int64()), nil
	}
	q := roundRat(r)
	diff := new(big.Rat).Sub(r, new(big.Rat).SetInt64(q))
	if diff.Abs(diff).Cmp(big.NewRat(1, 1000000)) > 0 {
		return 0, Errorf(EValidation, msgTooFine, strings.TrimSpace(s))
	}
	return Money(q), nil
}

// parseAmountRat gives the number in hundredths of 万元, exact, or an
// error when it is not a number or lies beyond ±MaxAmount.
func parseAmountRat(s string, factor int64) (*big.Rat, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if t == "" {
		return nil, Errorf(EValidation, "is empty; write an amount in 万元")
	}
	if len(t) > maxNumberText || !numberShape.MatchString(t) {
		return nil, Errorf(EValidation, msgNotNum, shorten(t))
	}
	r, ok := new(big.Rat).SetString(t)
	if !ok {
		return nil, Errorf(EValidation, msgNotNum, shorten(t))
	}
	r.Mul(r, new(big.Rat).SetInt64(factor*100))
	limit := new(big.Rat).SetInt64(int64(MaxAmount))
	if new(big.Rat).Abs(r).Cmp(limit) > 0 {
		return nil, Errorf(EValidation, msgTooLarge, shorten(t))
	}
	return r, nil
}

// shorten keeps a refused value readable in a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func roundRat(r *big.Rat) int64 {
	num, den := new(big.Int).Set(r.Num()), r.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(m, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}

// CheckAmount applies the bounds every stored amount keeps: not negative
// and not above MaxAmount. field names the amount in the message.
func CheckAmount(field string, m Money) *Detail {
	switch {
	case m < 0:
		return &Detail{Field: field, Format: "must not be negative"}
	case m > MaxAmount:
		return &Detail{Field: field, Format: "%s 万元 is more than 10,000 亿元, beyond any project", Args: []any{m.Grouped()}}
	}
	return nil
}

// Plausible reports an amount within the stored bounds; a figure outside
// them can only have been written behind the application's back.
func (m Money) Plausible() bool { return m >= 0 && m <= MaxAmount }

// AddMoney adds two amounts, ok=false when the sum would overflow.
func AddMoney(a, b Money) (Money, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// MoneyFromFloat converts a float; it rounds to hundredths, which is
// exact for any value a person typed with two decimals.
func MoneyFromFloat(f float64) (Money, error) {
	return ParseMoneyTolerant(strconv.FormatFloat(f, 'f', -1, 64), 1)
}

// String gives "1234.50".
func (m Money) String() string {
	var b [24]byte
	return string(m.Append(b[:0]))
}

// Append appends m as String gives it, without fmt: the registry writes
// four amounts a row.
func (m Money) Append(b []byte) []byte {
	v := uint64(m)
	if m < 0 {
		b, v = append(b, '-'), uint64(-(m+1))+1 // -MinInt64 overflows; uint64 holds it
	}
	b = strconv.AppendUint(b, v/100, 10)
	return append(b, '.', byte('0'+v%100/10), byte('0'+v%10))
}

// Grouped gives "1,234,567.50", as amounts are shown to people.
func (m Money) Grouped() string {
	s := m.String()
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + "." + frac
}

// Float is for ratios and charts only, never for sums.
func (m Money) Float() float64 { return float64(m) / 100 }

// MarshalJSON writes a JSON number with two decimals.
func (m Money) MarshalJSON() ([]byte, error) { return m.Append(nil), nil }

// UnmarshalJSON reads a JSON number or a numeric string. A refused number
// comes back as a json.UnmarshalTypeError whose Value is "number " and the
// text, so that encoding/json adds the field's path and the API can name
// the field (see AmountError).
func (m *Money) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" {
		*m = 0
		return nil
	}
	v, err := ParseMoney(s)
	if err != nil {
		return amountTypeError(s)
	}
	*m = v
	return nil
}

// Rate returns num/den, or ok=false when den is zero.
func Rate(num, den Money) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// Round4 rounds a rate to 4 decimals for output.
func Round4(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return v
}
