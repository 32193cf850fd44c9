package excel

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// The zip bombs and the million-row sheet of TestHostileWorkbooksStayWithinBounds
// reach every reader of uploads, not only the project list: the roster
// (congress deputies), the targets, the tasks and the monthly reports share
// the bounded workbook reader, and each must refuse them within the same
// bounds (peakBound heap, cpuBound processor time).
func TestHostileWorkbooksRefusedByEveryReader(t *testing.T) {
	readers := map[string]func([]byte) error{
		"roster": func(b []byte) error { _, err := ReadRoster(bytes.NewReader(b), "roster.xlsx"); return err },
		"targets": func(b []byte) error {
			_, err := ReadTargets(bytes.NewReader(b), "targets.xlsx", targetOrgs)
			return err
		},
		"tasks": func(b []byte) error { _, err := ReadTasks(bytes.NewReader(b), "tasks.xlsx", 2026); return err },
		"reports": func(b []byte) error {
			_, err := ReadReports(bytes.NewReader(b), "reports.xlsx", ReportOptions{Year: 2023, Orgs: lvliangOrgs()})
			return err
		},
	}
	for _, c := range hostileCases() {
		if !strings.HasPrefix(c.name, "zip-bomb") && !strings.HasPrefix(c.name, "rows-1000000") {
			continue
		}
		if testing.Short() {
			t.Skip("large generated files")
		}
		data := hostileFile(t, c)
		for name, read := range readers {
			t.Run(c.name+"/"+name, func(t *testing.T) {
				var err error
				peak, took, cpu := measure(func() { err = read(data) })
				t.Logf("%s by %s: peak heap %d MB, %v (processor %v): %v", c.name, name, peak>>20, took.Round(time.Millisecond), cpu.Round(time.Millisecond), err)
				if err == nil {
					t.Fatalf("accepted")
				}
				checkRefusal(t, false, err)
				if peak > peakBound {
					t.Errorf("peak heap %d MB, bound %d MB", peak>>20, peakBound>>20)
				}
				if cpu > cpuBound {
					t.Errorf("took %v of processor time, bound %v", cpu, cpuBound)
				}
			})
		}
	}
}
