package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// problemQuery reads the list filters shared by the API and the page.
func problemQuery(r *http.Request) (app.ProblemQuery, error) {
	q := r.URL.Query()
	pq := app.ProblemQuery{Status: q.Get("status"), Category: q.Get("category"), Org: q.Get("org"),
		Overdue: q.Get("overdue") == "1", Escalated: q.Get("escalated") == "1"}
	switch q.Get("leader") {
	case "":
	case "me":
		pq.LeaderMe = true
	default:
		return pq, qianxiang.FieldError("leader", "must be \"me\"")
	}
	if v := q.Get("project"); v != "" {
		n, err := queryInt(r, "project", 0)
		if err != nil {
			return pq, err
		}
		pq.ProjectID = int64(n)
	}
	return pq, nil
}

func (s *Server) apiProblems(w http.ResponseWriter, r *http.Request) error {
	pq, err := problemQuery(r)
	if err != nil {
		return err
	}
	ps, err := s.App.Problems(r.Context(), actor(r), pq)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ps, "total": len(ps)})
	return nil
}

func (s *Server) apiCreateProblem(w http.ResponseWriter, r *http.Request) error {
	var in app.ProblemInput
	if err := decode(r, &in); err != nil {
		return err
	}
	p, err := s.App.CreateProblem(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, p)
	return nil
}

func (s *Server) apiProblem(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.App.ProblemDetail(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, d)
	return nil
}

// apiProblemStep: start, resolve {"text": what was done}, close, reopen
// {"text": why}.
func (s *Server) apiProblemStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct{ Text string }
	if r.ContentLength != 0 {
		if err := decode(r, &in); err != nil {
			return err
		}
	}
	step := qianxiang.ProblemAction(r.PathValue("step"))
	switch step {
	case qianxiang.PAStart, qianxiang.PAResolve, qianxiang.PAClose, qianxiang.PAReopen:
	default:
		return qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "API "+r.URL.Path)
	}
	p, err := s.App.StepProblem(r.Context(), actor(r), id, step, in.Text)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiProblemExtend(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct{ Due, Reason string }
	if err := decode(r, &in); err != nil {
		return err
	}
	p, err := s.App.ExtendProblem(r.Context(), actor(r), id, in.Due, in.Reason)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiProblemReassign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		OwnerOrg string   `json:"owner_org"`
		CoOrgs   []string `json:"co_orgs"`
		Reason   string   `json:"reason"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	p, err := s.App.ReassignProblem(r.Context(), actor(r), id, in.OwnerOrg, in.CoOrgs, in.Reason)
	if err != nil {
		return err
	}
	writeJSON(w, 200, p)
	return nil
}

func (s *Server) apiInstruct(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct{ Text string }
	if err := decode(r, &in); err != nil {
		return err
	}
	ins, err := s.App.Instruct(r.Context(), actor(r), id, in.Text)
	if err != nil {
		return err
	}
	writeJSON(w, 201, ins)
	return nil
}

func (s *Server) apiAck(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	iid, err := pathID(r, "iid")
	if err != nil {
		return err
	}
	ins, err := s.App.AckInstruction(r.Context(), actor(r), id, iid)
	if err != nil {
		return err
	}
	writeJSON(w, 200, ins)
	return nil
}

func (s *Server) apiNotifications(w http.ResponseWriter, r *http.Request) error {
	limit, err := queryInt(r, "limit", 50)
	if err != nil {
		return err
	}
	if limit < 1 || limit > 500 {
		return qianxiang.FieldError("limit", "must be between 1 and 500")
	}
	ns, unread, err := s.App.Notifications(r.Context(), actor(r), limit)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ns, "total": len(ns), "unread": unread})
	return nil
}

// apiNotificationsRead marks {"ids":[…]} read, or every one without ids.
func (s *Server) apiNotificationsRead(w http.ResponseWriter, r *http.Request) error {
	var in struct{ IDs []int64 }
	if r.ContentLength != 0 {
		if err := decode(r, &in); err != nil {
			return err
		}
	}
	n, err := s.App.MarkNotificationsRead(r.Context(), actor(r), in.IDs)
	if err != nil {
		return err
	}
	_, unread, err := s.App.Notifications(r.Context(), actor(r), 0)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"marked": n, "unread": unread})
	return nil
}

func (s *Server) apiWebhook(w http.ResponseWriter, r *http.Request) error {
	h, hasSecret, err := s.App.Webhook(r.Context(), actor(r))
	if err != nil {
		return err
	}
	at, err := s.App.WebhookAttempts(r.Context(), actor(r), 50)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"url": h.URL, "secret_set": hasSecret, "attempts": at})
	return nil
}

func (s *Server) apiSetWebhook(w http.ResponseWriter, r *http.Request) error {
	var in qianxiang.Webhook
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetWebhook(r.Context(), actor(r), in); err != nil {
		return err
	}
	return s.apiWebhook(w, r)
}
