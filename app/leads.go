package app

import (
	"context"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// Investment attraction (招大引强): leads move 洽谈 → 签约 → 落地 → 投资 → 服务;
// at 落地 the lead becomes a registry project in the same transaction.
// Scope: the campaign office and supervision read all leads, a county its
// own, a city leader the leads assigned to them (qianxiang.Lead.Visible);
// the office and a county's administrators write (Lead.MayEdit).

const leadStallKey = "leads.stall_days"

// LeadInput is a new lead as the form and the API send it.
type LeadInput struct {
	Investor     string                 `json:"investor"`
	OriginRegion string                 `json:"origin_region"`
	Industry     string                 `json:"industry"`
	Intended     qianxiang.Money        `json:"intended_investment"`
	Source       string                 `json:"source"`
	County       string                 `json:"county"` // organisation code
	Target       string                 `json:"target"`
	Leader       string                 `json:"leader"` // username of a city leader
	Team         []qianxiang.TeamMember `json:"team"`
}

// LeadView is one lead with its history.
type LeadView struct {
	qianxiang.Lead
	History []qianxiang.LeadMove `json:"history"`
}

// LeadQuery filters the lead list.
type LeadQuery struct {
	County   string // organisation code
	Stage    string
	Source   string
	Industry string
	Stalled  bool
}

// LeadStallDays is how many days without a change of stage flag a lead as
// stalled (the office's setting, 60 by default).
func (a *App) LeadStallDays(ctx context.Context) int {
	if v, ok, err := a.DB.Setting(ctx, leadStallKey); err == nil && ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return qianxiang.DefaultStallDays
}

// SetLeadStallDays changes the stall limit (campaign office), audited.
func (a *App) SetLeadStallDays(ctx context.Context, actor qianxiang.Actor, days int) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if days < 1 || days > 3650 {
		return qianxiang.FieldError("stall_days", "must be between 1 and 3650 days")
	}
	return a.internal(ctx, "save stall days", a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, before, err := tx.PutSetting(ctx, leadStallKey, strconv.Itoa(days))
		if err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "settings", id, leadStallKey, before)
	}))
}

// leaderUser resolves the lead's one leader: an active user whose role is
// leader.
func (a *App) leaderUser(ctx context.Context, username string) (qianxiang.LeaderRef, error) {
	username = strings.TrimSpace(username)
	if username == "" {
		return qianxiang.LeaderRef{}, qianxiang.FieldError("leader", "is required: one city leader responsible")
	}
	u, err := a.DB.UserByName(ctx, username)
	if err != nil || !u.Active || u.Role != qianxiang.RoleLeader {
		return qianxiang.LeaderRef{}, qianxiang.FieldError("leader", "%q is not a city leader's user name", username)
	}
	name := u.DisplayName
	if name == "" {
		name = u.Username
	}
	return qianxiang.LeaderRef{ID: u.ID, Username: u.Username, Name: name}, nil
}

// countyOrg resolves a county code named in a field.
func (a *App) countyOrg(ctx context.Context, field, code string) (qianxiang.Org, error) {
	o, err := orgByCode(ctx, a.DB, field, code)
	if err != nil {
		return o, err
	}
	if o.Kind != qianxiang.OrgCounty {
		return o, qianxiang.FieldError(field, "%s is not a county", o.Name)
	}
	return o, nil
}

// CreateLead records a new lead at 洽谈, audited.
func (a *App) CreateLead(ctx context.Context, actor qianxiang.Actor, in LeadInput) (LeadView, error) {
	// A role that may enter no lead at all is refused before the input is
	// read (a lead of its own organisation stands for any).
	if own := (qianxiang.Lead{CountyPath: actor.OrgPath}); !own.MayEdit(actor) {
		return LeadView{}, qianxiang.ErrForbidden()
	}
	l := qianxiang.Lead{Investor: in.Investor, OriginRegion: in.OriginRegion, Industry: in.Industry, Intended: in.Intended,
		Source: strings.TrimSpace(in.Source), Target: in.Target, Team: in.Team, Stage: qianxiang.LeadTalking, CreatedBy: actor.Username}
	var faults []error
	if strings.TrimSpace(in.County) != "" {
		c, err := a.countyOrg(ctx, "county", in.County)
		if err != nil {
			faults = append(faults, err)
		} else {
			l.County, l.CountyPath = c.Ref(), c.Path
		}
	}
	if strings.TrimSpace(in.Leader) != "" {
		ld, err := a.leaderUser(ctx, in.Leader)
		if err != nil {
			faults = append(faults, err)
		} else {
			l.Leader = ld
		}
	}
	if l.County.ID != 0 && !l.MayEdit(actor) {
		return LeadView{}, qianxiang.ErrForbidden()
	}
	if err := mergeInvalid(append(faults, l.Validate())...); err != nil {
		return LeadView{}, err
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertLead(ctx, &l); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "leads", l.ID, l.Investor, ""); err != nil {
			return err
		}
		m := qianxiang.LeadMove{LeadID: l.ID, To: l.Stage, By: actor.Username}
		if err := tx.InsertLeadMove(ctx, &m); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "lead_moves", m.ID, string(m.To), ""); err != nil {
			return err
		}
		return a.tellLeader(ctx, tx, &l)
	})
	if err != nil {
		return LeadView{}, a.internal(ctx, "create lead", err)
	}
	return a.Lead(ctx, actor, l.ID)
}

// tellLeader tells the lead's leader it is theirs to follow (once per
// leader and lead).
func (a *App) tellLeader(ctx context.Context, tx *store.Tx, l *qianxiang.Lead) error {
	key := "lead-leader:" + strconv.FormatInt(l.ID, 10) + ":" + strconv.FormatInt(l.Leader.ID, 10)
	return a.Notify(ctx, tx, []int64{l.Leader.ID}, qianxiang.NoteAssigned, "leads", l.ID, l.Investor, key)
}

// Leads lists the leads the actor may read, stall flags derived for today.
func (a *App) Leads(ctx context.Context, actor qianxiang.Actor, q LeadQuery) ([]qianxiang.Lead, error) {
	if actor.UserID == 0 && !actor.System {
		return nil, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	f := qianxiang.LeadFilter{CountyPath: ScopePath(actor), Source: strings.TrimSpace(q.Source), Industry: strings.TrimSpace(q.Industry)}
	if actor.Role == qianxiang.RoleLeader && !actor.System {
		f.LeaderID = actor.UserID
	}
	if q.County != "" {
		o, err := orgByCode(ctx, a.DB, "county", q.County)
		if err != nil {
			return nil, err
		}
		if f.CountyPath == "" || strings.HasPrefix(o.Path, f.CountyPath) {
			f.CountyPath = o.Path
		} else {
			return []qianxiang.Lead{}, nil
		}
	}
	if q.Stage != "" {
		st, ok := qianxiang.ParseLeadStage(q.Stage)
		if !ok {
			return nil, qianxiang.FieldError("stage", "%q is not a stage (talking, signed, landed, investing, serving)", q.Stage)
		}
		f.Stage = st
	}
	if f.Source != "" && !qianxiang.ValidLeadSource(f.Source) {
		return nil, qianxiang.FieldError("source", "%q is not a source (fair, promotion, business, visit, online, other)", f.Source)
	}
	ls, err := a.DB.Leads(ctx, f)
	if err != nil {
		return nil, a.internal(ctx, "leads", err)
	}
	days, today := a.LeadStallDays(ctx), a.Today()
	out := ls[:0]
	for _, l := range ls {
		if !l.Visible(actor) {
			continue
		}
		l.Derive(today, a.Loc, days)
		if q.Stalled && !l.Stalled {
			continue
		}
		out = append(out, l)
	}
	return out, nil
}

// Lead reads one lead the actor may see, with its history.
func (a *App) Lead(ctx context.Context, actor qianxiang.Actor, id int64) (LeadView, error) {
	l, err := a.DB.Lead(ctx, id)
	if err != nil {
		return LeadView{}, a.internal(ctx, "read lead", err)
	}
	if !l.Visible(actor) {
		return LeadView{}, qianxiang.ErrNotFound("lead")
	}
	l.Derive(a.Today(), a.Loc, a.LeadStallDays(ctx))
	h, err := a.DB.LeadMoves(ctx, id)
	if err != nil {
		return LeadView{}, a.internal(ctx, "read lead", err)
	}
	return LeadView{Lead: l, History: h}, nil
}

// LeadOfProject is the lead a registry project came from, if the actor
// may read it (nil otherwise): the link read from the project's side.
func (a *App) LeadOfProject(ctx context.Context, actor qianxiang.Actor, projectID int64) (*qianxiang.Lead, error) {
	ls, err := a.DB.Leads(ctx, qianxiang.LeadFilter{ProjectID: projectID})
	if err != nil {
		return nil, a.internal(ctx, "lead of project", err)
	}
	if len(ls) == 0 || !ls[0].Visible(actor) {
		return nil, nil
	}
	return &ls[0], nil
}

// LeadFunnel is the conversion funnel over the leads the actor may read.
func (a *App) LeadFunnel(ctx context.Context, actor qianxiang.Actor, group string, q LeadQuery) (qianxiang.Funnel, error) {
	if group == "" {
		group = "county"
	}
	ls, err := a.Leads(ctx, actor, q)
	if err != nil {
		return qianxiang.Funnel{}, err
	}
	return qianxiang.BuildFunnel(group, ls)
}

// LeadIndustries lists the industries named by leads, for filters.
func (a *App) LeadIndustries(ctx context.Context) []string {
	s, err := a.DB.LeadIndustries(ctx)
	if err != nil {
		return nil
	}
	return s
}

// LeadLeaders lists the city leaders a lead may be given, for the form of
// anyone who may create leads (a county chooses its lead's leader too).
func (a *App) LeadLeaders(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.LeaderRef, error) {
	if !actor.System && !actor.Role.AtLeast(qianxiang.RoleOrgAdmin) {
		return nil, qianxiang.ErrForbidden()
	}
	us, err := a.DB.Users(ctx)
	if err != nil {
		return nil, a.internal(ctx, "leaders", err)
	}
	out := []qianxiang.LeaderRef{}
	for _, u := range us {
		if u.Role == qianxiang.RoleLeader && u.Active {
			name := u.DisplayName
			if name == "" {
				name = u.Username
			}
			out = append(out, qianxiang.LeaderRef{ID: u.ID, Username: u.Username, Name: name})
		}
	}
	return out, nil
}
