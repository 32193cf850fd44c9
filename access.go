package qianxiang

// Actor is the authenticated caller of a service function: a user of the web
// UI, an API token's owner, or the CLI operator (System).
type Actor struct {
	UserID   int64
	Username string
	Role     Role
	OrgID    int64
	OrgPath  string // the org's materialised path, for scope tests
	System   bool   // the CLI on the server itself: full rights
}

// SystemActor is the operator at the server's console (the CLI).
var SystemActor = Actor{Username: "system", Role: RoleAdmin, System: true}

// Action is something an actor may try to do.
type Action int

const (
	ActRead           Action = iota // see a record
	ActEditProject                  // create, edit, delete a project
	ActImportPlan                   // import or update the year's plan
	ActFillReport                   // save and submit a monthly report
	ActReviewReport                 // approve, return, reopen a report
	ActLateReport                   // save or submit after the deadline
	ActWriteProblem                 // problems, instructions, supervision orders
	ActManageUsers                  // users, tokens of others
	ActManageOrgs                   // organisations
	ActSettings                     // campaign thresholds and deadlines
	ActImportReports                // import a month's 调度表 workbook
	ActAudit                        // read the audit trail
	ActManageCongress               // rosters, meetings, the check-in desk, opening and closing votes
	ActVote                         // a deputy's own check-in, ballot and signature
	ActAcceptEntry                  // accept or return a reviewed statistics entry (统计部门验收)
)

// Scope locates a record in the organisation tree. A project is located by
// its county and its lead organisation: a county sees the projects in it,
// a department those it leads.
type Scope struct {
	Paths []string // empty: a city-level record (orgs, settings)
	// Congress marks a record of the people's congress (roster, meetings,
	// votes, motions): the congress's own people (its staff and its
	// deputies) see it beside the city-wide roles.
	Congress bool
}

// InScope reports whether the record lies within the actor's organisation.
func (a Actor) InScope(s Scope) bool {
	if a.System || a.Role.CityWide() {
		return true
	}
	if s.Congress && (a.Role == RoleCongressStaff || a.Role == RoleDeputy) {
		return true
	}
	if a.Role == RoleDeputy {
		// A deputy's organisation is their delegation's county (or the
		// city for delegations without one); it gives no sight of that
		// organisation's campaign records. Deputies see congress business,
		// their own suggestions and their station's problems, which those
		// modules check themselves.
		return false
	}
	if a.OrgPath == "" {
		return false
	}
	for _, p := range s.Paths {
		if len(p) >= len(a.OrgPath) && p[:len(a.OrgPath)] == a.OrgPath {
			return true
		}
	}
	return false
}

// Can is the one access predicate: the service layer asks it before every
// read and write, so the CLI, the API and the pages cannot disagree.
func (a Actor) Can(act Action, s Scope) bool {
	if a.System {
		return true
	}
	if !a.InScope(s) {
		return false
	}
	r := a.Role
	switch act {
	case ActRead:
		return true
	case ActEditProject, ActReviewReport, ActLateReport:
		return r.AtLeast(RoleOrgAdmin)
	case ActFillReport:
		return r.AtLeast(RoleReporter)
	case ActImportPlan, ActImportReports, ActSettings:
		return r.AtLeast(RoleCommand)
	case ActWriteProblem:
		return r.AtLeast(RoleOrgAdmin) || r == RoleLeader || r == RoleSupervisor
	case ActManageUsers, ActManageOrgs:
		return r == RoleAdmin
	case ActAudit:
		return r.AtLeast(RoleCommand) || r == RoleSupervisor
	case ActManageCongress:
		return s.Congress && (r == RoleCongressStaff || r == RoleAdmin)
	case ActVote:
		return s.Congress && r == RoleDeputy
	case ActAcceptEntry:
		return r == RoleStatistics
	}
	return false
}

// Check returns nil when allowed, not-found when the record is outside the
// actor's scope (so its existence is not revealed), and forbidden when the
// role may not do it.
func (a Actor) Check(act Action, s Scope, what string) error {
	if !a.InScope(s) {
		return ErrNotFound(what)
	}
	if !a.Can(act, s) {
		return ErrForbidden()
	}
	return nil
}

// Keeps reports whether an edit from before to after keeps a project
// within the actor's reach through the same organisation: one that holds it
// as its county (Paths[0]) must still hold it as its county, and one that
// holds it only as its lead (Paths[1]) must still lead it. Otherwise a county
// could move its project into another county by staying the lead.
func (a Actor) Keeps(before, after Scope) bool {
	if a.System || a.Role.CityWide() {
		return true
	}
	held := func(s Scope, i int) bool { return i < len(s.Paths) && a.InScope(Scope{Paths: []string{s.Paths[i]}}) }
	switch {
	case held(before, 0):
		return held(after, 0)
	case held(before, 1):
		return held(after, 1)
	}
	return false
}

// Gate refuses, before any input is read, an actor whose role cannot do
// act on any record within its reach: a caller without the right learns
// nothing from the validation of what it sent (403, never 422).
func (a Actor) Gate(act Action) error {
	congress := act == ActManageCongress || act == ActVote
	if a.Can(act, Scope{Paths: []string{a.OrgPath}, Congress: congress}) {
		return nil
	}
	return ErrForbidden()
}
