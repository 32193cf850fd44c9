// Command qianxiang is the Qianxiang command platform: the server and the
// batch commands of a city's campaign office (design/contract.md).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
	"qianxiang/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses (contract.md).
const (
	exitOK       = 0
	exitRefused  = 1
	exitUsage    = 2
	exitInternal = 3
)

// Env holds the process's streams, so tests can run Main in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Lang           string
	// AuditKey is the audit key file (--audit-key); empty: the default.
	AuditKey string
}

type command struct {
	name, summary string
	run           func(ctx context.Context, env *Env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "serve the UI and API", cmdServe},
		{"migrate", "apply the database migrations", cmdMigrate},
		{"init", "create a preset city's organisations (--preset lvliang)", cmdInit},
		{"demo", "fill an empty database with the demo city", cmdDemo},
		{"org", "org add: add an organisation", cmdOrg},
		{"user", "user add | list: manage users", cmdUser},
		{"token", "token create: issue an API token", cmdToken},
		{"import", "import projects | reports | targets | deputies | users FILE", cmdImport},
		{"export", "export projects --year Y -o FILE.xlsx", cmdExport},
		{"report", "report dispatch --year Y --month M --format json|xlsx|html -o FILE", cmdReport},
		{"pipeline", "pipeline promote [--year Y] ID...: reserve projects into a year's plan", cmdPipeline},
		{"backup", "backup --to FILE: consistent copy of the database", cmdBackup},
		{"restore", "restore --from FILE: into an empty database", cmdRestore},
		{"audit", "audit verify [--checkpoint FILE] | checkpoint -o FILE | rotate-key", cmdAudit},
	}
}

// usageError is a mistake in the command line: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Main runs one command and returns its exit status.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Lang: cliLang()}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return report(env, c.run(ctx, env, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "qianxiang: unknown command %q\n", args[0])
	printUsage(stderr)
	return exitUsage
}

// report prints an error and gives its exit status: the one place the CLI
// maps error codes.
func report(env *Env, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(env.Stderr, "qianxiang:", ue.msg)
		return exitUsage
	}
	fmt.Fprintln(env.Stderr, "qianxiang:", i18n.Error(env.Lang, err))
	e := qianxiang.AsError(err)
	if e == nil || e.Code == qianxiang.EInternal {
		// The operator's log gets the detail the message leaves out.
		slog.New(slog.NewTextHandler(env.Stderr, nil)).Error("internal error", "err", err)
		return exitInternal
	}
	// A one-field refusal already says it all; row lists are printed whole.
	if len(e.Details) > 1 || len(e.Details) == 1 && e.Details[0].Row > 0 {
		for _, d := range e.Details {
			fmt.Fprintln(env.Stderr, "  "+i18n.Detail(env.Lang, d))
		}
	}
	return exitRefused
}

// cliLang: Chinese when the terminal's locale is Chinese, else English.
func cliLang() string {
	for _, v := range []string{"QIANXIANG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: qianxiang COMMAND [flags]   (every command takes --db DSN; default $QIANXIANG_DB or qianxiang.db)")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'qianxiang COMMAND --help' for a command's flags.")
}

// flags makes a flag set with the shared --db flag.
func flags(env *Env, name, usage string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	def := os.Getenv("QIANXIANG_DB")
	if def == "" {
		def = "qianxiang.db"
	}
	db := fs.String("db", def, "database: a file path, sqlite:PATH, or postgres://… (env QIANXIANG_DB)")
	fs.StringVar(&env.AuditKey, "audit-key", os.Getenv("QIANXIANG_AUDIT_KEY_FILE"),
		"audit key file (env QIANXIANG_AUDIT_KEY_FILE; default: DB.auditkey beside a SQLite file, ./qianxiang-audit.key for PostgreSQL)")
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: qianxiang %s\n\nflags:\n", usage)
		fs.PrintDefaults()
	}
	return fs, db
}

// parse parses flags, allowing them after positional arguments too
// (qianxiang import projects FILE --year 2023).
func parse(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

// open opens the database and the services, logging to stderr.
func open(ctx context.Context, env *Env, dsn string) (*app.App, func(), error) {
	db, err := store.OpenWith(ctx, dsn, store.Options{AuditKeyFile: env.AuditKey})
	if err != nil {
		return nil, nil, err
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return app.New(db, log), func() { db.Close() }, nil
}
