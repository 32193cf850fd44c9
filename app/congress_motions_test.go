package app_test

import (
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func TestJointMotionNeedsTenSignersEachOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 14, 3)
		in := app.NewMotion{Congress: s.code, Title: "关于加快城区集中供热管网改造的议案", Reason: "老旧管网漏损严重",
			Basis: "《城镇供热管理条例》", Solution: "三年内完成改造"}
		m, err := a.CreateMotion(ctx, s.actors[0], in)
		if err != nil || m.Status != qianxiang.MotionSigning || len(m.Signers) != 1 || m.Needed != 10 {
			t.Fatalf("create: %+v %v", m, err)
		}
		if _, err := a.SignMotion(ctx, s.actors[0], m.ID, ""); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("second signature: %v", err)
		}
		for i := 1; i < 8; i++ {
			if m, err = a.SignMotion(ctx, s.actors[i], m.ID, ""); err != nil {
				t.Fatal(err)
			}
		}
		// The ninth signs on paper at the desk.
		if m, err = a.SignMotion(ctx, s.staff, m.ID, s.deputies[8].Card); err != nil || len(m.Signers) != 9 {
			t.Fatalf("desk signature: %+v %v", m, err)
		}
		if _, err := a.SignMotion(ctx, s.staff, m.ID, s.deputies[8].Card); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("desk signed twice: %v", err)
		}
		if _, err := a.SubmitMotion(ctx, s.actors[0], m.ID); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("nine signatures submitted: %v", err)
		}
		if got, _ := a.Motion(ctx, s.staff, m.ID); got.Status != qianxiang.MotionSigning || len(got.Signers) != 9 {
			t.Fatalf("the refused submission changed the motion: %+v", got)
		}
		if m, err = a.SignMotion(ctx, s.actors[9], m.ID, ""); err != nil || len(m.Signers) != 10 {
			t.Fatalf("tenth: %+v %v", m, err)
		}
		if _, err := a.SubmitMotion(ctx, s.actors[11], m.ID); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy who did not sign submitted: %v", err)
		}
		if m, err = a.SubmitMotion(ctx, s.actors[0], m.ID); err != nil || m.Status != qianxiang.MotionSubmitted || m.SubmittedOn.IsZero() {
			t.Fatalf("submit: %+v %v", m, err)
		}
		if _, err := a.SignMotion(ctx, s.actors[10], m.ID, ""); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("signed after submission: %v", err)
		}
		// A paper motion entered at the desk with nine signers is refused whole.
		paper := in
		paper.Title, paper.Proposer = "关于加强农村饮水安全保障的议案", "deputies"
		for i := 0; i < 9; i++ {
			paper.Signers = append(paper.Signers, s.deputies[i].Card)
		}
		if _, err := a.CreateMotion(ctx, s.staff, paper); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a paper motion with nine signatures: %v", err)
		}
		if ms, _ := a.Motions(ctx, s.staff, s.code); len(ms) != 1 {
			t.Fatalf("the refused motion was written: %d motions", len(ms))
		}
		paper.Signers = append(paper.Signers, s.deputies[9].Card)
		if p, err := a.CreateMotion(ctx, s.staff, paper); err != nil || p.Status != qianxiang.MotionSubmitted || len(p.Signers) != 10 {
			t.Fatalf("a paper motion with ten: %+v %v", p, err)
		}
		// A body's motion needs no signatures; staff enter it.
		gov := in
		gov.Proposer, gov.Title = "government", "关于提请审议吕梁市物业管理条例（草案）的议案"
		if g, err := a.CreateMotion(ctx, s.staff, gov); err != nil || g.Status != qianxiang.MotionSubmitted {
			t.Fatalf("government motion: %+v %v", g, err)
		}
		if _, err := a.CreateMotion(ctx, s.actors[3], gov); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a deputy entered the government's motion: %v", err)
		}
		ms, _ := a.Motions(ctx, s.actors[5], s.code)
		if len(ms) != 3 {
			t.Fatalf("motions: %d", len(ms))
		}
	})
}

// The review committee reviews, its report goes to a presidium vote, and
// the vote's close decides the motions; converted ones wait for module 7.
func TestMotionReviewReportVotedByThePresidium(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 40, 12)
		deadline := a.Today().AddDays(3).String()
		if _, err := a.SetMotionDeadline(ctx, s.staff, s.code, deadline); err != nil {
			t.Fatal(err)
		}
		// Committee: deputy 20 chairs it (not on the presidium).
		if _, err := a.SetBody(ctx, s.actors[20], s.code, qianxiang.MotionsCommittee, nil); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy set the committee: %v", err)
		}
		if _, err := a.SetBody(ctx, s.staff, s.code, qianxiang.ExecutiveChairs, []app.BodyMemberIn{{Card: s.deputies[20].Card}}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("an executive chair off the presidium: %v", err)
		}
		if _, err := a.SetBody(ctx, s.staff, s.code, qianxiang.ExecutiveChairs, []app.BodyMemberIn{{Card: s.deputies[0].Card, Role: "chair"}, {Card: s.deputies[1].Card}}); err != nil {
			t.Fatal(err)
		}
		b, err := a.SetBody(ctx, s.staff, s.code, qianxiang.MotionsCommittee, []app.BodyMemberIn{{Card: s.deputies[20].Card, Role: "chair"}, {Card: s.deputies[21].Card}})
		if err != nil || len(b.MotionsCommittee) != 2 || len(b.ExecutiveChairs) != 2 || b.MotionDeadline.String() != deadline {
			t.Fatalf("bodies: %+v %v", b, err)
		}
		mk := func(title, proposer string) qianxiang.Motion {
			m, err := a.CreateMotion(ctx, s.staff, app.NewMotion{Congress: s.code, Title: title, Reason: "r", Basis: "b", Solution: "s", Proposer: proposer})
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		m1 := mk("关于制定吕梁市物业管理条例的议案", "government")
		m2 := mk("关于修缮城区某路段路灯的议案", "standing_committee")
		if _, err := a.ReviewMotion(ctx, s.actors[5], m1.ID, app.MotionReview{ContentOK: true, Recommend: "listed", Review: "x"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy off the committee reviewed: %v", err)
		}
		if _, err := a.ReviewMotion(ctx, s.actors[20], m1.ID, app.MotionReview{ContentOK: true, Recommend: "listed", Review: "属于本级人大职权，建议列入议程"}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.ReviewMotion(ctx, s.staff, m2.ID, app.MotionReview{ContentOK: false, Recommend: "listed", Review: "x"}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("listed though its content failed: %v", err)
		}
		if _, err := a.ReviewMotion(ctx, s.staff, m2.ID, app.MotionReview{ContentOK: false, Recommend: "converted", Review: "属于政府具体工作，作为建议处理"}); err != nil {
			t.Fatal(err)
		}
		rep, err := a.CreateMotionReport(ctx, s.staff, s.code, "")
		if err != nil || len(rep.Motions) != 2 || rep.Listed != 1 || rep.Converted != 1 || rep.Status != qianxiang.MReportDraft {
			t.Fatalf("report: %+v %v", rep, err)
		}
		if _, err := a.CreateMotionReport(ctx, s.staff, s.code, ""); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("an empty report: %v", err)
		}
		plenary := s.meeting(t, a, qianxiang.BodyPlenary, 30)
		if _, err := a.PutReportToVote(ctx, s.staff, rep.ID, plenary.ID); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("the report went to the plenary: %v", err)
		}
		pres := s.meeting(t, a, qianxiang.BodyPresidium, 10)
		if rep, err = a.PutReportToVote(ctx, s.staff, rep.ID, pres.ID); err != nil || rep.Status != qianxiang.MReportVoting || rep.VoteID == 0 {
			t.Fatalf("to the vote: %+v %v", rep, err)
		}
		if _, err := a.OpenVote(ctx, s.staff, rep.VoteID); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 7; i++ { // presidium of 12: 7 needed
			if _, err := a.CastBallot(ctx, s.actors[i], rep.VoteID, qianxiang.ChoiceFor); err != nil {
				t.Fatal(err)
			}
		}
		if v, err := a.CloseVote(ctx, s.staff, rep.VoteID); err != nil || !*v.Passed {
			t.Fatalf("close: %+v %v", v, err)
		}
		if rep, _ = a.MotionReport(ctx, s.staff, rep.ID); rep.Status != qianxiang.MReportAdopted {
			t.Fatalf("report after the vote: %s", rep.Status)
		}
		if m, _ := a.Motion(ctx, s.staff, m1.ID); m.Status != qianxiang.MotionListed {
			t.Fatalf("m1: %s", m.Status)
		}
		if m, _ := a.Motion(ctx, s.staff, m2.ID); m.Status != qianxiang.MotionConverted {
			t.Fatalf("m2: %s", m.Status)
		}
		if _, err := a.ReopenVote(ctx, s.staff, rep.VoteID, "设备故障"); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("the deciding vote reopened: %v", err)
		}
		conv, err := a.ConvertedMotions(ctx, s.staff, s.code)
		if err != nil || len(conv) != 1 || conv[0].MotionID != m2.ID {
			t.Fatalf("converted: %+v %v", conv, err)
		}
		if _, err := a.MarkMotionTakenOver(ctx, s.staff, m1.ID, "S-1"); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a listed motion taken over: %v", err)
		}
		if m, err := a.MarkMotionTakenOver(ctx, s.staff, m2.ID, "S-1"); err != nil || m.Suggestion != "S-1" {
			t.Fatalf("take over: %+v %v", m, err)
		}
		if _, err := a.MarkMotionTakenOver(ctx, s.staff, m2.ID, "S-2"); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("taken over twice: %v", err)
		}
		if conv, _ := a.ConvertedMotions(ctx, s.staff, s.code); len(conv) != 0 {
			t.Fatalf("still waiting: %+v", conv)
		}
	})
}

// A report the presidium does not adopt sends its motions back.
func TestMotionReportNotAdopted(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 20, 10)
		m, err := a.CreateMotion(ctx, s.staff, app.NewMotion{Congress: s.code, Title: "关于x的议案", Reason: "r", Basis: "b", Solution: "s", Proposer: "presidium"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.ReviewMotion(ctx, s.staff, m.ID, app.MotionReview{ContentOK: true, Recommend: "listed", Review: "建议列入"}); err != nil {
			t.Fatal(err)
		}
		rep, _ := a.CreateMotionReport(ctx, s.staff, s.code, "审查报告")
		pres := s.meeting(t, a, qianxiang.BodyPresidium, 8)
		rep, _ = a.PutReportToVote(ctx, s.staff, rep.ID, pres.ID)
		a.OpenVote(ctx, s.staff, rep.VoteID)
		for i := 0; i < 5; i++ { // 5 of 10: 6 needed
			a.CastBallot(ctx, s.actors[i], rep.VoteID, qianxiang.ChoiceFor)
		}
		if v, err := a.CloseVote(ctx, s.staff, rep.VoteID); err != nil || *v.Passed {
			t.Fatalf("close: %+v %v", v, err)
		}
		rep, _ = a.MotionReport(ctx, s.staff, rep.ID)
		got, _ := a.Motion(ctx, s.staff, m.ID)
		if rep.Status != qianxiang.MReportRejected || got.Status != qianxiang.MotionSubmitted || got.ReportID != 0 {
			t.Fatalf("after a failed vote: %s %s %d", rep.Status, got.Status, got.ReportID)
		}
	})
}

func TestParseBodyMembers(t *testing.T) {
	got := app.ParseBodyMembers("4-0001 主任委员\n\n4-0002, vice_chair\r\n4-0003\n")
	want := []app.BodyMemberIn{{Card: "4-0001", Role: "chair"}, {Card: "4-0002", Role: "vice_chair"}, {Card: "4-0003", Role: "member"}}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("%+v", got)
	}
}
