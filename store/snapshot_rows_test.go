package store

import (
	"encoding/json"
	"testing"
)

// appendJSONString gives what encoding/json gives, for every kind of text
// a row holds.
func TestAppendJSONStringIsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", "吕梁市离石区第12号项目", "a\"b", `back\slash`, "<script>&amp;", "line\nbreak\ttab\r",
		"\b\f\x00\x1f", "\u2028\u2029", "bad \xff utf8", "emoji 😀", "2023-03-15T10:00:00.000Z", "12345"} {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}
