package qianxiang

import (
	"regexp"
	"strings"
	"time"
)

// The people's congress (module 6): its deputies, its meetings with their
// quorum, and electronic votes. These are the rules; storing and serving
// them lives in store/, app/ and web/.

// Congress is one 届 of a people's congress (code e.g. "lvliang-4").
type Congress struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// Deputy is one deputy of a congress, linked to their own login.
type Deputy struct {
	ID         int64  `json:"id"`
	CongressID int64  `json:"-"`
	Seq        int    `json:"seq"`
	Name       string `json:"name"`
	Delegation string `json:"delegation"`
	Gender     string `json:"gender"`
	Ethnicity  string `json:"ethnicity"`
	Title      string `json:"title"`
	Seat       string `json:"seat"`
	Card       string `json:"card"`
	Presidium  bool   `json:"presidium"`
	UserID     int64  `json:"-"`
}

// Body is who meets: the whole congress in plenary, or its presidium.
type Body string

const (
	BodyPlenary   Body = "plenary"
	BodyPresidium Body = "presidium"
)

// Valid reports a known body.
func (b Body) Valid() bool { return b == BodyPlenary || b == BodyPresidium }

// Member reports whether a deputy belongs to the body.
func (b Body) Member(d Deputy) bool { return b == BodyPlenary || d.Presidium }

// Ratio is a fraction of members, a body's setting (two thirds, one half).
type Ratio struct{ Num, Den int }

// DefaultQuorum: a meeting may be held with at least two thirds of all
// members present (plenary and presidium alike).
var DefaultQuorum = Ratio{2, 3}

// DefaultMajority: a decision passes with more than half of ALL members.
var DefaultMajority = Ratio{1, 2}

// Quorum is the number of members who must be present: at least
// Num/Den of members (369 → 246, 55 → 37).
func Quorum(members int, r Ratio) int {
	if r.Den <= 0 {
		r = DefaultQuorum
	}
	return (members*r.Num + r.Den - 1) / r.Den
}

// Threshold is the number of votes for that passes: more than Num/Den of
// ALL members, whoever is present (369 → 185, 55 → 28). Abstaining and
// not pressing count against.
func Threshold(members int, r Ratio) int {
	if r.Den <= 0 {
		r = DefaultMajority
	}
	return members*r.Num/r.Den + 1
}

// Attendance is a meeting's quorum picture: "应出席N人，实出席M人".
type Attendance struct {
	Members   int  `json:"members"`
	Present   int  `json:"present"`
	Leave     int  `json:"leave"`
	Quorum    int  `json:"quorum"`
	QuorumMet bool `json:"quorum_met"`
}

// AttendanceOf computes the picture for a body's members and those present.
func AttendanceOf(members, present, leave int, rule Ratio) Attendance {
	q := Quorum(members, rule)
	return Attendance{Members: members, Present: present, Leave: leave, Quorum: q, QuorumMet: members > 0 && present >= q}
}

// Meeting is one sitting of a body.
type Meeting struct {
	ID         int64  `json:"id"`
	CongressID int64  `json:"-"`
	Congress   string `json:"congress"`
	// Session is the number of the session (次会议) within the congress.
	Session int    `json:"session"`
	Body    Body   `json:"body"`
	Title   string `json:"title"`
	Date    Date   `json:"date"`
	Agenda  string `json:"agenda"`
	Version int    `json:"version"`
}

// Validate checks a new meeting.
func (m Meeting) Validate() error {
	switch {
	case !m.Body.Valid():
		return FieldError("body", "must be plenary or presidium")
	case strings.TrimSpace(m.Title) == "":
		return FieldError("title", "is required")
	case m.Date.IsZero() || m.Date.MonthOnly():
		return FieldError("date", "is required (YYYY-MM-DD)")
	case m.Session < 1 || m.Session > MaxSessions:
		return FieldError("session", "must be a session number from 1 to %d", MaxSessions)
	}
	return nil
}

// MaxSessions bounds a session's number: a congress sits five years,
// with one regular session a year and a few extraordinary ones.
const MaxSessions = 30

// SessionName is how a session is called: 3 → "第三次会议".
func SessionName(n int) string {
	if n < 1 || n > 99 {
		return ""
	}
	return "第" + chineseNumber(n) + "次会议"
}

// chineseNumber writes 1–99 as Chinese numerals (十一, 二十, 二十三).
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// Anonymity of a vote: aggregate (the default) records that a deputy voted,
// never how; named records each deputy's choice.
type Anonymity string

const (
	Aggregate Anonymity = "aggregate"
	Named     Anonymity = "named"
)

// VoteStatus moves draft → open → closed; a closed vote can be reopened
// (a new round, with a reason) which discards its ballots.
type VoteStatus string

const (
	VoteDraft  VoteStatus = "draft"
	VoteOpen   VoteStatus = "open"
	VoteClosed VoteStatus = "closed"
)

// Choice is what a deputy presses.
type Choice string

const (
	ChoiceFor     Choice = "for"
	ChoiceAgainst Choice = "against"
	ChoiceAbstain Choice = "abstain"
)

// Valid reports a known choice.
func (c Choice) Valid() bool { return c == ChoiceFor || c == ChoiceAgainst || c == ChoiceAbstain }

// Tally counts the ballots of a vote.
type Tally struct {
	For, Against, Abstain int
}

// Cast is the number of ballots.
func (t Tally) Cast() int { return t.For + t.Against + t.Abstain }

// Add counts one choice.
func (t *Tally) Add(c Choice) {
	switch c {
	case ChoiceFor:
		t.For++
	case ChoiceAgainst:
		t.Against++
	case ChoiceAbstain:
		t.Abstain++
	}
}

// Vote is a vote on an agenda item of a meeting. Members and Present are
// fixed when it opens; the result fields are filled when it closes.
type Vote struct {
	ID        int64      `json:"id"`
	MeetingID int64      `json:"meeting_id"`
	Title     string     `json:"title"`
	Anonymity Anonymity  `json:"anonymity"`
	Status    VoteStatus `json:"status"`
	Members   int        `json:"members"`
	Present   int        `json:"present"`
	Threshold int        `json:"threshold"`
	Round     int        `json:"round"`
	Result    Tally      `json:"-"`
	NotVoted  int        `json:"-"`
	Passed    bool       `json:"-"`
	OpenedAt  time.Time  `json:"-"`
	ClosedAt  time.Time  `json:"-"`
	Version   int        `json:"version"`
}

// Validate checks a new vote.
func (v Vote) Validate() error {
	if strings.TrimSpace(v.Title) == "" {
		return FieldError("title", "is required")
	}
	if v.Anonymity != Aggregate && v.Anonymity != Named {
		return FieldError("anonymity", "must be aggregate or named")
	}
	return nil
}

// CanOpen says whether the vote may open given the meeting's attendance.
func (v Vote) CanOpen(a Attendance) error {
	if v.Status != VoteDraft {
		return Errorf(EValidation, "the vote is %s; only a draft vote can be opened", string(v.Status))
	}
	if !a.QuorumMet {
		return Errorf(EValidation, "no quorum: %d of %d members present, %d needed", a.Present, a.Members, a.Quorum)
	}
	return nil
}

// Open fixes the body's numbers for the vote.
func (v *Vote) Open(a Attendance, majority Ratio, at time.Time) error {
	if err := v.CanOpen(a); err != nil {
		return err
	}
	v.Status, v.Members, v.Present, v.Threshold, v.OpenedAt = VoteOpen, a.Members, a.Present, Threshold(a.Members, majority), at
	if v.Round == 0 {
		v.Round = 1
	}
	return nil
}

// CanBallot says whether a deputy may cast a ballot now; whether they
// already did is the database's to enforce (one row per deputy and vote).
func (v Vote) CanBallot(member, checkedIn bool, c Choice) error {
	switch {
	case !c.Valid():
		return FieldError("choice", "must be for, against or abstain")
	case v.Status != VoteOpen:
		return Errorf(EValidation, "the vote is not open")
	case !member:
		return Errorf(EForbidden, "you are not a member of this meeting's body")
	case !checkedIn:
		return Errorf(EValidation, "check in first: only deputies present can vote")
	}
	return nil
}

// Close fills the result: for, against, abstain, not voted (present and
// not pressed) and passed against the threshold over ALL members.
func (v *Vote) Close(t Tally, at time.Time) error {
	if v.Status != VoteOpen {
		return Errorf(EValidation, "the vote is not open")
	}
	v.Status, v.Result, v.ClosedAt = VoteClosed, t, at
	v.NotVoted = v.Present - t.Cast()
	if v.NotVoted < 0 {
		// Deputies who checked in after the vote opened and voted.
		v.NotVoted = 0
	}
	v.Passed = t.For >= v.Threshold
	return nil
}

// Reopen starts a new round of a closed vote (a fault in the hall): the
// reason is required and the earlier round's ballots are discarded.
func (v *Vote) Reopen(reason string) error {
	if v.Status != VoteClosed {
		return Errorf(EValidation, "only a closed vote can be reopened")
	}
	if strings.TrimSpace(reason) == "" {
		return FieldError("reason", "is required")
	}
	v.Status, v.Result, v.NotVoted, v.Passed = VoteDraft, Tally{}, 0, false
	v.OpenedAt, v.ClosedAt = time.Time{}, time.Time{}
	v.Round++
	return nil
}

// Outcome is "passed" or "not passed" for a closed vote, "" otherwise.
func (v Vote) Outcome() string {
	if v.Status != VoteClosed {
		return ""
	}
	if v.Passed {
		return "passed"
	}
	return "not passed"
}

var agendaNumber = regexp.MustCompile(`^\s*(?:[0-9]+[.、．)）]|[（(][0-9一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)`)

// AgendaItems splits a meeting's agenda into its items, one a line or
// separated by "；" as clerks write them ("1. 听取报告；2. 表决决议"), without
// their numbers: the meeting page offers them as the items to vote on and
// the minutes list them.
func AgendaItems(agenda string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(agenda, func(r rune) bool { return r == '\n' || r == '；' || r == ';' }) {
		item := strings.TrimSpace(line)
		// Drop a leading number: "1." "1、" "(1)" "（一）" "一、" (not a year: "2023年…" stays).
		item = strings.TrimSpace(agendaNumber.ReplaceAllString(item, ""))
		if item != "" {
			out = append(out, item)
		}
	}
	return out
}
