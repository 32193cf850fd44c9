package demo_test

import (
	"context"
	"testing"

	"qianxiang"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// The demo's congress is the seed's: 369 deputies in 13 delegations, the
// presidium's third meeting with 52 of 55, the closing plenary with 342
// present passing six resolutions over the threshold of 185.
func TestDemoCongressIsTheSeedsSession(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	if _, err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	staff := qianxiang.SystemActor
	ds, err := a.Deputies(ctx, staff, "lvliang-4", "")
	if err != nil || len(ds) != 369 {
		t.Fatalf("deputies: %d %v", len(ds), err)
	}
	dels, _ := a.Delegations(ctx, staff, "lvliang-4")
	if len(dels) != 13 {
		t.Fatalf("delegations: %v", dels)
	}
	ms, err := a.Meetings(ctx, staff, "lvliang-4")
	if err != nil || len(ms) != 2 {
		t.Fatalf("meetings: %v %v", ms, err)
	}
	for _, m := range ms {
		mv, _ := a.Meeting(ctx, staff, m.ID)
		vs, _ := a.Votes(ctx, staff, m.ID)
		want := map[qianxiang.Body][3]int{qianxiang.BodyPlenary: {369, 342, 6}, qianxiang.BodyPresidium: {55, 52, 2}}[m.Body]
		if m.Session != 3 {
			t.Fatalf("%s is of session %d, want the third", m.Title, m.Session)
		}
		if mv.Members != want[0] || mv.Present != want[1] || !mv.QuorumMet || len(vs) != want[2] {
			t.Fatalf("%s: %d of %d, %d votes", m.Title, mv.Present, mv.Members, len(vs))
		}
		for _, v := range vs {
			if v.Status != qianxiang.VoteClosed || !*v.Passed || *v.For+*v.Against+*v.Abstain+*v.NotVoted != want[1] {
				t.Fatalf("%s: %+v", v.Title, v)
			}
		}
	}
	// The session's bodies, its motions (one converted and waiting for
	// the suggestions), and the six resolutions followed up.
	b, err := a.Bodies(ctx, staff, "lvliang-4")
	if err != nil || len(b.ExecutiveChairs) != 11 || len(b.MotionsCommittee) != 13 {
		t.Fatalf("bodies: %+v %v", b, err)
	}
	mos, _ := a.Motions(ctx, staff, "lvliang-4")
	st := map[qianxiang.MotionStatus]int{}
	for _, m := range mos {
		st[m.Status]++
	}
	if st[qianxiang.MotionListed] != 2 || st[qianxiang.MotionConverted] != 2 || st[qianxiang.MotionSigning] != 1 {
		t.Fatalf("motions: %v", st)
	}
	if conv, _ := a.ConvertedMotions(ctx, staff, "lvliang-4"); len(conv) != 2 {
		t.Fatalf("converted: %+v", conv)
	}
	rs, err := a.Resolutions(ctx, staff, "lvliang-4")
	if err != nil || len(rs) != 6 {
		t.Fatalf("resolutions: %d %v", len(rs), err)
	}
	for _, r := range rs {
		if len(r.FollowUps) == 0 {
			t.Fatalf("%s has no report-back", r.Title)
		}
		if r.Kind == qianxiang.ResolutionPlan && (r.Delivery == nil || r.Delivery.Target == nil || r.Delivery.TargetRate == nil) {
			t.Fatalf("the plan resolution shows no delivery against the targets: %+v", r.Delivery)
		}
	}
}
