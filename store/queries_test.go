package store

import (
	"io/fs"
	"strings"
	"testing"
)

func TestEveryQueryFileIsRunAndComplete(t *testing.T) {
	names, err := fs.Glob(queryFiles, "queries/*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no query files: %v", err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "queries/"), ".sql")
		if !loadedQueries[name] {
			t.Errorf("%s is embedded but no method loads it", n)
		}
		q := loadQuery(name)
		// {{and}}, {{where}} and {{report_pack}} are filled in per call by the method.
		if strings.Contains(strings.NewReplacer("{{and}}", "", "{{where}}", "", "{{report_pack}}", "").Replace(q), "{{") {
			t.Errorf("%s has a fragment no one fills in:\n%s", n, q)
		}
		if strings.Contains(q, "?") && strings.Contains(q, "--") {
			for _, line := range strings.Split(q, "\n") {
				if c := strings.Index(line, "--"); c >= 0 && strings.Contains(line[c:], "?") {
					t.Errorf("%s: a ? in a comment would be bound as a parameter on PostgreSQL: %s", n, line)
				}
			}
		}
	}
	if !strings.Contains(sqlSummaries, countedReport) || !strings.Contains(sqlMonthFigures, countedReport) {
		t.Error("the counted-report fragment is not filled in")
	}
}
