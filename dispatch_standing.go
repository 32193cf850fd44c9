package qianxiang

// Standing places a county or department within the city's published
// ranking. A county's own dispatch holds only its projects, so ranking it
// there would rank it first against itself; its standing comes from the
// city-wide ranking instead, which the city publishes to every county.
type Standing struct {
	Org     OrgRef        `json:"org"`
	Ranking string        `json:"ranking"` // "counties" or "departments"
	Rank    int           `json:"rank"`
	Of      int           `json:"of"`
	City    Fraction      `json:"city_completion_rate"`
	Rows    []OrgDispatch `json:"-"` // the city-wide ranking it stands in
}

// StandingOf finds org in the city-wide dispatch: among the counties when
// it is one, else among the lead organisations. ok is false when the org
// ranks in neither (a project unit, an org without projects).
func StandingOf(city *Dispatch, org int64) (Standing, bool) {
	find := func(rows []OrgDispatch, ranking string) (Standing, bool) {
		for _, r := range rows {
			if r.Org.ID == org && org != 0 {
				return Standing{Org: r.Org, Ranking: ranking, Rank: r.Rank, Of: len(rows),
					City: city.Total.CompletionRate, Rows: rows}, true
			}
		}
		return Standing{}, false
	}
	if s, ok := find(city.ByOrg, "counties"); ok {
		return s, true
	}
	return find(city.ByLeadOrg, "departments")
}

// Departments is the ranking of lead organisations without the counties:
// a county leading its own projects is already ranked among the counties,
// so the department ranking holds city departments only, ranked 1..n
// among themselves in the same order.
func (d *Dispatch) Departments() []OrgDispatch {
	counties := make(map[string]bool, len(d.ByOrg))
	for _, o := range d.ByOrg {
		counties[o.Org.Code] = true
	}
	out := []OrgDispatch{}
	for _, o := range d.ByLeadOrg {
		if !counties[o.Org.Code] {
			o.Rank = len(out) + 1
			out = append(out, o)
		}
	}
	return out
}
