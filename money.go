package qianxiang

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Money is an amount in hundredths of 万元 (so 1 = 0.01 万元 = 100 元).
// Project lists write amounts in 万元 with at most two decimals; keeping them
// as integers makes every sum exact.
type Money int64

// Wan10k is one 亿元 in Money units: 1 亿元 = 10,000 万元.
const Yi Money = 10000 * 100

// ParseMoney reads a decimal number of 万元 ("1234.5", "-3", "1,234.56").
// More than two decimals are rounded half away from zero.
func ParseMoney(s string) (Money, error) { return ParseMoneyScaled(s, 1) }

// ParseMoneyScaled reads a decimal number and multiplies it by factor before
// rounding to hundredths; factor 10000 converts 亿元 to 万元 exactly.
func ParseMoneyScaled(s string, factor int64) (Money, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" {
		return 0, fmt.Errorf("empty number")
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "/eE") && !isPlainExp(s) {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	r.Mul(r, new(big.Rat).SetInt64(factor*100))
	return Money(roundRat(r)), nil
}

// isPlainExp accepts Excel's scientific notation (1.5E+3) but not fractions.
func isPlainExp(s string) bool { return !strings.Contains(s, "/") }

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

// MoneyFromFloat converts a JSON number; it rounds to hundredths, which is
// exact for any value a person typed with two decimals.
func MoneyFromFloat(f float64) (Money, error) {
	return ParseMoney(strconv.FormatFloat(f, 'f', -1, 64))
}

// String gives "1234.50".
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
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
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalJSON reads a JSON number or a numeric string.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" {
		*m = 0
		return nil
	}
	v, err := ParseMoney(s)
	if err != nil {
		return err
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
