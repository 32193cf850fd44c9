package qianxiang

import (
	"slices"
	"testing"
)

func TestChangedFieldsNamesWhatDiffers(t *testing.T) {
	cases := []struct {
		name, before, after string
		all, changed        []string
	}{
		{"one field", `{"id":"1","name":"a","version":"1"}`, `{"id":"1","name":"b","version":"2"}`, []string{"name", "version"}, []string{"name"}},
		{"nothing but bookkeeping", `{"id":"1","updated_at":"x","created_at":"c"}`, `{"id":"1","updated_at":"y","created_at":"d"}`, []string{"created_at", "updated_at"}, nil},
		{"sorted", `{"z":"1","a":"1","m":"1"}`, `{"z":"2","a":"2","m":"1"}`, []string{"a", "z"}, []string{"a", "z"}},
		{"null and empty are one value", `{"parent_id":null,"notes":""}`, `{"parent_id":"","notes":null}`, nil, nil},
		{"null to a value", `{"parent_id":null}`, `{"parent_id":"7"}`, []string{"parent_id"}, []string{"parent_id"}},
		{"a column a migration added, empty", `{"name":"a"}`, `{"name":"a","phone":""}`, nil, nil},
		{"a column a migration added, filled", `{"name":"a"}`, `{"name":"a","phone":"139"}`, []string{"phone"}, []string{"phone"}},
		{"a column dropped", `{"name":"a","old":"x"}`, `{"name":"a"}`, []string{"old"}, []string{"old"}},
		{"create", ``, `{"name":"a"}`, nil, nil},
		{"delete", `{"name":"a"}`, ``, nil, nil},
		{"not JSON", `{"name":`, `{"name":"a"}`, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ChangedFields(c.before, c.after); !slices.Equal(got, c.all) {
				t.Errorf("ChangedFields = %q, want %q", got, c.all)
			}
			if got := (AuditEntry{Before: c.before, After: c.after}).Changed(); !slices.Equal(got, c.changed) {
				t.Errorf("Changed = %q, want %q", got, c.changed)
			}
		})
	}
}
