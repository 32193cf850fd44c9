//go:build unix

package app_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time so far: on a shared,
// loaded machine wall time says more about the neighbours than about us.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
