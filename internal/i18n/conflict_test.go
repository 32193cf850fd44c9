package i18n

import (
	"slices"
	"testing"
)

// Keys that two areas already translate differently; whichever registers
// last wins in both. Do not add to this list: give the new message its own
// English key instead.
var knownConflicts = []string{
	"suggestion", "%s is in the future (today is %s)", "people", "visited_on",
	"By", "Open", "must be a date YYYY-MM-DD", "investment", "Note", "Overdue",
	"Show", "By organisation", "Event", "Reopen", "Approvals", "Congress",
}

func TestNoNewCatalogConflicts(t *testing.T) {
	for _, k := range conflicts {
		if !slices.Contains(knownConflicts, k) {
			t.Errorf("%q is registered twice with different Chinese (now %q)", k, zh[k])
		}
	}
	if got := T("zh", "Place"); got != "地点" {
		t.Errorf(`"Place" reads %q, want 地点 (batch starts)`, got)
	}
}
