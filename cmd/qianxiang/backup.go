package main

import (
	"context"
	"fmt"
	"os"

	"qianxiang"
)

func cmdBackup(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "backup", "backup --to FILE")
	to := fs.String("to", "", "backup file to write")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *to == "" {
		return usagef("backup needs --to FILE")
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	f, err := os.Create(*to)
	if err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "cannot write %s", *to)
	}
	n, err := a.DB.Backup(ctx, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(*to)
		return err
	}
	fmt.Fprintf(env.Stdout, "backed up %d rows to %s\n", n, *to)
	return nil
}

func cmdRestore(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "restore", "restore --from FILE")
	from := fs.String("from", "", "backup file to read")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" {
		return usagef("restore needs --from FILE")
	}
	f, err := os.Open(*from)
	if err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "cannot open %s", *from)
	}
	defer f.Close()
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	n, err := a.DB.Restore(ctx, f)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "restored %d rows\n", n)
	return nil
}
