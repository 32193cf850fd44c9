package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
)

var system = qianxiang.SystemActor

func cmdMigrate(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "migrate", "migrate")
	if err := parse(fs, args); err != nil {
		return err
	}
	_, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	closeDB()
	fmt.Fprintln(env.Stdout, "migrations applied")
	return nil
}

func cmdInit(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "init", "init --preset lvliang")
	preset := fs.String("preset", "", "the city to create: lvliang")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *preset == "" {
		return usagef("init needs --preset (lvliang)")
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	n, err := a.InitPreset(ctx, system, *preset)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created %d organisations\n", n)
	return nil
}

func cmdDemo(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "demo", "demo [--projects N --months M --year Y --seed S]")
	projects := fs.Int("projects", 0, "a city at province scale: N projects written in bulk (0: the usual demo city of about a thousand)")
	months := fs.Int("months", 12, "with --projects: months of reports (in the current year at most the months already past)")
	year := fs.Int("year", 0, "with --projects: the plan's year (default: the current year)")
	seed := fs.Uint64("seed", 1, "with --projects: the generator's seed (one per city of a province)")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	if *projects > 0 {
		logins, st, err := demo.FillScale(ctx, a, demo.Scale{Projects: *projects, Months: *months, Year: *year, Seed: *seed})
		if err != nil {
			return err
		}
		printLogins(env, logins)
		fmt.Fprintf(env.Stdout, "wrote %d projects, %d reports (%d months), %d problems, %d audit entries in %s\n",
			st.Projects, st.Reports, st.Months, st.Problems, st.AuditRows, st.Took.Round(time.Millisecond))
		return nil
	}
	logins, err := demo.Fill(ctx, a)
	if err != nil {
		return err
	}
	printLogins(env, logins)
	return nil
}

func cmdOrg(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return usagef("usage: qianxiang org add --code C --name N --kind county|department|city|unit --parent P")
	}
	fs, dsn := flags(env, "org add", "org add --code C --name N --kind county|department|city|unit [--parent P]")
	code := fs.String("code", "", "organisation code")
	name := fs.String("name", "", "name")
	kind := fs.String("kind", "", "city, county, department or unit")
	parent := fs.String("parent", "", "code of the parent organisation")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	o, err := a.AddOrg(ctx, system, *code, *name, qianxiang.OrgKind(*kind), *parent)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added organisation %s %s\n", o.Code, o.Name)
	return nil
}

func cmdUser(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list") {
		return usagef("usage: qianxiang user add --username U --role R --org CODE [--password-stdin] | user list")
	}
	if args[0] == "list" {
		fs, dsn := flags(env, "user list", "user list")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		a, closeDB, err := open(ctx, env, *dsn)
		if err != nil {
			return err
		}
		defer closeDB()
		us, err := a.Users(ctx, system)
		if err != nil {
			return err
		}
		for _, u := range us {
			fmt.Fprintf(env.Stdout, "%-14s %-11s %-8s %s\n", u.Username, u.Role, map[bool]string{true: "active", false: "inactive"}[u.Active], u.Org.Name)
		}
		return nil
	}
	fs, dsn := flags(env, "user add", "user add --username U --role R --org CODE [--name N] [--password-stdin]")
	username := fs.String("username", "", "login name")
	role := fs.String("role", "", "admin, command, leader, org_admin, reporter, supervisor or viewer")
	org := fs.String("org", "", "organisation code")
	name := fs.String("name", "", "display name")
	pwStdin := fs.Bool("password-stdin", false, "read the password from standard input (else one is generated and printed)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	pw := ""
	if *pwStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		pw = strings.TrimRight(line, "\r\n")
		if err != nil && pw == "" {
			return qianxiang.FieldError("password", "is required: nothing was read from standard input")
		}
		if pw == "" {
			return qianxiang.FieldError("password", "is required")
		}
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	u, got, err := a.AddUser(ctx, system, app.NewUser{Username: *username, DisplayName: *name, Role: qianxiang.Role(*role), OrgCode: *org, Password: pw})
	if err != nil {
		return err
	}
	if pw == "" {
		fmt.Fprintf(env.Stdout, "added user %s (%s, %s); password: %s\n", u.Username, u.Role, u.Org.Name, got)
	} else {
		fmt.Fprintf(env.Stdout, "added user %s (%s, %s)\n", u.Username, u.Role, u.Org.Name)
	}
	return nil
}

func cmdToken(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return usagef("usage: qianxiang token create --username U [--name N]")
	}
	fs, dsn := flags(env, "token create", "token create --username U [--name N]")
	username := fs.String("username", "", "the user the token acts as")
	name := fs.String("name", "cli", "a name to recognise the token by")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *username == "" {
		return usagef("token create needs --username")
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	tok, err := a.CreateToken(ctx, system, *username, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, tok)
	return nil
}

func cmdAudit(ctx context.Context, env *Env, args []string) error {
	const usage = "usage: qianxiang audit verify [--checkpoint FILE] | checkpoint -o FILE | rotate-key"
	if len(args) == 0 {
		return usagef(usage)
	}
	switch args[0] {
	case "verify":
		return cmdAuditVerify(ctx, env, args[1:])
	case "checkpoint":
		return cmdAuditCheckpoint(ctx, env, args[1:])
	case "rotate-key":
		return cmdAuditRotate(ctx, env, args[1:])
	}
	return usagef(usage)
}

func cmdAuditVerify(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "audit verify", "audit verify [--checkpoint FILE]")
	cpFile := fs.String("checkpoint", "", "a checkpoint made by 'audit checkpoint' to hold the database against")
	if err := parse(fs, args); err != nil {
		return err
	}
	var cp *qianxiang.Checkpoint
	if *cpFile != "" {
		f, err := os.Open(*cpFile)
		if err != nil {
			return qianxiang.Errorf(qianxiang.EInvalid, "cannot open %s", *cpFile)
		}
		c, err := qianxiang.ReadCheckpoint(f)
		f.Close()
		if err != nil {
			return err
		}
		cp = &c
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	var n int64
	var broken []qianxiang.Broken
	if cp != nil {
		n, broken, err = a.VerifyAuditAgainst(ctx, system, *cp)
	} else {
		n, broken, err = a.VerifyAudit(ctx, system)
	}
	if err != nil {
		return err
	}
	if len(broken) == 0 {
		fmt.Fprintf(env.Stdout, "audit intact: %d entries, every governed record matches its last entry\n", n)
		if cp != nil {
			fmt.Fprintf(env.Stdout, "checkpoint of %s holds: entry %d is unchanged\n", cp.At, cp.Seq)
		}
		return nil
	}
	for _, b := range broken {
		fmt.Fprintln(env.Stdout, b.String())
	}
	return qianxiang.Errorf(qianxiang.EValidation, "audit broken: %d findings in %d entries", len(broken), n)
}

func cmdAuditCheckpoint(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "audit checkpoint", "audit checkpoint -o FILE")
	out := fs.String("o", "", "file to write the signed checkpoint to (default: stdout)")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	cp, err := a.AuditCheckpoint(ctx, system)
	if err != nil {
		return err
	}
	b, _ := json.MarshalIndent(cp, "", "  ")
	b = append(b, '\n')
	if *out == "" {
		_, err = env.Stdout.Write(b)
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "cannot write %s", *out)
	}
	fmt.Fprintf(env.Stderr, "checkpoint at entry %d written to %s; keep it away from the server\n", cp.Seq, *out)
	return nil
}

func cmdAuditRotate(ctx context.Context, env *Env, args []string) error {
	fs, dsn := flags(env, "audit rotate-key", "audit rotate-key")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, closeDB, err := open(ctx, env, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	id, err := a.RotateAuditKey(ctx, system)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "new audit key %s added to %s; restart every server with this file\n", id, a.DB.Keys.Path)
	return nil
}
