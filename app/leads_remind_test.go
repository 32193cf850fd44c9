package app_test

import (
	"fmt"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A stalled lead is put to its one leader by the scheduled sweep: not a
// day before the stall limit, once per stall however often the sweep
// runs, and again when the lead moves on and stalls at its new stage.
// Another leader hears nothing of a lead that is not theirs.
func TestStalledLeadsAreToldToTheirLeader(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		start := time.Date(2023, 3, 1, 9, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return start }
		p := leadSetup(t, a)
		mine, err := a.CreateLead(ctx, p.county, newLead("141181", "renzhong"))
		if err != nil {
			t.Fatal(err)
		}
		// renlei's lead starts ten days later, so it stalls later.
		a.Now = func() time.Time { return start.AddDate(0, 0, 10) }
		if _, err := a.CreateLead(ctx, p.office, newLead("141182", "renlei")); err != nil {
			t.Fatal(err)
		}
		stalled := func(actor qianxiang.Actor) []string {
			ns, _, err := a.Notifications(ctx, actor, 50)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, n := range ns {
				if n.Kind == qianxiang.NoteLeadStalled {
					out = append(out, n.Link)
				}
			}
			return out
		}
		sweepOn := func(days int) int {
			// 23:30 UTC is the next morning in the city: the day counted
			// is the city's.
			day := start.AddDate(0, 0, days)
			a.Now = func() time.Time { return time.Date(day.Year(), day.Month(), day.Day()-1, 23, 30, 0, 0, time.UTC) }
			n, err := a.RemindStalledLeads(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := sweepOn(59); n != 0 || len(stalled(p.leader)) != 0 {
			t.Fatalf("day 59: %d told, %v", n, stalled(p.leader))
		}
		// Day 60 through the sweep itself.
		day := start.AddDate(0, 0, 60)
		a.Now = func() time.Time { return day }
		r, err := a.Sweep(ctx)
		if err != nil || !r.Ran || r.Reminded != 1 {
			t.Fatalf("sweep on day 60: %+v %v", r, err)
		}
		want := fmt.Sprintf("/leads/%d", mine.ID)
		if got := stalled(p.leader); len(got) != 1 || got[0] != want {
			t.Fatalf("renzhong told %v, want %s", got, want)
		}
		if got := stalled(p.leader2); len(got) != 0 {
			t.Fatalf("renlei told of a lead not theirs: %v", got)
		}
		if n := sweepOn(61); n != 0 || len(stalled(p.leader)) != 1 {
			t.Fatalf("told twice of one stall: %d", n)
		}
		if n := sweepOn(70); n != 1 || len(stalled(p.leader2)) != 1 {
			t.Fatalf("day 70: %d told, renlei %v", n, stalled(p.leader2))
		}
		// The lead moves on (signed on day 75) and stalls again at 签约.
		a.Now = func() time.Time { return start.AddDate(0, 0, 75) }
		if _, err := a.MoveLead(ctx, p.county, mine.ID, qianxiang.LeadMoveInput{Stage: "signed", ContractAmount: money("48000"), ContractDate: "2023-05-14"}); err != nil {
			t.Fatal(err)
		}
		if n := sweepOn(134); n != 0 {
			t.Fatalf("day 134 (59 days at 签约): %d told", n)
		}
		if n := sweepOn(135); n != 1 || len(stalled(p.leader)) != 2 {
			t.Fatalf("day 135: %d told, renzhong %v", n, stalled(p.leader))
		}
	})
}
