//go:build !unix

package excel

import "time"

// cpuNow falls back to wall time where getrusage is missing.
func cpuNow() time.Duration { return time.Duration(time.Now().UnixNano()) }
