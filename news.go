package qianxiang

import (
	"regexp"
	"strings"
	"time"
)

// NewsItem is a piece of news the campaign office writes for the public
// portal (宣传). It is plain text: the portal shows it escaped, and
// anything that looks like markup is refused, not stripped, so what the
// office typed is exactly what the public reads.
type NewsItem struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Date      Date      `json:"date"`
	Published bool      `json:"published"`
	CreatedBy string    `json:"-"`
	UpdatedAt time.Time `json:"-"`
	Version   int       `json:"version"`
}

// markup finds what a browser could read as a tag, a comment or a
// declaration ("<script", "</p", "<!--", "<?xml") and script addresses.
var markup = regexp.MustCompile(`(?i)<\s*[a-z/!?]|javascript\s*:|vbscript\s*:|data\s*:\s*text/html`)

// PlainText refuses a value holding markup, naming the field and the
// offending text.
func PlainText(field, s string) *Detail {
	if loc := markup.FindStringIndex(s); loc != nil {
		// Quote the whole tag when it closes soon, else a few characters.
		end := min(loc[1]+12, len(s))
		if i := strings.IndexByte(s[loc[0]:], '>'); i >= 0 && i < 40 {
			end = loc[0] + i + 1
		}
		for end < len(s) && !utf8Start(s[end]) {
			end++
		}
		return &Detail{Field: field, Format: "contains %q, which looks like HTML or script; news is plain text: remove the tag", Args: []any{s[loc[0]:end]}}
	}
	return nil
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// Validate checks a news item: title, body and date required, each text
// through the text rules and refused when it holds markup or a mobile
// phone number.
func (n *NewsItem) Validate() error {
	d := CleanTexts("news.title", &n.Title, "news.body", &n.Body)
	add := func(field, format string, args ...any) {
		d = append(d, Detail{Field: field, Format: format, Args: args})
	}
	for _, f := range []struct{ name, v string }{{"news.title", n.Title}, {"news.body", n.Body}} {
		if hasField(d, f.name) {
			continue
		}
		if f.v == "" {
			add(f.name, "is required")
		} else if x := PlainText(f.name, f.v); x != nil {
			d = append(d, *x)
		} else if mobileInText.MatchString(f.v) {
			// The portal is public: a person's mobile number never goes
			// on it (promotions publish an office landline instead).
			add(f.name, "contains a mobile phone number; the public portal does not publish personal numbers: give an office landline")
		}
	}
	if n.Date.IsZero() || n.Date.MonthOnly() {
		add("news.date", "is required (YYYY-MM-DD)")
	}
	if len(d) == 0 {
		return nil
	}
	e := FieldError(d[0].Field, d[0].Format, d[0].Args...)
	e.Details = d
	return e
}
