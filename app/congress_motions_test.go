package app_test

import (
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func TestJointMotionNeedsTenSignersEachOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 12, 3)
		in := app.NewMotion{Congress: s.code, Title: "关于加快城区集中供热管网改造的议案", Reason: "老旧管网漏损严重",
			Basis: "《城镇供热管理条例》", Solution: "三年内完成改造"}
		m, err := a.CreateMotion(ctx, s.actors[0], in)
		if err != nil || m.Status != qianxiang.MotionSigning || len(m.Signers) != 1 {
			t.Fatalf("create: %+v %v", m, err)
		}
		if _, err := a.SignMotion(ctx, s.actors[0], m.ID); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("second signature: %v", err)
		}
		for i := 1; i < 9; i++ {
			if m, err = a.SignMotion(ctx, s.actors[i], m.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := a.SubmitMotion(ctx, s.actors[0], m.ID); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("nine signatures submitted: %v", err)
		}
		if _, err := a.SignMotion(ctx, s.staff, m.ID); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("staff signed: %v", err)
		}
		if m, err = a.SignMotion(ctx, s.actors[9], m.ID); err != nil || len(m.Signers) != 10 {
			t.Fatalf("tenth: %+v %v", m, err)
		}
		if _, err := a.SubmitMotion(ctx, s.actors[11], m.ID); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy who did not sign submitted: %v", err)
		}
		if m, err = a.SubmitMotion(ctx, s.actors[0], m.ID); err != nil || m.Status != qianxiang.MotionSubmitted {
			t.Fatalf("submit: %+v %v", m, err)
		}
		if _, err := a.SignMotion(ctx, s.actors[10], m.ID); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("signed after submission: %v", err)
		}
		if _, err := a.ReviewMotion(ctx, s.actors[0], m.ID, true, "x"); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy reviewed: %v", err)
		}
		if m, err = a.ReviewMotion(ctx, s.staff, m.ID, false, "属于政府职权内的具体工作，作为建议交有关部门办理"); err != nil || m.Status != qianxiang.MotionConverted {
			t.Fatalf("review: %+v %v", m, err)
		}
		// A body's motion needs no signatures; staff enter it.
		gov := in
		gov.Proposer, gov.Title = "government", "关于提请审议吕梁市物业管理条例（草案）的议案"
		if g, err := a.CreateMotion(ctx, s.staff, gov); err != nil || g.Status != qianxiang.MotionSubmitted {
			t.Fatalf("government motion: %+v %v", g, err)
		}
		ms, _ := a.Motions(ctx, s.actors[5], s.code)
		if len(ms) != 2 {
			t.Fatalf("motions: %d", len(ms))
		}
	})
}
