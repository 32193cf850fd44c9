package qianxiang

import "testing"

// The start date a project takes from its batch start, case by case
// (batch.go states the rule).
func TestStartDateFromTheEvent(t *testing.T) {
	d := func(m, day int) Date { return Date{Year: 2023, Month: m, Day: day} }
	none := Date{}
	ev, moved := d(3, 15), d(3, 28)

	join := []struct {
		name        string
		started     Date
		want        Date
		wantApplied bool
	}{
		{"no start yet: the event's date", none, ev, true},
		{"a report gave an earlier start: kept", d(3, 2), d(3, 2), false},
		{"a report gave a later start: kept", d(4, 1), d(4, 1), false},
		{"already on the event's day by a report: kept, not the event's", ev, ev, false},
	}
	for _, c := range join {
		got, applied := StartOnJoin(c.started, ev)
		if got != c.want || applied != c.wantApplied {
			t.Errorf("join, %s: %v %v, want %v %v", c.name, got, applied, c.want, c.wantApplied)
		}
	}

	move := []struct {
		name      string
		started   Date
		applied   bool
		want      Date
		wantMoved bool
	}{
		{"set by the event: moves with it", ev, true, moved, true},
		{"set by the event, since reported otherwise: stays", d(3, 20), true, d(3, 20), false},
		{"reported before joining: stays", ev, false, ev, false},
		{"no start: stays without one", none, false, none, false},
	}
	for _, c := range move {
		got, ok := StartOnMove(c.started, c.applied, ev, moved)
		if got != c.want || ok != c.wantMoved {
			t.Errorf("move, %s: %v %v, want %v %v", c.name, got, ok, c.want, c.wantMoved)
		}
	}

	leave := []struct {
		name    string
		started Date
		applied bool
		want    Date
	}{
		{"set by the event: no start again", ev, true, none},
		{"reported since: the report's date stays", d(3, 20), true, d(3, 20)},
		{"reported before joining: stays", d(3, 2), false, d(3, 2)},
	}
	for _, c := range leave {
		if got := StartOnLeave(c.started, c.applied, ev); got != c.want {
			t.Errorf("leave, %s: %v, want %v", c.name, got, c.want)
		}
	}
	if !FromEvent(ev, true, ev) || FromEvent(d(3, 20), true, ev) || FromEvent(ev, false, ev) {
		t.Error("FromEvent")
	}
}

func TestBatchValidateAndSums(t *testing.T) {
	ok := BatchStart{Title: " 孝义市2023年第一批集中开工 ", Date: Date{Year: 2023, Month: 3, Day: 15}, Place: "孝义经济开发区", Org: OrgRef{Code: "141181"}, Leader: "张广勇"}
	if err := ok.Validate(); err != nil || ok.Year != 2023 || ok.Title != "孝义市2023年第一批集中开工" {
		t.Fatalf("valid event refused: %v (%+v)", err, ok)
	}
	bad := []struct {
		name  string
		edit  func(*BatchStart)
		field string
	}{
		{"no title", func(b *BatchStart) { b.Title = " " }, "title"},
		{"no date", func(b *BatchStart) { b.Date = Date{} }, "date"},
		{"a month, not a day", func(b *BatchStart) { b.Date = Date{Year: 2023, Month: 3} }, "date"},
		{"no place", func(b *BatchStart) { b.Place = "" }, "place"},
		{"no county", func(b *BatchStart) { b.Org = OrgRef{} }, "county"},
		{"place too long", func(b *BatchStart) { b.Place = string(make([]rune, 201)) }, "place"},
	}
	for _, c := range bad {
		b := ok
		c.edit(&b)
		e := AsError(b.Validate())
		if e == nil || e.Details[0].Field != c.field {
			t.Errorf("%s: %v", c.name, e)
		}
	}

	b := BatchStart{Projects: []BatchProject{
		{TotalInvestment: 120000_10, AnnualPlan: 30000_05},
		{TotalInvestment: 8500_25, AnnualPlan: 2000_00, Confidential: true},
		{TotalInvestment: 0_01, AnnualPlan: 0_01},
	}}
	b.Sum()
	if b.Count != 3 || b.TotalInvestment != 128500_36 || b.AnnualPlan != 32000_06 {
		t.Errorf("sums: %d %s %s", b.Count, b.TotalInvestment, b.AnnualPlan)
	}
	p := b.Public()
	if p.Count != 2 || p.TotalInvestment != 120000_11 || p.AnnualPlan != 30000_06 || len(b.Projects) != 3 {
		t.Errorf("public: %d %s %s", p.Count, p.TotalInvestment, p.AnnualPlan)
	}
}

func TestCanJoin(t *testing.T) {
	ev := BatchStart{Year: 2023, Org: OrgRef{Name: "孝义市"}, OrgPath: "/1/5/"}
	city := BatchStart{Year: 2023, Org: OrgRef{Name: "吕梁市"}, OrgPath: "/1/"}
	cases := []struct {
		name string
		p    Project
		b    BatchStart
		ok   bool
	}{
		{"new project of the county", Project{Year: 2023, Kind: KindNew, OrgPath: "/1/5/"}, ev, true},
		{"preparatory project of a unit under the county", Project{Year: 2023, Kind: KindPreparatory, OrgPath: "/1/5/9/"}, ev, true},
		{"another county's", Project{Year: 2023, Kind: KindNew, OrgPath: "/1/6/"}, ev, false},
		{"another year's", Project{Year: 2022, Kind: KindNew, OrgPath: "/1/5/"}, ev, false},
		{"continuing", Project{Year: 2023, Kind: KindContinuing, OrgPath: "/1/5/"}, ev, false},
		{"in the reserve pool", Project{Year: 2023, Kind: KindPreparatory, Stage: StageReserve, OrgPath: "/1/5/"}, ev, false},
		{"an idea", Project{Year: 2023, Kind: KindNew, Stage: StageIdea, OrgPath: "/1/5/"}, ev, false},
		{"preparing: in the plan", Project{Year: 2023, Kind: KindPreparatory, Stage: StagePreparing, OrgPath: "/1/5/"}, ev, true},
		{"city-wide event takes any county's", Project{Year: 2023, Kind: KindNew, OrgPath: "/1/6/"}, city, true},
	}
	for _, c := range cases {
		if err := CanJoin(c.p, c.b); (err == nil) != c.ok {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
