package app_test

import (
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A check-in made by mistake is taken back by the staff with a reason:
// the deputy is absent again, the quorum follows, the trail says who and
// why. Nobody else may, a deputy not checked in cannot be undone, and a
// deputy who has voted at the meeting stays checked in.
func TestUndoCheckIn(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 6, 0)
		m := s.meeting(t, a, qianxiang.BodyPlenary, 4)
		card := func(i int) string { return s.deputies[i].Card }
		for _, c := range []struct {
			name   string
			actor  qianxiang.Actor
			card   string
			reason string
			code   string
			field  string
		}{
			{"a deputy cannot", s.actors[0], card(1), "误签", qianxiang.EForbidden, ""},
			{"no reason", s.staff, card(1), "  ", qianxiang.EValidation, "reason"},
			{"an unknown card", s.staff, "T-9999", "误签", qianxiang.EValidation, "card"},
			{"not checked in", s.staff, card(5), "误签", qianxiang.EValidation, "card"},
		} {
			_, err := a.UndoCheckIn(ctx, c.actor, m.ID, c.card, c.reason)
			e := qianxiang.AsError(err)
			if e == nil || e.Code != c.code || c.field != "" && !strings.HasPrefix(e.Error(), c.field) {
				t.Errorf("%s: %v, want %s on %q", c.name, err, c.code, c.field)
			}
		}
		if mv, _ := a.Meeting(ctx, s.staff, m.ID); mv.Present != 4 {
			t.Fatalf("refused undos changed the attendance: %d present", mv.Present)
		}

		c, err := a.UndoCheckIn(ctx, s.staff, m.ID, card(1), "误签：同名代表")
		if err != nil || c.Attending.Present != 3 || c.Deputy.ID != s.deputies[1].ID {
			t.Fatalf("undo: %+v %v", c, err)
		}
		roll, _ := a.Roll(ctx, s.staff, m.ID)
		if roll[1].Status != "absent" || roll[1].Reason != "误签：同名代表" {
			t.Fatalf("roll after the undo: %+v", roll[1])
		}
		es, err := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Table: "congress_attendance"})
		if err != nil || len(es) == 0 || es[0].Action != "undo_check_in" || es[0].Actor != s.staff.Username ||
			!strings.Contains(es[0].After, "误签：同名代表") || !strings.Contains(es[0].Before, "present") {
			t.Fatalf("the trail: %+v %v", es, err)
		}
		// Checked in again, the deputy is present as before.
		if c, err := a.SelfCheckIn(ctx, s.actors[1], m.ID); err != nil || c.Already || c.Attending.Present != 4 {
			t.Fatalf("checking in again: %+v %v", c, err)
		}

		// A deputy who has voted stays checked in.
		v, err := a.CreateVote(ctx, s.staff, m.ID, app.NewVote{Title: "关于计划的决议"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.OpenVote(ctx, s.staff, v.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := a.CastBallot(ctx, s.actors[2], v.ID, qianxiang.ChoiceFor); err != nil {
			t.Fatal(err)
		}
		if _, err := a.UndoCheckIn(ctx, s.staff, m.ID, card(2), "误签"); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("undoing a voter's check-in: %v", err)
		}
		if mv, _ := a.Meeting(ctx, s.staff, m.ID); mv.Present != 4 {
			t.Fatalf("a voter's check-in was undone: %d present", mv.Present)
		}
	})
}
