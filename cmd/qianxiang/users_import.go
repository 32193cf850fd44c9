package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"qianxiang"
)

// cmdImportUsers creates the users of a workbook (姓名, 单位, 角色, 手机),
// all or nothing, and gives their generated first-login passwords once: as
// a CSV of slips (--slips FILE) or on stdout.
func cmdImportUsers(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "import users", "import users FILE [--slips FILE.csv]")
	slips := fs.String("slips", "", "write the first-login slips (name, organisation, role, username, password) to this CSV file instead of stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("import users needs exactly one FILE")
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
	res, err := a.ImportUsers(ctx, system, filepath.Base(path), f)
	if err != nil {
		return err
	}
	w, done, err := output(env, *slips)
	if err != nil {
		return err
	}
	if *slips != "" {
		w.Write([]byte("\uFEFF")) // Excel reads a UTF-8 CSV as such only with the mark
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"行", "姓名", "单位", "角色", "用户名", "初始密码"})
	for _, s := range res.Slips {
		cw.Write([]string{fmt.Sprint(s.Row), s.DisplayName, s.Org, string(s.Role), s.Username, s.Password})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if err := done(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "imported %d users; each must change the password at first login\n", res.Imported)
	return nil
}
