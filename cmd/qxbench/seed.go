package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/store"
)

// row is one project as a peer loads it: the fields the registry's list
// filters, sorts and shows, amounts in the stored unit (integers in
// hundredths of 万元, as qianxiang.Money holds them).
type row struct {
	Year            int    `json:"year"`
	Org             string `json:"org"`
	LeadOrg         string `json:"lead_org"`
	Code            string `json:"code"`
	Name            string `json:"name"`
	Owner           string `json:"owner"`
	Kind            string `json:"kind"`
	Stage           string `json:"stage"`
	Sector          string `json:"sector"`
	TotalInvestment int64  `json:"total_investment"`
	AnnualPlan      int64  `json:"annual_plan"`
	PlannedStart    string `json:"planned_start"`
	PlannedEnd      string `json:"planned_end"`
}

func seed(args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	dsn := fs.String("db", "", "database: a new SQLite file or a postgres:// URL (must be empty)")
	projects := fs.Int("projects", 10000, "projects in the plan")
	year := fs.Int("year", 2023, "the plan's year (a past year: twelve months of reports)")
	rowsPath := fs.String("rows", "", "write the plan's rows here, one JSON object a line (for the peer)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dsn == "" {
		return fmt.Errorf("seed needs --db")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	a := app.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	_, st, err := demo.FillScale(ctx, a, demo.Scale{Projects: *projects, Year: *year, Months: 12, Seed: 1})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d projects, %d reports in %s\n", st.Projects, st.Reports, st.Took.Round(1e6))
	tok, err := a.CreateToken(ctx, qianxiang.SystemActor, "zhb", "qxbench")
	if err != nil {
		return err
	}
	fmt.Println(tok)
	if *rowsPath == "" {
		return nil
	}
	return writeRows(ctx, a, *year, *rowsPath)
}

// writeRows writes every project of the year as it is stored.
func writeRows(ctx context.Context, a *app.App, year int, path string) error {
	ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: year, Sort: "id"})
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, p := range ps {
		r := row{Year: p.Year, Org: p.Org.Code, LeadOrg: p.LeadOrg.Code, Code: p.Code, Name: p.Name, Owner: p.Owner,
			Kind: string(p.Kind), Stage: string(p.Stage), Sector: p.Sector,
			TotalInvestment: int64(p.TotalInvestment), AnnualPlan: int64(p.AnnualPlan),
			PlannedStart: p.PlannedStart.String(), PlannedEnd: p.PlannedEnd.String()}
		if err := enc.Encode(r); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d rows to %s\n", len(ps), path)
	return f.Close()
}
