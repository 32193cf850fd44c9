//go:build unix

package excel

import (
	"syscall"
	"time"
)

// cpuNow is the process's user+system CPU time so far: on a shared,
// loaded machine wall time says more about the neighbours than about us.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
