package i18n

import "testing"

func TestNoNewCatalogConflicts(t *testing.T) {
	// No key may have two Chinese: whichever registers last would win in
	// both areas. Give the new message its own English key instead.
	for _, k := range conflicts {
		t.Errorf("%q is registered twice with different Chinese (now %q)", k, zh[k])
	}
	if got := T("zh", "Place"); got != "地点" {
		t.Errorf(`"Place" reads %q, want 地点 (batch starts)`, got)
	}
}
