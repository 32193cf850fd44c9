package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// MeetingView is a meeting with its live attendance: "应出席N人，实出席M人".
type MeetingView struct {
	qianxiang.Meeting
	qianxiang.Attendance
}

// NewMeeting is the input to CreateMeeting.
type NewMeeting struct {
	Congress string         `json:"congress"`
	Body     qianxiang.Body `json:"body"`
	Title    string         `json:"title"`
	Date     string         `json:"date"`
	Agenda   string         `json:"agenda"`
	// Session is the session's number (次会议); 0 (not given) means the
	// congress's latest session, or its first.
	Session int `json:"session"`
}

// CreateMeeting sets up a plenary or presidium meeting (staff).
func (a *App) CreateMeeting(ctx context.Context, actor qianxiang.Actor, in NewMeeting) (MeetingView, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "congress"); err != nil {
		return MeetingView{}, err
	}
	k, err := a.DB.CongressByCode(ctx, strings.TrimSpace(in.Congress))
	if err != nil {
		return MeetingView{}, qianxiang.FieldError("congress", "no congress %q (import its roster first)", in.Congress)
	}
	d, err := qianxiang.ParseDate(strings.TrimSpace(in.Date))
	if err != nil {
		return MeetingView{}, qianxiang.FieldError("date", "must be a date YYYY-MM-DD")
	}
	if ds := qianxiang.CleanTexts("title", &in.Title, "agenda", &in.Agenda); len(ds) > 0 {
		return MeetingView{}, qianxiang.FieldError(ds[0].Field, ds[0].Format, ds[0].Args...)
	}
	m := qianxiang.Meeting{CongressID: k.ID, Congress: k.Code, Session: in.Session, Body: in.Body, Title: in.Title, Date: d, Agenda: in.Agenda}
	if m.Session == 0 {
		if m.Session, err = a.DB.LatestSession(ctx, k.ID); err != nil {
			return MeetingView{}, a.internal(ctx, "create meeting", err)
		}
		m.Session = max(m.Session, 1)
	}
	if err := m.Validate(); err != nil {
		return MeetingView{}, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertMeeting(ctx, &m); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "congress_meetings", m.ID, m.Title, "")
	})
	if err != nil {
		return MeetingView{}, a.internal(ctx, "create meeting", err)
	}
	return a.Meeting(ctx, actor, m.ID)
}

// Meeting returns a meeting with its attendance now.
func (a *App) Meeting(ctx context.Context, actor qianxiang.Actor, id int64) (MeetingView, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "meeting"); err != nil {
		return MeetingView{}, err
	}
	m, err := a.DB.MeetingByID(ctx, id)
	if err != nil {
		return MeetingView{}, err
	}
	att, err := a.attendance(ctx, a.DB, m)
	return MeetingView{Meeting: m, Attendance: att}, a.internal(ctx, "meeting", err)
}

type meetingReader interface {
	MeetingCounts(ctx context.Context, m qianxiang.Meeting) (int, int, int, error)
	CongressByID(ctx context.Context, id int64) (qianxiang.CongressRules, error)
}

func (a *App) attendance(ctx context.Context, r meetingReader, m qianxiang.Meeting) (qianxiang.Attendance, error) {
	k, err := r.CongressByID(ctx, m.CongressID)
	if err != nil {
		return qianxiang.Attendance{}, err
	}
	members, present, leave, err := r.MeetingCounts(ctx, m)
	return qianxiang.AttendanceOf(members, present, leave, k.Quorum), err
}

// Meetings lists a congress's meetings ("" for the newest congress).
func (a *App) Meetings(ctx context.Context, actor qianxiang.Actor, code string) ([]qianxiang.Meeting, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return nil, err
	}
	ms, err := a.DB.Meetings(ctx, k.ID)
	return ms, a.internal(ctx, "meetings", err)
}

// Roll lists a meeting's members with their attendance.
func (a *App) Roll(ctx context.Context, actor qianxiang.Actor, id int64) ([]qianxiang.RollEntry, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "meeting"); err != nil {
		return nil, err
	}
	m, err := a.DB.MeetingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	r, err := a.DB.Roll(ctx, m)
	return r, a.internal(ctx, "roll", err)
}

// CheckIn is what a check-in did.
type CheckIn struct {
	Deputy    qianxiang.Deputy `json:"deputy"`
	Already   bool             `json:"already"`
	Attending MeetingView      `json:"meeting"`
}

// DeskCheckIn checks a deputy in at the desk (staff), by card number or,
// when the name is unique in the congress, by name (the desk's one box
// sends what was typed as both). Someone already
// present is left as they are.
func (a *App) DeskCheckIn(ctx context.Context, actor qianxiang.Actor, meetingID int64, card, name string) (CheckIn, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "meeting"); err != nil {
		return CheckIn{}, err
	}
	m, err := a.DB.MeetingByID(ctx, meetingID)
	if err != nil {
		return CheckIn{}, err
	}
	d, err := a.findDeputy(ctx, m.CongressID, card, name)
	if err != nil {
		return CheckIn{}, err
	}
	return a.setAttendance(ctx, actor, m, d, qianxiang.AttendanceRecord{Status: "present", Via: "desk"})
}

// SelfCheckIn checks the calling deputy in from their own device.
func (a *App) SelfCheckIn(ctx context.Context, actor qianxiang.Actor, meetingID int64) (CheckIn, error) {
	if err := actor.Check(qianxiang.ActVote, congressScope, "meeting"); err != nil {
		return CheckIn{}, err
	}
	m, err := a.DB.MeetingByID(ctx, meetingID)
	if err != nil {
		return CheckIn{}, err
	}
	d, err := a.DB.DeputyByUser(ctx, m.CongressID, actor.UserID)
	if err != nil {
		return CheckIn{}, qianxiang.ErrNotFound("meeting")
	}
	return a.setAttendance(ctx, actor, m, d, qianxiang.AttendanceRecord{Status: "present", Via: "self"})
}

// RecordLeave records a deputy's leave (请假) for a meeting (staff).
func (a *App) RecordLeave(ctx context.Context, actor qianxiang.Actor, meetingID int64, card, reason string) (CheckIn, error) {
	return a.deskAttendance(ctx, actor, meetingID, card, reason, "leave")
}

// UndoCheckIn takes back a check-in made by mistake (staff): the desk
// checked in the wrong 张伟, or a list carried a card that was not in the
// hall. The deputy is absent again, the reason is kept on the record and
// in the audit trail. A deputy who has voted at the meeting stays checked
// in: their ballot was counted as present, so the record must say so.
func (a *App) UndoCheckIn(ctx context.Context, actor qianxiang.Actor, meetingID int64, card, reason string) (CheckIn, error) {
	return a.deskAttendance(ctx, actor, meetingID, card, reason, "absent")
}

// deskAttendance records, by card at the desk and with a required reason,
// a deputy on leave or (a check-in undone) absent.
func (a *App) deskAttendance(ctx context.Context, actor qianxiang.Actor, meetingID int64, card, reason, status string) (CheckIn, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "meeting"); err != nil {
		return CheckIn{}, err
	}
	m, err := a.DB.MeetingByID(ctx, meetingID)
	if err != nil {
		return CheckIn{}, err
	}
	d, err := a.findDeputy(ctx, m.CongressID, card, "")
	if err != nil {
		return CheckIn{}, err
	}
	reason, bad := qianxiang.CleanText("reason", reason)
	if bad != nil {
		return CheckIn{}, qianxiang.FieldError("reason", bad.Format, bad.Args...)
	}
	if reason == "" {
		return CheckIn{}, qianxiang.FieldError("reason", "is required")
	}
	return a.setAttendance(ctx, actor, m, d, qianxiang.AttendanceRecord{Status: status, Via: "desk", Reason: reason})
}

func (a *App) findDeputy(ctx context.Context, congressID int64, card, name string) (qianxiang.Deputy, error) {
	card, name = strings.TrimSpace(card), strings.TrimSpace(name)
	if card != "" {
		d, err := a.DB.DeputyByCard(ctx, congressID, card)
		if qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			return d, err
		}
		if name == "" {
			return d, qianxiang.FieldError("card", "no deputy has card number %s", card)
		}
	}
	if name == "" {
		return qianxiang.Deputy{}, qianxiang.FieldError("card", "give a card number or a name")
	}
	ds, err := a.DB.DeputiesNamed(ctx, congressID, name)
	if err != nil {
		return qianxiang.Deputy{}, a.internal(ctx, "find deputy", err)
	}
	switch len(ds) {
	case 0:
		return qianxiang.Deputy{}, qianxiang.FieldError("deputy_name", "no deputy is called %s", name)
	case 1:
		return ds[0], nil
	}
	return qianxiang.Deputy{}, qianxiang.FieldError("deputy_name", "%d deputies are called %s: use the card number", len(ds), name)
}

func (a *App) setAttendance(ctx context.Context, actor qianxiang.Actor, m qianxiang.Meeting, d qianxiang.Deputy, rec qianxiang.AttendanceRecord) (CheckIn, error) {
	out := CheckIn{Deputy: d}
	if !m.Body.Member(d) {
		return out, qianxiang.Errorf(qianxiang.EValidation, "%s is not a member of the presidium", d.Name)
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		old, ok, err := tx.AttendanceOf(ctx, m.ID, d.ID)
		if err != nil {
			return err
		}
		if ok && old.Status == rec.Status && rec.Status == "present" {
			out.Already = true
			return nil
		}
		if rec.Status == "absent" {
			if !ok || old.Status != "present" {
				return qianxiang.FieldError("card", "%s is not checked in", d.Name)
			}
			voted, err := tx.VotedAtMeeting(ctx, m.ID, d.ID)
			if err != nil {
				return err
			}
			if voted {
				return qianxiang.Errorf(qianxiang.EConflict, "%s has voted at this meeting, so the check-in stands", d.Name)
			}
		}
		before := ""
		if ok {
			if before, err = tx.Snapshot(ctx, "congress_attendance", old.ID); err != nil {
				return err
			}
		}
		id, err := tx.SetAttendance(ctx, m.ID, d.ID, rec)
		if err != nil {
			return err
		}
		action := map[string]string{"present": "check_in", "leave": "leave", "absent": "undo_check_in"}[rec.Status]
		if err := tx.Audit(ctx, actor.Username, action, "congress_attendance", id, d.Name, before); err != nil {
			return err
		}
		return a.notify(ctx, tx, meetingTopic(m.ID), "attendance")
	})
	if err != nil {
		return out, a.internal(ctx, "check in", err)
	}
	a.published(meetingTopic(m.ID), "attendance")
	out.Attending, err = a.Meeting(ctx, qianxiang.SystemActor, m.ID)
	return out, err
}

// DeputyMeeting finds the calling deputy's record and the meeting they sit
// in now: the latest meeting of their congress whose body they belong to.
func (a *App) DeputyMeeting(ctx context.Context, actor qianxiang.Actor) (qianxiang.Deputy, *MeetingView, bool, error) {
	if err := actor.Check(qianxiang.ActVote, congressScope, "meeting"); err != nil {
		return qianxiang.Deputy{}, nil, false, err
	}
	ks, err := a.DB.DeputyCongresses(ctx, actor.UserID)
	if err != nil || len(ks) == 0 {
		return qianxiang.Deputy{}, nil, false, qianxiang.ErrNotFound("deputy")
	}
	d, err := a.DB.DeputyByUser(ctx, ks[0], actor.UserID)
	if err != nil {
		return d, nil, false, err
	}
	ms, err := a.DB.Meetings(ctx, ks[0])
	if err != nil {
		return d, nil, false, a.internal(ctx, "meeting", err)
	}
	for _, m := range ms {
		if m.Body.Member(d) {
			mv, err := a.Meeting(ctx, actor, m.ID)
			if err != nil {
				return d, nil, false, err
			}
			att, ok, err := a.DB.AttendanceOf(ctx, m.ID, d.ID)
			if err != nil {
				return d, nil, false, a.internal(ctx, "meeting", err)
			}
			return d, &mv, ok && att.Status == "present", nil
		}
	}
	return d, nil, false, nil
}

// IsPresent reports whether the calling deputy is checked in at a meeting.
func (a *App) IsPresent(ctx context.Context, actor qianxiang.Actor, meetingID int64) bool {
	m, err := a.DB.MeetingByID(ctx, meetingID)
	if err != nil || actor.Role != qianxiang.RoleDeputy {
		return false
	}
	d, err := a.DB.DeputyByUser(ctx, m.CongressID, actor.UserID)
	if err != nil {
		return false
	}
	att, ok, err := a.DB.AttendanceOf(ctx, m.ID, d.ID)
	return err == nil && ok && att.Status == "present"
}
