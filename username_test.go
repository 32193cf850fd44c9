package qianxiang

import (
	"strings"
	"testing"
)

func TestNormalizeUsername(t *testing.T) {
	for _, c := range []struct {
		in, want string // want "" when refused
		msg      string // part of the refusal
	}{
		{"admin", "admin", ""},
		{"  lishi-xm ", "lishi-xm", ""},
		{"ADMIN", "admin", ""},
		{"Zhang.San@141102", "zhang.san@141102", ""},
		{"ａｄｍｉｎ", "admin", ""},           // full-width letters are the same letters
		{"ad\u200bmin", "", "invisible"}, // zero-width space
		{"ad\u00admin", "", "invisible"}, // soft hyphen
		{"\u0430dmin", "", "U+0430"},     // Cyrillic а
		{"adm\u0131n", "", "U+0131"},     // dotless ı
		{"\u03bfps", "", "U+03BF"},       // Greek ο
		{"ädmin", "", "U+00E4"},
		{"a\u0308dmin", "", "U+00E4"}, // composed by NFKC into ä
		{"q\u0338", "", "combining"},  // a mark nothing composes with
		{"李四", "", "U+674E"},
		{"li si", "", "spaces"},
		{"a/b", "", "not allowed"},
		{"<x>", "", "not allowed"},
		{"", "", "required"},
		{"   ", "", "required"},
		{"-lead", "", "start with"},
		{strings.Repeat("a", 64), strings.Repeat("a", 64), ""},
		{strings.Repeat("a", 65), "", "at most 64"},
	} {
		got, err := NormalizeUsername(c.in)
		if c.want != "" {
			if err != nil || got != c.want {
				t.Errorf("%q: %q %v, want %q", c.in, got, err, c.want)
			}
			continue
		}
		if ErrorCode(err) != EValidation || !strings.Contains(err.Error(), c.msg) || !strings.HasPrefix(err.Error(), "username: ") {
			t.Errorf("%q: %q %v, want refused with %q", c.in, got, err, c.msg)
		}
	}
}

func TestUsernameKeyFoldsCaseAndWidth(t *testing.T) {
	for _, s := range []string{"Admin", "ADMIN", " admin ", "ａｄｍｉｎ", "ＡＤＭＩＮ"} {
		if UsernameKey(s) != "admin" {
			t.Errorf("key of %q: %q", s, UsernameKey(s))
		}
	}
	if UsernameKey("\u0430dmin") == "admin" {
		t.Error("Cyrillic а folds to Latin a")
	}
}
