package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
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
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
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

func init() {
	// The audit trail names these records in words, and offers them in
	// its filter.
	tableWords["leads"], tableWords["lead_moves"], tableWords["news"] = "Investment lead", "Lead stage change", "News"
	auditTables = append(auditTables, "leads", "lead_moves", "news")
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
