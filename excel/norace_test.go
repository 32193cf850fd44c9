//go:build !race

package excel

const raceFactor = 0
