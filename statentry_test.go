package qianxiang

import (
	"testing"
	"time"
)

func TestEntryGapRule(t *testing.T) {
	started := Date{Year: 2023, Month: 3, Day: 15}
	asOf := Date{Year: 2023, Month: 6, Day: 30}
	cases := []struct {
		name                string
		total               string
		kind                Kind
		stage               Stage
		startedOn           Date
		inStats             bool
		wantExpected, wantG bool
	}{
		{"499.99 started, not entered: below the threshold", "499.99", KindNew, StageConstruction, started, false, false, false},
		{"500.00 started, not entered: a gap", "500.00", KindNew, StageConstruction, started, false, true, true},
		{"500.00 started, entered: no gap", "500", KindNew, StageConstruction, started, true, true, false},
		{"499.99 started, entered: not expected", "499.99", KindNew, StageConstruction, started, true, false, false},
		{"500.00 not started: not expected", "500", KindNew, StagePreparing, Date{}, false, false, false},
		{"500.00 not started, entered: not expected", "500", KindNew, StagePreparing, Date{}, true, false, false},
		{"large project started after the day: not yet expected", "80000", KindNew, StageConstruction, Date{Year: 2023, Month: 7, Day: 1}, false, false, false},
		{"continuing project without a date: started", "1200", KindContinuing, StageConstruction, Date{}, false, true, true},
		{"continuing listed as preparatory stage still counts as started", "1200", KindContinuing, StagePreparing, Date{}, false, true, true},
		{"stage set to construction without a date: started", "600", KindNew, StageConstruction, Date{}, false, true, true},
		{"completed stage: started", "600", KindNew, StageCompleted, Date{}, false, true, true},
		{"preparatory kind, idea stage: not started", "99999", KindPreparatory, StageIdea, Date{}, false, false, false},
		{"month-only start in the month: started", "700", KindNew, StagePreparing, Date{Year: 2023, Month: 6}, false, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := ParseMoney(c.total)
			if err != nil {
				t.Fatal(err)
			}
			f := EntryFacts{TotalInvestment: m, Kind: c.kind, Stage: c.stage, StartedOn: c.startedOn, InStats: c.inStats}
			if got := f.Expected(asOf); got != c.wantExpected {
				t.Errorf("Expected = %v, want %v", got, c.wantExpected)
			}
			if got := f.Gap(asOf); got != c.wantG {
				t.Errorf("Gap = %v, want %v", got, c.wantG)
			}
		})
	}
}

func TestMissingVouchersAreTheRequiredOnes(t *testing.T) {
	got := MissingVouchers(map[VoucherKind]bool{VoucherContract: true, VoucherPayment: true})
	if len(got) != 2 || got[0] != VoucherApproval || got[1] != VoucherLicence {
		t.Errorf("missing %v, want approval, licence", got)
	}
	all := map[VoucherKind]bool{VoucherApproval: true, VoucherContract: true, VoucherLicence: true}
	if got := MissingVouchers(all); len(got) != 0 {
		t.Errorf("missing %v with every required voucher, want none", got)
	}
	for _, k := range []VoucherKind{VoucherProgress, VoucherPayment} {
		if k.Required() {
			t.Errorf("%s is for later checks, not required for entry", k)
		}
	}
	if GapReason(EntryNone, []VoucherKind{VoucherApproval}) != GapMissingVouchers || GapReason(EntryNone, nil) != GapNotSubmitted ||
		GapReason(EntryReturned, nil) != GapReturned || GapReason(EntryReviewed, nil) != GapAwaitingAcceptance {
		t.Error("gap reasons do not follow the status and the vouchers")
	}
}

func TestEntryStateMachine(t *testing.T) {
	unit := Actor{Username: "xm", Role: RoleReporter, OrgPath: lishi}
	county := Actor{Username: "ls", Role: RoleOrgAdmin, OrgPath: lishi}
	office := Actor{Username: "zhb", Role: RoleCommand, OrgPath: city}
	stats := Actor{Username: "tj", Role: RoleStatistics, OrgPath: city}
	leader := Actor{Username: "ld", Role: RoleLeader, OrgPath: city}
	admin := Actor{Username: "ad", Role: RoleAdmin, OrgPath: city}
	ok := EntryGate{Now: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC), Today: Date{Year: 2023, Month: 6, Day: 1},
		Facts: EntryFacts{TotalInvestment: 80000 * 100, Kind: KindNew, Stage: StageConstruction, StartedOn: Date{Year: 2023, Month: 3, Day: 1}}}
	missing := ok
	missing.Missing = []VoucherKind{VoucherLicence}
	small := ok
	small.Facts.TotalInvestment = 49999
	notStarted := ok
	notStarted.Facts = EntryFacts{TotalInvestment: 80000 * 100, Kind: KindNew, Stage: StagePreparing}
	inStats := ok
	inStats.Facts.InStats = true
	cases := []struct {
		name   string
		from   EntryStatus
		a      Actor
		act    EntryAction
		reason string
		g      EntryGate
		to     EntryStatus
		code   string // expected error code, "" for success
	}{
		{"unit submits", EntryNone, unit, EntrySubmit, "", ok, EntrySubmitted, ""},
		{"county submits for its unit", EntryNone, county, EntrySubmit, "", ok, EntrySubmitted, ""},
		{"unit resubmits a returned entry", EntryReturned, unit, EntrySubmit, "", ok, EntrySubmitted, ""},
		{"county reviews", EntrySubmitted, county, EntryReview, "", ok, EntryReviewed, ""},
		{"campaign office reviews (above the county)", EntrySubmitted, office, EntryReview, "", ok, EntryReviewed, ""},
		{"county returns with a reason", EntrySubmitted, county, EntryReturn, "批复文号不清", ok, EntryReturned, ""},
		{"statistics accepts", EntryReviewed, stats, EntryAccept, "", ok, EntryAccepted, ""},
		{"statistics returns with a reason", EntryReviewed, stats, EntryReturn, "合同金额与申报不符", ok, EntryReturned, ""},
		// Wrong roles.
		{"unit cannot review", EntrySubmitted, unit, EntryReview, "", ok, "", EForbidden},
		{"unit cannot accept", EntryReviewed, unit, EntryAccept, "", ok, "", EForbidden},
		{"county cannot accept", EntryReviewed, county, EntryAccept, "", ok, "", EForbidden},
		{"campaign office cannot accept", EntryReviewed, office, EntryAccept, "", ok, "", EForbidden},
		{"admin cannot accept for the bureau", EntryReviewed, admin, EntryAccept, "", ok, "", EForbidden},
		{"county cannot return a reviewed entry", EntryReviewed, county, EntryReturn, "x", ok, "", EForbidden},
		{"statistics does not review for the county", EntrySubmitted, stats, EntryReview, "", ok, "", EForbidden},
		{"statistics does not submit", EntryNone, stats, EntrySubmit, "", ok, "", EForbidden},
		{"leader cannot submit", EntryNone, leader, EntrySubmit, "", ok, "", EForbidden},
		{"leader cannot accept", EntryReviewed, leader, EntryAccept, "", ok, "", EForbidden},
		// Illegal moves.
		{"accept skips the review", EntrySubmitted, stats, EntryAccept, "", ok, "", EValidation},
		{"review before submission", EntryNone, county, EntryReview, "", ok, "", EValidation},
		{"submit twice", EntrySubmitted, unit, EntrySubmit, "", ok, "", EValidation},
		{"accept twice", EntryAccepted, stats, EntryAccept, "", ok, "", EValidation},
		{"return an accepted entry", EntryAccepted, stats, EntryReturn, "x", ok, "", EValidation},
		{"review a returned entry", EntryReturned, county, EntryReview, "", ok, "", EValidation},
		{"return a returned entry", EntryReturned, county, EntryReturn, "x", ok, "", EValidation},
		// Refused by the gate or the reason.
		{"return without a reason", EntrySubmitted, county, EntryReturn, "  ", ok, "", EValidation},
		{"submit with a voucher missing", EntryNone, unit, EntrySubmit, "", missing, "", EValidation},
		{"submit below 500 万元", EntryNone, unit, EntrySubmit, "", small, "", EValidation},
		{"submit before the start", EntryNone, unit, EntrySubmit, "", notStarted, "", EValidation},
		{"submit a project already in the statistics", EntryNone, unit, EntrySubmit, "", inStats, "", EValidation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := StatEntry{Status: c.from, ReturnReason: "earlier"}
			step, err := e.Step(c.a, c.act, c.reason, c.g)
			if c.code != "" {
				if ErrorCode(err) != c.code {
					t.Fatalf("err %v (%s), want %s", err, ErrorCode(err), c.code)
				}
				if e.Status != c.from {
					t.Errorf("a refused step changed the status to %s", e.Status)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if e.Status != c.to || step.From != c.from || step.To != c.to || step.Actor != c.a.Username {
				t.Errorf("status %s, step %+v; want %s", e.Status, step, c.to)
			}
			switch c.act {
			case EntryReturn:
				if e.ReturnReason != c.reason || step.Reason != c.reason {
					t.Errorf("reason %q / %q, want %q", e.ReturnReason, step.Reason, c.reason)
				}
				want := "review"
				if c.from == EntryReviewed {
					want = "acceptance"
				}
				if e.ReturnedBy != want {
					t.Errorf("returned by %q, want %q", e.ReturnedBy, want)
				}
			case EntrySubmit:
				if e.ReturnReason != "" || e.SubmittedAt.IsZero() {
					t.Errorf("a submission keeps the old reason %q or no time", e.ReturnReason)
				}
			}
		})
	}
}

func TestMissingVoucherRefusalNamesEachVoucher(t *testing.T) {
	g := EntryGate{Today: Date{Year: 2023, Month: 6, Day: 1}, Facts: EntryFacts{TotalInvestment: 100000, Kind: KindContinuing},
		Missing: []VoucherKind{VoucherApproval, VoucherLicence}}
	var e StatEntry
	_, err := e.Step(Actor{Role: RoleReporter, OrgPath: lishi}, EntrySubmit, "", g)
	x := AsError(err)
	if x == nil || len(x.Details) != 2 || x.Details[0].Field != "vouchers.approval" || x.Details[1].Field != "vouchers.licence" {
		t.Fatalf("refusal %#v, want both vouchers named", err)
	}
}

func TestVerificationValidate(t *testing.T) {
	today := Date{Year: 2023, Month: 6, Day: 10}
	ok := Verification{VisitedOn: Date{Year: 2023, Month: 6, Day: 9}, People: " 张三、李四 ", Findings: "主体结构已封顶"}
	if err := ok.Validate(today); err != nil || ok.People != "张三、李四" {
		t.Fatalf("valid record refused: %v (%q)", err, ok.People)
	}
	for name, v := range map[string]Verification{
		"no date":     {People: "a", Findings: "b"},
		"future date": {VisitedOn: Date{Year: 2023, Month: 6, Day: 11}, People: "a", Findings: "b"},
		"no people":   {VisitedOn: today, Findings: "b"},
		"no findings": {VisitedOn: today, People: "a"},
	} {
		if err := v.Validate(today); ErrorCode(err) != EValidation {
			t.Errorf("%s: got %v, want a validation error", name, err)
		}
	}
}

func TestEntryRatesInTheDispatch(t *testing.T) {
	ls := OrgRef{ID: 2, Code: "141102", Name: "离石区"}
	ws := OrgRef{ID: 3, Code: "141121", Name: "文水县"}
	fgw := OrgRef{ID: 9, Code: "fgw", Name: "发改委"}
	big := func(in bool) EntryFacts {
		return EntryFacts{TotalInvestment: 100000, Kind: KindNew, StartedOn: Date{Year: 2023, Month: 2, Day: 1}, InStats: in}
	}
	facts := []EntryFact{
		{ls, ls, big(true)}, {ls, ls, big(false)}, {ls, fgw, big(true)},
		{ls, ls, EntryFacts{TotalInvestment: 49999, Kind: KindContinuing}},                                          // below the threshold
		{ws, ws, EntryFacts{TotalInvestment: 100000, Kind: KindNew, StartedOn: Date{Year: 2023, Month: 5, Day: 2}}}, // starts after March
	}
	d := &Dispatch{Year: 2023, Month: 3, ByOrg: []OrgDispatch{{Org: ls}, {Org: ws}}, ByLeadOrg: []OrgDispatch{{Org: ls}, {Org: fgw}, {Org: ws}}}
	ApplyEntryRates(d, facts)
	if d.Total.EntryExpected != 3 || d.Total.EntryEntered != 2 || d.Total.EntryRate == nil || d.Total.EntryRate.Rounded() != 0.6667 {
		t.Errorf("total %d/%d %v, want 2/3", d.Total.EntryEntered, d.Total.EntryExpected, d.Total.EntryRate)
	}
	if o := d.ByOrg[0]; o.EntryExpected != 3 || o.EntryEntered != 2 {
		t.Errorf("离石 %d/%d, want 2/3", o.EntryEntered, o.EntryExpected)
	}
	if o := d.ByOrg[1]; o.EntryExpected != 0 || o.EntryRate != nil {
		t.Errorf("文水 expects nothing in March: %d, rate %v", o.EntryExpected, o.EntryRate)
	}
	if o := d.ByLeadOrg[1]; o.EntryExpected != 1 || o.EntryEntered != 1 || *o.EntryRate != 1 {
		t.Errorf("发改委 as lead %d/%d, want 1/1", o.EntryEntered, o.EntryExpected)
	}
}

func TestBuildGapListsExpectedProjectsNotEntered(t *testing.T) {
	asOf := Date{Year: 2023, Month: 6, Day: 30}
	started := Date{Year: 2023, Month: 4, Day: 1}
	big := EntryFacts{TotalInvestment: 60000, Kind: KindNew, StartedOn: started}
	entered := big
	entered.InStats = true
	rows := []EntryRow{
		{Project: ProjectRef{ID: 1}, Facts: big}, // nothing filed
		{Project: ProjectRef{ID: 2}, Facts: big, Have: map[VoucherKind]bool{VoucherApproval: true, VoucherContract: true, VoucherLicence: true}}, // ready, not submitted
		{Project: ProjectRef{ID: 3}, Facts: big, Status: EntryReturned, ReturnReason: "缺合同"},
		{Project: ProjectRef{ID: 4}, Facts: entered, Status: EntryAccepted},
		{Project: ProjectRef{ID: 5}, Facts: EntryFacts{TotalInvestment: 49999, Kind: KindContinuing}}, // below the threshold
		{Project: ProjectRef{ID: 6}, Facts: big, Status: EntryReviewed},
	}
	g := BuildGap(2023, asOf, rows)
	if g.Expected != 5 || g.Entered != 1 || g.Count != 4 || g.Rate == nil || *g.Rate != 0.2 {
		t.Fatalf("gap %d expected, %d entered, %d lines, rate %v; want 5, 1, 4, 0.2", g.Expected, g.Entered, g.Count, g.Rate)
	}
	want := []struct {
		id      int64
		reason  string
		missing int
	}{{1, GapMissingVouchers, 3}, {2, GapNotSubmitted, 0}, {3, GapReturned, 3}, {6, GapAwaitingAcceptance, 3}}
	for i, w := range want {
		it := g.Items[i]
		if it.Project.ID != w.id || it.Reason != w.reason || len(it.Missing) != w.missing {
			t.Errorf("line %d: %+v, want project %d %s with %d missing", i, it, w.id, w.reason, w.missing)
		}
	}
	if g.Items[2].ReturnReason != "缺合同" || g.ByReason[GapMissingVouchers] != 1 {
		t.Errorf("return reason %q, by reason %v", g.Items[2].ReturnReason, g.ByReason)
	}
	if len(g.ByOrg) != 1 || g.ByOrg[0].Expected != 5 || g.ByOrg[0].Gap != 4 || g.ByOrg[0].Rate == nil || *g.ByOrg[0].Rate != 0.2 {
		t.Errorf("by org %+v", g.ByOrg)
	}
	if err := g.OnlyReason("returned"); err != nil || g.Count != 1 || g.Items[0].Project.ID != 3 || g.Expected != 5 {
		t.Errorf("only returned: %v, %d lines, expected %d", err, g.Count, g.Expected)
	}
	if err := g.OnlyReason("lazy"); ErrorCode(err) != EValidation {
		t.Errorf("an unknown reason: %v", err)
	}
}

func TestVoucherRemovable(t *testing.T) {
	cases := []struct {
		kind VoucherKind
		s    EntryStatus
		ok   bool
	}{
		{VoucherApproval, EntryNone, true},
		{VoucherApproval, EntryReturned, true},
		{VoucherApproval, EntrySubmitted, false},
		{VoucherPayment, EntryReviewed, false},
		{VoucherLicence, EntryAccepted, false},
		{VoucherPayment, EntryAccepted, true}, // a later-check voucher may be corrected
	}
	for _, c := range cases {
		if err := VoucherRemovable(c.kind, c.s); (err == nil) != c.ok {
			t.Errorf("%s while %s: %v, want removable %v", c.kind, c.s, err, c.ok)
		}
	}
}
