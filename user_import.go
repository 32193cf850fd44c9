package qianxiang

import (
	"strings"
	"unicode/utf8"
)

// UserRow is one person of a users workbook (姓名, 单位, 角色, 手机), as
// read, with its sheet row for error messages.
type UserRow struct {
	Row      int
	Name     string
	Org      string // an organisation's code or its name
	Role     string // a role's code or its Chinese name
	Phone    string
	Username string // optional: generated when empty
}

// roleWords are the words offices write in a 角色 column for each role
// that a workbook may create. Deputies come from the congress roster, and
// administrators are made one by one, never in bulk.
var roleWords = map[string]Role{
	"command": RoleCommand, "指挥部办公室": RoleCommand, "指挥部": RoleCommand,
	"leader": RoleLeader, "市领导": RoleLeader, "包联市领导": RoleLeader,
	"org_admin": RoleOrgAdmin, "县区/部门管理员": RoleOrgAdmin, "县区管理员": RoleOrgAdmin, "部门管理员": RoleOrgAdmin, "管理员": RoleOrgAdmin,
	"reporter": RoleReporter, "项目单位填报员": RoleReporter, "项目单位": RoleReporter, "填报员": RoleReporter,
	"supervisor": RoleSupervisor, "督查": RoleSupervisor,
	"viewer": RoleViewer, "只读": RoleViewer,
}

// ImportRoles are the roles a users workbook may give, for its help text.
var ImportRoles = []Role{RoleCommand, RoleLeader, RoleOrgAdmin, RoleReporter, RoleSupervisor, RoleViewer}

// RoleOfWord reads a 角色 cell.
func RoleOfWord(s string) (Role, bool) {
	r, ok := roleWords[strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "／", "/"))]
	return r, ok
}

// CleanPhone checks a mobile number: 11 digits starting with 1, spaces and
// hyphens dropped, an optional +86 in front; "" is allowed (no phone).
func CleanPhone(s string) (string, bool) {
	s = strings.NewReplacer(" ", "", "-", "", "\u00a0", "").Replace(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+86"), "86")
	if s == "" {
		return "", true
	}
	if utf8.RuneCountInString(s) != 11 || s[0] != '1' {
		return s, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return s, false
		}
	}
	return s, true
}
