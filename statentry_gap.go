package qianxiang

// EntryRow is what the entry-gap list reads of one project: where it is,
// its entry facts, its entry's status and the vouchers on file.
type EntryRow struct {
	Project      ProjectRef
	LeadOrg      OrgRef
	Facts        EntryFacts
	Status       EntryStatus
	ReturnReason string
	ReturnedBy   string
	Have         map[VoucherKind]bool
}

// GapItem is one line of the entry-gap list.
type GapItem struct {
	Project         ProjectRef    `json:"project"`
	LeadOrg         OrgRef        `json:"lead_org"`
	TotalInvestment Money         `json:"total_investment"`
	StartedOn       Date          `json:"started_on"`
	Status          EntryStatus   `json:"status"`
	Reason          string        `json:"reason"` // see GapReason
	ReturnReason    string        `json:"return_reason,omitempty"`
	ReturnedBy      string        `json:"returned_by,omitempty"`
	Missing         []VoucherKind `json:"missing_vouchers"`
}

// Gap is the entry gap (应统尽统) of a year over some projects, as of a day.
type Gap struct {
	Year     int            `json:"year"`
	AsOf     Date           `json:"as_of"`
	Expected int            `json:"expected"`
	Entered  int            `json:"entered"`
	Rate     *Fraction      `json:"entry_rate"` // entered / expected, nil when none is expected
	Count    int            `json:"total"`      // lines in items
	ByReason map[string]int `json:"by_reason"`
	// ByOrg is each county's (the project's org) line, in the rows' order.
	ByOrg []GapOrg  `json:"by_org"`
	Items []GapItem `json:"items"`
}

// GapOrg is one county's expected, entered and gap counts.
type GapOrg struct {
	Org      OrgRef    `json:"org"`
	Expected int       `json:"expected"`
	Entered  int       `json:"entered"`
	Gap      int       `json:"gap"`
	Rate     *Fraction `json:"entry_rate"`
}

// BuildGap applies the entry rule to rows: every expected project not
// entered is a line, with its reason and the required vouchers it lacks,
// in the order given (callers sort by county and name).
func BuildGap(year int, asOf Date, rows []EntryRow) Gap {
	g := Gap{Year: year, AsOf: asOf, ByReason: map[string]int{}, ByOrg: []GapOrg{}, Items: []GapItem{}}
	orgAt := map[int64]int{}
	for _, r := range rows {
		if !r.Facts.Expected(asOf) {
			continue
		}
		i, ok := orgAt[r.Project.Org.ID]
		if !ok {
			i = len(g.ByOrg)
			orgAt[r.Project.Org.ID] = i
			g.ByOrg = append(g.ByOrg, GapOrg{Org: r.Project.Org})
		}
		o := &g.ByOrg[i]
		g.Expected++
		o.Expected++
		if r.Facts.InStats {
			g.Entered++
			o.Entered++
			continue
		}
		o.Gap++
		missing := MissingVouchers(r.Have)
		st := r.Status
		if st == "" {
			st = EntryNone
		}
		reason := GapReason(st, missing)
		g.ByReason[reason]++
		g.Items = append(g.Items, GapItem{Project: r.Project, LeadOrg: r.LeadOrg, TotalInvestment: r.Facts.TotalInvestment,
			StartedOn: r.Facts.StartedOn, Status: st, Reason: reason, ReturnReason: r.ReturnReason, ReturnedBy: r.ReturnedBy, Missing: missing})
	}
	g.Count = len(g.Items)
	for i := range g.ByOrg {
		o := &g.ByOrg[i]
		if r, ok := fractionOf(int64(o.Entered), int64(o.Expected)); ok {
			o.Rate = &r
		}
	}
	if r, ok := fractionOf(int64(g.Entered), int64(g.Expected)); ok {
		g.Rate = &r
	}
	return g
}

// GapReasons lists the reason codes in the order the pages show them.
var GapReasons = []string{GapMissingVouchers, GapNotSubmitted, GapReturned, GapAwaitingReview, GapAwaitingAcceptance}

// OnlyReason keeps the lines of one reason ("total" counts them; the other
// figures stay those of the whole gap); "" keeps all. An unknown reason is refused naming it.
func (g *Gap) OnlyReason(reason string) error {
	if reason == "" {
		return nil
	}
	known := false
	for _, r := range GapReasons {
		known = known || r == reason
	}
	if !known {
		return FieldError("reason", "%q is not a reason (missing_vouchers, not_submitted, returned, awaiting_review, awaiting_acceptance)", reason)
	}
	kept := []GapItem{}
	for _, it := range g.Items {
		if it.Reason == reason {
			kept = append(kept, it)
		}
	}
	g.Items, g.Count = kept, len(kept)
	return nil
}
