package excel

import (
	"strings"

	"qianxiang"
)

// A project list may carry a column per classification list of the
// office (重点产业链, 特色专业镇 …), headed by the list's name or one of its
// headers (ImportOptions.Classes). Such a column is read into the
// project's classes, not kept as an extra attribute; a value that is not an
// entry of the list refuses the file, naming the row and the cell.

// classColumn gives the list a column holds, if any.
func (p *projectReader) classColumn(c *column) (qianxiang.ClassList, bool) {
	if c.field != "" || len(p.opt.Classes) == 0 {
		return qianxiang.ClassList{}, false
	}
	for _, l := range p.opt.Classes {
		names := append(append([]string{l.Name}, l.Headers...), classAliases[l.Code]...)
		for _, h := range names {
			if headerKey(h).key == c.key.key {
				return l, true
			}
		}
	}
	return qianxiang.ClassList{}, false
}

// classes reads the classification cells of row r. A list whose column
// the sheet has is always set (an empty cell gives no entries), so that an
// update clears what the office took off.
func (p *projectReader) classes(r int) qianxiang.Classes {
	var out qianxiang.Classes
	for _, c := range p.l.cols {
		l, ok := p.classColumn(c)
		if !ok {
			continue
		}
		if out == nil {
			out = qianxiang.Classes{}
		}
		if out[l.Code] == nil {
			out[l.Code] = []string{}
		}
		for _, v := range qianxiang.SplitClassCell(plainText(p.t.get(r, c.idx))) {
			id, ok := l.Find(v)
			if !ok {
				p.out.Errors = append(p.out.Errors, qianxiang.Detail{Row: r + 1, Column: c.letter, Header: c.header, Field: "classes." + l.Code,
					Format: "%q is not an entry of %s (entries: %s)", Args: []any{v, l.Name, entryNames(l)}})
				continue
			}
			for _, e := range l.Entries {
				if e.ID == id && !contains(out[l.Code], e.Name) {
					out[l.Code] = append(out[l.Code], e.Name)
				}
			}
		}
	}
	return out
}

func entryNames(l qianxiang.ClassList) string {
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

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
