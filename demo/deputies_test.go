package demo_test

import (
	"context"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// A year of suggestions and proposals: some closed, some overdue, some
// rated unsatisfied, a deputy with an answer to rate; all in the audit trail.
func TestDemoSuggestionsYear(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
	logins, err := demo.Fill(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range logins {
		if _, _, _, err := a.Login(ctx, l.Username, l.Password, "127.0.0.1"); err != nil {
			t.Fatalf("printed login %s does not work: %v", l.Username, err)
		}
	}
	count := func(q app.SuggestionQuery) []qianxiang.Suggestion {
		ss, err := a.Suggestions(ctx, qianxiang.SystemActor, q)
		if err != nil {
			t.Fatal(err)
		}
		return ss
	}
	all, props, overdue := count(app.SuggestionQuery{Kind: "suggestion"}), count(app.SuggestionQuery{Kind: "proposal"}), count(app.SuggestionQuery{Overdue: true})
	closed, unsatisfied := 0, 0
	for _, s := range append(all, props...) {
		if s.Status == qianxiang.SugClosed {
			closed++
		}
		if s.Rating == qianxiang.Unsatisfied || len(s.Answers) > 1 {
			unsatisfied++
		}
	}
	if len(all) != 36 || len(props) != 6 || len(overdue) < 3 || closed < 10 || unsatisfied < 3 {
		t.Fatalf("suggestions %d, proposals %d, overdue %d, closed %d, unsatisfied %d", len(all), len(props), len(overdue), closed, unsatisfied)
	}
	rep, _, err := a.SuggestionReport(ctx, qianxiang.SystemActor, 2026, "suggestion")
	if err != nil || len(rep.Units) < 4 || rep.Total.HandlingRate == nil || rep.Total.Satisfaction == nil {
		t.Fatalf("report: %+v %v", rep, err)
	}
	if y, _ := a.YearCalendar(ctx, qianxiang.SystemActor, 2026); len(y.Workdays) != 6 {
		t.Fatalf("the 2026 calendar: %+v", y)
	}
	c, err := a.StationCounts(ctx, qianxiang.SystemActor, 0)
	if err != nil || len(c["stations"]) != 4 || c["stations"][0].Solved < 10 || len(c["units"]) < 3 {
		t.Fatalf("station counts: %+v %v", c, err)
	}
	// Reception days: a year of them held and recorded, the public's
	// problems brought to them, the last station's latest not recorded.
	sts, _ := a.Stations(ctx, qianxiang.SystemActor)
	held, missed, brought := 0, 0, 0
	for _, st := range sts {
		rs, err := a.Receptions(ctx, qianxiang.SystemActor, st.ID, 2026)
		if err != nil || len(rs) < 9 {
			t.Fatalf("%s: %d reception days %v", st.Name, len(rs), err)
		}
		for _, r := range rs {
			if r.Held() {
				held++
			}
			if r.Missed {
				missed++
			}
			brought += r.Problems
		}
	}
	if held < 30 || missed != 1 || brought < 60 {
		t.Fatalf("reception days: %d held, %d missed, %d problems brought to them", held, missed, brought)
	}
	if n, err := a.RemindMissedVisits(ctx); err != nil || n != 1 {
		t.Fatalf("the leader who skipped last month at one station is reminded: %d %v", n, err)
	}
	if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
		t.Fatalf("demo data must be in the audit trail: %v", broken[:1])
	}
}
