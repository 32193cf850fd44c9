package qianxiang

import (
	"cmp"
	"slices"
)

// tally sums exact figures; rates are derived from them only at the end.
type tally struct {
	projects, newProjects, startedNew int
	plan, ytd                         Money
	lights                            LightCounts
	due, missing                      int
}

func (t *tally) add(p DispatchProject, pl ProjectLight, due bool) {
	t.projects++
	t.plan += p.AnnualPlan
	t.ytd += pl.CompletedYTD
	if p.Kind == KindNew {
		t.newProjects++
		if pl.Started {
			t.startedNew++
		}
	}
	t.lights.add(pl.Light)
	if due {
		t.due++
		if !pl.Reported {
			t.missing++
		}
	}
}

func (t *tally) totals() DispatchTotals {
	out := DispatchTotals{
		Projects:           t.projects,
		AnnualPlan:         t.plan,
		CompletedYTD:       t.ytd,
		NewProjects:        t.newProjects,
		StartedNewProjects: t.startedNew,
		Lights:             t.lights,
		ReportsDue:         t.due,
		ReportsMissing:     t.missing,
	}
	if t.plan > 0 {
		out.CompletionRate, _ = fractionOf(int64(t.ytd), int64(t.plan))
	}
	if f, ok := fractionOf(int64(t.startedNew), int64(t.newProjects)); ok {
		out.StartRate = &f
	}
	return out
}

// completion and start give the exact rates as num/den for ranking; an
// organisation without plan, or without new projects, ranks as rate 0.
func (t *tally) completion() (int64, int64) {
	if t.plan <= 0 {
		return 0, 1
	}
	return int64(t.ytd), int64(t.plan)
}

func (t *tally) start() (int64, int64) {
	if t.newProjects == 0 {
		return 0, 1
	}
	return int64(t.startedNew), int64(t.newProjects)
}

// grouping tallies projects by organisation: by id when the caller has
// one, else by code.
type grouping struct {
	rows   []rankedTally
	byID   map[int64]*tally
	byCode map[string]*tally
}

type rankedTally struct {
	org OrgRef
	t   *tally
}

func newGrouping() *grouping {
	return &grouping{byID: map[int64]*tally{}, byCode: map[string]*tally{}}
}

func (g *grouping) tally(o OrgRef) *tally {
	var t *tally
	if o.ID != 0 {
		t = g.byID[o.ID]
	} else {
		t = g.byCode[o.Code]
	}
	if t == nil {
		t = &tally{}
		if o.ID != 0 {
			g.byID[o.ID] = t
		} else {
			g.byCode[o.Code] = t
		}
		g.rows = append(g.rows, rankedTally{o, t})
	}
	return t
}

// ranked orders organisations by completion rate, then start rate, both
// descending and compared exactly, then by org code; ranks are 1..n.
func (g *grouping) ranked() []OrgDispatch {
	rows := g.rows
	slices.SortFunc(rows, func(a, b rankedTally) int {
		an, ad := a.t.completion()
		bn, bd := b.t.completion()
		sn, sd := a.t.start()
		tn, td := b.t.start()
		return cmp.Or(
			cmpProducts(bn, ad, an, bd), // descending
			cmpProducts(tn, sd, sn, td),
			cmp.Compare(a.org.Code, b.org.Code),
			cmp.Compare(a.org.ID, b.org.ID),
		)
	})
	out := make([]OrgDispatch, len(rows))
	for i, r := range rows {
		out[i] = OrgDispatch{Org: r.org, Rank: i + 1, DispatchTotals: r.t.totals()}
	}
	return out
}
