package qianxiang

import "testing"

func TestMoneyYiString(t *testing.T) {
	for _, c := range []struct {
		m    Money
		want string
	}{
		{0, "0.0"},
		{Yi, "1.0"},
		{975505748, "975.5"},   // 9,755,057.48 万元
		{891507348, "891.5"},   // 8,915,073.48 万元
		{Yi/20 - 1, "0.0"},     // just under 0.05 亿元
		{Yi / 20, "0.1"},       // exactly 0.05 亿元 rounds up
		{-Yi / 20, "-0.1"},     // away from zero
		{-(Yi/20 - 1), "0.0"},  // no "-0.0"
		{MaxAmount, "10000.0"}, // the largest amount
	} {
		if got := c.m.YiString(); got != c.want {
			t.Errorf("Money(%d).YiString() = %q, want %q", c.m, got, c.want)
		}
	}
}
