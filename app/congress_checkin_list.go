package app

import (
	"context"
	"fmt"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// ListCheckIn is what a check-in from a list did.
type ListCheckIn struct {
	CheckedIn int         `json:"checked_in"`
	Already   int         `json:"already"`
	Attending MeetingView `json:"meeting"`
}

// CheckInList checks in, at the desk, every deputy of a list of card
// numbers (a sign-in sheet collected at the door, typed or pasted): all
// or nothing, each unknown card, duplicate or non-member named by its
// place in the list. Those already present are left as they are; a
// deputy recorded on leave who turns up is checked in.
func (a *App) CheckInList(ctx context.Context, actor qianxiang.Actor, meetingID int64, cards []string) (ListCheckIn, error) {
	var out ListCheckIn
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "meeting"); err != nil {
		return out, err
	}
	m, err := a.DB.MeetingByID(ctx, meetingID)
	if err != nil {
		return out, err
	}
	if len(cards) == 0 {
		return out, qianxiang.FieldError("cards", "give at least one card number")
	}
	if len(cards) > 5000 {
		return out, qianxiang.FieldError("cards", "at most 5,000 card numbers at once")
	}
	var ds []qianxiang.Deputy
	var bad []qianxiang.Detail
	seen := map[string]int{}
	for i, c := range cards {
		c = strings.TrimSpace(c)
		field := fmt.Sprintf("cards[%d]", i)
		if j, dup := seen[c]; dup {
			bad = append(bad, qianxiang.Detail{Row: i + 1, Field: field, Format: "%s is listed twice (also at %d)", Args: []any{c, j + 1}})
			continue
		}
		seen[c] = i
		d, err := a.DB.DeputyByCard(ctx, m.CongressID, c)
		switch {
		case qianxiang.ErrorCode(err) == qianxiang.ENotFound || c == "":
			bad = append(bad, qianxiang.Detail{Row: i + 1, Field: field, Format: "no deputy has card number %s", Args: []any{c}})
		case err != nil:
			return out, a.internal(ctx, "check in a list", err)
		case !m.Body.Member(d):
			bad = append(bad, qianxiang.Detail{Row: i + 1, Field: field, Format: "%s is not a member of the presidium", Args: []any{d.Name}})
		default:
			ds = append(ds, d)
		}
	}
	if len(bad) > 0 {
		return out, &qianxiang.Error{Code: qianxiang.EValidation, Format: "%d of the %d card numbers cannot be checked in; nobody was checked in",
			Args: []any{len(bad), len(cards)}, Details: bad}
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		out.CheckedIn, out.Already = 0, 0
		for _, d := range ds {
			old, ok, err := tx.AttendanceOf(ctx, m.ID, d.ID)
			if err != nil {
				return err
			}
			if ok && old.Status == "present" {
				out.Already++
				continue
			}
			before := ""
			if ok {
				if before, err = tx.Snapshot(ctx, "congress_attendance", old.ID); err != nil {
					return err
				}
			}
			id, err := tx.SetAttendance(ctx, m.ID, d.ID, qianxiang.AttendanceRecord{Status: "present", Via: "list"})
			if err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "check_in", "congress_attendance", id, d.Name, before); err != nil {
				return err
			}
			out.CheckedIn++
		}
		if out.CheckedIn == 0 {
			return nil
		}
		return a.notify(ctx, tx, meetingTopic(m.ID), "attendance")
	})
	if err != nil {
		return out, a.internal(ctx, "check in a list", err)
	}
	a.published(meetingTopic(m.ID), "attendance")
	out.Attending, err = a.Meeting(ctx, qianxiang.SystemActor, m.ID)
	return out, err
}
