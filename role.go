package qianxiang

// Role is what a user may do; where, is given by their organisation.
type Role string

const (
	RoleAdmin      Role = "admin"
	RoleCommand    Role = "command" // 指挥部办公室, the campaign office
	RoleLeader     Role = "leader"
	RoleOrgAdmin   Role = "org_admin" // county or department
	RoleReporter   Role = "reporter"  // project unit
	RoleSupervisor Role = "supervisor"
	RoleViewer     Role = "viewer"
	// Congress roles (module 6): the congress office runs the session;
	// a deputy acts only as the one deputy record linked to their login.
	RoleCongressStaff Role = "congress_staff"
	RoleDeputy        Role = "deputy"
	// RoleStatistics is the statistics bureau (统计局): it reads every
	// project of the city and accepts or returns statistics entries.
	RoleStatistics Role = "statistics"
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleCommand, RoleLeader, RoleOrgAdmin, RoleReporter, RoleSupervisor, RoleViewer, RoleCongressStaff, RoleDeputy, RoleStatistics}

// RoleList names every role, for a refusal that says which exist.
func RoleList() string {
	s := ""
	for i, r := range Roles {
		if i > 0 {
			s += ", "
		}
		s += string(r)
	}
	return s
}

// Valid reports a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// CityWide roles see the whole city whatever their organisation.
func (r Role) CityWide() bool {
	return r == RoleAdmin || r == RoleCommand || r == RoleLeader || r == RoleSupervisor || r == RoleStatistics
}

// rank orders the write chain admin ⊇ command ⊇ org_admin ⊇ reporter;
// roles off the chain (leader, supervisor, viewer, statistics) have rank 0.
func (r Role) rank() int {
	switch r {
	case RoleAdmin:
		return 4
	case RoleCommand:
		return 3
	case RoleOrgAdmin:
		return 2
	case RoleReporter:
		return 1
	}
	return 0
}

// AtLeast reports whether r includes the writes of min on the chain.
func (r Role) AtLeast(min Role) bool { return r.rank() > 0 && r.rank() >= min.rank() }

// CheckRoleOrg says whether a role may sit in an organisation. The
// congress office is the city's (contract: congress staff belong to the
// city organisation): its role is city-wide, so a congress_staff login
// under a county would read as the county's.
func CheckRoleOrg(r Role, o Org) error {
	if r == RoleCongressStaff && (o.Kind != OrgCity || o.ParentID != 0) {
		return FieldError("org", "congress staff belong to the city organisation, not %s", o.Name)
	}
	return nil
}
