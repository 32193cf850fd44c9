package main

import (
	"context"
	"encoding/json"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

// cmdReportSuggestions writes the year's handling report of suggestions
// (or proposals): per unit the handling, on-time and satisfaction rates, as
// JSON or as the summary workbook the office publishes.
func cmdReportSuggestions(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "report suggestions", "report suggestions --year Y [--kind suggestion|proposal] --format json|xlsx -o FILE")
	year := fs.Int("year", 0, "year")
	kind := fs.String("kind", "suggestion", "suggestion or proposal")
	format := fs.String("format", "json", "json or xlsx")
	out := fs.String("o", "", "output file (default standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 {
		return usagef("report suggestions needs --year")
	}
	if *format != "json" && *format != "xlsx" {
		return usagef("report suggestions: --format is json or xlsx")
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	rep, ss, err := a.SuggestionReport(ctx, qianxiang.SystemActor, *year, *kind)
	if err != nil {
		return err
	}
	w, done, err := output(env, *out)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		err = enc.Encode(map[string]any{"year": *year, "kind": *kind, "units": rep.Units, "total": rep.Total})
	} else {
		city := ""
		if c, ok := a.City(ctx); ok {
			city = c.Name
		}
		lang := "zh" // the office publishes the summary in Chinese
		status := func(s *qianxiang.Suggestion) string { return i18n.T(lang, s.StatusLabel()) }
		err = excel.WriteHandlingReport(w, excel.HandlingTitle(city, *year, qianxiang.SuggestionKind(*kind)), a.Today().String(),
			qianxiang.SuggestionKind(*kind), rep, ss, status)
	}
	if err != nil {
		done()
		return err
	}
	return done()
}
