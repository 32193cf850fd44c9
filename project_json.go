package qianxiang

import (
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The registry API writes fifty projects a page. Through encoding/json's
// reflection (and the Money and Date marshalers, whose output it then
// re-reads to check and compact) that was a fifth of a request's CPU.
// AppendJSON writes the same bytes directly: what json.Marshal gives for
// the value, HTML-escaped as the API's encoder is set. TestProjectJSON
// and FuzzProjectJSON compare the two on random and hostile values, and
// fail when a field is added to one of these types and not here.

// AppendJSON appends p as json.Marshal writes it.
func (p *Project) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, p.ID, 10)
	b = append(b, `,"year":`...)
	b = strconv.AppendInt(b, int64(p.Year), 10)
	b = appendField(b, "code", p.Code)
	b = appendField(b, "name", p.Name)
	b = appendField(b, "owner", p.Owner)
	b = append(b, `,"org":`...)
	b = p.Org.AppendJSON(b)
	b = append(b, `,"lead_org":`...)
	b = p.LeadOrg.AppendJSON(b)
	b = appendField(b, "kind", string(p.Kind))
	b = appendField(b, "stage", string(p.Stage))
	b = appendField(b, "sector", p.Sector)
	b = appendField(b, "scope", p.Scope)
	b = append(b, `,"total_investment":`...)
	b = p.TotalInvestment.Append(b)
	b = append(b, `,"annual_plan":`...)
	b = p.AnnualPlan.Append(b)
	b = append(b, `,"planned_start":`...)
	b = p.PlannedStart.AppendJSON(b)
	b = append(b, `,"planned_end":`...)
	b = p.PlannedEnd.AppendJSON(b)
	b = append(b, `,"started_on":`...)
	b = p.StartedOn.AppendJSON(b)
	b = appendField(b, "leader", p.Leader)
	b = append(b, `,"team":`...)
	if p.Team == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Team {
			if i > 0 {
				b = append(b, ',')
			}
			b = p.Team[i].AppendJSON(b)
		}
		b = append(b, ']')
	}
	b = append(b, `,"target":`...)
	b = p.Target.AppendJSON(b)
	b = appendBoolField(b, "in_stats", p.InStats)
	b = appendField(b, "contact", p.Contact)
	b = appendField(b, "phone", p.Phone)
	b = appendField(b, "notes", p.Notes)
	if len(p.Extra) > 0 {
		b = append(b, `,"extra":{`...)
		for i, k := range slices.Sorted(maps.Keys(p.Extra)) {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSONString(b, k)
			b = append(b, ':')
			b = AppendJSONString(b, p.Extra[k])
		}
		b = append(b, '}')
	}
	b = append(b, `,"version":`...)
	b = strconv.AppendInt(b, int64(p.Version), 10)
	b = appendBoolField(b, "confidential", p.Confidential)
	if len(p.Classes) > 0 {
		b = append(b, `,"classes":{`...)
		for i, k := range slices.Sorted(maps.Keys(p.Classes)) {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSONString(b, k)
			b = append(b, ':')
			b = appendStrings(b, p.Classes[k])
		}
		b = append(b, '}')
	}
	if p.Light != "" {
		b = appendField(b, "light", string(p.Light))
	}
	return append(b, '}')
}

// AppendJSON appends r as json.Marshal writes it.
func (r OrgRef) AppendJSON(b []byte) []byte {
	b = append(b, `{"code":`...)
	b = AppendJSONString(b, r.Code)
	b = appendField(b, "name", r.Name)
	return append(b, '}')
}

// AppendJSON appends m as json.Marshal writes it.
func (m TeamMember) AppendJSON(b []byte) []byte {
	b = append(b, `{"name":`...)
	b = AppendJSONString(b, m.Name)
	if m.Role != "" {
		b = appendField(b, "role", m.Role)
	}
	if m.Phone != "" {
		b = appendField(b, "phone", m.Phone)
	}
	return append(b, '}')
}

// AppendJSON appends t as json.Marshal writes it: every field is
// omitted when empty.
func (t Target) AppendJSON(b []byte) []byte {
	b = append(b, '{')
	sep := ""
	if t.StartBy != "" {
		b = append(b, `"start_by":`...)
		b = AppendJSONString(b, t.StartBy)
		sep = ","
	}
	if t.CompleteBy != "" {
		b = append(append(b, sep...), `"complete_by":`...)
		b = AppendJSONString(b, t.CompleteBy)
		sep = ","
	}
	if t.InvestAtLeast != 0 {
		b = append(append(b, sep...), `"invest_at_least":`...)
		b = t.InvestAtLeast.Append(b)
		sep = ","
	}
	if t.Text != "" {
		b = append(append(b, sep...), `"text":`...)
		b = AppendJSONString(b, t.Text)
	}
	return append(b, '}')
}

// AppendJSON appends t as json.Marshal writes it.
func (t ProjectTotals) AppendJSON(b []byte) []byte {
	b = append(b, `{"count":`...)
	b = strconv.AppendInt(b, int64(t.Count), 10)
	if t.Implausible != 0 {
		b = append(b, `,"implausible":`...)
		b = strconv.AppendInt(b, int64(t.Implausible), 10)
	}
	b = append(b, `,"total_investment":`...)
	b = t.TotalInvestment.Append(b)
	b = append(b, `,"annual_plan":`...)
	b = t.AnnualPlan.Append(b)
	b = append(b, `,"completed_ytd":`...)
	b = t.CompletedYTD.Append(b)
	b = append(b, `,"month_completed":`...)
	b = t.MonthCompleted.Append(b)
	return append(b, '}')
}

// appendField appends ,"name":"value" (name needs no escaping).
func appendField(b []byte, name, v string) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return AppendJSONString(b, v)
}

func appendBoolField(b []byte, name string, v bool) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return strconv.AppendBool(b, v)
}

// appendStrings appends a string slice (nil: null).
func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendJSONString(b, s)
	}
	return append(b, ']')
}

// jsonPlain marks the ASCII bytes a JSON string carries as they are.
// Control bytes, the quote and the backslash must be escaped; <, > and &
// are escaped too, as encoding/json does by default, so that the text is
// safe inside HTML.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		switch c {
		case '"', '\\', '<', '>', '&':
		default:
			t[c] = true
		}
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s as a JSON string exactly as encoding/json
// writes it with HTML escaping on: short escapes for \b \f \n \r \t, the
// quote and the backslash; \u00XX (lower-case hex) for other control
// bytes and <, > and &; each byte of invalid UTF-8 as \ufffd; U+2028 and
// U+2029 escaped (JavaScript reads them as line ends).
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	done := 0 // s[:done] is written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[done:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, `\b`...)
			case '\f':
				b = append(b, `\f`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			done = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[done:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[done:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += n
			continue
		}
		i += n
		done = i
	}
	b = append(b, s[done:]...)
	return append(b, '"')
}
