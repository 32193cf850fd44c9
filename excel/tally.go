package excel

import (
	"qianxiang"
)

// subtotal is a row that states a count or sums for the rows it covers: a
// section heading ("一、新开工项目（124个）" with its amounts), a 小计 or
// a 合计 row. Its figures are checked, never imported.
type subtotal struct {
	row    int
	label  string
	count  int                 // -1 when not stated
	stated [2]*qianxiang.Money // total investment, annual plan
	n      int
	sums   [2]qianxiang.Money
	ok     bool // every covered row had both amounts
}

func newSubtotal(r int, info rowInfo, stated [2]*qianxiang.Money) *subtotal {
	return &subtotal{row: r, label: info.text, count: info.count, stated: stated, ok: true}
}

func (s *subtotal) add(p qianxiang.Project, ok bool) {
	s.n++
	s.sums[0] += p.TotalInvestment
	s.sums[1] += p.AnnualPlan
	s.ok = s.ok && ok
}

// tallies follows the open sections and the totals of a list.
type tallies struct {
	sections [3]*subtotal // open section at level 1 and 2
	sinceSub *subtotal    // rows since the last section heading or 小计
	grand    []*subtotal  // 合计 / 总计 rows: they cover the whole list
	done     []*subtotal
	all      subtotal
}

func (t *tallies) open(r int, info rowInfo, stated [2]*qianxiang.Money) {
	for l := info.level; l <= 2; l++ {
		if t.sections[l] != nil {
			t.done = append(t.done, t.sections[l])
			t.sections[l] = nil
		}
	}
	t.sections[info.level] = newSubtotal(r, info, stated)
	t.sinceSub = &subtotal{ok: true}
}

// total handles a 合计/总计 row (checked against the whole list at the
// end, wherever it stands) or a 小计 row (the rows since the last heading
// or 小计).
func (t *tallies) total(r int, info rowInfo, stated [2]*qianxiang.Money) {
	s := newSubtotal(r, info, stated)
	if !info.sub {
		t.grand = append(t.grand, s)
		return
	}
	if t.sinceSub != nil {
		s.n, s.sums, s.ok = t.sinceSub.n, t.sinceSub.sums, t.sinceSub.ok
	}
	t.done = append(t.done, s)
	t.sinceSub = &subtotal{ok: true}
}

// add counts a project row; ok is false when its amounts could not be read.
func (t *tallies) add(p qianxiang.Project, ok bool) {
	for _, s := range []*subtotal{t.sections[1], t.sections[2], t.sinceSub, &t.all} {
		if s != nil {
			s.add(p, ok)
		}
	}
}

func (t *tallies) finish() {
	for l := 1; l <= 2; l++ {
		if t.sections[l] != nil {
			t.done = append(t.done, t.sections[l])
			t.sections[l] = nil
		}
	}
	for _, g := range t.grand {
		g.n, g.sums, g.ok = t.all.n, t.all.sums, t.all.ok
		t.done = append(t.done, g)
	}
}

// warnings compares what each subtotal row states with its rows. Sums are
// compared only when every covered row had readable amounts: otherwise the
// row errors already say what is wrong.
func (t *tallies) warnings(l *layout) []qianxiang.Detail {
	var out []qianxiang.Detail
	for _, s := range t.done {
		if s.count >= 0 && s.count != s.n {
			d := l.detail(s.row, fName, "%s states %d projects but %d rows follow it", s.label, s.count, s.n)
			d.Column, d.Header, d.Field = "", "", ""
			out = append(out, d)
		}
		if !s.ok {
			continue
		}
		for i, f := range []field{fTotal, fAnnual} {
			if s.stated[i] != nil && *s.stated[i] != s.sums[i] {
				out = append(out, l.detail(s.row, f, "%s states %s but its %d rows add up to %s", s.label, *s.stated[i], s.n, s.sums[i]))
			}
		}
	}
	return out
}
