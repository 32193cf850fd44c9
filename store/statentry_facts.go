package store

import (
	"context"

	"qianxiang"
)

// EntryFactsOf reads what the dispatch's entry rates need of the year's
// plan in scope (the reserve pool left out, as EntryRows does): each
// project's entry facts and organisations, these from the map a caller
// keeps in memory. One narrow scan of projects, without the joins, the
// entries, the vouchers and the ordering the entry pages need.
func (c conn) EntryFactsOf(ctx context.Context, year int, scopePath string, orgs map[int64]qianxiang.OrgRef) ([]qianxiang.EntryFact, error) {
	where, args, err := c.projectWhere(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: scopePath, InPlan: true})
	if err != nil {
		return nil, err
	}
	rows, err := c.query(ctx, `SELECT p.org_id, p.lead_org_id, p.total_investment, p.kind, p.stage, p.started_on, p.in_stats
		FROM projects p`+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.EntryFact
	for rows.Next() {
		var org, lead, total int64
		var kind, stage, started string
		var in int
		if err := rows.Scan(&org, &lead, &total, &kind, &stage, &started, &in); err != nil {
			return nil, err
		}
		f := qianxiang.EntryFact{Org: orgs[org], LeadOrg: orgs[lead],
			EntryFacts: qianxiang.EntryFacts{TotalInvestment: qianxiang.Money(total), Kind: qianxiang.Kind(kind), Stage: qianxiang.Stage(stage), InStats: in != 0}}
		if f.Org.ID == 0 || f.LeadOrg.ID == 0 {
			return nil, errStaleOrgs
		}
		f.StartedOn, _ = qianxiang.ParseDate(started)
		out = append(out, f)
	}
	return out, rows.Err()
}
