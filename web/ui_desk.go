package web

import (
	"net/http"
	"strconv"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// deskView is what desk.html reads.
type deskView struct {
	*app.Desk
	Leaders []qianxiang.LeaderRef // for the campaign office's chooser
	Mine    bool
	// Shown are the first projects, red ones first; the registry lists all.
	Shown       []qianxiang.Project
	AllProjects string
	// Leads are the investment leads assigned to the leader reading the
	// desk (招大引强: one leader each).
	Leads []qianxiang.Lead
}

// deskProjectsShown bounds the desk's project list.
const deskProjectsShown = 15

func (s *Server) deskPage(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	who := r.URL.Query().Get("leader")
	v := &deskView{Mine: who == "" || who == a.Username}
	if a.Role != qianxiang.RoleLeader && who == "" {
		ls, err := s.App.Leaders(ctx, a)
		if err != nil {
			return err
		}
		if len(ls) == 0 {
			return qianxiang.ErrNotFound("leader")
		}
		who, v.Mine = ls[0].Username, false
	}
	d, err := s.App.Desk(ctx, a, who)
	if err != nil {
		return err
	}
	v.Desk = d
	v.Shown = d.Projects[:min(len(d.Projects), deskProjectsShown)]
	v.AllProjects = "/projects?" + queryString("year", strconv.Itoa(d.Year), "leader", d.Leader.Name)
	if !v.Mine {
		if v.Leaders, err = s.App.Leaders(ctx, a); err != nil {
			return err
		}
	}
	if a.Role == qianxiang.RoleLeader {
		if v.Leads, err = s.App.Leads(ctx, a, app.LeadQuery{}); err != nil {
			return err
		}
	}
	return s.render(w, r, 200, "desk", s.page(r, "Leader's desk", "desk", v))
}

func (s *Server) notificationsPage(w http.ResponseWriter, r *http.Request) error {
	ns, unread, err := s.App.Notifications(r.Context(), actor(r), 200)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "notifications", s.page(r, "Notifications", "", map[string]any{"Items": ns, "Unread": unread}))
}

// notificationsRead marks one (id) or all read, then follows the link
// (next) or comes back to the centre.
func (s *Server) notificationsRead(w http.ResponseWriter, r *http.Request) error {
	var ids []int64
	if v := r.FormValue("id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return qianxiang.FieldError("id", "must be a positive number")
		}
		ids = []int64{id}
	}
	if _, err := s.App.MarkNotificationsRead(r.Context(), actor(r), ids); err != nil {
		return err
	}
	http.Redirect(w, r, safeNext(r.FormValue("next")), http.StatusSeeOther)
	return nil
}

// unreadCount is shown in the header on every page.
func (s *Server) unreadCount(r *http.Request) int {
	if info(r).User == nil {
		return 0
	}
	_, n, err := s.App.Notifications(r.Context(), actor(r), 0)
	if err != nil {
		return 0
	}
	return n
}

type webhookView struct {
	URL       string
	SecretSet bool
	Attempts  any
}

func (s *Server) webhookPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderWebhook(w, r, 200, nil, "")
}

func (s *Server) renderWebhook(w http.ResponseWriter, r *http.Request, status int, err error, typed string) error {
	ctx, a := r.Context(), actor(r)
	h, set, lerr := s.App.Webhook(ctx, a)
	if lerr != nil {
		return lerr
	}
	at, lerr := s.App.WebhookAttempts(ctx, a, 50)
	if lerr != nil {
		return lerr
	}
	v := &webhookView{URL: h.URL, SecretSet: set, Attempts: at}
	p := s.page(r, "Webhook", "settings", v)
	if err != nil {
		v.URL = typed
		s.setError(p, err)
	} else if r.URL.Query().Get("done") == "1" {
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, status, "settings_webhook", p)
}

func (s *Server) webhookSubmit(w http.ResponseWriter, r *http.Request) error {
	in := qianxiang.Webhook{URL: r.FormValue("url"), Secret: r.FormValue("secret")}
	if err := s.App.SetWebhook(r.Context(), actor(r), in); err != nil {
		if c := qianxiang.ErrorCode(err); c == qianxiang.EValidation || c == qianxiang.EInvalid {
			return s.renderWebhook(w, r, Status(c), err, in.URL)
		}
		return err
	}
	http.Redirect(w, r, "/settings/webhook?done=1", http.StatusSeeOther)
	return nil
}

// setError puts a refusal on a page in the page's language.
func (s *Server) setError(p *Page, err error) {
	p.Error = i18n.Error(p.Lang, err)
	if e := qianxiang.AsError(err); e != nil {
		for _, d := range e.Details {
			p.Details = append(p.Details, i18n.Detail(p.Lang, d))
		}
	}
}

// obstacles are the cockpit's way to the problems: how many are overdue
// and how many went up to leaders.
type obstacles struct{ Overdue, Escalated int }

func (s *Server) obstacles(r *http.Request) obstacles {
	var o obstacles
	ps, err := s.App.Problems(r.Context(), actor(r), app.ProblemQuery{Overdue: true})
	if err != nil {
		return o
	}
	for _, p := range ps {
		o.Overdue++
		if p.Escalated {
			o.Escalated++
		}
	}
	return o
}

// addOverdueProblems puts the problems past their due date into the
// printed circular (a short section after the unreported projects).
func (s *Server) addOverdueProblems(r *http.Request, c *circular) error {
	ps, err := s.App.Problems(r.Context(), actor(r), app.ProblemQuery{Overdue: true})
	if err != nil {
		return err
	}
	c.ProblemsShown, c.OverdueProblems = true, ps
	c.Latest, err = s.App.LatestInstructions(r.Context(), ps)
	return err
}
