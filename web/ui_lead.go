package web

import (
	"fmt"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// leadView is the /leads/{id} page with its move form.
type leadView struct {
	L       app.LeadView
	Stages  []qianxiang.LeadStage
	Next    qianxiang.LeadStage
	CanEdit bool
	In      qianxiang.LeadMoveInput
	Amount  string
	Invest  string
	Today   string
}

func (s *Server) leadViewFor(r *http.Request, id int64) (*leadView, error) {
	l, err := s.App.Lead(r.Context(), actor(r), id)
	if err != nil {
		return nil, err
	}
	v := &leadView{L: l, CanEdit: l.MayEdit(actor(r)), Today: s.App.Today().String()}
	for _, st := range qianxiang.LeadStages {
		if st != l.Stage {
			v.Stages = append(v.Stages, st)
		}
	}
	if i := l.Stage.Index(); i+1 < len(qianxiang.LeadStages) {
		v.Next = qianxiang.LeadStages[i+1]
	}
	v.In.Stage = string(v.Next)
	return v, nil
}

func (s *Server) leadPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.leadViewFor(r, id)
	if err != nil {
		return err
	}
	// The leader opening the lead has read what told them about it.
	if err := s.App.NotificationsSeen(r.Context(), actor(r), "leads", id); err != nil {
		return err
	}
	pg := s.page(r, "Investment lead", "leads", v)
	switch r.URL.Query().Get("done") {
	case "created":
		pg.Flash = i18n.T(pg.Lang, "The lead was recorded at 洽谈.")
	case "saved":
		pg.Flash = i18n.T(pg.Lang, "Saved.")
	case "moved":
		pg.Flash = i18n.T(pg.Lang, "The lead moved to %s.", i18n.T(pg.Lang, v.L.Stage.Label()))
	}
	return s.render(w, r, 200, "lead", pg)
}

func (s *Server) leadMoveSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	in := qianxiang.LeadMoveInput{Stage: r.FormValue("stage"), Reason: r.FormValue("reason"), ContractDate: r.FormValue("contract_date"),
		ProjectName: r.FormValue("project_name"), PlannedStart: r.FormValue("planned_start"), ProjectYear: formInt(r, "project_year")}
	amount, invest := strings.TrimSpace(r.FormValue("contract_amount")), strings.TrimSpace(r.FormValue("investment"))
	var ferr error
	if y := strings.TrimSpace(r.FormValue("project_year")); y != "" && in.ProjectYear == 0 {
		ferr = qianxiang.FieldError("project_year", "must be a year between 2000 and 2100")
	}
	for _, f := range []struct {
		name, v string
		dst     **qianxiang.Money
	}{{"contract_amount", amount, &in.ContractAmount}, {"investment", invest, &in.Investment}} {
		if f.v == "" {
			continue
		}
		if ferr != nil {
			break
		}
		m, err := qianxiang.ParseMoney(f.v)
		if err != nil {
			ferr = qianxiang.FieldError(f.name, "%q is not an amount", f.v)
			break
		}
		*f.dst = &m
	}
	if ferr == nil {
		if _, ferr = s.App.MoveLead(r.Context(), actor(r), id, in); ferr == nil {
			http.Redirect(w, r, fmt.Sprintf("/leads/%d?done=moved", id), http.StatusSeeOther)
			return nil
		}
	}
	code := qianxiang.ErrorCode(ferr)
	if code != qianxiang.EValidation {
		return ferr
	}
	v, err := s.leadViewFor(r, id)
	if err != nil {
		return err
	}
	v.In, v.Amount, v.Invest = in, amount, invest
	pg := s.page(r, "Investment lead", "leads", v)
	s.setError(pg, ferr)
	return s.render(w, r, Status(code), "lead", pg)
}
