package qianxiang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// MaxUsername is the longest username, in characters.
const MaxUsername = 64

// UsernameKey is the form two usernames are compared in: compatibility
// normalised (NFKC: full-width ＡＢＣ is ABC) and case folded, so ADMIN, Admin
// and ａｄｍｉｎ are all admin. Login looks users up by it.
func UsernameKey(s string) string {
	s = norm.NFKC.String(strings.TrimSpace(s))
	return norm.NFKC.String(cases.Fold().String(s))
}

// NormalizeUsername gives the username a new account is stored under: its
// key, limited to the letters a–z, the digits 0–9 and . _ - @. A name that
// only looks like another (Cyrillic а for Latin a, an invisible zero-width
// space, a Greek ο) is refused rather than stored beside it; Chinese names
// belong in the display name.
func NormalizeUsername(s string) (string, error) {
	key := UsernameKey(s)
	if key == "" {
		return "", FieldError("username", "is required")
	}
	if utf8.RuneCountInString(key) > MaxUsername {
		return "", FieldError("username", "must be at most %d characters", MaxUsername)
	}
	for i, r := range []rune(key) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r == '.' || r == '_' || r == '-' || r == '@':
			if i == 0 {
				return "", FieldError("username", "must start with a letter or a digit")
			}
		case unicode.IsSpace(r):
			return "", FieldError("username", "must not contain spaces")
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || !unicode.IsPrint(r):
			return "", FieldError("username", "contains an invisible or combining character (U+%04X) at position %d; type the name again", r, i+1)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return "", FieldError("username", "contains %q (U+%04X), a letter or digit outside a–z and 0–9 that can pass for another; use only a–z, 0–9 and . _ - @", string(r), r)
		default:
			return "", FieldError("username", "contains %q, which is not allowed; use only a–z, 0–9 and . _ - @", string(r))
		}
	}
	return key, nil
}
