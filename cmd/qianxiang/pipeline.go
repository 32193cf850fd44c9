package main

import (
	"context"
	"fmt"
	"strconv"
)

// cmdPipeline: qianxiang pipeline promote [--year Y] ID… — reserve
// projects into a year's plan at the year's end, all or none.
func cmdPipeline(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "promote" {
		return usagef("usage: qianxiang pipeline promote [--year Y] PROJECT-ID...")
	}
	fs, dsn := flags(env, "pipeline promote", "pipeline promote [--year Y] PROJECT-ID...")
	year := fs.Int("year", 0, "plan year (default: each project's year + 1)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("pipeline promote needs at least one project id")
	}
	var ids []int64
	for _, s := range fs.Args() {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return usagef("%q is not a project id", s)
		}
		ids = append(ids, id)
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	ps, err := a.PromoteProjects(ctx, system, ids, *year)
	if err != nil {
		return err
	}
	for _, p := range ps {
		fmt.Fprintf(env.Stdout, "promoted %d %s into the %d plan\n", p.ID, p.Name, p.Year)
	}
	return nil
}
