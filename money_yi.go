package qianxiang

import "fmt"

// YiString gives the amount in 亿元 with one decimal, rounded half away
// from zero ("975.5"), as leaders read totals on the big screen. It works
// on the integer, so 0.05 亿元 rounds up exactly.
func (m Money) YiString() string {
	const tenth = Yi / 10
	sign, v := "", uint64(m)
	if m < 0 {
		sign, v = "-", uint64(-(m+1))+1
	}
	t := (v + uint64(tenth)/2) / uint64(tenth) // tenths of 亿元
	if t == 0 {
		sign = ""
	}
	return fmt.Sprintf("%s%d.%d", sign, t/10, t%10)
}
