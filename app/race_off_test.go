//go:build !race

package app_test

// raceDetector: the test binary runs under -race.
const raceDetector = false
