package qianxiang

import (
	"testing"
	"time"
)

func leadAt(s LeadStage) Lead {
	return Lead{ID: 1, Investor: "晋商集团", OriginRegion: "浙江省杭州市", Industry: "新材料", Intended: 50000 * 100, Source: "fair",
		County: OrgRef{ID: 3, Code: "141181", Name: "孝义市"}, Target: "年内签约并落地", Leader: LeaderRef{ID: 9, Name: "任忠"},
		Team: []TeamMember{{Name: "王强", Role: "组长"}}, Stage: s}
}

func money100(n int64) *Money { m := Money(n * 100); return &m }

// The lead state machine: forward one stage at a time, signing needs the
// contract, going back needs a reason, staying put is refused.
func TestLeadMoves(t *testing.T) {
	today := Date{Year: 2023, Month: 5, Day: 10}
	sign := LeadMoveInput{Stage: "signed", ContractAmount: money100(42000), ContractDate: "2023-05-09"}
	cases := []struct {
		name  string
		from  LeadStage
		in    LeadMoveInput
		to    LeadStage
		field string // refused naming this field; "" = allowed
	}{
		{"talking to signed with a contract", LeadTalking, sign, LeadSigned, ""},
		{"signing by its Chinese name", LeadTalking, LeadMoveInput{Stage: "签约", ContractAmount: money100(1), ContractDate: "2023-05-10"}, LeadSigned, ""},
		{"signing without an amount", LeadTalking, LeadMoveInput{Stage: "signed", ContractDate: "2023-05-09"}, "", "contract_amount"},
		{"signing with a zero amount", LeadTalking, LeadMoveInput{Stage: "signed", ContractAmount: money100(0), ContractDate: "2023-05-09"}, "", "contract_amount"},
		{"signing without a date", LeadTalking, LeadMoveInput{Stage: "signed", ContractAmount: money100(5)}, "", "contract_date"},
		{"signing with a month only", LeadTalking, LeadMoveInput{Stage: "signed", ContractAmount: money100(5), ContractDate: "2023-05"}, "", "contract_date"},
		{"signing in the future", LeadTalking, LeadMoveInput{Stage: "signed", ContractAmount: money100(5), ContractDate: "2023-05-11"}, "", "contract_date"},
		{"skipping 签约", LeadTalking, LeadMoveInput{Stage: "landed"}, "", "stage"},
		{"skipping to the end", LeadTalking, LeadMoveInput{Stage: "serving"}, "", "stage"},
		{"signed to landed", LeadSigned, LeadMoveInput{Stage: "landed"}, LeadLanded, ""},
		{"landed to investing", LeadLanded, LeadMoveInput{Stage: "investing"}, LeadInvesting, ""},
		{"investing to serving", LeadInvesting, LeadMoveInput{Stage: "serving"}, LeadServing, ""},
		{"back without a reason", LeadSigned, LeadMoveInput{Stage: "talking"}, "", "reason"},
		{"back with a blank reason", LeadLanded, LeadMoveInput{Stage: "signed", Reason: "   "}, "", "reason"},
		{"back with a reason", LeadLanded, LeadMoveInput{Stage: "talking", Reason: "投资方资金链断裂，重新洽谈"}, LeadTalking, ""},
		{"back two stages from serving", LeadServing, LeadMoveInput{Stage: "landed", Reason: "企业停产"}, LeadLanded, ""},
		{"to the same stage", LeadSigned, LeadMoveInput{Stage: "signed"}, "", "stage"},
		{"an unknown stage", LeadSigned, LeadMoveInput{Stage: "won"}, "", "stage"},
		{"a reason with a control character", LeadSigned, LeadMoveInput{Stage: "talking", Reason: "a\x00b"}, "", "reason"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := leadAt(c.from)
			mv, err := l.Move(c.in, today)
			if c.field != "" {
				e := AsError(err)
				if e == nil || e.Code != EValidation || e.Details[0].Field != c.field {
					t.Fatalf("want refusal on %s, got %v", c.field, err)
				}
				if l.Stage != c.from || l.ContractAmount != 0 {
					t.Fatalf("a refused move changed the lead: %+v", l)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.Stage != c.to || mv.From != c.from || mv.To != c.to {
				t.Fatalf("moved to %s (%+v), want %s", l.Stage, mv, c.to)
			}
		})
	}
	l := leadAt(LeadTalking)
	if _, err := l.Move(sign, today); err != nil || l.ContractAmount != 42000*100 || l.ContractDate.String() != "2023-05-09" {
		t.Fatalf("contract not recorded: %+v %v", l, err)
	}
}

func TestLeadValidateNamesEveryMissingField(t *testing.T) {
	l := Lead{Source: "banquet", Intended: -1, Team: []TeamMember{{Name: " "}}}
	e := AsError(l.Validate())
	if e == nil {
		t.Fatal("an empty lead was accepted")
	}
	got := map[string]bool{}
	for _, d := range e.Details {
		got[d.Field] = true
	}
	for _, f := range []string{"investor", "origin_region", "industry", "intended_investment", "source", "county", "lead.target", "leader", "team"} {
		if !got[f] {
			t.Errorf("no detail for %s in %v", f, e.Details)
		}
	}
	ok := leadAt(LeadTalking)
	ok.Team = append(ok.Team, TeamMember{Name: "李娜", Role: "联络员", Phone: "13912345678"})
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if ok.Team[1].Phone != "" {
		t.Error("a team member's phone was kept")
	}
	ok.Team = append(ok.Team, TeamMember{Role: "司机"})
	if e := AsError(ok.Validate()); e == nil || e.Details[0].Field != "team[2].name" {
		t.Errorf("a duty without a name: %v", e)
	}
}

// Stalled: no stage change for N days (the N-th day counts), never when
// serving; the clock is the caller's.
func TestLeadStalled(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	since := time.Date(2023, 3, 1, 9, 0, 0, 0, loc)
	cases := []struct {
		stage LeadStage
		today Date
		days  int
		want  bool
	}{
		{LeadTalking, Date{2023, 4, 29}, 60, false}, // 59 days
		{LeadTalking, Date{2023, 4, 30}, 60, true},  // 60 days
		{LeadSigned, Date{2023, 3, 31}, 30, true},
		{LeadServing, Date{2023, 12, 31}, 60, false},
		{LeadLanded, Date{2023, 12, 31}, 0, false}, // 0 turns the flag off
	}
	for _, c := range cases {
		l := leadAt(c.stage)
		l.StageSince = since
		l.Derive(c.today, loc, c.days)
		if l.Stalled != c.want {
			t.Errorf("%s on %s after %d days (limit %d): stalled %v", c.stage, c.today, l.DaysInStage, c.days, l.Stalled)
		}
	}
}

func TestLeadAccess(t *testing.T) {
	l := leadAt(LeadTalking)
	l.CountyPath = "/1/5/"
	cases := []struct {
		name       string
		a          Actor
		read, edit bool
	}{
		{"office", Actor{UserID: 1, Role: RoleCommand, OrgPath: "/1/"}, true, true},
		{"the county", Actor{UserID: 2, Role: RoleOrgAdmin, OrgPath: "/1/5/"}, true, true},
		{"another county", Actor{UserID: 3, Role: RoleOrgAdmin, OrgPath: "/1/6/"}, false, false},
		{"a viewer of the county", Actor{UserID: 4, Role: RoleViewer, OrgPath: "/1/5/"}, true, false},
		{"its leader", Actor{UserID: 9, Role: RoleLeader, OrgPath: "/1/"}, true, false},
		{"another leader", Actor{UserID: 10, Role: RoleLeader, OrgPath: "/1/"}, false, false},
		{"supervision", Actor{UserID: 11, Role: RoleSupervisor, OrgPath: "/1/"}, true, false},
	}
	for _, c := range cases {
		if l.Visible(c.a) != c.read || l.MayEdit(c.a) != c.edit {
			t.Errorf("%s: read %v edit %v", c.name, l.Visible(c.a), l.MayEdit(c.a))
		}
	}
}

func TestLandedProjectDefaults(t *testing.T) {
	l := leadAt(LeadSigned)
	l.ContractAmount = 42000 * 100
	p, err := l.LandedProject(LeadMoveInput{}, Date{2023, 6, 2})
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != 2023 || p.TotalInvestment != 42000*100 || p.PlannedStart.String() != "2023-07" || p.Owner != "晋商集团" ||
		p.Org.Code != "141181" || p.Leader != "任忠" || len(p.Team) != 1 || p.Target.Text != "年内签约并落地" || p.Kind != KindNew {
		t.Fatalf("landed project %+v", p)
	}
	if p, _ := l.LandedProject(LeadMoveInput{}, Date{2023, 12, 30}); p.PlannedStart.String() != "2024-01" {
		t.Errorf("landed in December: planned start %s", p.PlannedStart)
	}
	if _, err := l.LandedProject(LeadMoveInput{PlannedStart: "june"}, Date{2023, 6, 2}); ErrorCode(err) != EValidation {
		t.Fatalf("bad planned start: %v", err)
	}
}
