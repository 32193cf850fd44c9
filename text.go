package qianxiang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TextRule is one text field's limit: its longest length in characters
// and whether it may span lines (newlines and tabs allowed).
type TextRule struct {
	Max       int
	Multiline bool
}

// TextRules is the one definition of every text field's limit, keyed by
// the field's name as the API spells it. The API, the pages, the importers
// and the CLI all go through CleanText with these, so a limit cannot differ
// between paths.
var TextRules = map[string]TextRule{
	// Projects.
	"name":               {200, false},
	"code":               {40, false},
	"owner":              {200, false},
	"sector":             {100, false},
	"scope":              {2000, true},
	"leader":             {100, false},
	"contact":            {100, false},
	"phone":              {100, false},
	"notes":              {2000, true},
	"target.text":        {500, true},
	"team.name":          {50, false},
	"team.role":          {100, false},
	"team.phone":         {100, false},
	"extra.key":          {100, false},
	"extra.value":        {2000, true},
	"target.start_by":    {7, false},
	"target.complete_by": {7, false},
	"org.code":           {40, false},
	"org.name":           {100, false},
	"user.display_name":  {100, false},
	// Monthly reports and problems.
	"progress": {2000, true},
	"reason":   {500, true},
	"problem":  {2000, true},
	"category": {100, false},
	// A problem raised by hand, its steps and 批示; the webhook.
	"description": {2000, true},
	"resolution":  {2000, true},
	"text":        {2000, true},
	"url":         {2000, false},
	"secret":      {200, false},
	// Supervision orders (text and reply as above), key tasks and factor guarantee.
	"title": {500, false},
	"note":  {500, true},
	// Investment-attraction leads and the portal's news (lead.go, news.go).
	"investor":      {200, false},
	"origin_region": {100, false},
	"industry":      {100, false},
	"lead.target":   {500, true},
	"news.title":    {200, false},
	"news.body":     {10000, true},
	// The congress: meetings and their agenda, leave, motions, the review
	// committee's reasons, resolutions' report-backs.
	"agenda":          {2000, true},
	"delegation":      {100, false},
	"motion.title":    {200, false},
	"motion.reason":   {4000, true},
	"motion.basis":    {4000, true},
	"motion.solution": {4000, true},
	"review":          {2000, true},
	"followup.report": {4000, true},
	// The circular's heading and closing (circular_settings.go).
	"circular.issuer":        {100, false},
	"circular.number_format": {60, false},
	"circular.report":        {300, true},
	"circular.send":          {300, true},
	"circular.distribute":    {500, true},
	"circular.printed_by":    {100, false},
}

// Rule gives the rule of a field; a field not listed is one line of at
// most 200 characters.
func Rule(field string) TextRule {
	if r, ok := TextRules[field]; ok {
		return r
	}
	return TextRule{Max: 200}
}

// CleanText checks one text value against its field's rule and returns it
// trimmed and in Unicode normal form C, so that a name typed with a
// combining accent and one typed precomposed are the same name. It refuses
// invalid UTF-8, NUL and every other control character (tab and line
// breaks only where the field spans lines), which PostgreSQL could not
// store or which would make a value look like another.
func CleanText(field, s string) (string, *Detail) {
	rule := Rule(field)
	if !utf8.ValidString(s) {
		return s, &Detail{Field: field, Format: "is not valid UTF-8 text"}
	}
	if i, r, ok := controlChar(s, rule.Multiline); ok {
		return s, &Detail{Field: field, Format: "contains the control character U+%04X at character %d; remove it", Args: []any{r, i}}
	}
	s = strings.TrimSpace(norm.NFC.String(s))
	if n := utf8.RuneCountInString(s); n > rule.Max {
		return s, &Detail{Field: field, Format: "is %d characters long; at most %d are allowed", Args: []any{n, rule.Max}}
	}
	return s, nil
}

// HasControl reports a control character that no text field accepts
// (tab and line breaks are left to each field's rule), with its position
// in characters counted from 1.
func HasControl(s string) (int, rune, bool) { return controlChar(s, true) }

func controlChar(s string, multiline bool) (int, rune, bool) {
	i := 0
	for _, r := range s {
		i++
		if r == utf8.RuneError {
			continue
		}
		if multiline && (r == '\t' || r == '\n' || r == '\r') {
			continue
		}
		// Cc is C0, DEL and C1; U+2028/2029 separate lines invisibly and
		// U+FEFF is a stray byte-order mark.
		if unicode.Is(unicode.Cc, r) || r == 0x2028 || r == 0x2029 || r == 0xFEFF {
			return i, r, true
		}
	}
	return 0, 0, false
}

// CleanTexts cleans several fields at once: each pointer is replaced by
// its clean value, and the faults are returned in order.
func CleanTexts(fields ...any) []Detail {
	var ds []Detail
	for i := 0; i+1 < len(fields); i += 2 {
		name, p := fields[i].(string), fields[i+1].(*string)
		v, d := CleanText(name, *p)
		if d != nil {
			ds = append(ds, *d)
			continue
		}
		*p = v
	}
	return ds
}
