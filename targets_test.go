package qianxiang

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTargetsValidate(t *testing.T) {
	known := func(c string) bool { return c == "141102" || c == "D01" }
	cases := []struct {
		name  string
		t     Targets
		field string // "" when valid
	}{
		{"valid", Targets{Campaign: DefaultCampaignTarget(), Orgs: []OrgTarget{{Org: "141102", Projects: 80, AnnualPlan: wan("800000"), NewStarts: 30}}}, ""},
		{"zero is allowed", Targets{Orgs: []OrgTarget{{Org: "D01"}}}, ""},
		{"campaign projects below zero", Targets{Campaign: CampaignTarget{Projects: -1}}, "campaign.projects"},
		{"campaign plan below zero", Targets{Campaign: CampaignTarget{AnnualPlan: -1}}, "campaign.annual_plan"},
		{"org plan below zero", Targets{Orgs: []OrgTarget{{Org: "141102", AnnualPlan: wan("-0.01")}}}, "orgs[0].annual_plan"},
		{"org new starts below zero", Targets{Orgs: []OrgTarget{{Org: "141102", NewStarts: -3}}}, "orgs[0].new_starts"},
		{"org projects below zero", Targets{Orgs: []OrgTarget{{Org: "D01"}, {Org: "141102", Projects: -2}}}, "orgs[1].projects"},
		{"unknown org", Targets{Orgs: []OrgTarget{{Org: "999999"}}}, "orgs[0].org"},
		{"no org", Targets{Orgs: []OrgTarget{{}}}, "orgs[0].org"},
		{"org twice", Targets{Orgs: []OrgTarget{{Org: "D01"}, {Org: "D01"}}}, "orgs[1].org"},
		{"implausible plan", Targets{Campaign: CampaignTarget{AnnualPlan: MaxAmount + 1}}, "campaign.annual_plan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.t.Validate(known)
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e := AsError(err)
			if e == nil || e.Code != EValidation || len(e.Details) != 1 || e.Details[0].Field != c.field {
				t.Fatalf("err = %v (%+v), want one fault on %s", err, e, c.field)
			}
			if !strings.Contains(e.Error(), c.field) {
				t.Errorf("message %q does not name %s", e.Error(), c.field)
			}
		})
	}
}

func TestQuarterFlags(t *testing.T) {
	// completed/plan against month/12, exactly: 250 of 1000 is exactly a
	// quarter, so it reaches month 3 and not month 6.
	cases := []struct {
		month           int
		completed, plan string
		name            string
		met             bool
	}{
		{3, "250", "1000", "strong_start", true},
		{3, "249.99", "1000", "strong_start", false},
		{6, "500", "1000", "every_quarter", true},
		{6, "250", "1000", "every_quarter", false},
		{9, "750", "1000", "every_quarter", true},
		{9, "749.99", "1000", "every_quarter", false},
		{12, "1000", "1000", "whole_year", true},
		{12, "1200", "1000", "whole_year", true},
		{12, "999.99", "1000", "whole_year", false},
		{12, "0", "0", "whole_year", false}, // no plan: no rate, not reached
		{1, "0.01", "3", "", false},
		{4, "900", "1000", "", false},
	}
	for _, c := range cases {
		if got := QuarterName(c.month); got != c.name {
			t.Errorf("QuarterName(%d) = %q, want %q", c.month, got, c.name)
		}
		d := &Dispatch{Month: c.month, ByOrg: []OrgDispatch{{Org: orgA, DispatchTotals: DispatchTotals{CompletedYTD: wan(c.completed), AnnualPlan: wan(c.plan)}}}}
		ApplyTargets(d, Targets{}, nil)
		q := d.ByOrg[0].QuarterMet
		if c.name == "" {
			if q != nil {
				t.Errorf("month %d: quarter flag %v outside a quarter month", c.month, *q)
			}
			continue
		}
		if q == nil || *q != c.met {
			t.Errorf("month %d, %s of %s: quarter met = %v, want %v", c.month, c.completed, c.plan, q, c.met)
		}
	}
}

func TestApplyTargetsRates(t *testing.T) {
	d := &Dispatch{Month: 2,
		Total:     DispatchTotals{CompletedYTD: wan("300")},
		ByOrg:     []OrgDispatch{{Org: orgA, DispatchTotals: DispatchTotals{CompletedYTD: wan("200"), AnnualPlan: wan("100")}}, {Org: orgB, DispatchTotals: DispatchTotals{CompletedYTD: wan("100")}}},
		ByLeadOrg: []OrgDispatch{{Org: dept, DispatchTotals: DispatchTotals{CompletedYTD: wan("300")}}},
	}
	ts := Targets{Orgs: []OrgTarget{{Org: orgA.Code, Projects: 3, AnnualPlan: wan("800"), NewStarts: 1}, {Org: dept.Code, AnnualPlan: wan("0")}}}
	ApplyTargets(d, ts, &TargetFigures{Projects: 1000, AnnualPlan: wan("1200")})
	a := d.ByOrg[0]
	if a.Target == nil || a.Target.AnnualPlan != wan("800") || *a.Target.NewStarts != 1 || a.TargetRate == nil || *a.TargetRate != 0.25 {
		t.Errorf("org A target %+v rate %v, want 800 and 0.25", a.Target, a.TargetRate)
	}
	if b := d.ByOrg[1]; b.Target != nil || b.TargetRate != nil {
		t.Errorf("org B has no target, got %+v %v", b.Target, b.TargetRate)
	}
	if l := d.ByLeadOrg[0]; l.Target == nil || l.TargetRate != nil {
		t.Errorf("a zero target has no rate: %+v %v", l.Target, l.TargetRate)
	}
	if d.Total.TargetRate == nil || *d.Total.TargetRate != 0.25 || d.Quarter != "" || d.Total.QuarterMet != nil {
		t.Errorf("total %+v", d.Total)
	}
	b, _ := json.Marshal(d.ByOrg[1])
	if !strings.Contains(string(b), `"target":null,"target_rate":null`) {
		t.Errorf("json %s lacks null target", b)
	}
}

func TestTargetedWithoutProjects(t *testing.T) {
	d := &Dispatch{Month: 6,
		ByOrg:     []OrgDispatch{{Org: orgA, DispatchTotals: DispatchTotals{CompletedYTD: wan("50"), AnnualPlan: wan("100")}}},
		ByLeadOrg: []OrgDispatch{{Org: dept, DispatchTotals: DispatchTotals{CompletedYTD: wan("50"), AnnualPlan: wan("100")}}},
	}
	ts := Targets{Orgs: []OrgTarget{
		{Org: orgA.Code, AnnualPlan: wan("80")},
		{Org: "141199", Name: "某县", Projects: 5, AnnualPlan: wan("300"), NewStarts: 2},
		{Org: dept.Code, AnnualPlan: wan("60")},
		{Org: "141198", Name: "零目标县"},
	}}
	ApplyTargets(d, ts, nil)
	got := TargetedWithoutProjects(d, ts)
	if len(got) != 2 || got[0].Org.Code != "141199" || got[1].Org.Code != "141198" {
		t.Fatalf("unlisted = %+v, want 141199 and 141198 in the targets' order", got)
	}
	u := got[0]
	if u.Org.Name != "某县" || u.Projects != 0 || u.Target == nil || u.Target.Projects != 5 || u.Target.AnnualPlan != wan("300") ||
		*u.Target.NewStarts != 2 || u.TargetRate == nil || *u.TargetRate != 0 || u.QuarterMet == nil || *u.QuarterMet {
		t.Errorf("unlisted county: %+v rate %v quarter %v", u.Target, u.TargetRate, u.QuarterMet)
	}
	if got[1].TargetRate != nil {
		t.Errorf("a zero target has no rate: %v", *got[1].TargetRate)
	}
}
