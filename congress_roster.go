package qianxiang

import "strings"

// rosterHeaders name the roster's columns for error messages.
var rosterHeaders = map[string]string{"deputy_name": "姓名", "delegation": "代表团", "card": "代表证号", "seat": "座位号"}

// CheckRoster checks each deputy of a roster on its own: a name, a
// delegation and a card number that can serve as a login name. Duplicates
// across rows are the reader's to find (it knows the rows).
func CheckRoster(ds []Deputy) []Detail {
	var out []Detail
	bad := func(field, format string, args ...any) {
		out = append(out, Detail{Field: field, Header: rosterHeaders[field], Format: format, Args: args})
	}
	for _, d := range ds {
		// The text rules: no control characters, bounded lengths.
		for _, f := range []struct{ field, rule, v string }{{"deputy_name", "name", d.Name}, {"delegation", "delegation", d.Delegation},
			{"title", "title", d.Title}, {"seat", "seat", d.Seat}, {"gender", "gender", d.Gender}, {"ethnicity", "ethnicity", d.Ethnicity}} {
			if _, bad := CleanText(f.rule, f.v); bad != nil {
				out = append(out, Detail{Field: f.field, Header: rosterHeaders[f.field], Format: bad.Format, Args: bad.Args})
			}
		}
		if d.Name == "" {
			bad("deputy_name", "is required")
		}
		if d.Delegation == "" {
			bad("delegation", "is required")
		}
		switch {
		case d.Card == "":
			bad("card", "is required: it is the deputy's login name")
		case len(d.Card) > 32 || strings.ContainsAny(d.Card, " \t/\\<>\"'"):
			bad("card", "must be at most 32 characters without spaces, quotes or slashes")
		}
	}
	return out
}
