package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"qianxiang"
)

// cmdImportTargets: qianxiang import targets --year Y FILE — the office's
// table of assigned targets, all or nothing.
func cmdImportTargets(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "import targets", "import targets --year Y FILE")
	year := fs.Int("year", 0, "plan year")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 || fs.NArg() != 1 {
		return usagef("import targets needs --year and exactly one FILE")
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
	t, err := a.ImportTargets(ctx, system, *year, filepath.Base(path), f)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "imported targets of %d organisations for %d\n", len(t.Orgs), *year)
	return nil
}
