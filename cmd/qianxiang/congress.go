package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"

	"qianxiang"
)

// cmdImportDeputies imports a congress's roster, all or nothing, and
// gives out the deputies' generated passwords once: as a CSV of credential
// slips (--slips FILE) or on stdout.
func cmdImportDeputies(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "import deputies", "import deputies --congress CODE FILE [--slips FILE.csv]")
	code := fs.String("congress", "", "the congress's code, e.g. lvliang-4 (created if new)")
	slips := fs.String("slips", "", "write the credential slips (card, name, password) to this CSV file instead of stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *code == "" {
		return usagef("import deputies needs --congress CODE")
	}
	if fs.NArg() != 1 {
		return usagef("import deputies needs exactly one FILE")
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
	res, err := a.ImportDeputies(ctx, system, *code, filepath.Base(path), f)
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
	cw.Write([]string{"序号", "姓名", "代表团", "座位号", "代表证号（用户名）", "初始密码"})
	for _, s := range res.Slips {
		cw.Write([]string{fmt.Sprint(s.Seq), s.Name, s.Delegation, s.Seat, s.Username, s.Password})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if err := done(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "imported %d deputies into %s (%d on the presidium, %d delegations); each must change the password at first login\n",
		res.Imported, res.Congress, res.Presidium, res.Delegations)
	return nil
}
