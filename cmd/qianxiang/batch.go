package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
	"qianxiang/web"
)

func cmdImport(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 && args[0] == "deputies" {
		return cmdImportDeputies(ctx, env, args[1:])
	}
	if len(args) > 0 && args[0] == "targets" {
		return cmdImportTargets(ctx, env, args[1:])
	}
	if len(args) > 0 && args[0] == "users" {
		return cmdImportUsers(ctx, env, args[1:])
	}
	if len(args) == 0 || (args[0] != "projects" && args[0] != "reports") {
		return usagef("usage: qianxiang import projects --year Y FILE [--dry-run] [--update] | import reports --year Y [--month M] FILE | import targets --year Y FILE | import deputies --congress CODE FILE | import users FILE")
	}
	what := args[0]
	fs, dsn := flags(env, "import "+what, "import "+what+" --year Y FILE")
	year := fs.Int("year", 0, "plan year")
	month := fs.Int("month", 0, "month (reports; default from the workbook's title)")
	dry := fs.Bool("dry-run", false, "check and show what would be imported; write nothing")
	update := fs.Bool("update", false, "change existing projects (matched by code, else name + county) instead of refusing them")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *year == 0 {
		return usagef("import %s needs --year", what)
	}
	if fs.NArg() != 1 {
		return usagef("import %s needs exactly one FILE", what)
	}
	path := fs.Arg(0)
	f, err := os.Open(path)
	if err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "cannot open %s", path)
	}
	defer f.Close()
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	if what == "reports" {
		imp, err := a.ImportReports(ctx, system, *year, *month, filepath.Base(path), f, *dry)
		if imp != nil {
			printWarnings(env, imp.Warnings)
		}
		if err != nil {
			return err
		}
		verb := "imported"
		if *dry {
			verb = "would import"
		}
		fmt.Fprintf(env.Stdout, "%s %d reports for %04d-%02d\n", verb, len(imp.Rows), *year, imp.Month)
		return nil
	}
	res, err := a.ImportProjects(ctx, system, *year, filepath.Base(path), f, *dry, *update)
	if res != nil {
		printWarnings(env, res.Warnings)
	}
	if err != nil {
		return err
	}
	if *dry {
		fmt.Fprintf(env.Stdout, "dry run: would import %d projects (%d new, %d updated); total investment %s, annual plan %s 万元\n",
			res.Created+res.Updated, res.Created, res.Updated, res.Totals.TotalInvestment, res.Totals.AnnualPlan)
		return nil
	}
	fmt.Fprintf(env.Stdout, "imported %d projects\n", res.Created+res.Updated)
	return nil
}

func printWarnings(env *Env, ws []qianxiang.Detail) {
	for _, w := range ws {
		fmt.Fprintln(env.Stderr, "warning: "+i18n.Detail(env.Lang, w))
	}
}

// output opens -o FILE, or stdout.
func output(env *Env, path string) (io.Writer, func() error, error) {
	if path == "" || path == "-" {
		return env.Stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, qianxiang.Errorf(qianxiang.EInvalid, "cannot write %s", path)
	}
	return f, f.Close, nil
}

func cmdExport(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "projects" {
		return usagef("usage: qianxiang export projects --year Y -o FILE.xlsx")
	}
	fs, dsn := flags(env, "export projects", "export projects --year Y -o FILE.xlsx")
	year := fs.Int("year", 0, "plan year")
	out := fs.String("o", "", "output file (.xlsx)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *year == 0 || *out == "" {
		return usagef("export projects needs --year and -o FILE.xlsx")
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	w, done, err := output(env, *out)
	if err != nil {
		return err
	}
	if err := a.ExportProjects(ctx, system, *year, w); err != nil {
		done()
		os.Remove(*out)
		return err
	}
	return done()
}

func cmdReport(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 && args[0] == "oc4ids" {
		return cmdReportOC4IDS(ctx, env, args[1:])
	}
	if len(args) > 0 && args[0] == "assessment" {
		return cmdReportAssessment(ctx, env, args[1:])
	}
	if len(args) > 0 && args[0] == "leads" {
		return cmdReportLeads(ctx, env, args[1:])
	}
	if len(args) > 0 && args[0] == "suggestions" {
		return cmdReportSuggestions(ctx, env, args[1:])
	}
	if len(args) == 0 || args[0] != "dispatch" {
		return usagef("usage: qianxiang report dispatch --year Y --month M --format json|xlsx|html -o FILE\n       qianxiang report oc4ids --year Y -o FILE.json\n       qianxiang report assessment --year Y --month M --format json|xlsx -o FILE\n       qianxiang report leads [--group county|industry|source] [--stalled] [-o FILE.json]\n       qianxiang report suggestions --year Y [--kind proposal] --format json|xlsx -o FILE")
	}
	fs, dsn := flags(env, "report dispatch", "report dispatch --year Y --month M --format json|xlsx|html [-o FILE]")
	year := fs.Int("year", 0, "year")
	month := fs.Int("month", 0, "month 1-12")
	format := fs.String("format", "json", "json, xlsx or html")
	out := fs.String("o", "", "output file (default standard output)")
	lang := fs.String("lang", "zh", "language of the html circular: zh or en")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *year == 0 || *month == 0 {
		return usagef("report dispatch needs --year and --month")
	}
	if *format != "json" && *format != "xlsx" && *format != "html" {
		return usagef("--format must be json, xlsx or html")
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	d, err := a.Dispatch(ctx, system, *year, *month)
	if err != nil {
		return err
	}
	for _, x := range d.Implausible {
		// The report is still written; the office must know what it lacks.
		fmt.Fprintf(env.Stderr, "warning: project %d (%s, %s) holds an implausible %s, left out of the sums\n", x.ID, x.Name, x.Org.Name, x.Field)
	}
	w, done, err := output(env, *out)
	if err != nil {
		return err
	}
	city, _ := a.City(ctx)
	switch *format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		err = enc.Encode(d)
	case "xlsx":
		iss, _ := a.CircularIssue(ctx, *year, *month)
		err = excel.WriteDispatch(w, d, city.Name, iss.Number)
	case "html":
		head := web.CircularHead{Settings: a.CircularSettings(ctx)}
		head.Issue, head.Kept = a.CircularIssue(ctx, *year, *month)
		err = web.WriteCircular(w, d, city.Name, *lang, head)
	}
	if err != nil {
		done()
		return err
	}
	return done()
}
