package web

import (
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

var congressScope = qianxiang.Scope{Congress: true}

// congressData is the congress's front page.
type congressData struct {
	Congresses  []qianxiang.CongressRules
	Code        string
	Deputies    int
	Presidium   int
	Delegations []qianxiang.Count
	Meetings    []qianxiang.Meeting
	CanManage   bool
	IsDeputy    bool
	Today       string
	Import      *app.RosterResult
	Bodies      app.SessionBodies
	Motions     int
	Resolutions int
	// Session is the session a new meeting belongs to by default: the
	// latest one met in, else the first.
	Session int
}

func (s *Server) congressData(r *http.Request) (*congressData, error) {
	ctx, act := r.Context(), actor(r)
	d := &congressData{CanManage: act.Can(qianxiang.ActManageCongress, congressScope), IsDeputy: act.Role == qianxiang.RoleDeputy,
		Today: s.App.Today().String()}
	ks, err := s.App.Congresses(ctx, act)
	if err != nil {
		return nil, err
	}
	d.Congresses = ks
	if len(ks) == 0 {
		return d, nil
	}
	d.Code = r.FormValue("congress")
	if d.Code == "" {
		d.Code = app.DefaultCongress(ks).Code
	}
	ds, err := s.App.Deputies(ctx, act, d.Code, "")
	if err != nil {
		return nil, err
	}
	d.Deputies = len(ds)
	for _, x := range ds {
		if x.Presidium {
			d.Presidium++
		}
	}
	if d.Delegations, err = s.App.Delegations(ctx, act, d.Code); err != nil {
		return nil, err
	}
	if d.Meetings, err = s.App.Meetings(ctx, act, d.Code); err != nil {
		return nil, err
	}
	d.Session = 1
	for _, m := range d.Meetings {
		d.Session = max(d.Session, m.Session)
	}
	if d.Bodies, err = s.App.Bodies(ctx, act, d.Code); err != nil {
		return nil, err
	}
	ms, err := s.App.Motions(ctx, act, d.Code)
	if err != nil {
		return nil, err
	}
	rs, err := s.App.Resolutions(ctx, act, d.Code)
	if err != nil {
		return nil, err
	}
	d.Motions, d.Resolutions = len(ms), len(rs)
	return d, nil
}

func (s *Server) congressPage(w http.ResponseWriter, r *http.Request) error {
	if err := actor(r).Check(qianxiang.ActRead, congressScope, "page /congress"); err != nil {
		return err
	}
	d, err := s.congressData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "congress", s.page(r, "Congress", "congress", d))
}

// congressImport takes a roster upload and shows the credential slips once.
func (s *Server) congressImport(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).Can(qianxiang.ActManageCongress, congressScope) {
		return qianxiang.ErrForbidden()
	}
	code := strings.TrimSpace(r.FormValue("congress"))
	f, name, err := s.uploadedFile(w, r)
	var res *app.RosterResult
	if err == nil {
		defer f.Close()
		res, err = s.App.ImportDeputies(r.Context(), actor(r), code, name, f)
	}
	if err != nil {
		d, derr := s.congressData(r)
		if derr != nil {
			return derr
		}
		p := s.page(r, "Congress", "congress", d)
		p.Error = i18n.Error(p.Lang, err)
		if e := qianxiang.AsError(err); e != nil {
			for _, x := range e.Details {
				p.Details = append(p.Details, i18n.Detail(p.Lang, x))
			}
		}
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "congress", p)
	}
	return s.render(w, r, 200, "congress_slips", s.page(r, "Credential slips", "congress", res))
}

func (s *Server) congressCreateMeeting(w http.ResponseWriter, r *http.Request) error {
	in := app.NewMeeting{Congress: r.FormValue("congress"), Body: qianxiang.Body(r.FormValue("body")), Title: r.FormValue("title"),
		Date: r.FormValue("date"), Agenda: r.FormValue("agenda")}
	if v := strings.TrimSpace(r.FormValue("session")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			// 0 would mean "the latest": a number typed is taken as meant.
			n = -1
		}
		in.Session = n
	}
	m, err := s.App.CreateMeeting(r.Context(), actor(r), in)
	if err != nil {
		d, derr := s.congressData(r)
		if derr != nil {
			return derr
		}
		p := s.page(r, "Congress", "congress", d)
		p.Error = i18n.Error(p.Lang, err)
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "congress", p)
	}
	http.Redirect(w, r, "/congress/meetings/"+itoa(m.ID), http.StatusSeeOther)
	return nil
}

// meetingData is a meeting for its pages: the desk, the minutes, the screen.
type meetingData struct {
	M         app.MeetingView
	Votes     []app.VoteView
	Roll      []qianxiang.RollEntry
	ByDeleg   []delegationRoll
	CanManage bool
}

// delegationRoll is one delegation's attendance, for the minutes.
type delegationRoll struct {
	Name                          string
	Members, Present, Leave, Away int
	LeaveNames, AwayNames         []string
}

func (s *Server) meetingPage(tmpl string) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		ctx, act := r.Context(), actor(r)
		d := &meetingData{CanManage: act.Can(qianxiang.ActManageCongress, congressScope)}
		if d.M, err = s.App.Meeting(ctx, act, id); err != nil {
			return err
		}
		if d.Votes, err = s.App.Votes(ctx, act, id); err != nil {
			return err
		}
		if tmpl != "congress_screen" {
			if d.Roll, err = s.App.Roll(ctx, act, id); err != nil {
				return err
			}
			d.ByDeleg = byDelegation(d.Roll)
		}
		p := s.page(r, d.M.Title, "congress", d)
		if tmpl == "congress_minutes" {
			p.Print = true
		}
		return s.render(w, r, 200, tmpl, p)
	}
}

func byDelegation(roll []qianxiang.RollEntry) []delegationRoll {
	var out []delegationRoll
	idx := map[string]int{}
	for _, e := range roll {
		i, ok := idx[e.Deputy.Delegation]
		if !ok {
			i = len(out)
			idx[e.Deputy.Delegation] = i
			out = append(out, delegationRoll{Name: e.Deputy.Delegation})
		}
		g := &out[i]
		g.Members++
		switch e.Status {
		case "present":
			g.Present++
		case "leave":
			g.Leave++
			g.LeaveNames = append(g.LeaveNames, e.Deputy.Name)
		default:
			g.Away++
			g.AwayNames = append(g.AwayNames, e.Deputy.Name)
		}
	}
	return out
}

// voteData is the deputy's tablet page: their meeting and its open vote.
type voteData struct {
	Deputy  qianxiang.Deputy
	Meeting *app.MeetingView
	Present bool
}

func (s *Server) votePage(w http.ResponseWriter, r *http.Request) error {
	ctx, act := r.Context(), actor(r)
	if err := act.Check(qianxiang.ActVote, congressScope, "page /vote"); err != nil {
		return err
	}
	d := &voteData{}
	dep, m, present, err := s.App.DeputyMeeting(ctx, act)
	if err != nil {
		return err
	}
	d.Deputy, d.Meeting, d.Present = dep, m, present
	return s.render(w, r, 200, "congress_vote", s.page(r, "Vote", "congress", d))
}

func itoa(n int64) string {
	b := []byte{}
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// voteRowData feeds the voteRow partial with the page and one vote.
type voteRowData struct {
	P *Page
	V app.VoteView
}

func init() {
	funcs["agendaItems"] = qianxiang.AgendaItems
	funcs["closedVotes"] = func(vs []app.VoteView) bool {
		for _, v := range vs {
			if v.Status == qianxiang.VoteClosed {
				return true
			}
		}
		return false
	}
	funcs["voteRow"] = func(p *Page, v app.VoteView) voteRowData { return voteRowData{p, v} }
	funcs["deref"] = func(v any) any {
		switch x := v.(type) {
		case *int:
			if x != nil {
				return *x
			}
			return 0
		case *bool:
			return x != nil && *x
		}
		return v
	}
}

// congressRoutes are the congress's API and pages (contract.md, "Modules 4–7").
func (s *Server) congressRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/congresses", a(s.apiCongresses)},
		{"GET /api/v1/deputies", a(s.apiDeputies)},
		{"POST /api/v1/imports/deputies", a(s.apiImportDeputies)},
		{"GET /api/v1/meetings", a(s.apiMeetings)},
		{"POST /api/v1/meetings", a(s.apiCreateMeeting)},
		{"GET /api/v1/meetings/{id}", a(s.apiMeeting)},
		{"GET /api/v1/meetings/{id}/roll", a(s.apiRoll)},
		{"POST /api/v1/meetings/{id}/checkins", a(s.apiDeskCheckIn)},
		{"POST /api/v1/meetings/{id}/leave", a(s.apiLeave)},
		{"POST /api/v1/meetings/{id}/checkins/undo", a(s.apiUndoCheckIn)},
		{"POST /api/v1/meetings/{id}/checkin", a(s.apiSelfCheckIn)},
		{"GET /api/v1/meetings/{id}/votes", a(s.apiMeetingVotes)},
		{"POST /api/v1/meetings/{id}/votes", a(s.apiCreateVote)},
		{"GET /api/v1/meetings/{id}/events", a(s.apiMeetingEvents)},
		{"GET /api/v1/votes/{id}", a(s.apiVote)},
		{"POST /api/v1/votes/{id}/open", a(s.apiVoteChange("open"))},
		{"POST /api/v1/votes/{id}/close", a(s.apiVoteChange("close"))},
		{"POST /api/v1/votes/{id}/reopen", a(s.apiVoteChange("reopen"))},
		{"POST /api/v1/votes/{id}/ballot", a(s.apiBallot)},
		{"GET /api/v1/votes/{id}/events", a(s.apiVoteEvents)},
		{"GET /api/v1/motions", a(s.apiMotions)},
		{"POST /api/v1/motions", a(s.apiCreateMotion)},
		{"GET /api/v1/motions/{id}", a(s.apiMotionStep(""))},
		{"POST /api/v1/motions/{id}/sign", a(s.apiMotionStep("sign"))},
		{"POST /api/v1/motions/{id}/submit", a(s.apiMotionStep("submit"))},
		{"POST /api/v1/motions/{id}/review", a(s.apiMotionStep("review"))},
		{"POST /api/v1/motions/{id}/take-over", a(s.apiMotionStep("take-over"))},
		{"GET /api/v1/motions/converted", a(s.apiConvertedMotions)},
		{"GET /api/v1/motion-reports", a(s.apiMotionReports)},
		{"POST /api/v1/motion-reports", a(s.apiCreateMotionReport)},
		{"GET /api/v1/motion-reports/{id}", a(s.apiMotionReport)},
		{"POST /api/v1/motion-reports/{id}/vote", a(s.apiReportToVote)},
		{"GET /api/v1/congresses/{code}/bodies", a(s.apiBodies)},
		{"PUT /api/v1/congresses/{code}/bodies/{body}", a(s.apiSetBody)},
		{"PUT /api/v1/congresses/{code}/motion-deadline", a(s.apiMotionDeadline)},
		{"GET /api/v1/resolutions", a(s.apiResolutions)},
		{"POST /api/v1/resolutions", a(s.apiMakeResolution)},
		{"GET /api/v1/resolutions/{id}", a(s.apiResolution)},
		{"POST /api/v1/resolutions/{id}/followups", a(s.apiAddFollowUp)},
		{"POST /api/v1/followups/{id}/report", a(s.apiFollowUpStep("report"))},
		{"POST /api/v1/followups/{id}/assess", a(s.apiFollowUpStep("assess"))},
		{"GET /congress", a(s.congressPage)},
		{"POST /congress/import", a(s.congressImport)},
		{"POST /congress/meetings", a(s.congressCreateMeeting)},
		{"GET /congress/meetings/{id}", a(s.meetingPage("congress_meeting"))},
		{"GET /congress/meetings/{id}/minutes", a(s.meetingPage("congress_minutes"))},
		{"GET /congress/meetings/{id}/screen", a(s.meetingPage("congress_screen"))},
		{"GET /vote", a(s.votePage)},
	}
}

// SessionName is a session of a congress in the reader's language:
// 第三次会议, or "Session 3".
func (p *Page) SessionName(n int) string {
	if p.Lang == "en" {
		if qianxiang.SessionName(n) == "" {
			return ""
		}
		return "Session " + strconv.Itoa(n)
	}
	return qianxiang.SessionName(n)
}
