package web

import (
	"fmt"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// newLeadView is the /leads/new form, kept as typed when refused.
type newLeadView struct {
	In       app.LeadInput
	Intended string
	Team     []qianxiang.TeamMember
	Counties []qianxiang.Org
	Leaders  []qianxiang.LeaderRef
	Sources  []string
	Edit     int64 // the lead being edited, 0 for a new one
	Version  int
}

const leadTeamRows = 5

func (s *Server) newLeadForm(r *http.Request, in app.LeadInput, intended string) (*newLeadView, error) {
	ctx, a := r.Context(), actor(r)
	leaders, err := s.App.LeadLeaders(ctx, a)
	if err != nil {
		return nil, err
	}
	orgs, err := s.App.Orgs(ctx, a)
	if err != nil {
		return nil, err
	}
	v := &newLeadView{In: in, Intended: intended, Leaders: leaders, Sources: qianxiang.LeadSources, Team: append([]qianxiang.TeamMember{}, in.Team...)}
	for len(v.Team) < leadTeamRows {
		v.Team = append(v.Team, qianxiang.TeamMember{})
	}
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty {
			v.Counties = append(v.Counties, o)
		}
	}
	return v, nil
}

func (s *Server) newLeadPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.newLeadForm(r, app.LeadInput{Source: "fair"}, "")
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "lead_new", s.page(r, "New lead", "leads", v))
}

// leadForm reads the new-lead and edit forms; a typed amount that is not
// one is refused naming the field.
func leadForm(r *http.Request) (app.LeadInput, string, error) {
	in := app.LeadInput{Investor: r.FormValue("investor"), OriginRegion: r.FormValue("origin_region"), Industry: r.FormValue("industry"),
		Source: r.FormValue("source"), County: r.FormValue("county"), Target: r.FormValue("target"), Leader: r.FormValue("leader")}
	names, roles := r.Form["team.name"], r.Form["team.role"]
	for i := range names {
		m := qianxiang.TeamMember{Name: names[i]}
		if i < len(roles) {
			m.Role = roles[i]
		}
		if strings.TrimSpace(m.Name) != "" || strings.TrimSpace(m.Role) != "" {
			in.Team = append(in.Team, m)
		}
	}
	intended := strings.TrimSpace(r.FormValue("intended_investment"))
	m, err := qianxiang.ParseMoney(intended)
	if err != nil && intended != "" {
		return in, intended, qianxiang.FieldError("intended_investment", "%q is not an amount", intended)
	}
	in.Intended = m
	return in, intended, nil
}

func (s *Server) newLeadSubmit(w http.ResponseWriter, r *http.Request) error {
	in, intended, err := leadForm(r)
	if err == nil {
		var v app.LeadView
		if v, err = s.App.CreateLead(r.Context(), actor(r), in); err == nil {
			http.Redirect(w, r, fmt.Sprintf("/leads/%d?done=created", v.ID), http.StatusSeeOther)
			return nil
		}
	}
	code := qianxiang.ErrorCode(err)
	if code != qianxiang.EValidation {
		return err
	}
	v, ferr := s.newLeadForm(r, in, intended)
	if ferr != nil {
		return ferr
	}
	pg := s.page(r, "New lead", "leads", v)
	s.setError(pg, err)
	return s.render(w, r, Status(code), "lead_new", pg)
}

func (s *Server) editLeadPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, err := s.App.Lead(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	if !l.MayEdit(actor(r)) {
		return qianxiang.ErrForbidden()
	}
	v, err := s.newLeadForm(r, app.LeadInputOf(l.Lead), l.Intended.String())
	if err != nil {
		return err
	}
	v.Edit, v.Version = id, l.Version
	return s.render(w, r, 200, "lead_new", s.page(r, "Edit lead", "leads", v))
}

func (s *Server) editLeadSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	in, intended, err := leadForm(r)
	if err == nil {
		if _, err = s.App.UpdateLead(r.Context(), actor(r), id, formInt(r, "version"), in); err == nil {
			http.Redirect(w, r, fmt.Sprintf("/leads/%d?done=saved", id), http.StatusSeeOther)
			return nil
		}
	}
	code := qianxiang.ErrorCode(err)
	if code != qianxiang.EValidation && code != qianxiang.EConflict {
		return err
	}
	v, ferr := s.newLeadForm(r, in, intended)
	if ferr != nil {
		return ferr
	}
	v.Edit, v.Version = id, formInt(r, "version")
	pg := s.page(r, "Edit lead", "leads", v)
	s.setError(pg, err)
	return s.render(w, r, Status(code), "lead_new", pg)
}
