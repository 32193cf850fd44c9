// Package i18n holds the UI's message catalog. Messages are keyed by their
// English text, so English needs no entries; Chinese (the default) does.
// Formatting is plain fmt: numbers such as years and project codes must
// never be grouped ("2023", not "2,023").
package i18n

import (
	"fmt"
	"reflect"
	"strings"

	"qianxiang"
)

// zh maps an English message (a fmt format) to its Chinese form.
var zh = map[string]string{}

// terms are the words that may appear as arguments of messages (fields,
// statuses, kinds); they are translated when an error is rendered.
var terms = map[string]string{}

// conflicts lists the keys registered twice with different Chinese: one
// of the two areas silently loses its wording (a batch start's 地点 once
// read 职务), so a test keeps the list from growing.
var conflicts []string

// register adds Chinese translations; each area of the UI keeps its own
// file of them (zh_*.go) and registers it in init.
func register(m map[string]string, isTerm bool) {
	for k, v := range m {
		if strings.Count(k, "%") != strings.Count(v, "%") {
			panic(fmt.Sprintf("i18n: %q and %q take different arguments", k, v))
		}
		if old, ok := zh[k]; ok && old != v {
			conflicts = append(conflicts, k)
		}
		zh[k] = v
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

// T translates a message and formats it with its arguments.
func T(lang, key string, args ...any) string {
	f := key
	if Lang(lang) == "zh" {
		if v, ok := zh[key]; ok {
			f = v
		}
	} else if v, ok := enTerms[key]; ok && len(args) == 0 {
		f = v
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, localArgs(lang, args)...)
}

// Error renders an error for a user in their language; errors that are not
// ours become a generic message (details belong in the log).
func Error(lang string, err error) string {
	e := qianxiang.AsError(err)
	if e == nil {
		return T(lang, "Something went wrong on the server; the details are in the server log.")
	}
	// A refusal naming a field (FieldError, Project.Validate) reads
	// "field: message", its format the detail's with "%s: " in front, which
	// the catalog does not hold: it is rendered from the detail.
	if len(e.Details) > 0 {
		if d := e.Details[0]; d.Field != "" && d.Row == 0 && e.Format == "%s: "+d.Format {
			var name any = d.Field
			if l, ok := label(lang, d); ok {
				name = l
			}
			return T(lang, "%s: %s", name, Message(lang, d))
		}
	}
	return T(lang, e.Format, e.Args...)
}

// Message renders a detail's message alone.
func Message(lang string, d qianxiang.Detail) string { return T(lang, d.Format, d.Args...) }

// Detail renders one detail of a refused input with where it is.
func Detail(lang string, d qianxiang.Detail) string {
	msg := Message(lang, d)
	loc := ""
	if d.Row > 0 {
		loc = T(lang, "row %d", d.Row)
	}
	sep := T(lang, ", ")
	if d.Column != "" {
		if loc != "" {
			loc += sep
		}
		loc += T(lang, "column %s", d.Column)
		if d.Header != "" {
			loc += T(lang, " (%s)", d.Header)
		}
	} else if d.Field != "" {
		if loc != "" {
			loc += sep
		}
		if l, ok := label(lang, d); ok {
			loc += l
		} else {
			loc += T(lang, d.Field)
		}
	}
	if loc == "" {
		return msg
	}
	return loc + T(lang, ": ") + msg
}

// label is the area's word for a detail's field ("verification:people"
// reads 核查人员 where a bare "people" reads 接待人数), when it has one.
func label(lang string, d qianxiang.Detail) (string, bool) {
	if d.Label == "" || Lang(lang) != "zh" {
		return "", false
	}
	v, ok := zh[d.Label]
	return v, ok
}

// localArgs translates the string arguments that are terms (field names,
// statuses) and leaves the rest.
func localArgs(lang string, args []any) []any {
	if Lang(lang) == "en" {
		return args
	}
	out := make([]any, len(args))
	for i, a := range args {
		// Named string types too: a report's status, excel's field.
		if s := reflect.ValueOf(a); s.Kind() == reflect.String {
			if v, ok := terms[s.String()]; ok {
				out[i] = v
				continue
			}
		}
		out[i] = a
	}
	return out
}
