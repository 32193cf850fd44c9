package main

import (
	"context"
	"encoding/json"

	"qianxiang"
	"qianxiang/app"
)

// cmdReportLeads writes the investment-attraction funnel, the document
// GET /api/v1/leads/funnel serves, over every lead (the operator's view).
func cmdReportLeads(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "report leads", "report leads [--group county|industry|source] [--stalled] [-o FILE.json]")
	group := fs.String("group", "county", "county, industry or source")
	stalled := fs.Bool("stalled", false, "list the stalled leads instead of the funnel")
	out := fs.String("o", "", "output file (default standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	var doc any
	if *stalled {
		ls, err := a.Leads(ctx, qianxiang.SystemActor, app.LeadQuery{Stalled: true})
		if err != nil {
			return err
		}
		doc = map[string]any{"items": ls, "total": len(ls)}
	} else if doc, err = a.LeadFunnel(ctx, qianxiang.SystemActor, *group, app.LeadQuery{}); err != nil {
		return err
	}
	w, done, err := output(env, *out)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		done()
		return err
	}
	return done()
}
