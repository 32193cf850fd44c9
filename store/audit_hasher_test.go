package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qianxiang"
)

// The one reused hasher of a bulk chain gives keyedHash's value for every
// entry, in turn (a reset that left state behind would show at the second).
func TestEntryHasherIsKeyedHash(t *testing.T) {
	kr, err := CreateKeyRing(filepath.Join(t.TempDir(), "audit.key"))
	if err != nil {
		t.Fatal(err)
	}
	kid := kr.Current().ID
	eh, err := newEntryHasher(kr, kid)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 4, 8, 10, 0, 0, 123e6, time.UTC)
	prev := ""
	for i, e := range []qianxiang.AuditEntry{
		{ID: 1, Actor: "qx", Action: "import", Entity: "reports", EntityID: 7, Label: "项目 2025年3月", After: `{"id":"7"}`},
		{ID: 2, Actor: "qx", Action: "import", Entity: "reports", EntityID: 8, Label: "", Before: `{"a":"b"}`, After: strings.Repeat("长", 300)},
		{ID: 1234567890123, Actor: "", Action: "start", Entity: "projects", EntityID: -1},
	} {
		e.At, e.Kid, e.PrevHash = at, kid, prev
		want, err := keyedHash(&e, kr)
		if err != nil {
			t.Fatal(err)
		}
		if got := eh.mac(&e, ts(at)); got != want {
			t.Fatalf("entry %d: got %s, want %s", i, got, want)
		}
		prev = want
	}
	if _, err := newEntryHasher(kr, "nope"); err == nil {
		t.Error("an unknown key id gave a hasher")
	}
}
