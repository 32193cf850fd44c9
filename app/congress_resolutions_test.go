package app_test

import (
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A passed resolution becomes a follow-up item with its bodies and
// report-back dates; a failed one does not; report-backs move through
// their states, refused out of order.
func TestResolutionFollowedUp(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 12, 3)
		m := s.meeting(t, a, qianxiang.BodyPlenary, 12)
		if _, err := a.CreateVote(ctx, s.staff, s.meeting(t, a, qianxiang.BodyPresidium, 3).ID, app.NewVote{Title: "x", Resolution: true}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a presidium resolution: %v", err)
		}
		vote := func(title string, yes int) app.VoteView {
			v, err := a.CreateVote(ctx, s.staff, m.ID, app.NewVote{Title: title, Resolution: true})
			if err != nil {
				t.Fatal(err)
			}
			a.OpenVote(ctx, s.staff, v.ID)
			for i := 0; i < yes; i++ {
				if _, err := a.CastBallot(ctx, s.actors[i], v.ID, qianxiang.ChoiceFor); err != nil {
					t.Fatal(err)
				}
			}
			v, err = a.CloseVote(ctx, s.staff, v.ID)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		vote("关于吕梁市2023年国民经济和社会发展计划的决议", 7)
		vote("关于吕梁市中级人民法院工作报告的决议", 6) // 6 of 12: not passed
		plain := vote("关于吕梁市人民检察院工作报告的决议", 0)
		rs, err := a.Resolutions(ctx, s.actors[4], s.code)
		if err != nil || len(rs) != 1 {
			t.Fatalf("resolutions: %+v %v", rs, err)
		}
		r := rs[0]
		if r.Kind != qianxiang.ResolutionPlan || r.Year != 2023 || len(r.FollowUps) != 1 || r.FollowUps[0].Body != qianxiang.ExecGovernment ||
			r.FollowUps[0].Due.String() != "2023-08-26" || r.Delivery == nil || r.Delivery.Year != 2023 {
			t.Fatalf("plan resolution: %+v", r)
		}
		// Today (the test clock) is past 2023-08-26: overdue.
		if !r.FollowUps[0].Overdue || r.Progress.Overdue != 1 {
			t.Fatalf("not overdue: %+v", r.FollowUps[0])
		}
		if _, err := a.MakeResolution(ctx, s.staff, plain.ID); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a failed vote made a resolution: %v", err)
		}
		if _, err := a.AddFollowUp(ctx, s.actors[0], r.ID, app.NewFollowUp{Body: "court", Due: "2023-12-31"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy added a report-back: %v", err)
		}
		for _, bad := range []app.NewFollowUp{{Body: "mayor", Due: "2023-12-31"}, {Body: "court", Due: "2022-12-31"}, {Body: "court", Due: "soon"}} {
			if _, err := a.AddFollowUp(ctx, s.staff, r.ID, bad); qianxiang.ErrorCode(err) != qianxiang.EValidation {
				t.Fatalf("%+v: %v", bad, err)
			}
		}
		if _, err := a.AddFollowUp(ctx, s.staff, r.ID, app.NewFollowUp{Body: "government", Due: "2023-08-26"}); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("the same date twice: %v", err)
		}
		v, err := a.AddFollowUp(ctx, s.staff, r.ID, app.NewFollowUp{Body: "government", Due: "2024-01-31"})
		if err != nil || len(v.FollowUps) != 2 {
			t.Fatalf("add: %+v %v", v, err)
		}
		fid := v.FollowUps[0].ID
		if _, err := a.StepFollowUp(ctx, s.staff, fid, "assess", app.FollowUpStep{Accept: true}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("assessed before reporting: %v", err)
		}
		v, err = a.StepFollowUp(ctx, s.staff, fid, "report", app.FollowUpStep{Text: "上半年计划执行情况的报告", ReportedOn: "2023-08-20"})
		if err != nil || v.FollowUps[0].Status != qianxiang.FollowUpReported || v.Progress.Reported != 1 {
			t.Fatalf("report: %+v %v", v, err)
		}
		if v, err = a.StepFollowUp(ctx, s.staff, fid, "assess", app.FollowUpStep{Accept: true, Note: "常委会审议通过"}); err != nil || v.FollowUps[0].Status != qianxiang.FollowUpAccepted {
			t.Fatalf("assess: %+v %v", v, err)
		}
		// The court's resolution did not pass; staff may not follow it up either.
		vs, _ := a.Votes(ctx, s.staff, m.ID)
		if _, err := a.MakeResolution(ctx, s.staff, vs[1].ID); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("the failed court resolution: %v", err)
		}
		if _, err := a.MakeResolution(ctx, s.staff, vs[0].ID); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("the plan resolution twice: %v", err)
		}
		if _, err := a.ReopenVote(ctx, s.staff, vs[0].ID, "故障"); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("reopened a resolution being followed up: %v", err)
		}
	})
}
