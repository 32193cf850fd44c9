package app_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The campaign office divides targets; the dispatch of the public city
// sample shows each county against its own target. Expected figures are
// worked by hand from the sample's expected.json (month 2):
//
//	石楼县 141126: 15,455.10 / 150,000 = 0.103034 → 0.1030
//	离石区 141102:  2,492.48 / 100,000 = 0.0249248 → 0.0249
//	campaign:     166,441.18 / 10,000,000 = 0.016644118 → 0.0166
//	孝义市 141181: target 0 → no rate
//
// At month 3 (no March reports yet) the best county, 石楼县 at 12.08%, is
// below time progress 25%: no county reached 开门红.
func TestTargetsOnTheCitySample(t *testing.T) {
	dir := filepath.Join(testenv.Samples(t), "city-sectioned-2023")
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		sys := qianxiang.SystemActor
		f, _ := os.Open(filepath.Join(dir, "projects.xlsx"))
		if _, err := a.ImportProjects(ctx, sys, 2023, "projects.xlsx", f, false, false); err != nil {
			t.Fatal(err)
		}
		f.Close()
		for _, m := range []string{"01", "02"} {
			f, _ := os.Open(filepath.Join(dir, "reports-2023-"+m+".xlsx"))
			if _, err := a.ImportReports(ctx, sys, 2023, int(m[1]-'0'), "r.xlsx", f, false); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		county := testenv.User(t, a, "shilou", qianxiang.RoleOrgAdmin, "141126")
		want := qianxiang.Targets{Campaign: qianxiang.DefaultCampaignTarget(), Orgs: []qianxiang.OrgTarget{
			{Org: "141126", Projects: 22, AnnualPlan: *money("150000"), NewStarts: 8},
			{Org: "141102", Projects: 20, AnnualPlan: *money("100000"), NewStarts: 7},
			{Org: "141181", Projects: 24},
		}}
		if err := a.SetTargets(ctx, county, 2023, want); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county set targets: %v", err)
		}
		if err := a.SetTargets(ctx, office, 2023, want); err != nil {
			t.Fatal(err)
		}

		d, err := a.Dispatch(ctx, office, 2023, 2)
		if err != nil {
			t.Fatal(err)
		}
		rates := map[string]float64{}
		for _, o := range d.ByOrg {
			if o.TargetRate != nil {
				rates[o.Org.Code] = o.TargetRate.Rounded()
			} else if o.Target != nil {
				rates[o.Org.Code] = -1
			}
		}
		if len(rates) != 3 || rates["141126"] != 0.1030 || rates["141102"] != 0.0249 || rates["141181"] != -1 {
			t.Errorf("target rates = %v", rates)
		}
		if d.Total.Target == nil || d.Total.Target.Projects != 1000 || d.Total.TargetRate.Rounded() != 0.0166 || d.Quarter != "" {
			t.Errorf("campaign row: %+v %v quarter %q", d.Total.Target, d.Total.TargetRate, d.Quarter)
		}

		// The county's own dispatch: its total is measured against its target.
		cd, err := a.Dispatch(ctx, county, 2023, 2)
		if err != nil {
			t.Fatal(err)
		}
		if cd.Total.Target == nil || cd.Total.Target.AnnualPlan != *money("150000") || cd.Total.TargetRate.Rounded() != 0.1030 {
			t.Errorf("county total: %+v %v", cd.Total.Target, cd.Total.TargetRate)
		}
		got, err := a.Targets(ctx, county, 2023)
		if err != nil || len(got.Orgs) != 1 || got.Orgs[0].Org != "141126" || got.Campaign.Projects != 1000 {
			t.Errorf("the county reads %+v %v", got, err)
		}

		d3, err := a.Dispatch(ctx, office, 2023, 3)
		if err != nil {
			t.Fatal(err)
		}
		if d3.Quarter != "strong_start" || d3.Total.QuarterMet == nil || *d3.Total.QuarterMet {
			t.Errorf("month 3: quarter %q total %v", d3.Quarter, d3.Total.QuarterMet)
		}
		for _, o := range d3.ByOrg {
			if o.QuarterMet == nil || *o.QuarterMet {
				t.Errorf("month 3: %s quarter met %v at %.4f", o.Org.Name, o.QuarterMet, o.CompletionRate)
			}
		}

		// Bad input changes nothing; leaving an organisation out removes
		// its target; every change is in the trail.
		bad := want
		bad.Orgs = append([]qianxiang.OrgTarget{{Org: "141102", AnnualPlan: *money("5")}}, qianxiang.OrgTarget{Org: "999999"})
		err = a.SetTargets(ctx, office, 2023, bad)
		if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EValidation || e.Details[0].Field != "orgs[1].org" {
			t.Fatalf("unknown org: %v", err)
		}
		bad.Orgs = []qianxiang.OrgTarget{{Org: "141102", AnnualPlan: *money("-1")}}
		if err := a.SetTargets(ctx, office, 2023, bad); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("negative target: %v", err)
		}
		if got, _ := a.Targets(ctx, office, 2023); len(got.Orgs) != 3 || got.Orgs[0].AnnualPlan != *money("100000") {
			t.Fatalf("refused input changed the targets: %+v", got)
		}
		want.Orgs = want.Orgs[:1]
		if err := a.SetTargets(ctx, office, 2023, want); err != nil {
			t.Fatal(err)
		}
		if got, _ := a.Targets(ctx, office, 2023); len(got.Orgs) != 1 {
			t.Fatalf("left-out targets kept: %+v", got)
		}
		es, err := a.AuditEntries(ctx, sys, qianxiang.AuditFilter{Table: "targets"})
		if err != nil || len(es) != 6 { // campaign + 3 created, 2 deleted
			t.Errorf("audit: %d entries, %v", len(es), err)
		}
		if n, broken, err := a.VerifyAudit(ctx, sys); err != nil || len(broken) != 0 {
			t.Errorf("verify after %d: %v %v", n, broken, err)
		}

		// The office leaves the campaign's own target blank: the campaign
		// row is measured against 1,000 projects and 1,000 亿元, not zero.
		want.Campaign = qianxiang.CampaignTarget{}
		if err := a.SetTargets(ctx, office, 2023, want); err != nil {
			t.Fatal(err)
		}
		d, err = a.Dispatch(ctx, office, 2023, 2)
		if err != nil {
			t.Fatal(err)
		}
		if d.Total.Target == nil || d.Total.Target.Projects != 1000 || d.Total.Target.AnnualPlan != *money("10000000") || d.Total.TargetRate.Rounded() != 0.0166 {
			t.Errorf("a blank campaign target: %+v %v", d.Total.Target, d.Total.TargetRate)
		}
		// 石楼县 keeps its target and has projects: it is not among the
		// organisations listed as having a target and no project.
		if len(d.Unlisted) != 0 {
			t.Errorf("unlisted: %+v", d.Unlisted)
		}
	})
}
