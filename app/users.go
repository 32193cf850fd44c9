package app

import (
	"context"

	"qianxiang"
	"qianxiang/store"
)

// NewUser is the input to AddUser.
type NewUser struct {
	Username    string
	DisplayName string
	Role        qianxiang.Role
	OrgCode     string
	Password    string // empty: generate one
}

// AddUser creates a user and returns the password it was given (generated
// when none was asked for), to be shown once.
func (a *App) AddUser(ctx context.Context, actor qianxiang.Actor, in NewUser) (qianxiang.User, string, error) {
	var u qianxiang.User
	if !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return u, "", qianxiang.ErrForbidden()
	}
	name, err := qianxiang.NormalizeUsername(in.Username)
	if err != nil {
		return u, "", err
	}
	in.Username = name
	if !in.Role.Valid() {
		return u, "", qianxiang.FieldError("role", "%q is not a role (one of: %s)", string(in.Role), qianxiang.RoleList())
	}
	org, err := a.DB.OrgByCode(ctx, in.OrgCode)
	if err != nil {
		return u, "", qianxiang.FieldError("org", "organisation %q not found", in.OrgCode)
	}
	if err := qianxiang.CheckRoleOrg(in.Role, org); err != nil {
		return u, "", err
	}
	pw := in.Password
	if pw == "" {
		pw = GeneratePassword()
	} else if err := CheckPasswordStrength(pw, in.Username); err != nil {
		return u, "", err
	}
	dn, d := qianxiang.CleanText("user.display_name", in.DisplayName)
	if d != nil {
		d.Field = "display_name"
		return u, "", detailError(*d)
	}
	u = qianxiang.User{Username: in.Username, DisplayName: dn, Role: in.Role, Org: org,
		PasswordHash: HashPassword(pw), Active: true, MustChange: in.Password == ""}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		// An older account may differ from the new name only in case
		// (Admin beside admin): the unique index does not see that.
		same, err := tx.UserIDsWithKey(ctx, u.Username)
		if err != nil {
			return err
		}
		if len(same) > 0 {
			return qianxiang.Errorf(qianxiang.EConflict, "username %q is taken", u.Username)
		}
		if err := tx.InsertUser(ctx, &u); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "users", u.ID, u.Username, "")
	})
	return u, pw, a.internal(ctx, "add user", err)
}

// Users lists users for an admin.
func (a *App) Users(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.User, error) {
	if !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	us, err := a.DB.Users(ctx)
	return us, a.internal(ctx, "list users", err)
}

// updateUser applies change to a user in one audited transaction.
func (a *App) updateUser(ctx context.Context, actor qianxiang.Actor, id int64, action string, change func(*qianxiang.User) error) error {
	return a.internal(ctx, action, a.DB.Tx(ctx, func(tx *store.Tx) error {
		u, err := tx.UserByID(ctx, id)
		if err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "users", id)
		if err != nil {
			return err
		}
		oldRole := u.Role
		if err := change(&u); err != nil {
			return err
		}
		if err := tx.UpdateUser(ctx, &u); err != nil {
			return err
		}
		if err := tx.DeleteUserSessions(ctx, id); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, action, "users", id, u.Username, before); err != nil {
			return err
		}
		if u.Role == oldRole {
			return nil
		}
		// The user's tokens are bound to their role: re-signed for the new
		// one, each change in the trail.
		return a.remacTokens(ctx, tx, actor, u)
	}))
}

func (a *App) remacTokens(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, u qianxiang.User) error {
	ts, err := tx.Tokens(ctx, u.ID)
	if err != nil {
		return err
	}
	befores := map[int64]string{}
	for _, t := range ts {
		if befores[t.ID], err = tx.Snapshot(ctx, "api_tokens", t.ID); err != nil {
			return err
		}
	}
	if _, err := tx.RemacUserTokens(ctx, u.ID, u.Role); err != nil {
		return err
	}
	for _, t := range ts {
		if err := tx.Audit(ctx, actor.Username, "change_role", "api_tokens", t.ID, t.Prefix, befores[t.ID]); err != nil {
			return err
		}
	}
	return nil
}

// SetRole changes a user's role and, when org is not empty, organisation
// (admin). Their sessions end, their tokens follow the new role, and all of
// it is in the trail. An admin cannot take their own admin role away.
func (a *App) SetRole(ctx context.Context, actor qianxiang.Actor, id int64, role qianxiang.Role, orgCode string) error {
	if !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if !role.Valid() {
		return qianxiang.FieldError("role", "%q is not a role (one of: %s)", string(role), qianxiang.RoleList())
	}
	if id == actor.UserID && role != qianxiang.RoleAdmin {
		return qianxiang.Errorf(qianxiang.EValidation, "you cannot take away your own admin role")
	}
	var org qianxiang.Org
	if orgCode != "" {
		o, err := a.DB.OrgByCode(ctx, orgCode)
		if err != nil {
			return qianxiang.FieldError("org", "organisation %q not found", orgCode)
		}
		org = o
	}
	return a.updateUser(ctx, actor, id, "change_role", func(u *qianxiang.User) error {
		u.Role = role
		if org.ID != 0 {
			u.Org = org
		}
		return qianxiang.CheckRoleOrg(u.Role, u.Org)
	})
}

// ResetPassword gives a user a new generated password (admin), returned
// once with the user's name.
func (a *App) ResetPassword(ctx context.Context, actor qianxiang.Actor, id int64) (password, username string, err error) {
	if !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return "", "", qianxiang.ErrForbidden()
	}
	pw := GeneratePassword()
	err = a.updateUser(ctx, actor, id, "reset_password", func(u *qianxiang.User) error {
		u.PasswordHash, u.MustChange, username = HashPassword(pw), true, u.Username
		return nil
	})
	return pw, username, err
}

// SetActive activates or deactivates a user (admin); a deactivated user's
// sessions end at once. An admin cannot deactivate themselves.
func (a *App) SetActive(ctx context.Context, actor qianxiang.Actor, id int64, active bool) error {
	if !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if id == actor.UserID && !active {
		return qianxiang.Errorf(qianxiang.EValidation, "you cannot deactivate yourself")
	}
	action := "deactivate"
	if active {
		action = "activate"
	}
	return a.updateUser(ctx, actor, id, action, func(u *qianxiang.User) error { u.Active = active; return nil })
}

// ChangePassword lets a user change their own password.
func (a *App) ChangePassword(ctx context.Context, actor qianxiang.Actor, old, new string) error {
	u, err := a.DB.UserByID(ctx, actor.UserID)
	if err != nil {
		return err
	}
	// Guesses at the old password count with the failed logins of the user:
	// a session left open (a hall's screen) must not let anyone find the
	// password by trying.
	key := userKey(u.Username)
	if err := a.countAttempt(ctx, []string{key}, []int{userMaxFailures}); err != nil {
		return err
	}
	if !CheckPassword(u.PasswordHash, old) {
		return qianxiang.FieldError("old_password", "is wrong")
	}
	if err := a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.ClearLoginFailures(ctx, key) }); err != nil {
		return a.internal(ctx, "change password", err)
	}
	if err := CheckPasswordStrength(new, u.Username); err != nil {
		return err
	}
	if old == new {
		return qianxiang.FieldError("password", "must differ from the old one")
	}
	return a.updateUser(ctx, actor, u.ID, "change_password", func(u *qianxiang.User) error {
		u.PasswordHash, u.MustChange = HashPassword(new), false
		return nil
	})
}
