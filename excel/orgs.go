package excel

import (
	"sort"
	"strings"

	"qianxiang"
)

// cityWide are the words lists use for the city itself as a place.
var cityWide = map[string]bool{"市直": true, "市直单位": true, "市本级": true, "市级": true, "全市": true}

// orgIndex resolves the organisation names lists write: the full name
// (离石区), the name without its suffix (离石), the code (141102), 市直
// for the city, and department names, with or without the city's name in
// front (吕梁市发改委).
type orgIndex struct {
	city  *qianxiang.Org
	keys  map[string][]*qianxiang.Org
	named []*qianxiang.Org
}

func newOrgIndex(orgs []qianxiang.Org) *orgIndex {
	ix := &orgIndex{keys: map[string][]*qianxiang.Org{}}
	for i := range orgs {
		o := &orgs[i]
		if o.Kind == qianxiang.OrgUnit { // project units are owners, not places or leads
			continue
		}
		if o.Kind == qianxiang.OrgCity && ix.city == nil {
			ix.city = o
		}
		ix.named = append(ix.named, o)
		seen := map[string]bool{}
		for _, k := range []string{compact(o.Name), compact(qianxiang.ShortName(o.Name)), compact(o.Code)} {
			if k != "" && !seen[k] {
				seen[k] = true
				ix.keys[k] = append(ix.keys[k], o)
			}
		}
	}
	return ix
}

// resolution is the outcome of a lookup: the org, or the names it could
// have meant (several equal matches, or close spellings).
type resolution struct {
	org       *qianxiang.Org
	ambiguous []string
	close     []string
}

func (ix *orgIndex) resolve(name string) resolution {
	k := compact(oneLine(name))
	if cityWide[k] && ix.city != nil {
		return resolution{org: ix.city}
	}
	if r, ok := ix.exact(k); ok {
		return r
	}
	if ix.city != nil {
		short := compact(qianxiang.ShortName(ix.city.Name))
		if rest := strings.TrimPrefix(k, short); rest != k && len([]rune(rest)) >= 2 {
			if r, ok := ix.exact(rest); ok {
				return r
			}
		}
	}
	return resolution{close: ix.closeNames(k)}
}

func (ix *orgIndex) exact(k string) (resolution, bool) {
	switch m := ix.keys[k]; len(m) {
	case 0:
		return resolution{}, false
	case 1:
		return resolution{org: m[0]}, true
	default:
		var names []string
		for _, o := range m {
			names = append(names, o.Name)
		}
		return resolution{ambiguous: names}, true
	}
}

// closeNames lists up to three organisations whose name is a small edit
// away from k (离石县 → 离石区), nearest first.
func (ix *orgIndex) closeNames(k string) []string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	kr := []rune(k)
	if len(kr) == 0 || len(kr) > 40 {
		return nil
	}
	limit := 1
	if len(kr) > 3 {
		limit = 2
	}
	for _, o := range ix.named {
		full, short := compact(o.Name), compact(qianxiang.ShortName(o.Name))
		d := min(editDistance(kr, []rune(full)), editDistance(kr, []rune(short)))
		if d > limit && !(len([]rune(short)) >= 2 && strings.Contains(k, short)) {
			continue
		}
		cs = append(cs, cand{o.Name, d})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

// editDistance is the Levenshtein distance between two short names.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// orgProblem describes a failed lookup for an error message.
func orgProblem(what, value string, r resolution) (string, []any) {
	switch {
	case len(r.ambiguous) > 0:
		return "%s %q matches more than one organisation: %s", []any{what, value, strings.Join(r.ambiguous, "、")}
	case len(r.close) > 0:
		return "%s %q is not a known organisation; did you mean %s?", []any{what, value, strings.Join(r.close, "、")}
	}
	return "%s %q is not a known organisation", []any{what, value}
}
