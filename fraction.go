package qianxiang

import (
	"math/bits"
	"strconv"
)

// Fraction is a rate (0.2534 = 25.34%). It holds the unrounded value, so
// that comparisons see the true figure; JSON shows it rounded to 4
// decimals, as the contract asks of every rate.
type Fraction float64

// MarshalJSON writes the rate rounded to 4 decimals.
func (f Fraction) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, Round4(float64(f)), 'f', -1, 64), nil
}

// Rounded gives the rate as it is shown: 4 decimals.
func (f Fraction) Rounded() float64 { return Round4(float64(f)) }

// fractionOf gives num/den as a Fraction, ok=false when den is zero.
func fractionOf(num, den int64) (Fraction, bool) {
	if den == 0 {
		return 0, false
	}
	return Fraction(float64(num) / float64(den)), true
}

// cmpProducts compares a·b with c·d exactly (the products may exceed
// int64): -1, 0 or +1. Rates are compared as cross products of their exact
// numerators and denominators, never as floats.
func cmpProducts(a, b, c, d int64) int {
	x, y := mul128(a, b), mul128(c, d)
	switch {
	case x.hi != y.hi:
		if x.hi < y.hi {
			return -1
		}
		return 1
	case x.lo != y.lo:
		if x.lo < y.lo {
			return -1
		}
		return 1
	}
	return 0
}

// int128 is a two's-complement 128-bit integer.
type int128 struct {
	hi int64
	lo uint64
}

func mul128(a, b int64) int128 {
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	if neg {
		lo = ^lo + 1
		hi = ^hi
		if lo == 0 {
			hi++
		}
	}
	return int128{hi: int64(hi), lo: lo}
}

// abs64 is |v| as uint64; it is right for math.MinInt64 too.
func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}
