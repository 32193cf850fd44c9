package qianxiang

import (
	"strconv"
	"strings"
	"time"
)

// LeadStage is where an investment-attraction lead (招商线索) stands:
// 洽谈 → 签约 → 落地 → 投资 → 服务 (the seed's "招商、落地、投资、服务").
type LeadStage string

const (
	LeadTalking   LeadStage = "talking"   // 洽谈
	LeadSigned    LeadStage = "signed"    // 签约: a contract amount and date
	LeadLanded    LeadStage = "landed"    // 落地: a project in the registry
	LeadInvesting LeadStage = "investing" // 投资: money being spent
	LeadServing   LeadStage = "serving"   // 服务: the city serves the running enterprise
)

// LeadStages in order; the funnel counts along it.
var LeadStages = []LeadStage{LeadTalking, LeadSigned, LeadLanded, LeadInvesting, LeadServing}

// Index is the stage's place in LeadStages, -1 for an unknown stage.
func (s LeadStage) Index() int {
	for i, x := range LeadStages {
		if x == s {
			return i
		}
	}
	return -1
}

// Valid reports a known stage.
func (s LeadStage) Valid() bool { return s.Index() >= 0 }

// Label is the English label, the catalog's key for the Chinese one.
func (s LeadStage) Label() string {
	switch s {
	case LeadTalking:
		return "Negotiating"
	case LeadSigned:
		return "Signed"
	case LeadLanded:
		return "Landed"
	case LeadInvesting:
		return "Investing"
	case LeadServing:
		return "Serving"
	}
	return string(s)
}

// ParseLeadStage reads a stage code or the offices' word for it.
func ParseLeadStage(s string) (LeadStage, bool) {
	s = strings.TrimSpace(s)
	if st := LeadStage(strings.ToLower(s)); st.Valid() {
		return st, true
	}
	for st, zh := range map[LeadStage]string{LeadTalking: "洽谈", LeadSigned: "签约", LeadLanded: "落地", LeadInvesting: "投资", LeadServing: "服务"} {
		if s == zh {
			return st, true
		}
	}
	return "", false
}

// LeadSources are where leads come from; the funnel groups by them.
var LeadSources = []string{"fair", "promotion", "business", "visit", "online", "other"}

// leadSourceLabels: English labels, the catalog's keys for 招商会,
// 推介会, 以商招商, 上门招商, 网络招商, 其他.
var leadSourceLabels = map[string]string{
	"fair": "Investment fair", "promotion": "Promotion meeting", "business": "Introduced by an investor",
	"visit": "Door-to-door visit", "online": "Online", "other": "Other source",
}

// LeadSourceLabel is a source's English label (the catalog's key).
func LeadSourceLabel(s string) string {
	if l, ok := leadSourceLabels[s]; ok {
		return l
	}
	return s
}

// ValidLeadSource reports a known source.
func ValidLeadSource(s string) bool { _, ok := leadSourceLabels[s]; return ok }

// DefaultStallDays is how long a lead may keep its stage before it is
// flagged as stalled, unless the campaign office sets another figure.
const DefaultStallDays = 60

// Lead is one investment-attraction lead: an investor from another region
// who may bring a project to a county. As the seed asks, each has one
// target, one leader and one team (一个项目、一个目标、一个领导、一个专班).
type Lead struct {
	ID             int64        `json:"id"`
	Investor       string       `json:"investor"`
	OriginRegion   string       `json:"origin_region"`
	Industry       string       `json:"industry"`
	Intended       Money        `json:"intended_investment"`
	Source         string       `json:"source"`
	County         OrgRef       `json:"county"`
	Target         string       `json:"target"`
	Leader         LeaderRef    `json:"leader"`
	Team           []TeamMember `json:"team"`
	Stage          LeadStage    `json:"stage"`
	ContractAmount Money        `json:"contract_amount"`
	ContractDate   Date         `json:"contract_date"`
	Project        *ProjectRef  `json:"project"` // the registry project once landed
	StageSince     time.Time    `json:"stage_since"`
	CreatedBy      string       `json:"created_by"`
	CreatedAt      time.Time    `json:"created_at"`
	Version        int          `json:"version"`
	// Derived for a day by Derive.
	Stalled     bool   `json:"stalled"`
	DaysInStage int    `json:"days_in_stage"`
	CountyPath  string `json:"-"`
}

// LeadMove is one change of stage, kept as the lead's history.
type LeadMove struct {
	ID     int64     `json:"id"`
	LeadID int64     `json:"-"`
	From   LeadStage `json:"from"`
	To     LeadStage `json:"to"`
	Reason string    `json:"reason,omitempty"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Validate checks a new or edited lead: who, from where, what, how much,
// where from, and the one target, one leader and one team.
func (l *Lead) Validate() error {
	d := CleanTexts("investor", &l.Investor, "origin_region", &l.OriginRegion, "industry", &l.Industry, "lead.target", &l.Target)
	add := func(field, format string, args ...any) {
		d = append(d, Detail{Field: field, Format: format, Args: args})
	}
	for _, f := range []struct{ name, v string }{{"investor", l.Investor}, {"origin_region", l.OriginRegion}, {"industry", l.Industry}} {
		if f.v == "" && !hasField(d, f.name) {
			add(f.name, "is required")
		}
	}
	if dd := CheckAmount("intended_investment", l.Intended); dd != nil {
		d = append(d, *dd)
	} else if l.Intended == 0 {
		add("intended_investment", "is required: the investment the investor intends, in 10k yuan")
	}
	if !ValidLeadSource(l.Source) {
		add("source", "%q is not a source (fair, promotion, business, visit, online, other)", l.Source)
	}
	if l.County.ID == 0 {
		add("county", "is required")
	}
	if l.Target == "" && !hasField(d, "lead.target") {
		add("lead.target", "is required: one target, what the lead must achieve")
	}
	if l.Leader.ID == 0 {
		add("leader", "is required: one city leader responsible")
	}
	team := l.Team[:0]
	for i, m := range l.Team {
		if ds := CleanTexts("team.name", &m.Name, "team.role", &m.Role); len(ds) > 0 {
			for _, x := range ds {
				x.Field = "team[" + strconv.Itoa(i) + "]." + strings.TrimPrefix(x.Field, "team.")
				d = append(d, x)
			}
			continue
		}
		m.Phone = "" // a lead's team is named, not phoned: no personal numbers kept here
		switch {
		case m.Name != "":
			team = append(team, m)
		case m.Role != "":
			add("team["+strconv.Itoa(i)+"].name", "is required")
		}
	}
	l.Team = team
	if len(l.Team) == 0 && !hasFieldPrefix(d, "team") {
		add("team", "is required: name the team (专班) that follows the lead, one person at least")
	}
	if len(d) == 0 {
		return nil
	}
	e := FieldError(d[0].Field, d[0].Format, d[0].Args...)
	e.Details = d
	return e
}

func hasFieldPrefix(ds []Detail, prefix string) bool {
	for _, d := range ds {
		if strings.HasPrefix(d.Field, prefix) {
			return true
		}
	}
	return false
}

// Derive fills the stall flag for a day: a lead not yet serving whose
// stage has not changed for stallDays days or more is stalled.
func (l *Lead) Derive(today Date, loc *time.Location, stallDays int) {
	l.DaysInStage = max(DaysBetween(DateOf(l.StageSince.In(loc)), today), 0)
	l.Stalled = l.Stage != LeadServing && stallDays > 0 && l.DaysInStage >= stallDays
}

// Scope locates the lead: in its county.
func (l *Lead) Scope() Scope { return Scope{Paths: []string{l.CountyPath}} }

// Visible reports whether the actor may read the lead: the city's office
// and supervision all of them, a county its own, a city leader only the
// leads assigned to them.
func (l *Lead) Visible(a Actor) bool {
	if a.System {
		return true
	}
	if a.Role == RoleLeader {
		return a.UserID != 0 && a.UserID == l.Leader.ID
	}
	return a.InScope(l.Scope())
}

// MayEdit reports whether the actor may create, edit or move the lead:
// the campaign office anywhere, a county's administrators in their county.
func (l *Lead) MayEdit(a Actor) bool {
	if a.System {
		return true
	}
	if a.Role == RoleLeader || a.Role == RoleSupervisor {
		return false
	}
	return a.Can(ActEditProject, l.Scope())
}

// LeadFilter selects leads for a list.
type LeadFilter struct {
	CountyPath string // at or below this organisation
	Stage      LeadStage
	Source     string
	Industry   string
	LeaderID   int64
	ProjectID  int64
}
