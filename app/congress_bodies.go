package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// SessionBodies are a congress session's executive chairs and motions
// review committee.
type SessionBodies struct {
	Congress         string                 `json:"congress"`
	ExecutiveChairs  []qianxiang.BodyMember `json:"executive_chairs"`
	MotionsCommittee []qianxiang.BodyMember `json:"motions_committee"`
	MotionDeadline   qianxiang.Date         `json:"motion_deadline"`
}

// BodyMemberIn names a member by card number and their place.
type BodyMemberIn struct {
	Card string `json:"card"`
	Role string `json:"role"`
}

// Bodies lists a congress's session bodies.
func (a *App) Bodies(ctx context.Context, actor qianxiang.Actor, code string) (SessionBodies, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return SessionBodies{}, err
	}
	out := SessionBodies{Congress: k.Code, MotionDeadline: k.MotionDeadline}
	if out.ExecutiveChairs, err = a.DB.BodyMembers(ctx, k.ID, qianxiang.ExecutiveChairs); err != nil {
		return out, a.internal(ctx, "bodies", err)
	}
	out.MotionsCommittee, err = a.DB.BodyMembers(ctx, k.ID, qianxiang.MotionsCommittee)
	return out, a.internal(ctx, "bodies", err)
}

// ParseBodyMembers reads the desk's list: one member a line, the card
// number and optionally the place ("4-0001 chair"), as staff paste it.
func ParseBodyMembers(text string) []BodyMemberIn {
	var out []BodyMemberIn
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(strings.ReplaceAll(line, ",", " "))
		if len(f) == 0 {
			continue
		}
		m := BodyMemberIn{Card: f[0], Role: "member"}
		if len(f) > 1 {
			m.Role = f[1]
			// The office writes the places in Chinese as often as not.
			if r, ok := chinesePlaces[f[1]]; ok {
				m.Role = r
			}
		}
		out = append(out, m)
	}
	return out
}

var chinesePlaces = map[string]string{"主任委员": "chair", "副主任委员": "vice_chair", "委员": "member", "召集人": "chair", "执行主席": "member"}

// SetBody replaces a session body's members (staff), all or nothing: every
// card must be on the roster, executive chairs on the presidium. Each
// removal and addition is audited.
func (a *App) SetBody(ctx context.Context, actor qianxiang.Actor, code string, body qianxiang.SessionBody, in []BodyMemberIn) (SessionBodies, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "congress"); err != nil {
		return SessionBodies{}, err
	}
	if !body.Valid() {
		return SessionBodies{}, qianxiang.FieldError("body", "must be executive_chairs or motions_committee")
	}
	k, err := a.congressByCode(ctx, actor, strings.TrimSpace(code))
	if err != nil {
		return SessionBodies{}, err
	}
	ms := make([]qianxiang.BodyMember, len(in))
	var details []qianxiang.Detail
	for i, x := range in {
		card := strings.TrimSpace(x.Card)
		d, err := a.DB.DeputyByCard(ctx, k.ID, card)
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			details = append(details, qianxiang.Detail{Row: i + 1, Field: "members[" + itoa(int64(i)) + "].card", Format: "no deputy has card number %s", Args: []any{card}})
		} else if err != nil {
			return SessionBodies{}, a.internal(ctx, "set body", err)
		}
		role := strings.TrimSpace(x.Role)
		if role == "" {
			role = "member"
		}
		ms[i] = qianxiang.BodyMember{Body: body, Card: card, Name: d.Name, Role: role, Deputy: d}
	}
	details = append(details, qianxiang.CheckBodyMembers(body, ms)...)
	if len(details) > 0 {
		return SessionBodies{}, &qianxiang.Error{Code: qianxiang.EValidation, Format: "the list has %d errors; nothing was changed",
			Args: []any{len(details)}, Details: details}
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		old, err := tx.BodyMemberIDs(ctx, k.ID, body)
		if err != nil {
			return err
		}
		for _, id := range old {
			before, err := tx.Snapshot(ctx, "congress_body_members", id)
			if err != nil {
				return err
			}
			if err := tx.DeleteBodyMember(ctx, id); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "delete", "congress_body_members", id, string(body), before); err != nil {
				return err
			}
		}
		for i, m := range ms {
			id, err := tx.InsertBodyMember(ctx, k.ID, m, i+1)
			if err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "create", "congress_body_members", id, m.Name, ""); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return SessionBodies{}, a.internal(ctx, "set body", err)
	}
	return a.Bodies(ctx, actor, k.Code)
}

// SetMotionDeadline records the session's last day for motions (staff);
// "" clears it.
func (a *App) SetMotionDeadline(ctx context.Context, actor qianxiang.Actor, code, date string) (SessionBodies, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "congress"); err != nil {
		return SessionBodies{}, err
	}
	k, err := a.congressByCode(ctx, actor, strings.TrimSpace(code))
	if err != nil {
		return SessionBodies{}, err
	}
	d, err := qianxiang.ParseDate(date)
	if err != nil || d.MonthOnly() {
		return SessionBodies{}, qianxiang.FieldError("motion_deadline", "must be a date YYYY-MM-DD")
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		before, err := tx.Snapshot(ctx, "congresses", k.ID)
		if err != nil {
			return err
		}
		if err := tx.SetMotionDeadline(ctx, k.ID, d); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "congresses", k.ID, k.Name, before)
	})
	if err != nil {
		return SessionBodies{}, a.internal(ctx, "motion deadline", err)
	}
	return a.Bodies(ctx, actor, k.Code)
}
