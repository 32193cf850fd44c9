// Package i18n holds the UI's message catalog. Messages are keyed by their
// English text, so English needs no entries; Chinese (the default) does.
package i18n

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"qianxiang"
)

var cat = catalog.NewBuilder(catalog.Fallback(language.English))

// terms are the words that may appear as arguments of messages (fields,
// statuses, kinds); they are translated when an error is rendered.
var terms = map[string]string{}

// register adds Chinese translations; each area of the UI keeps its own
// file of them (zh_*.go) and registers it in init.
func register(m map[string]string, isTerm bool) {
	for k, v := range m {
		if err := cat.SetString(language.SimplifiedChinese, k, v); err != nil {
			panic(fmt.Sprintf("i18n catalog entry %q: %v", k, err))
		}
		if isTerm {
			terms[k] = v
		}
	}
}

// Lang normalises a language choice: "en" or "zh" (the default).
func Lang(s string) string {
	if strings.HasPrefix(strings.ToLower(s), "en") {
		return "en"
	}
	return "zh"
}

// Printer returns the printer of a language.
func Printer(lang string) *message.Printer {
	if Lang(lang) == "en" {
		return message.NewPrinter(language.English, message.Catalog(cat))
	}
	return message.NewPrinter(language.SimplifiedChinese, message.Catalog(cat))
}

// T translates a message.
func T(lang, key string, args ...any) string { return Printer(lang).Sprintf(key, args...) }

// Error renders an error for a user in their language; errors that are not
// ours become a generic message (details belong in the log).
func Error(lang string, err error) string {
	e := qianxiang.AsError(err)
	if e == nil {
		return T(lang, "Something went wrong on the server; the details are in the server log.")
	}
	return Printer(lang).Sprintf(e.Format, localArgs(lang, e.Args)...)
}

// Detail renders one detail of a refused input.
func Detail(lang string, d qianxiang.Detail) string {
	p := Printer(lang)
	msg := p.Sprintf(d.Format, localArgs(lang, d.Args)...)
	loc := ""
	if d.Row > 0 {
		loc = p.Sprintf("row %d", d.Row)
	}
	if d.Column != "" {
		if loc != "" {
			loc += p.Sprintf(", ")
		}
		loc += p.Sprintf("column %s", d.Column)
		if d.Header != "" {
			loc += p.Sprintf(" (%s)", d.Header)
		}
	} else if d.Field != "" {
		if loc != "" {
			loc += p.Sprintf(", ")
		}
		loc += p.Sprintf(d.Field)
	}
	if loc == "" {
		return msg
	}
	return loc + p.Sprintf(": ") + msg
}

// localArgs translates the string arguments that are terms (field names,
// statuses) and leaves the rest.
func localArgs(lang string, args []any) []any {
	if Lang(lang) == "en" {
		return args
	}
	out := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			if v, ok := terms[s]; ok {
				out[i] = v
				continue
			}
		}
		out[i] = a
	}
	return out
}
