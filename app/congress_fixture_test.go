package app_test

import (
	"fmt"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

var counties = []string{"离石区", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县", "中阳县", "交口县", "孝义市", "汾阳市"}

// session is a congress ready for a test: staff, and n deputies (the
// first presidium of them on the presidium) logged in as actors.
type session struct {
	code     string
	staff    qianxiang.Actor
	deputies []qianxiang.Deputy
	actors   []qianxiang.Actor
}

func newSession(t testing.TB, a *app.App, n, presidium int) *session {
	t.Helper()
	testenv.Lvliang(t, a)
	s := &session{code: "test-1", staff: testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")}
	ds := make([]qianxiang.Deputy, n)
	for i := range ds {
		ds[i] = qianxiang.Deputy{Seq: i + 1, Name: fmt.Sprintf("代表%04d", i+1), Delegation: counties[i%len(counties)] + "代表团",
			Card: fmt.Sprintf("T-%04d", i+1), Seat: fmt.Sprintf("%d排%d号", i/30+1, i%30+1), Presidium: i < presidium}
	}
	if _, err := a.AddDeputiesSharedPassword(ctx, s.staff, s.code, ds, testenv.Password); err != nil {
		t.Fatal(err)
	}
	k, err := a.DB.CongressByCode(ctx, s.code)
	if err != nil {
		t.Fatal(err)
	}
	if s.deputies, err = a.DB.Deputies(ctx, k.ID, ""); err != nil {
		t.Fatal(err)
	}
	for _, d := range s.deputies {
		u, err := a.DB.UserByID(ctx, d.UserID)
		if err != nil {
			t.Fatal(err)
		}
		s.actors = append(s.actors, u.Actor())
	}
	return s
}

// meeting creates a meeting of the body and checks in the first present members.
func (s *session) meeting(t testing.TB, a *app.App, body qianxiang.Body, present int) app.MeetingView {
	t.Helper()
	m, err := a.CreateMeeting(ctx, s.staff, app.NewMeeting{Congress: s.code, Body: body, Title: "第" + string(body) + "会议", Date: "2023-02-26"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < present; i++ {
		if _, err := a.DeskCheckIn(ctx, s.staff, m.ID, s.deputies[i].Card, ""); err != nil {
			t.Fatal(err)
		}
	}
	m, err = a.Meeting(ctx, s.staff, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
