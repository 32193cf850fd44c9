package qianxiang

import (
	"fmt"
	"sort"
)

// cleanText checks and normalises every text field of the project by the
// rules of TextRules, and its amounts by the bounds of CheckAmount.
func (p *Project) cleanText() []Detail {
	ds := CleanTexts("name", &p.Name, "code", &p.Code, "owner", &p.Owner, "sector", &p.Sector, "scope", &p.Scope,
		"leader", &p.Leader, "contact", &p.Contact, "phone", &p.Phone, "notes", &p.Notes,
		"target.text", &p.Target.Text, "target.start_by", &p.Target.StartBy, "target.complete_by", &p.Target.CompleteBy)
	for i := range p.Team {
		m := &p.Team[i]
		for _, f := range []struct {
			rule string
			v    *string
		}{{"team.name", &m.Name}, {"team.role", &m.Role}, {"team.phone", &m.Phone}} {
			v, d := CleanText(f.rule, *f.v)
			if d != nil {
				d.Field = fmt.Sprintf("team[%d].%s", i, f.rule[len("team."):])
				ds = append(ds, *d)
				continue
			}
			*f.v = v
		}
	}
	if len(p.Extra) > 0 {
		keys := make([]string, 0, len(p.Extra))
		for k := range p.Extra {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		clean := make(map[string]string, len(p.Extra))
		for _, k := range keys {
			ck, d := CleanText("extra.key", k)
			if d != nil {
				ds = append(ds, *d)
				continue
			}
			v, d := CleanText("extra.value", p.Extra[k])
			if d != nil {
				d.Field = "extra." + ck
				ds = append(ds, *d)
				continue
			}
			clean[ck] = v
		}
		p.Extra = clean
	}
	for _, a := range []struct {
		field string
		m     Money
	}{{"total_investment", p.TotalInvestment}, {"annual_plan", p.AnnualPlan}, {"target.invest_at_least", p.Target.InvestAtLeast}} {
		if d := CheckAmount(a.field, a.m); d != nil {
			ds = append(ds, *d)
		}
	}
	return ds
}
