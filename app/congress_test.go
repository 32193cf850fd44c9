package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func TestImportDeputiesFromTheSampleRoster(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		staff := testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")
		path := filepath.Join(testenv.Samples(t), "congress-roster", "roster-120.xlsx")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		res, err := a.ImportDeputies(ctx, staff, "lvliang-4", "roster-120.xlsx", f)
		if err != nil {
			t.Fatalf("import: %v %v", err, qianxiang.AsError(err))
		}
		if res.Imported != 120 || res.Presidium != 21 || res.Delegations != 13 || len(res.Slips) != 120 {
			t.Fatalf("imported %d, presidium %d, delegations %d, slips %d", res.Imported, res.Presidium, res.Delegations, len(res.Slips))
		}
		first := res.Slips[0]
		u, err := a.DB.UserByName(ctx, "9-0001")
		if err != nil || u.Role != qianxiang.RoleDeputy || !u.MustChange || u.DisplayName != "曹鑫" || u.Org.Name != "离石区" {
			t.Fatalf("deputy login: %+v %v", u, err)
		}
		if first.Username != "9-0001" || !app.CheckPassword(u.PasswordHash, first.Password) {
			t.Fatalf("slip %+v does not open the login", first)
		}
		ds, err := a.Deputies(ctx, staff, "lvliang-4", "临县代表团")
		if err != nil || len(ds) != 18 {
			t.Fatalf("临县: %d %v", len(ds), err)
		}
		// The same roster again: every row refused by its card, nothing written.
		f2, _ := os.Open(path)
		defer f2.Close()
		_, err = a.ImportDeputies(ctx, staff, "lvliang-4", "roster-120.xlsx", f2)
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation || len(e.Details) != 120 || e.Details[0].Row != 3 {
			t.Fatalf("second import: %v", err)
		}
		all, _ := a.Deputies(ctx, staff, "lvliang-4", "")
		if len(all) != 120 {
			t.Fatalf("roster has %d after a refused import", len(all))
		}
		// Only staff import.
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		if _, err := a.ImportDeputies(ctx, lishi, "x", "r.csv", strings.NewReader("a")); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("county import: %v", err)
		}
	})
}

func TestImportDeputiesRefusesADuplicateCard(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		staff := testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")
		csv := "吕梁市第四届人民代表大会代表名册\n序号,姓名,代表团,性别,民族,职务/工作单位,座位号,代表证号,主席团成员\n" +
			"1,张三,离石区代表团,男,汉族,x,1排1号,9-0001,是\n" +
			"2,李四,离石区代表团,女,汉族,x,1排2号,9-0002,否\n" +
			"3,王五,文水县代表团,男,汉族,x,1排3号,9-0001,否\n" +
			"4,,文水县代表团,男,汉族,x,1排4号,9-0004,也许\n"
		_, err := a.ImportDeputies(ctx, staff, "lvliang-4", "roster.csv", strings.NewReader(csv))
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation {
			t.Fatalf("import: %v", err)
		}
		var got []string
		for _, d := range e.Details {
			got = append(got, d.String())
		}
		testenv.Contains(t, strings.Join(got, "\n"), "row 5, column H (代表证号): card number 9-0001 is already on row 3",
			"row 6, column B (姓名): is required", "row 6, column I (主席团成员): write 是 or 否")
		if ks, _ := a.DB.Congresses(ctx); len(ks) != 0 {
			t.Fatal("a refused roster created its congress")
		}
		if _, err := a.DB.UserByName(ctx, "9-0002"); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatal("a refused roster created a login")
		}
	})
}

func TestQuorumCheckInAndVoting(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 369, 55)
		m := s.meeting(t, a, qianxiang.BodyPlenary, 245)
		if m.Members != 369 || m.Present != 245 || m.Quorum != 246 || m.QuorumMet {
			t.Fatalf("meeting %+v", m)
		}
		v, err := a.CreateVote(ctx, s.staff, m.ID, app.NewVote{Title: "关于吕梁市2023年国民经济和社会发展计划的决议"})
		if err != nil || v.Status != qianxiang.VoteDraft || v.Anonymity != qianxiang.Aggregate || v.Threshold != 185 {
			t.Fatalf("create: %+v %v", v, err)
		}
		if _, err := a.OpenVote(ctx, s.staff, v.ID); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("245 of 369 opened the vote: %v", err)
		}
		// Checking in someone present changes nothing; an unknown card is refused.
		if c, err := a.DeskCheckIn(ctx, s.staff, m.ID, s.deputies[0].Card, ""); err != nil || !c.Already || c.Attending.Present != 245 {
			t.Fatalf("second desk check-in: %+v %v", c, err)
		}
		if _, err := a.DeskCheckIn(ctx, s.staff, m.ID, "9-9999", ""); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("unknown card: %v", err)
		}
		// The 246th checks in on their own device, another by name at the desk.
		if c, err := a.SelfCheckIn(ctx, s.actors[245], m.ID); err != nil || c.Attending.Present != 246 || !c.Attending.QuorumMet {
			t.Fatalf("self check-in: %+v %v", c, err)
		}
		if c, err := a.DeskCheckIn(ctx, s.staff, m.ID, "", s.deputies[246].Name); err != nil || c.Attending.Present != 247 {
			t.Fatalf("check-in by name: %+v %v", c, err)
		}
		if _, err := a.RecordLeave(ctx, s.staff, m.ID, s.deputies[300].Card, "因病请假"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.OpenVote(ctx, s.deputies0(t, a), v.ID); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy opened the vote: %v", err)
		}
		if v, err = a.OpenVote(ctx, s.staff, v.ID); err != nil || v.Status != qianxiang.VoteOpen {
			t.Fatalf("open: %+v %v", v, err)
		}
		// 185 for, 40 against, 20 abstain, 2 present do not press.
		for i := 0; i < 245; i++ {
			c := qianxiang.ChoiceFor
			switch {
			case i >= 225:
				c = qianxiang.ChoiceAbstain
			case i >= 185:
				c = qianxiang.ChoiceAgainst
			}
			if _, err := a.CastBallot(ctx, s.actors[i], v.ID, c); err != nil {
				t.Fatalf("ballot %d: %v", i, err)
			}
		}
		if _, err := a.CastBallot(ctx, s.actors[0], v.ID, qianxiang.ChoiceAgainst); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("second ballot: %v", err)
		}
		if _, err := a.CastBallot(ctx, s.actors[300], v.ID, qianxiang.ChoiceFor); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("ballot of a deputy on leave: %v", err)
		}
		if _, err := a.CastBallot(ctx, s.staff, v.ID, qianxiang.ChoiceFor); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("staff ballot: %v", err)
		}
		open, _ := a.Vote(ctx, s.staff, v.ID)
		if open.Cast != 245 || open.For != nil || open.Present != 247 {
			t.Fatalf("open vote shows %+v", open)
		}
		v, err = a.CloseVote(ctx, s.staff, v.ID)
		if err != nil || v.Status != qianxiang.VoteClosed || *v.For != 185 || *v.Against != 40 || *v.Abstain != 20 || *v.NotVoted != 2 || !*v.Passed {
			t.Fatalf("close: %+v %v", v, err)
		}
		if _, err := a.CastBallot(ctx, s.actors[245], v.ID, qianxiang.ChoiceFor); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("ballot after close: %v", err)
		}
		// 184 for of 369 does not pass, however few vote against.
		if _, err := a.ReopenVote(ctx, s.staff, v.ID, ""); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("reopen without reason: %v", err)
		}
		if v, err = a.ReopenVote(ctx, s.staff, v.ID, "表决器故障，重新表决"); err != nil || v.Round != 2 || v.Cast != 0 {
			t.Fatalf("reopen: %+v %v", v, err)
		}
		if _, err := a.OpenVote(ctx, s.staff, v.ID); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 184; i++ {
			if _, err := a.CastBallot(ctx, s.actors[i], v.ID, qianxiang.ChoiceFor); err != nil {
				t.Fatal(err)
			}
		}
		if v, err = a.CloseVote(ctx, s.staff, v.ID); err != nil || *v.For != 184 || *v.Passed || *v.NotVoted != 63 {
			t.Fatalf("184 for: %+v %v", v, err)
		}
		hist, _ := a.DB.History(ctx, "congress_votes", v.ID)
		var actions []string
		for _, e := range hist {
			if e.Action != "ballot" {
				actions = append(actions, e.Action)
			}
		}
		if strings.Join(actions, ",") != "create,open,close,reopen,open,close" {
			t.Fatalf("audited %v", actions)
		}
		if n, broken, err := a.DB.Verify(ctx); err != nil || len(broken) != 0 {
			t.Fatalf("audit verify after %d entries: %v %v", n, broken, err)
		}
	})
}

func (s *session) deputies0(t *testing.T, a *app.App) qianxiang.Actor { return s.actors[0] }

func TestPresidiumMeeting(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 120, 55)
		m := s.meeting(t, a, qianxiang.BodyPresidium, 52)
		if m.Members != 55 || m.Present != 52 || m.Quorum != 37 || !m.QuorumMet {
			t.Fatalf("presidium: %+v", m)
		}
		if _, err := a.DeskCheckIn(ctx, s.staff, m.ID, s.deputies[100].Card, ""); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a deputy off the presidium checked in: %v", err)
		}
		v, _ := a.CreateVote(ctx, s.staff, m.ID, app.NewVote{Title: "大会议案审查委员会的审查报告", Anonymity: qianxiang.Named})
		if _, err := a.OpenVote(ctx, s.staff, v.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := a.CastBallot(ctx, s.actors[100], v.ID, qianxiang.ChoiceFor); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy off the presidium voted: %v", err)
		}
		for i := 0; i < 28; i++ {
			a.CastBallot(ctx, s.actors[i], v.ID, qianxiang.ChoiceFor)
		}
		a.CastBallot(ctx, s.actors[28], v.ID, qianxiang.ChoiceAgainst)
		v, err := a.CloseVote(ctx, s.staff, v.ID)
		if err != nil || v.Threshold != 28 || !*v.Passed || len(v.Ballots) != 29 || v.Ballots[28].Choice != qianxiang.ChoiceAgainst {
			t.Fatalf("presidium vote: %+v %v", v, err)
		}
	})
}

// A sign-in sheet is checked in whole or not at all: an unknown card, a
// card twice or a deputy off the presidium is named by its place and
// nobody is checked in; a good list checks in those not yet present,
// each audited, via "list".
func TestCheckInFromAList(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 30, 10)
		m := s.meeting(t, a, qianxiang.BodyPlenary, 2)
		cards := func(idx ...int) []string {
			var out []string
			for _, i := range idx {
				out = append(out, s.deputies[i].Card)
			}
			return out
		}
		_, err := a.CheckInList(ctx, s.staff, m.ID, append(cards(3, 4, 4), "T-9999"))
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation || len(e.Details) != 2 || e.Details[0].Field != "cards[2]" || e.Details[1].Field != "cards[3]" {
			t.Fatalf("a list with a card twice and an unknown one: %v %+v", err, e)
		}
		if mv, _ := a.Meeting(ctx, s.staff, m.ID); mv.Present != 2 {
			t.Fatalf("a refused list checked %d in", mv.Present-2)
		}
		if _, err := a.CheckInList(ctx, s.actors[5], m.ID, cards(5)); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a deputy checked a list in: %v", err)
		}
		if _, err := a.RecordLeave(ctx, s.staff, m.ID, s.deputies[6].Card, "因病请假"); err != nil {
			t.Fatal(err)
		}
		l, err := a.CheckInList(ctx, s.staff, m.ID, cards(0, 1, 3, 4, 5, 6))
		if err != nil || l.CheckedIn != 4 || l.Already != 2 || l.Attending.Present != 6 || l.Attending.Leave != 0 {
			t.Fatalf("list: %+v %v", l, err)
		}
		roll, _ := a.Roll(ctx, s.staff, m.ID)
		if roll[6].Status != "present" || roll[6].Via != "list" || roll[0].Via != "desk" {
			t.Fatalf("roll: %+v %+v", roll[6], roll[0])
		}
		pm := s.meeting(t, a, qianxiang.BodyPresidium, 0)
		_, err = a.CheckInList(ctx, s.staff, pm.ID, cards(0, 20))
		if e := qianxiang.AsError(err); e == nil || len(e.Details) != 1 || e.Details[0].Field != "cards[1]" {
			t.Fatalf("a deputy off the presidium on its list: %v", err)
		}
	})
}

// A meeting belongs to a session (次会议) of its congress: the first
// when none is named and none is held yet, else the latest one named;
// a number out of range is refused with the field named.
func TestMeetingsBelongToSessions(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		s := newSession(t, a, 3, 0)
		mk := func(session int) (app.MeetingView, error) {
			return a.CreateMeeting(ctx, s.staff, app.NewMeeting{Congress: s.code, Session: session, Body: qianxiang.BodyPlenary, Title: "全体会议", Date: "2023-02-26"})
		}
		for _, c := range []struct{ in, want int }{{0, 1}, {3, 3}, {0, 3}, {2, 2}, {0, 3}} {
			m, err := mk(c.in)
			if err != nil || m.Session != c.want {
				t.Fatalf("session %d: got %d %v, want %d", c.in, m.Session, err, c.want)
			}
		}
		for _, bad := range []int{-1, qianxiang.MaxSessions + 1} {
			_, err := mk(bad)
			if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EValidation || !strings.HasPrefix(e.Error(), "session") {
				t.Fatalf("session %d: %v", bad, err)
			}
		}
		ms, err := a.Meetings(ctx, s.staff, s.code)
		if err != nil || len(ms) != 5 || ms[0].Session != 3 || ms[len(ms)-1].Session != 1 {
			t.Fatalf("meetings newest session first: %+v %v", ms, err)
		}
	})
}

// Congress staff belong to the city organisation (contract, "pinned
// details"): a login of the role under a county is refused when added
// and when a role is changed, with the organisation named.
func TestCongressStaffBelongToTheCity(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		_, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "rd-lishi", Role: qianxiang.RoleCongressStaff, OrgCode: "141102", Password: testenv.Password})
		if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EValidation || !strings.Contains(e.Error(), "离石区") {
			t.Fatalf("congress staff under a county: %v", err)
		}
		if _, err := a.DB.UserByName(ctx, "rd-lishi"); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatal("the refused login was created")
		}
		u := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		if err := a.SetRole(ctx, qianxiang.SystemActor, u.UserID, qianxiang.RoleCongressStaff, ""); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a county admin made congress staff in the county: %v", err)
		}
		if got, _ := a.DB.UserByID(ctx, u.UserID); got.Role != qianxiang.RoleOrgAdmin {
			t.Fatalf("the refused change was kept: %s", got.Role)
		}
		if err := a.SetRole(ctx, qianxiang.SystemActor, u.UserID, qianxiang.RoleCongressStaff, "141100"); err != nil {
			t.Fatalf("moved to the city as congress staff: %v", err)
		}
	})
}

// With the consultative conference's roster imported after the people's
// congress, pages without a congress named still show the congress.
func TestDefaultCongressIsThePeoplesCongress(t *testing.T) {
	ks := []qianxiang.CongressRules{{Congress: qianxiang.Congress{Code: "lvliang-cppcc-5"}}, {Congress: qianxiang.Congress{Code: "lvliang-4"}}}
	if got := app.DefaultCongress(ks).Code; got != "lvliang-4" {
		t.Fatalf("default %s", got)
	}
	if got := app.DefaultCongress(ks[:1]).Code; got != "lvliang-cppcc-5" {
		t.Fatalf("only the conference's roster: %s", got)
	}
}
