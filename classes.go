package qianxiang

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// ClassList is one classification the campaign office keeps beside the
// sector: the key industry chains (重点产业链), the specialised towns
// ("1+7+N" 特色专业镇), or any list it defines. A project carries zero or
// more entries of each list.
type ClassList struct {
	ID   int64  `json:"id"`
	Code string `json:"code"` // the list's key in the API and the registry filter: chain, town
	Name string `json:"name"` // as the office writes it, and as a workbook column may be headed
	// Headers are other column headers that name the list in a workbook
	// (产业链, 所属产业链 for the chains).
	Headers []string     `json:"headers"`
	Entries []ClassEntry `json:"entries"`
	Version int          `json:"version"`
}

// ClassEntry is one entry of a list (新能源, 杏花村汾酒专业镇).
type ClassEntry struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Classes are a project's entries, by list code.
type Classes map[string][]string

var classCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// Validate checks a list as the office defines it, cleaning its text:
// a code of lower-case letters, digits and _, a name, and entries named
// once each (at most 300).
func (l *ClassList) Validate() error {
	var ds []Detail
	bad := func(field, format string, args ...any) {
		ds = append(ds, Detail{Field: field, Format: format, Args: args})
	}
	if !classCode.MatchString(l.Code) {
		bad("code", "must be lower-case letters, digits or _ starting with a letter (at most 32), e.g. chain")
	}
	if v, d := CleanText("org.name", l.Name); d != nil {
		bad("name", d.Format, d.Args...)
	} else if l.Name = v; v == "" {
		bad("name", "is required")
	}
	seen := map[string]int{}
	var headers []string
	for i, h := range l.Headers {
		v, d := CleanText("org.name", h)
		if d != nil {
			bad(fmt.Sprintf("headers[%d]", i), d.Format, d.Args...)
			continue
		}
		if v != "" && !slices.Contains(headers, v) {
			headers = append(headers, v)
		}
	}
	l.Headers = headers
	if len(l.Entries) > 300 {
		bad("entries", "has %d entries; at most 300 are allowed", len(l.Entries))
	}
	// Entries are named by their place (1-based), as a person counts the
	// lines of the form.
	for i := range l.Entries {
		at := fmt.Sprintf("entries[%d]", i)
		v, d := CleanText("org.name", l.Entries[i].Name)
		switch {
		case d != nil:
			bad(at, "entry %d: "+d.Format, append([]any{i + 1}, d.Args...)...)
		case v == "":
			bad(at, "entry %d names nothing", i+1)
		case strings.ContainsAny(v, classSeparators):
			bad(at, "%q contains a separator (、 , ; /): a workbook cell could not name it", v)
		default:
			if j, dup := seen[v]; dup {
				bad(at, "entry %d, %q, repeats entry %d", i+1, v, j+1)
			}
			seen[v] = i
			l.Entries[i].Name = v
		}
	}
	if len(ds) == 0 {
		return nil
	}
	e := Errorf(EValidation, "%s: "+ds[0].Format, append([]any{ds[0].Field}, ds[0].Args...)...)
	e.Details = ds
	return e
}

// classSeparators split a workbook cell that names several entries.
const classSeparators = "、,，;；/／\n|｜"

// SplitClassCell reads a workbook cell naming entries ("新能源、氢能"):
// split at the separators, trimmed, each once, in the order written.
func SplitClassCell(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(classSeparators, r) })
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(strings.ReplaceAll(p, "\u3000", " "))
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// ClassLists are the office's lists, in display order.
type ClassLists []ClassList

// List finds a list by code.
func (ls ClassLists) List(code string) (ClassList, bool) {
	for _, l := range ls {
		if l.Code == code {
			return l, true
		}
	}
	return ClassList{}, false
}

// Resolve turns a project's classes into entry ids. An unknown list or an
// entry not in its list is refused, named by its field (classes.chain).
// A value is matched as written, or, failing that, ignoring spaces and
// the 产业链 / 专业镇 ending the office may or may not write.
func (ls ClassLists) Resolve(c Classes) ([]int64, error) {
	var ids []int64
	var ds []Detail
	codes := make([]string, 0, len(c))
	for code := range c {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		field := "classes." + code
		l, ok := ls.List(code)
		if !ok {
			ds = append(ds, Detail{Field: field, Format: "%q is not a classification list (known: %s)", Args: []any{code, ls.codes()}})
			continue
		}
		for _, v := range c[code] {
			id, ok := l.Find(v)
			if !ok {
				ds = append(ds, Detail{Field: field, Format: "%q is not an entry of %s (entries: %s)", Args: []any{v, l.Name, l.names()}})
				continue
			}
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	if len(ds) == 0 {
		return ids, nil
	}
	e := Errorf(EValidation, "%s: "+ds[0].Format, append([]any{ds[0].Field}, ds[0].Args...)...)
	e.Details = ds
	return nil, e
}

// Find gives the id of the entry a value names.
func (l ClassList) Find(v string) (int64, bool) {
	v = strings.TrimSpace(v)
	for _, e := range l.Entries {
		if e.Name == v {
			return e.ID, true
		}
	}
	k := classKey(v)
	for _, e := range l.Entries {
		if classKey(e.Name) == k {
			return e.ID, true
		}
	}
	return 0, false
}

func classKey(s string) string {
	s = strings.Join(strings.Fields(s), "")
	for _, end := range []string{"产业链", "专业镇", "特色小镇", "小镇"} {
		if len(s) > len(end) {
			s = strings.TrimSuffix(s, end)
		}
	}
	return s
}

func (ls ClassLists) codes() string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Code)
	}
	if len(out) == 0 {
		return "none defined"
	}
	return strings.Join(out, ", ")
}

func (l ClassList) names() string {
	var out []string
	for i, e := range l.Entries {
		if i == 12 {
			out = append(out, "…")
			break
		}
		out = append(out, e.Name)
	}
	return strings.Join(out, "、")
}

// Of gives the classes of a set of entry ids, each list's entries in the
// list's order; lists with no entry are left out.
func (ls ClassLists) Of(ids []int64) Classes {
	c := Classes{}
	for _, l := range ls {
		for _, e := range l.Entries {
			if slices.Contains(ids, e.ID) {
				c[l.Code] = append(c[l.Code], e.Name)
			}
		}
	}
	return c
}

// ForHeader finds the list a workbook column names: by its name or one of
// its headers, compared without spaces.
func (ls ClassLists) ForHeader(h string) (ClassList, bool) {
	k := strings.Join(strings.Fields(h), "")
	for _, l := range ls {
		if strings.Join(strings.Fields(l.Name), "") == k {
			return l, true
		}
		for _, x := range l.Headers {
			if strings.Join(strings.Fields(x), "") == k {
				return l, true
			}
		}
	}
	return ClassList{}, false
}

// ClassRow is one entry's line in the dispatch's grouping by
// classification: the same figures as an organisation's.
type ClassRow struct {
	Entry string `json:"entry"`
	DispatchTotals
}

// ClassDispatch is one list's grouping in the dispatch. A project with
// several entries counts in each of them, so the rows need not add up to
// the total; Unclassified counts the projects with none.
type ClassDispatch struct {
	List         string         `json:"list"` // the list's code
	Name         string         `json:"name"`
	Rows         []ClassRow     `json:"rows"`
	Unclassified DispatchTotals `json:"unclassified"`
}

// GroupByClass adds to a computed dispatch its grouping by each list
// (projects as given to ComputeDispatch, of[project id] its entry ids).
func GroupByClass(d *Dispatch, s DispatchSettings, projects []DispatchProject, lists ClassLists, of map[int64][]int64) {
	d.ByClass = []ClassDispatch{}
	for _, l := range lists {
		tallies := make([]tally, len(l.Entries))
		at := make(map[int64]int, len(l.Entries))
		for i, e := range l.Entries {
			at[e.ID] = i
		}
		var none tally
		for _, p := range projects {
			p, _ := plausiblePlan(p)
			pl := d.Projects[p.ID]
			due := s.reports(p.Kind)
			hit := false
			for _, id := range of[p.ID] {
				if i, ok := at[id]; ok {
					tallies[i].add(p, pl, due)
					hit = true
				}
			}
			if !hit {
				none.add(p, pl, due)
			}
		}
		cd := ClassDispatch{List: l.Code, Name: l.Name, Rows: make([]ClassRow, len(l.Entries)), Unclassified: none.totals()}
		for i, e := range l.Entries {
			cd.Rows[i] = ClassRow{Entry: e.Name, DispatchTotals: tallies[i].totals()}
		}
		d.ByClass = append(d.ByClass, cd)
	}
}
