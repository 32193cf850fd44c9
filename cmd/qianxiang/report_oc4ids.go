package main

import (
	"context"
	"encoding/json"
	"fmt"
)

// cmdReportOC4IDS writes the year's public projects as an OC4IDS project
// package, the same document GET /api/v1/public/oc4ids serves.
func cmdReportOC4IDS(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "report oc4ids", "report oc4ids --year Y -o FILE.json")
	year := fs.Int("year", 0, "year")
	out := fs.String("o", "", "output file (default standard output)")
	uri := fs.String("uri", "", "the package's public address (default: the public API's path for the year)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 {
		return usagef("report oc4ids needs --year")
	}
	if *uri == "" {
		*uri = fmt.Sprintf("https://qianxiang.invalid/api/v1/public/oc4ids?year=%d", *year)
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	pkg, err := a.PublicOC4IDS(ctx, *year, *uri)
	if err != nil {
		return err
	}
	w, done, err := output(env, *out)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(pkg); err != nil {
		done()
		return err
	}
	return done()
}
