package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// leadsView is the /leads page: filters, the list with stall flags, and
// the conversion funnel drawn on the server.
type leadsView struct {
	Leads      []qianxiang.Lead
	Q          app.LeadQuery
	Group      string
	Funnel     qianxiang.Funnel
	Chart      funnelChart
	Counties   []qianxiang.Org
	Industries []string
	Sources    []string
	Stages     []qianxiang.LeadStage
	Groups     []string
	StallDays  int
	CanCreate  bool
	CanSet     bool
}

// funnelChart is the funnel's geometry, drawn as SVG by the leadFunnel
// template (html/template escapes every label).
type funnelChart struct {
	W, H float64
	Bars []funnelBar
}

type funnelBar struct {
	I          int // the stage's place, for its colour
	Stage      string
	N          int
	X, Y, W, H float64
	TX, TY     float64 // the count's position
	Out        bool    // the bar is too narrow: the count stands beside it
	LY, SY     float64 // the label's and the conversion's baselines
	Step       *qianxiang.LeadRatio
	Href       string
}

// drawFunnel lays out the total's funnel: one centred bar a stage, its
// width the leads that reached the stage.
func drawFunnel(f qianxiang.Funnel, href func(stage string) string) funnelChart {
	const w, left, right, rowH, top = 640.0, 150.0, 20.0, 46.0, 8.0
	c := funnelChart{W: w, H: top + rowH*float64(len(f.Stages)) + 4}
	most := max(f.Total.Leads, 1)
	span := w - left - right
	for i, st := range f.Stages {
		n := f.Total.Reached[i]
		bw := max(span*float64(n)/float64(most), 3)
		y := top + rowH*float64(i)
		b := funnelBar{I: i, Stage: st.Label(), SY: y + 31, N: n, X: left + (span-bw)/2, Y: y, W: bw, H: rowH - 10,
			TX: left + span/2, TY: y + (rowH-10)/2 + 5, LY: y + 16, Href: href(string(st))}
		if bw < 40 {
			b.TX, b.Out = b.X+bw+8, true
		}
		if i > 0 {
			b.Step = &f.Total.Steps[i-1]
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

func (s *Server) leadsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	q, err := leadQuery(r)
	if err != nil {
		return err
	}
	group := r.URL.Query().Get("group")
	if group == "" {
		group = "county"
	}
	ls, err := s.App.Leads(ctx, a, q)
	if err != nil {
		return err
	}
	// The funnel counts every stage, so it ignores the stage filter.
	fq := q
	fq.Stage = ""
	f, err := s.App.LeadFunnel(ctx, a, group, fq)
	if err != nil {
		return err
	}
	orgs, err := s.App.Orgs(ctx, a)
	if err != nil {
		return err
	}
	v := &leadsView{Leads: ls, Q: q, Group: group, Funnel: f, Industries: s.App.LeadIndustries(ctx), Sources: qianxiang.LeadSources,
		Stages: qianxiang.LeadStages, Groups: qianxiang.FunnelGroups, StallDays: s.App.LeadStallDays(ctx),
		CanCreate: a.Role.AtLeast(qianxiang.RoleOrgAdmin), CanSet: a.Can(qianxiang.ActSettings, qianxiang.Scope{})}
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty {
			v.Counties = append(v.Counties, o)
		}
	}
	v.Chart = drawFunnel(f, func(stage string) string {
		u := url.Values{"stage": {stage}}
		for k, x := range map[string]string{"county": q.County, "source": q.Source, "industry": q.Industry} {
			if x != "" {
				u.Set(k, x)
			}
		}
		return "/leads?" + u.Encode()
	})
	return s.render(w, r, 200, "leads", s.page(r, "Investment attraction", "leads", v))
}

// leadSettingsSubmit sets the stall limit (campaign office).
func (s *Server) leadSettingsSubmit(w http.ResponseWriter, r *http.Request) error {
	n, err := strconv.Atoi(strings.TrimSpace(r.FormValue("stall_days")))
	if err != nil {
		return qianxiang.FieldError("stall_days", "must be between 1 and 3650 days")
	}
	if err := s.App.SetLeadStallDays(r.Context(), actor(r), n); err != nil {
		return err
	}
	http.Redirect(w, r, "/leads?done=settings", http.StatusSeeOther)
	return nil
}

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
	for _, f := range []struct {
		name, v string
		dst     **qianxiang.Money
	}{{"contract_amount", amount, &in.ContractAmount}, {"investment", invest, &in.Investment}} {
		if f.v == "" {
			continue
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

func init() {
	// leadSource shows a source code in words (the catalog's key).
	funcs["leadSource"] = qianxiang.LeadSourceLabel
	funcs["leadStages"] = func() []qianxiang.LeadStage { return qianxiang.LeadStages }
	// ratio shows an exact conversion as "3/5 · 60.0%" ("0/0 · —").
	funcs["ratio"] = func(r qianxiang.LeadRatio) string {
		if r.Rate == nil {
			return fmt.Sprintf("%d/%d · —", r.Num, r.Den)
		}
		return fmt.Sprintf("%d/%d · %s", r.Num, r.Den, fmtPct(float64(*r.Rate)))
	}
}
