package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/store"
)

// UserSlip is one imported user's first-login slip: who, where, the login
// and the generated password, shown once, to print and hand out.
type UserSlip struct {
	Row         int            `json:"row"`
	DisplayName string         `json:"display_name"`
	Org         string         `json:"org"`
	Role        qianxiang.Role `json:"role"`
	Username    string         `json:"username"`
	Password    string         `json:"password"`
}

// UsersImport is what a users workbook created.
type UsersImport struct {
	Imported int        `json:"imported"`
	Slips    []UserSlip `json:"slips"`
}

// ImportUsers creates the users of a workbook (姓名, 单位 code or name, 角色,
// 手机, optional 用户名), all or nothing (admin). Every faulty row is named
// at once, by row and column, before anything is written. Each user gets a
// generated password that must be changed at first login, as deputies'
// logins do; usernames not given are made from the organisation's code
// (141102-1, 141102-2, …). Phones are kept apart (user_phones), for admins.
func (a *App) ImportUsers(ctx context.Context, actor qianxiang.Actor, filename string, r io.Reader) (*UsersImport, error) {
	if !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	rows, cols, err := excel.ReadUsers(r, filename)
	if err != nil {
		return nil, err
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, a.internal(ctx, "import users", err)
	}
	existing, err := a.DB.Users(ctx)
	if err != nil {
		return nil, a.internal(ctx, "import users", err)
	}
	taken := map[string]bool{}
	for _, u := range existing {
		taken[qianxiang.UsernameKey(u.Username)] = true
	}
	byCode, byName := map[string]qianxiang.Org{}, map[string][]qianxiang.Org{}
	for _, o := range orgs {
		byCode[strings.ToLower(o.Code)] = o
		byName[o.Name] = append(byName[o.Name], o)
	}

	var ds []qianxiang.Detail
	bad := func(row int, field, format string, args ...any) {
		ds = append(ds, qianxiang.Detail{Row: row, Column: cols[field], Header: excel.UserColumnHeader(field), Format: format, Args: args})
	}
	type made struct {
		u     qianxiang.User
		phone string
		row   int
	}
	var users []made
	inFile := map[string]int{} // username key -> row
	perOrg := map[string]int{} // next number tried for generated names
	for _, row := range rows {
		m := made{row: row.Row, u: qianxiang.User{Active: true, MustChange: true}}
		name, d := qianxiang.CleanText("user.display_name", row.Name)
		switch {
		case d != nil:
			bad(row.Row, "name", d.Format, d.Args...)
		case name == "":
			bad(row.Row, "name", "is required")
		}
		m.u.DisplayName = name
		org, found := byCode[strings.ToLower(row.Org)]
		if !found {
			switch same := byName[row.Org]; {
			case row.Org == "":
				bad(row.Row, "org", "is required: an organisation's code or name")
			case len(same) == 1:
				org, found = same[0], true
			case len(same) > 1:
				bad(row.Row, "org", "%q names %d organisations; write its code", row.Org, len(same))
			default:
				bad(row.Row, "org", "no organisation has the code or name %q", row.Org)
			}
		}
		m.u.Org = org
		role, ok := qianxiang.RoleOfWord(row.Role)
		switch {
		case row.Role == "":
			bad(row.Row, "role", "is required")
		case !ok:
			bad(row.Row, "role", "%q is not a role a workbook can give (指挥部办公室, 市领导, 县区/部门管理员, 项目单位填报员, 督查, 只读); administrators are added one by one", row.Role)
		}
		m.u.Role = role
		phone, ok := qianxiang.CleanPhone(row.Phone)
		if !ok {
			bad(row.Row, "phone", "%q is not a mobile number (11 digits starting with 1)", row.Phone)
		}
		m.phone = phone
		if row.Username != "" {
			un, err := qianxiang.NormalizeUsername(row.Username)
			if e := qianxiang.AsError(err); e != nil {
				bad(row.Row, "username", e.Details[0].Format, e.Details[0].Args...)
			} else if taken[un] {
				bad(row.Row, "username", "username %q is taken", un)
			} else if first, dup := inFile[un]; dup {
				bad(row.Row, "username", "username %q is already on row %d", un, first)
			} else {
				m.u.Username, inFile[un] = un, row.Row
			}
		}
		users = append(users, m)
	}
	// Generated names come after the given ones, so none takes a name a
	// later row asked for.
	for i := range users {
		u := &users[i].u
		if u.Username != "" || u.Org.ID == 0 {
			continue
		}
		prefix := strings.ToLower(u.Org.Code)
		if _, err := qianxiang.NormalizeUsername(prefix); err != nil {
			prefix = fmt.Sprintf("org%d", u.Org.ID)
		}
		for {
			perOrg[prefix]++
			cand := fmt.Sprintf("%s-%d", prefix, perOrg[prefix])
			if !taken[cand] && inFile[cand] == 0 {
				u.Username, inFile[cand] = cand, users[i].row
				break
			}
		}
	}
	if len(ds) > 0 {
		return nil, &qianxiang.Error{Code: qianxiang.EValidation, Format: "the users workbook has %d errors; nothing was imported", Args: []any{len(ds)}, Details: ds}
	}
	passwords, hashes := generatePasswords(len(users))
	res := &UsersImport{Imported: len(users)}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for i := range users {
			m := &users[i]
			m.u.PasswordHash = hashes[i]
			if err := tx.InsertUser(ctx, &m.u); err != nil {
				return err
			}
			if err := tx.PutUserPhone(ctx, m.u.ID, m.phone); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "create", "users", m.u.ID, m.u.Username, ""); err != nil {
				return err
			}
			res.Slips = append(res.Slips, UserSlip{Row: m.row, DisplayName: m.u.DisplayName, Org: m.u.Org.Name, Role: m.u.Role,
				Username: m.u.Username, Password: passwords[i]})
		}
		return nil
	})
	if err != nil {
		return nil, a.internal(ctx, "import users", err)
	}
	return res, nil
}

// UserPhones gives the users' mobile phones by user id: personal data,
// for administrators only.
func (a *App) UserPhones(ctx context.Context, actor qianxiang.Actor) (map[int64]string, error) {
	if !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	ps, err := a.DB.UserPhones(ctx)
	return ps, a.internal(ctx, "user phones", err)
}
