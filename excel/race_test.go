//go:build race

package excel

// raceFactor stretches time bounds under the race detector.
const raceFactor = 1
