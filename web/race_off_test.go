//go:build !race

package web_test

// raceDetector: the test binary runs under -race.
const raceDetector = false
