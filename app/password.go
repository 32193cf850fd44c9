package app

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/crypto/argon2"

	"qianxiang"
)

// argon2id parameters: OWASP's minimum (19 MiB, 2 passes, 1 lane), enough
// for a government intranet without stalling a 2-core server at login.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns an argon2id PHC string.
func HashPassword(pw string) string {
	salt := make([]byte, 16)
	rand.Read(salt)
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s", argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// CheckPassword compares a password with a stored hash in constant time.
func CheckPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// CheckPasswordStrength refuses passwords that are easy to guess.
func CheckPasswordStrength(pw, username string) error {
	if len([]rune(pw)) < 8 {
		return qianxiang.FieldError("password", "must be at least 8 characters")
	}
	var letters, digits, others bool
	for _, r := range pw {
		switch {
		case unicode.IsLetter(r):
			letters = true
		case unicode.IsDigit(r):
			digits = true
		default:
			others = true
		}
	}
	classes := 0
	for _, b := range []bool{letters, digits, others} {
		if b {
			classes++
		}
	}
	if classes < 2 {
		return qianxiang.FieldError("password", "must mix at least two of letters, digits and symbols")
	}
	if strings.EqualFold(pw, username) || strings.Contains(strings.ToLower(pw), strings.ToLower(username)) && len(username) >= 4 {
		return qianxiang.FieldError("password", "must not contain the username")
	}
	return nil
}

// GeneratePassword makes a strong random password of letters and digits
// without look-alikes, easy to read out over the phone.
func GeneratePassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 12)
	rand.Read(b)
	out := make([]byte, 12)
	for i := range b {
		out[i] = alphabet[int(b[i])%len(alphabet)]
	}
	out[3], out[8] = '-', byte('2'+int(b[0])%8)
	return string(out)
}

// randomToken returns n random bytes as URL-safe base64.
func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
