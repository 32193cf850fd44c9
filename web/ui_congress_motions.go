package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// The pages of motions (议案) and resolutions followed up. Every form
// posts, the service decides, and the page comes back with what was done
// (?done=…) or, refused, with the message and what was typed kept.

// motionsData is the motions page: the list, the committee's reports,
// and the forms the caller may use.
type motionsData struct {
	Code       string
	Motions    []qianxiang.Motion
	Reports    []qianxiang.MotionReport
	Bodies     app.SessionBodies
	Presidium  []qianxiang.Meeting
	Me         *qianxiang.Deputy
	CanManage  bool
	CanReview  bool
	Proposers  []string
	Form       app.NewMotion
	SignerText string
	Counts     map[string]int
}

func (s *Server) motionsData(r *http.Request) (*motionsData, error) {
	ctx, act := r.Context(), actor(r)
	d := &motionsData{CanManage: act.Can(qianxiang.ActManageCongress, congressScope), Proposers: qianxiang.Proposers, Counts: map[string]int{}}
	ks, err := s.App.Congresses(ctx, act)
	if err != nil {
		return nil, err
	}
	if len(ks) == 0 {
		return d, nil
	}
	d.Code = r.FormValue("congress")
	if d.Code == "" {
		d.Code = app.DefaultCongress(ks).Code
	}
	if d.Motions, err = s.App.Motions(ctx, act, d.Code); err != nil {
		return nil, err
	}
	for _, m := range d.Motions {
		d.Counts[string(m.Status)]++
	}
	if d.Reports, err = s.App.MotionReports(ctx, act, d.Code); err != nil {
		return nil, err
	}
	if d.Bodies, err = s.App.Bodies(ctx, act, d.Code); err != nil {
		return nil, err
	}
	ms, err := s.App.Meetings(ctx, act, d.Code)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if m.Body == qianxiang.BodyPresidium {
			d.Presidium = append(d.Presidium, m)
		}
	}
	if act.Role == qianxiang.RoleDeputy {
		if ds, err := s.App.Deputies(ctx, act, d.Code, ""); err == nil {
			for i := range ds {
				if ds[i].UserID == act.UserID {
					d.Me = &ds[i]
				}
			}
		}
		if d.Me != nil {
			for _, m := range d.Bodies.MotionsCommittee {
				d.CanReview = d.CanReview || m.Deputy.ID == d.Me.ID
			}
		}
	}
	d.CanReview = d.CanReview || d.CanManage
	return d, nil
}

func motionFlash(p *Page, done string) string {
	switch done {
	case "":
		return ""
	case "created":
		return p.T("The motion was created.")
	case "signed":
		return p.T("The signature was recorded.")
	case "submitted":
		return p.T("The motion went to the review committee.")
	case "reviewed":
		return p.T("The committee's recommendation was recorded.")
	case "report":
		return p.T("The committee's report was written.")
	case "vote":
		return p.T("The report was put to the presidium's vote; open and close it on the meeting's page.")
	}
	return p.T("Saved.")
}

func (s *Server) motionsPage(w http.ResponseWriter, r *http.Request) error {
	if err := actor(r).Check(qianxiang.ActRead, congressScope, "page /congress/motions"); err != nil {
		return err
	}
	d, err := s.motionsData(r)
	if err != nil {
		return err
	}
	d.Form.Proposer = "deputies"
	p := s.page(r, "Motions", "congress", d)
	p.Flash = motionFlash(p, r.URL.Query().Get("done"))
	return s.render(w, r, 200, "congress_motions", p)
}

// pageRefusal shows a page again with the service's refusal.
func (s *Server) pageRefusal(w http.ResponseWriter, r *http.Request, err error, title, tmpl string, data any) error {
	if code := qianxiang.ErrorCode(err); code == qianxiang.EInternal || code == qianxiang.ENotFound {
		return err
	}
	p := s.page(r, title, "congress", data)
	p.Error = i18n.Error(p.Lang, err)
	if e := qianxiang.AsError(err); e != nil {
		for _, x := range e.Details {
			p.Details = append(p.Details, i18n.Detail(p.Lang, x))
		}
	}
	return s.render(w, r, Status(qianxiang.ErrorCode(err)), tmpl, p)
}

// splitCards reads card numbers typed one a line or separated by commas
// or spaces.
func splitCards(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	})
}

func (s *Server) motionCreate(w http.ResponseWriter, r *http.Request) error {
	in := app.NewMotion{Congress: r.FormValue("congress"), Title: r.FormValue("title"), Reason: r.FormValue("reason"), Basis: r.FormValue("basis"),
		Solution: r.FormValue("solution"), Proposer: r.FormValue("proposer"), Delegation: r.FormValue("delegation"),
		Signers: splitCards(r.FormValue("signers"))}
	m, err := s.App.CreateMotion(r.Context(), actor(r), in)
	if err != nil {
		d, derr := s.motionsData(r)
		if derr != nil {
			return derr
		}
		d.Form, d.SignerText = in, r.FormValue("signers")
		return s.pageRefusal(w, r, err, "Motions", "congress_motions", d)
	}
	http.Redirect(w, r, "/congress/motions/"+itoa(m.ID)+"?done=created", http.StatusSeeOther)
	return nil
}

// motionData is one motion's page.
type motionData struct {
	M         qianxiang.Motion
	Names     map[string]string
	Signed    bool
	IsSigner  bool
	CanSign   bool
	CanManage bool
	CanReview bool
	Deadline  qianxiang.Date
	Report    *qianxiang.MotionReport
}

func (s *Server) motionData(r *http.Request, id int64) (*motionData, error) {
	ctx, act := r.Context(), actor(r)
	m, err := s.App.Motion(ctx, act, id)
	if err != nil {
		return nil, err
	}
	d := &motionData{M: m, Names: map[string]string{}, CanManage: act.Can(qianxiang.ActManageCongress, congressScope)}
	ks, err := s.App.Congresses(ctx, act)
	if err != nil {
		return nil, err
	}
	for _, k := range ks {
		if k.ID != m.CongressID {
			continue
		}
		d.Deadline = k.MotionDeadline
		ds, err := s.App.Deputies(ctx, act, k.Code, "")
		if err != nil {
			return nil, err
		}
		var me *qianxiang.Deputy
		for i := range ds {
			d.Names[ds[i].Card] = ds[i].Name + " · " + ds[i].Delegation
			if act.Role == qianxiang.RoleDeputy && ds[i].UserID == act.UserID {
				me = &ds[i]
			}
		}
		if me != nil {
			for _, c := range m.Signers {
				d.Signed = d.Signed || c == me.Card
			}
			d.IsSigner = d.Signed
			d.CanSign = !d.Signed && m.CanSign(*me) == nil
			b, err := s.App.Bodies(ctx, act, k.Code)
			if err != nil {
				return nil, err
			}
			for _, x := range b.MotionsCommittee {
				d.CanReview = d.CanReview || x.Deputy.ID == me.ID
			}
		}
	}
	d.CanReview = d.CanReview || d.CanManage
	if m.ReportID != 0 {
		rep, err := s.App.MotionReport(ctx, act, m.ReportID)
		if err != nil {
			return nil, err
		}
		d.Report = &rep
	}
	return d, nil
}

func (s *Server) motionPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.motionData(r, id)
	if err != nil {
		return err
	}
	p := s.page(r, "Motion", "congress", d)
	p.Flash = motionFlash(p, r.URL.Query().Get("done"))
	return s.render(w, r, 200, "congress_motion", p)
}

// motionStep takes a form of the motion's page: sign, submit, review.
func (s *Server) motionStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, act := r.Context(), actor(r)
	step, done := r.PathValue("step"), ""
	switch step {
	case "sign":
		done = "signed"
		_, err = s.App.SignMotion(ctx, act, id, r.FormValue("card"))
	case "submit":
		done = "submitted"
		_, err = s.App.SubmitMotion(ctx, act, id)
	case "review":
		done = "reviewed"
		_, err = s.App.ReviewMotion(ctx, act, id, app.MotionReview{ContentOK: r.FormValue("content_ok") == "1",
			Recommend: r.FormValue("recommend"), Review: r.FormValue("review")})
	default:
		return qianxiang.ErrNotFound("page")
	}
	if err != nil {
		d, derr := s.motionData(r, id)
		if derr != nil {
			return derr
		}
		return s.pageRefusal(w, r, err, "Motion", "congress_motion", d)
	}
	http.Redirect(w, r, "/congress/motions/"+itoa(id)+"?done="+done, http.StatusSeeOther)
	return nil
}

func (s *Server) motionReportCreate(w http.ResponseWriter, r *http.Request) error {
	_, err := s.App.CreateMotionReport(r.Context(), actor(r), r.FormValue("congress"), r.FormValue("title"))
	return s.motionReportsAfter(w, r, err, "report")
}

// motionReportsAfter answers a write of the motions page's reports: the
// page again with the refusal, or back to its reports with done.
func (s *Server) motionReportsAfter(w http.ResponseWriter, r *http.Request, err error, done string) error {
	if err != nil {
		d, derr := s.motionsData(r)
		if derr != nil {
			return derr
		}
		return s.pageRefusal(w, r, err, "Motions", "congress_motions", d)
	}
	http.Redirect(w, r, "/congress/motions?congress="+url.QueryEscape(r.FormValue("congress"))+"&done="+done+"#reports", http.StatusSeeOther)
	return nil
}

func (s *Server) motionReportVote(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	meeting, _ := strconv.ParseInt(r.FormValue("meeting"), 10, 64)
	_, err = s.App.PutReportToVote(r.Context(), actor(r), id, meeting)
	return s.motionReportsAfter(w, r, err, "vote")
}

// congressBodies sets the executive chairs or the review committee from
// the /congress page (card numbers one a line, optionally with the place).
func (s *Server) congressBodies(w http.ResponseWriter, r *http.Request) error {
	var err error
	if r.FormValue("body") == "motion_deadline" {
		_, err = s.App.SetMotionDeadline(r.Context(), actor(r), r.FormValue("congress"), r.FormValue("date"))
	} else {
		_, err = s.App.SetBody(r.Context(), actor(r), r.FormValue("congress"), qianxiang.SessionBody(r.FormValue("body")),
			app.ParseBodyMembers(r.FormValue("members")))
	}
	if err != nil {
		d, derr := s.congressData(r)
		if derr != nil {
			return derr
		}
		return s.pageRefusal(w, r, err, "Congress", "congress", d)
	}
	http.Redirect(w, r, "/congress?congress="+url.QueryEscape(r.FormValue("congress"))+"#bodies", http.StatusSeeOther)
	return nil
}

// resolutionsData is the resolutions page.
type resolutionsData struct {
	Code        string
	Resolutions []app.ResolutionView
	Executors   []qianxiang.Executor
	CanManage   bool
	Today       string
}

func (s *Server) resolutionsData(r *http.Request) (*resolutionsData, error) {
	ctx, act := r.Context(), actor(r)
	d := &resolutionsData{Executors: qianxiang.Executors, CanManage: act.Can(qianxiang.ActManageCongress, congressScope), Today: s.App.Today().String()}
	ks, err := s.App.Congresses(ctx, act)
	if err != nil {
		return nil, err
	}
	if len(ks) == 0 {
		return d, nil
	}
	d.Code = r.FormValue("congress")
	if d.Code == "" {
		d.Code = app.DefaultCongress(ks).Code
	}
	d.Resolutions, err = s.App.Resolutions(ctx, act, d.Code)
	return d, err
}

func (s *Server) resolutionsPage(w http.ResponseWriter, r *http.Request) error {
	if err := actor(r).Check(qianxiang.ActRead, congressScope, "page /congress/resolutions"); err != nil {
		return err
	}
	d, err := s.resolutionsData(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Resolutions", "congress", d)
	if r.URL.Query().Get("done") != "" {
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "congress_resolutions", p)
}

// resolutionStep takes the resolutions page's forms: a report-back date
// added, a report-back received, assessed.
func (s *Server) resolutionStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, act := r.Context(), actor(r)
	var rid int64
	var v app.ResolutionView
	switch r.PathValue("step") {
	case "followup":
		v, err = s.App.AddFollowUp(ctx, act, id, app.NewFollowUp{Body: qianxiang.Executor(r.FormValue("body")), Due: r.FormValue("due")})
	case "report":
		v, err = s.App.StepFollowUp(ctx, act, id, "report", app.FollowUpStep{Text: r.FormValue("text"), ReportedOn: r.FormValue("reported_on")})
	case "assess":
		v, err = s.App.StepFollowUp(ctx, act, id, "assess", app.FollowUpStep{Accept: r.FormValue("accept") == "1", Note: r.FormValue("note")})
	default:
		return qianxiang.ErrNotFound("page")
	}
	if err != nil {
		d, derr := s.resolutionsData(r)
		if derr != nil {
			return derr
		}
		return s.pageRefusal(w, r, err, "Resolutions", "congress_resolutions", d)
	}
	rid = v.ID
	http.Redirect(w, r, "/congress/resolutions?congress="+url.QueryEscape(r.FormValue("congress"))+"&done=1#r"+itoa(rid), http.StatusSeeOther)
	return nil
}

// congressMotionRoutes are the motions' and resolutions' pages.
func (s *Server) congressMotionRoutes() []route {
	a := s.authed
	return []route{
		{"GET /congress/motions", a(s.motionsPage)},
		{"POST /congress/motions", a(s.motionCreate)},
		{"GET /congress/motions/{id}", a(s.motionPage)},
		{"POST /congress/motions/{id}/{step}", a(s.motionStep)},
		{"POST /congress/motion-reports", a(s.motionReportCreate)},
		{"POST /congress/motion-reports/{id}/vote", a(s.motionReportVote)},
		{"POST /congress/bodies", a(s.congressBodies)},
		{"GET /congress/resolutions", a(s.resolutionsPage)},
		{"POST /congress/resolutions/{id}/{step}", a(s.resolutionStep)},
		{"POST /congress/followups/{id}/{step}", a(s.resolutionStep)},
	}
}

func init() {
	funcs["hasPrefix"] = strings.HasPrefix
	funcs["list"] = func(s ...string) []string { return s }
	funcs["dateOr"] = func(d qianxiang.Date) string {
		if d.IsZero() {
			return "—"
		}
		return d.String()
	}
	// stepOf places a motion's state on the page's four steps.
	funcs["stepOf"] = func(st qianxiang.MotionStatus) int {
		return map[qianxiang.MotionStatus]int{qianxiang.MotionSigning: 0, qianxiang.MotionSubmitted: 1, qianxiang.MotionReviewed: 2,
			qianxiang.MotionListed: 3, qianxiang.MotionConverted: 3}[st]
	}
}
