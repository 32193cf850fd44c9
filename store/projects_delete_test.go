package store

import (
	"regexp"
	"strings"
	"testing"
)

// Every table that points at a project (or at a row that hangs on one)
// must be in projectChildren, or among the tables whose rows keep the
// project from being deleted; otherwise a project delete would lose its
// rows without a trace, or fail on a foreign key.
func TestEveryProjectChildIsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, c := range projectChildren {
		listed[c.table] = true
	}
	for _, c := range pipelineChildren {
		listed[c.table] = true
	}
	// Rows that keep the project (ProjectTies, the lead check in
	// DeleteProject).
	kept := map[string]bool{"leads": true, "suggestions": true, "station_problems": true}
	parents := map[string]bool{"projects": true, "reports": true, "problems": true, "stat_entries": true}
	table := regexp.MustCompile(`(?s)CREATE TABLE (\w+) \((.*?)\n\);`)
	files, err := migrationFS.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		b, err := migrationFS.ReadFile("migrations/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range table.FindAllStringSubmatch(string(b), -1) {
			for p := range parents {
				if !strings.Contains(m[2], "REFERENCES "+p+"(id)") {
					continue
				}
				n++
				if !listed[m[1]] && !kept[m[1]] {
					t.Errorf("%s (%s) points at %s but a project delete neither removes and audits its rows nor is refused by them", m[1], f.Name(), p)
				}
			}
		}
	}
	if n < 15 {
		t.Fatalf("found only %d tables pointing at a project: the scan is broken", n)
	}
}
