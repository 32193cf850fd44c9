package qianxiang

import (
	"cmp"
	"slices"
)

// LeadRatio is an exact rate: num/den as counted, with the rate rounded to 4
// decimals for reading. Den 0 has no rate (null).
type LeadRatio struct {
	Num  int       `json:"num"`
	Den  int       `json:"den"`
	Rate *Fraction `json:"rate"`
}

// leadRatioOf gives num/den.
func leadRatioOf(num, den int) LeadRatio {
	r := LeadRatio{Num: num, Den: den}
	if f, ok := fractionOf(int64(num), int64(den)); ok {
		r.Rate = &f
	}
	return r
}

// FunnelRow is one group's funnel: how many leads are now at each stage,
// how many have reached it (that stage or a later one), and the
// conversion from each stage to the next as reached[i+1]/reached[i].
type FunnelRow struct {
	Key      string      `json:"key"`
	Name     string      `json:"name"`
	Leads    int         `json:"leads"`
	At       []int       `json:"at"`      // by LeadStages
	Reached  []int       `json:"reached"` // by LeadStages
	Steps    []LeadRatio `json:"steps"`   // talking→signed, signed→landed, landed→investing, investing→serving
	Landed   LeadRatio   `json:"landed"`  // reached 落地 / all leads: the conversion that matters
	Intended Money       `json:"intended_investment"`
	Signed   Money       `json:"contract_amount"`
}

// Funnel is the conversion funnel grouped by county, industry or source.
type Funnel struct {
	Group  string      `json:"group"`
	Stages []LeadStage `json:"stages"`
	Rows   []FunnelRow `json:"rows"`
	Total  FunnelRow   `json:"total"`
}

// FunnelGroups are the ways the funnel may be grouped.
var FunnelGroups = []string{"county", "industry", "source"}

// BuildFunnel counts leads by their current stage. A lead moved back
// counts where it now stands: a contract that fell through is not a
// conversion. name(key) labels a group.
func BuildFunnel(group string, leads []Lead) (Funnel, error) {
	if !slices.Contains(FunnelGroups, group) {
		return Funnel{}, FieldError("group", "%q is not a grouping (county, industry, source)", group)
	}
	f := Funnel{Group: group, Stages: LeadStages, Total: newFunnelRow("", "")}
	rows := map[string]*FunnelRow{}
	for _, l := range leads {
		key, name := l.Source, l.Source
		switch group {
		case "county":
			key, name = l.County.Code, l.County.Name
		case "industry":
			key, name = l.Industry, l.Industry
		}
		r := rows[key]
		if r == nil {
			nr := newFunnelRow(key, name)
			r = &nr
			rows[key] = r
		}
		r.add(l)
		f.Total.add(l)
	}
	for _, r := range rows {
		r.finish()
		f.Rows = append(f.Rows, *r)
	}
	f.Total.finish()
	// Most leads first, then by key, so the list reads the same every time.
	slices.SortFunc(f.Rows, func(a, b FunnelRow) int { return cmp.Or(cmp.Compare(b.Leads, a.Leads), cmp.Compare(a.Key, b.Key)) })
	if f.Rows == nil {
		f.Rows = []FunnelRow{}
	}
	return f, nil
}

func newFunnelRow(key, name string) FunnelRow {
	return FunnelRow{Key: key, Name: name, At: make([]int, len(LeadStages)), Reached: make([]int, len(LeadStages))}
}

func (r *FunnelRow) add(l Lead) {
	i := l.Stage.Index()
	if i < 0 {
		return
	}
	r.Leads++
	r.At[i]++
	for j := 0; j <= i; j++ {
		r.Reached[j]++
	}
	r.Intended += l.Intended
	if i >= LeadSigned.Index() {
		r.Signed += l.ContractAmount
	}
}

func (r *FunnelRow) finish() {
	r.Steps = make([]LeadRatio, len(LeadStages)-1)
	for i := range r.Steps {
		r.Steps[i] = leadRatioOf(r.Reached[i+1], r.Reached[i])
	}
	r.Landed = leadRatioOf(r.Reached[LeadLanded.Index()], r.Leads)
}
