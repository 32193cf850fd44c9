package app_test

import (
	"fmt"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// sugWorld: a congress of four deputies, the office, two units and a
// county, on a fake clock, with the 2023 calendar kept.
type sugWorld struct {
	clk               *clock
	s                 *session
	cgj, wjw, wenshui qianxiang.Actor
}

func newSugWorld(t *testing.T, a *app.App) *sugWorld {
	t.Helper()
	w := &sugWorld{clk: &clock{time.Date(2023, 3, 1, 9, 0, 0, 0, a.Loc)}}
	a.Now = w.clk.now
	w.s = newSession(t, a, 4, 0)
	w.cgj = testenv.User(t, a, "cgj", qianxiang.RoleOrgAdmin, "141100-CGJ")
	w.wjw = testenv.User(t, a, "wjw", qianxiang.RoleOrgAdmin, "141100-WJW")
	w.wenshui = testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
	if _, err := a.SetYearCalendar(ctx, w.s.staff, 2023, app.CalendarInput{Holidays: []string{"2023-04-05", "2023-04-29", "2023-04-30",
		"2023-05-01", "2023-05-02", "2023-05-03"}, Workdays: []string{"2023-04-23", "2023-05-06"}}); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *sugWorld) on(day string) {
	d, _ := qianxiang.ParseDate(day)
	w.clk.t = time.Date(d.Year, time.Month(d.Month), d.Day, 10, 0, 0, 0, w.clk.t.Location())
}

func code(err error) string { return qianxiang.ErrorCode(err) }

func TestSuggestionHandlingOnTheCalendar(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newSugWorld(t, a)
		d1, d2, d3 := w.s.actors[0], w.s.actors[1], w.s.actors[2]
		s, err := a.CreateSuggestion(ctx, d1, app.SuggestionInput{Title: "关于改善北川河沿岸照明的建议", Body: "夜间照明不足。",
			Deputies: []string{w.s.deputies[1].Card}, SubmittedOn: "2023-03-01"})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Signers) != 2 || s.Signers[0].Card != w.s.deputies[0].Card || s.Status != qianxiang.SugSubmitted || s.Number != 1 {
			t.Fatalf("created %+v", s)
		}
		if _, err := a.AssignSuggestion(ctx, w.cgj, s.ID, app.AssignInput{LeadOrg: "141100-CGJ"}); code(err) != qianxiang.EForbidden {
			t.Fatalf("a unit cannot assign: %v", err)
		}
		w.on("2023-03-28")
		s, err = a.AssignSuggestion(ctx, w.s.staff, s.ID, app.AssignInput{LeadOrg: "141100-CGJ", CoOrgs: []string{"141100-WJW"}, AssignedOn: "2023-03-28"})
		if err != nil {
			t.Fatal(err)
		}
		if s.ReturnBy.String() != "2023-04-07" || s.AnswerDue.String() != "2023-06-28" {
			t.Fatalf("deadlines %s %s", s.ReturnBy, s.AnswerDue)
		}
		// Scope: each unit sees what is assigned to it and nothing else.
		other, err := a.CreateSuggestion(ctx, w.s.staff, app.SuggestionInput{Title: "文水县城区停车难", Body: "停车位不足。",
			Deputies: []string{w.s.deputies[2].Card}, SubmittedOn: "2023-03-02"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.AssignSuggestion(ctx, w.s.staff, other.ID, app.AssignInput{LeadOrg: "141121", AssignedOn: "2023-03-28"}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			who  qianxiang.Actor
			want int
		}{{w.cgj, 1}, {w.wjw, 1}, {w.wenshui, 1}, {d1, 1}, {d3, 1}, {w.s.staff, 2}} {
			l, err := a.Suggestions(ctx, c.who, app.SuggestionQuery{})
			if err != nil || len(l) != c.want {
				t.Fatalf("%s sees %d (%v), want %d", c.who.Username, len(l), err, c.want)
			}
		}
		if _, err := a.Suggestion(ctx, w.wenshui, s.ID); code(err) != qianxiang.ENotFound {
			t.Fatalf("another unit's suggestion is not found: %v", err)
		}
		if _, err := a.AnswerSuggestion(ctx, w.wenshui, s.ID, "A", "x"); code(err) != qianxiang.ENotFound {
			t.Fatalf("answer from a unit not assigned: %v", err)
		}
		if _, err := a.AnswerSuggestion(ctx, w.wjw, s.ID, "A", "x"); code(err) != qianxiang.EForbidden {
			t.Fatalf("a co-unit does not answer: %v", err)
		}
		// Send back after 7 working days: refused.
		w.on("2023-04-10")
		if _, err := a.SendBackSuggestion(ctx, w.cgj, s.ID, "不属本单位职责"); code(err) != qianxiang.EValidation {
			t.Fatalf("late send back: %v", err)
		}
		if _, err := a.ViewSuggestion(ctx, w.wjw, s.ID, "建议结合老旧小区改造一并实施"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.ExtendSuggestion(ctx, w.cgj, s.ID, ""); code(err) != qianxiang.EValidation {
			t.Fatalf("extension without a reason: %v", err)
		}
		w.on("2023-05-10")
		s, err = a.AnswerSuggestion(ctx, w.cgj, s.ID, "B", "已纳入年度路灯改造计划")
		if err != nil || s.Status != qianxiang.SugAnswered || !s.Answers[0].OnTime {
			t.Fatalf("answer: %v %+v", err, s)
		}
		if _, err := a.RateSuggestion(ctx, d3, s.ID, "satisfied"); code(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy who did not sign: %v", err)
		}
		if _, err := a.RateSuggestion(ctx, d2, s.ID, "basically"); err != nil {
			t.Fatal(err)
		}
		w.on("2023-05-31")
		s, err = a.RateSuggestion(ctx, d1, s.ID, "unsatisfied")
		if err != nil || s.Status != qianxiang.SugHandling || s.AnswerDue.String() != "2023-06-30" || s.Rating != qianxiang.Unsatisfied {
			t.Fatalf("unsatisfied: %v %s %s %s", err, s.Status, s.AnswerDue, s.Rating)
		}
		w.on("2023-07-01")
		od, err := a.Suggestions(ctx, w.s.staff, app.SuggestionQuery{Overdue: true})
		if err != nil || len(od) != 2 {
			t.Fatalf("overdue list: %d %v", len(od), err)
		}
		// The sweep chases both lead units, once per due date.
		for i := 0; i < 2; i++ {
			if n, err := a.RemindSuggestions(ctx); err != nil || n != 2 {
				t.Fatalf("reminders: %d %v", n, err)
			}
		}
		if ns, _, _ := a.Notifications(ctx, w.cgj, 20); len(ns) == 0 || ns[0].Kind != qianxiang.NoteOverdue {
			t.Fatalf("the lead unit is told it is overdue: %+v", ns)
		}
		s, err = a.AnswerSuggestion(ctx, w.cgj, s.ID, "A", "路灯已安装完毕")
		if err != nil || len(s.Answers) != 2 || s.Answers[1].OnTime {
			t.Fatalf("second answer: %v %+v", err, s.Answers)
		}
		a.RateSuggestion(ctx, d1, s.ID, "satisfied")
		s, err = a.RateSuggestion(ctx, d2, s.ID, "satisfied")
		if err != nil || s.Status != qianxiang.SugClosed || s.Rating != qianxiang.Satisfied {
			t.Fatalf("closed: %v %s %s", err, s.Status, s.Rating)
		}
		det, err := a.SuggestionDetail(ctx, d1, s.ID)
		if err != nil || len(det.Ratings) != 4 || len(det.History) < 7 {
			t.Fatalf("detail: %v ratings %d history %d", err, len(det.Ratings), len(det.History))
		}
		// Extensions: once, with a reason, before the three months end.
		w.on("2023-06-20")
		o, err := a.ExtendSuggestion(ctx, w.wenshui, other.ID, "需争取省级资金支持")
		if err != nil || o.AnswerDue.String() != "2023-09-28" {
			t.Fatalf("extend: %v %s", err, o.AnswerDue)
		}
		if _, err := a.ExtendSuggestion(ctx, w.wenshui, other.ID, "再次延期"); code(err) != qianxiang.EValidation {
			t.Fatalf("beyond 6 months: %v", err)
		}
	})
}

func TestSuggestionCalendarRefusesADayBothWays(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newSugWorld(t, a)
		_, err := a.SetYearCalendar(ctx, w.s.staff, 2024, app.CalendarInput{Holidays: []string{"2024-02-04"}, Workdays: []string{"2024-02-04"}})
		if code(err) != qianxiang.EValidation {
			t.Fatalf("both: %v", err)
		}
		if y, _ := a.YearCalendar(ctx, w.cgj, 2024); y.Version != 0 {
			t.Fatal("nothing written")
		}
		if _, err := a.SetYearCalendar(ctx, w.cgj, 2024, app.CalendarInput{}); code(err) != qianxiang.EForbidden {
			t.Fatalf("a unit does not keep the calendar: %v", err)
		}
		y, err := a.YearCalendar(ctx, w.cgj, 2023)
		if err != nil || len(y.Holidays) != 6 || y.Workdays[0].String() != "2023-04-23" {
			t.Fatalf("%v %+v", err, y)
		}
	})
}

// A joint motion the review committee sends to handling as a suggestion
// becomes one, once, with its ten signers.
func TestMotionConvertedToSuggestion(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 12, 0)
		m, err := a.CreateMotion(ctx, s.actors[0], app.NewMotion{Congress: s.code, Title: "关于加强汾河流域生态保护的议案", Reason: "理由", Basis: "依据", Solution: "方案"})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range s.actors[1:10] {
			if _, err := a.SignMotion(ctx, d, m.ID, ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := a.CreateSuggestion(ctx, s.staff, app.SuggestionInput{FromMotion: m.ID}); code(err) != qianxiang.EValidation {
			t.Fatalf("not yet converted: %v", err)
		}
		// The committee's report and the presidium's vote (module 6) are
		// not this test's: the motion is set converted behind the scenes.
		if _, err := testenv.Raw(t, a).Exec(`UPDATE congress_motions SET status = 'converted' WHERE id = ` + itoa64(m.ID)); err != nil {
			t.Fatal(err)
		}
		sg, err := a.CreateSuggestion(ctx, s.staff, app.SuggestionInput{FromMotion: m.ID})
		if err != nil || sg.Title != m.Title || len(sg.Signers) != 10 || sg.FromMotion != m.ID {
			t.Fatalf("converted: %v %+v", err, sg)
		}
		// Module 6 records the hand-over on the motion, in the same step.
		if mm, err := a.DB.MotionByID(ctx, m.ID); err != nil || mm.Suggestion != fmt.Sprintf("/suggestions/%d", sg.ID) {
			t.Fatalf("the motion does not say it continues as the suggestion: %q %v", mm.Suggestion, err)
		}
		if _, err := a.CreateSuggestion(ctx, s.staff, app.SuggestionInput{FromMotion: m.ID}); code(err) != qianxiang.EConflict {
			t.Fatalf("converted twice: %v", err)
		}
		if _, err := a.CreateSuggestion(ctx, s.actors[0], app.SuggestionInput{FromMotion: m.ID}); code(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy does not convert motions: %v", err)
		}
	})
}
