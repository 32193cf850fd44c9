package qianxiang

// EntryFact is one project's entry facts with where the dispatch groups it.
type EntryFact struct {
	Org, LeadOrg OrgRef
	EntryFacts
}

// entryCount is expected and entered projects of a group.
type entryCount struct{ expected, entered int }

func (c *entryCount) add(f EntryFacts, asOf Date) {
	if f.Expected(asOf) {
		c.expected++
		if f.InStats {
			c.entered++
		}
	}
}

func (c entryCount) apply(t *DispatchTotals) {
	t.EntryExpected, t.EntryEntered, t.EntryRate = c.expected, c.entered, nil
	if r, ok := fractionOf(int64(c.entered), int64(c.expected)); ok {
		t.EntryRate = &r
	}
}

// ApplyEntryRates adds the entry rate (entered / expected) to a computed
// dispatch: in total, by county and by lead organisation. Expected is
// judged at the end of the dispatch's month (a project started later is
// not yet expected); entered is the project's flag as it stands.
func ApplyEntryRates(d *Dispatch, facts []EntryFact) {
	asOf := Date{Year: d.Year, Month: d.Month}
	var total entryCount
	byOrg, byLead := map[int64]*entryCount{}, map[int64]*entryCount{}
	at := func(m map[int64]*entryCount, id int64) *entryCount {
		if m[id] == nil {
			m[id] = &entryCount{}
		}
		return m[id]
	}
	for _, f := range facts {
		total.add(f.EntryFacts, asOf)
		at(byOrg, f.Org.ID).add(f.EntryFacts, asOf)
		if f.LeadOrg != (OrgRef{}) {
			at(byLead, f.LeadOrg.ID).add(f.EntryFacts, asOf)
		}
	}
	total.apply(&d.Total)
	for i := range d.ByOrg {
		at(byOrg, d.ByOrg[i].Org.ID).apply(&d.ByOrg[i].DispatchTotals)
	}
	for i := range d.ByLeadOrg {
		at(byLead, d.ByLeadOrg[i].Org.ID).apply(&d.ByLeadOrg[i].DispatchTotals)
	}
}
