package qianxiang

import "testing"

func TestStationProblemWorkflowAndCounts(t *testing.T) {
	today := d("2026-03-10")
	p := StationProblem{StationID: 1, StationName: "凤山街道代表联络站", Text: "小区门口路灯不亮", RegisteredOn: today, Status: StRegistered,
		Deputy: &Signer{Card: "4-0001", Name: "王建华"}}
	if err := p.Validate(today); err != nil {
		t.Fatal(err)
	}
	wantErr(t, p.Step(SSAnswer, "x", false, today), "cannot be given the step answer")
	wantErr(t, p.Step(SSForward, "", false, today), "responsible unit")
	p.Org = &OrgRef{ID: 10, Code: "141100-CGJ", Name: "市城管局"}
	for _, st := range []struct {
		step StationStep
		text string
	}{{SSForward, ""}, {SSChase, ""}, {SSChase, ""}, {SSAnswer, "已更换灯具"}, {SSVisit, "群众表示满意"}, {SSArchive, ""}} {
		if err := p.Step(st.step, st.text, true, today); err != nil {
			t.Fatalf("%s: %v", st.step, err)
		}
	}
	if p.Status != StArchived || p.Chases != 2 || !p.Solved {
		t.Fatalf("%+v", p)
	}
	q := StationProblem{StationID: 2, StationName: "城北联络站", Org: p.Org, Deputy: p.Deputy}
	bs, bd, bu := CountSolved([]StationProblem{p, q})
	if len(bs) != 2 || bs[0].Solved != 1 || bd[0].Problems != 2 || bd[0].Solved != 1 || bu[0].Problems != 2 {
		t.Fatalf("%+v %+v %+v", bs, bd, bu)
	}
}

func TestMissedVisitsRemindEachLeaderOfTheMonth(t *testing.T) {
	a, b := LeaderRef{ID: 1, Name: "张"}, LeaderRef{ID: 2, Name: "李"}
	st := []Station{{ID: 7, Leaders: []LeaderRef{a, b}}}
	vs := []Visit{{StationID: 7, Leader: a, VisitedOn: d("2026-03-10")}, {StationID: 7, Leader: b, Scheduled: d("2026-03-20")},
		{StationID: 7, Leader: b, VisitedOn: d("2026-04-02")}}
	m := MissedVisits(st, vs, Date{Year: 2026, Month: 3})
	if len(m) != 1 || m[0].Leader.ID != 2 {
		t.Fatalf("%+v", m)
	}
	v := Visit{}
	wantErr(t, v.Record(d("2026-03-12"), 5, "", d("2026-03-11")), "in the future")
	wantErr(t, v.Record(d("2026-03-10"), 1000000, "", d("2026-03-11")), "between 0 and 100,000")
	if err := v.Record(d("2026-03-10"), 23, "接待群众23人", d("2026-03-11")); err != nil || v.Month != (Date{Year: 2026, Month: 3}) {
		t.Fatal(err)
	}
}

func TestNextReceptionDayOnTheCalendar(t *testing.T) {
	c := NewCalendar(cal2023)
	s := Station{ReceptionDay: 10}
	cases := []struct{ today, want string }{
		{"2023-03-01", "2023-03-10"}, // a Friday
		{"2023-03-10", "2023-03-10"},
		{"2023-03-11", "2023-04-10"},
		{"2023-06-01", "2023-06-12"}, // the 10th is a Saturday
		{"2023-12-20", "2024-01-10"},
	}
	for _, tc := range cases {
		if got := s.NextReception(d(tc.today), c); got != d(tc.want) {
			t.Errorf("from %s: %s, want %s", tc.today, got, tc.want)
		}
	}
}

// Reception days land on working days of the office's calendar, 调休
// weekends included; a year is scheduled from a month on.
func TestReceptionDaysOnTheCalendar(t *testing.T) {
	c := NewCalendar(cal2023)
	cases := []struct {
		day   int
		month string
		want  string
	}{
		{10, "2023-03", "2023-03-10"}, // a Friday
		{10, "2023-06", "2023-06-12"}, // Saturday the 10th → Monday
		{1, "2023-10", "2023-10-07"},  // National Day break, then the 调休 Saturday
		{1, "2023-01", "2023-01-03"},  // New Year holiday and its Monday
		{23, "2023-04", "2023-04-23"}, // a 调休 Sunday is worked
		{28, "2023-01", "2023-01-28"}, // the Saturday after the Spring Festival, worked
		{10, "2024-02", "2024-02-12"}, // a year not kept: Monday to Friday only
	}
	for _, tc := range cases {
		m, _ := ParseDate(tc.month)
		if got := (Station{ReceptionDay: tc.day}).ReceptionIn(m, c); got != d(tc.want) {
			t.Errorf("day %d of %s: %s, want %s", tc.day, tc.month, got, tc.want)
		}
	}
	rs := Station{ID: 3, ReceptionDay: 10}.ScheduleYear(2023, d("2023-03-20"), c)
	if len(rs) != 10 || rs[0].Month != (Date{Year: 2023, Month: 3}) || rs[3].Scheduled != d("2023-06-12") || rs[9].StationID != 3 {
		t.Fatalf("scheduled %+v", rs)
	}
	r := rs[3]
	wantErr(t, r.Record(d("2023-06-13"), 5, []string{"A1"}, "", d("2023-06-12")), "in the future")
	wantErr(t, r.Record(d("2023-07-03"), 5, []string{"A1"}, "", d("2023-07-10")), "is not in 2023-06")
	wantErr(t, r.Record(d("2023-06-12"), -1, []string{"A1"}, "", d("2023-06-12")), "between 0 and 100,000")
	wantErr(t, r.Record(d("2023-06-12"), 100001, []string{"A1"}, "", d("2023-06-12")), "between 0 and 100,000")
	wantErr(t, r.Record(d("2023-06-12"), 5, nil, "", d("2023-06-12")), "on duty")
	r.Derive(d("2023-06-13"))
	if !r.Missed {
		t.Fatal("a reception day passed unrecorded is missed")
	}
	if err := r.Record(d("2023-06-12"), 17, []string{"A1"}, "接待群众17人", d("2023-06-13")); err != nil || !r.Held() {
		t.Fatal(err)
	}
	if r.Derive(d("2023-06-13")); r.Missed {
		t.Fatal("a recorded reception is not missed")
	}
	// A reception moved past its month's end is still recorded on its day.
	oct := Station{ReceptionDay: 28}.ScheduleYear(2023, d("2023-09-01"), NewCalendar(YearCalendar{Year: 2023, Holidays: ds("2023-09-28", "2023-09-29")}))[0]
	if oct.Scheduled != d("2023-10-02") {
		t.Fatalf("moved to %s", oct.Scheduled)
	}
	if err := oct.Record(d("2023-10-02"), 3, []string{"A1"}, "", d("2023-10-02")); err != nil {
		t.Fatal(err)
	}
}

// A reception is reminded of from the day after its day, for
// ReceptionRemindDays days, only while nobody has recorded it.
func TestUnrecordedReceptionsToRemind(t *testing.T) {
	today := d("2026-03-20")
	for _, c := range []struct {
		name      string
		scheduled string
		held      string
		want      bool
	}{
		{"today: still to come", "2026-03-20", "", false},
		{"yesterday, unrecorded", "2026-03-19", "", true},
		{"yesterday, recorded", "2026-03-19", "2026-03-19", false},
		{"the oldest day reminded of", "2026-03-06", "", true},
		{"older than that: only marked missed", "2026-03-05", "", false},
		{"last year, within the days", "2025-12-31", "", false},
		{"in the future", "2026-04-10", "", false},
	} {
		r := Reception{Scheduled: d(c.scheduled)}
		if c.held != "" {
			r.HeldOn = d(c.held)
		}
		got := UnrecordedReceptions([]Reception{r}, today)
		if (len(got) == 1) != c.want {
			t.Errorf("%s: reminded %v, want %v", c.name, len(got) == 1, c.want)
		}
	}
	// Across the new year the window reaches into December.
	if got := UnrecordedReceptions([]Reception{{Scheduled: d("2025-12-29")}}, d("2026-01-05")); len(got) != 1 {
		t.Errorf("a reception of late December is reminded of in January: %v", got)
	}
}
