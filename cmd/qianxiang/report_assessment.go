package main

import (
	"context"
	"encoding/json"

	"qianxiang/excel"
)

// cmdReportAssessment writes the month's assessment (考核排名): the JSON of
// GET /api/v1/assessment/{year}/{month}, or the workbook of the page.
func cmdReportAssessment(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "report assessment", "report assessment --year Y --month M --format json|xlsx [-o FILE]")
	year := fs.Int("year", 0, "year")
	month := fs.Int("month", 0, "month 1-12")
	format := fs.String("format", "json", "json or xlsx")
	out := fs.String("o", "", "output file (default standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 || *month == 0 {
		return usagef("report assessment needs --year and --month")
	}
	if *format != "json" && *format != "xlsx" {
		return usagef("--format must be json or xlsx")
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	as, err := a.Assessment(ctx, system, *year, *month)
	if err != nil {
		return err
	}
	w, done, err := output(env, *out)
	if err != nil {
		return err
	}
	city, _ := a.City(ctx)
	if *format == "xlsx" {
		err = excel.WriteAssessment(w, as, city.Name)
	} else {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		err = enc.Encode(as)
	}
	if err != nil {
		done()
		return err
	}
	return done()
}
