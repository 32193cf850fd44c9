package app_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Credentials are in the trail: an admin issuing a token for someone else,
// revocations, logins and logouts, password resets and changes, role
// changes each leave an entry naming who did it.
func TestCredentialChangesAreAudited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		admin := testenv.User(t, a, "admin1", qianxiang.RoleAdmin, "141100")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleReporter, "141102")
		if _, err := a.CreateToken(ctx, admin, "lishi", "for lishi"); err != nil {
			t.Fatal(err)
		}
		ts, _ := a.Tokens(ctx, admin)
		if err := a.RevokeToken(ctx, admin, ts[0].ID); err != nil {
			t.Fatal(err)
		}
		secret, _, _, err := a.Login(ctx, "lishi", testenv.Password, "10.1.2.3")
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Logout(ctx, secret); err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.ResetPassword(ctx, admin, lishi.UserID); err != nil {
			t.Fatal(err)
		}
		if err := a.SetRole(ctx, admin, lishi.UserID, qianxiang.RoleOrgAdmin, ""); err != nil {
			t.Fatal(err)
		}
		es, err := a.AuditEntries(ctx, admin, qianxiang.AuditFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, e.Actor+" "+e.Action+" "+e.Entity+" "+e.Label)
		}
		all := strings.Join(got, "\n")
		testenv.Contains(t, all,
			"admin1 create_token api_tokens "+ts[0].Prefix,
			"admin1 revoke_token api_tokens "+ts[0].Prefix,
			"lishi login sessions lishi", "lishi logout sessions lishi",
			"admin1 reset_password users lishi", "admin1 change_role users lishi")
		if f := findings(t, a); f != "" {
			t.Fatalf("verify after audited credential changes:\n%s", f)
		}
		if err := a.SetRole(ctx, lishi, admin.UserID, qianxiang.RoleViewer, ""); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a reporter changed a role: %v", err)
		}
	})
}

// A token row inserted with SQL used to give a working admin token while
// verify said intact. Now it does not authenticate (its MAC is missing, or
// copied from another token and so not its own) and verify names it; a
// session planted with SQL is refused; a role raised with SQL takes the
// user's token and session away instead of granting the role.
func TestCredentialsPlantedWithSQLDoNotWork(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		admin := testenv.User(t, a, "admin1", qianxiang.RoleAdmin, "141100")
		testenv.User(t, a, "lishi", qianxiang.RoleReporter, "141102")
		genuine, err := a.CreateToken(ctx, admin, "admin1", "ops")
		if err != nil {
			t.Fatal(err)
		}
		lishiTok, err := a.CreateToken(ctx, admin, "lishi", "script")
		if err != nil {
			t.Fatal(err)
		}
		secret, _, _, err := a.Login(ctx, "lishi", testenv.Password, "10.0.0.9")
		if err != nil {
			t.Fatal(err)
		}
		raw := testenv.Raw(t, a)
		var mac string
		if err := raw.QueryRow(`SELECT mac FROM api_tokens WHERE name = 'ops'`).Scan(&mac); err != nil {
			t.Fatal(err)
		}
		for i, m := range []string{"", mac} {
			forged := "qx_forged_admin_token_" + string(rune('a'+i))
			sum := sha256.Sum256([]byte(forged))
			if _, err := raw.Exec(rawSQL(a, `INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, mac) VALUES (?, 'planted', ?, ?, '2026-11-30T00:00:00.000Z', ?)`),
				admin.UserID, hex.EncodeToString(sum[:]), forged[:10]+string(rune('a'+i)), m); err != nil {
				t.Fatal(err)
			}
			if _, err := a.TokenUser(ctx, forged); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
				t.Fatalf("a token planted with SQL (mac %q) authenticated: %v", m, err)
			}
		}
		all := findings(t, a)
		testenv.Contains(t, all, "api_tokens", "not in the audit trail: inserted outside the application", "not issued by the application")
		if _, err := a.TokenUser(ctx, genuine); err != nil {
			t.Fatalf("the genuine token stopped working: %v", err)
		}

		// A session row planted with SQL.
		sum := sha256.Sum256([]byte("planted-session"))
		if _, err := raw.Exec(rawSQL(a, `INSERT INTO sessions (id, user_id, csrf, created_at, expires_at, mac) VALUES (?, ?, 'x', '2026-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z', '')`),
			hex.EncodeToString(sum[:]), admin.UserID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.SessionUser(ctx, "planted-session"); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
			t.Fatalf("a session planted with SQL worked: %v", err)
		}
		testenv.Contains(t, findings(t, a), "sessions", "admin1", "not opened by the application")

		// A role raised with SQL: lishi's token and session stop working.
		if _, err := raw.Exec(`UPDATE users SET role = 'admin' WHERE username = 'lishi'`); err != nil {
			t.Fatal(err)
		}
		if _, err := a.TokenUser(ctx, lishiTok); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
			t.Fatalf("a token worked after its user's role was raised with SQL: %v", err)
		}
		if _, _, err := a.SessionUser(ctx, secret); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
			t.Fatalf("a session worked after its user's role was raised with SQL: %v", err)
		}
		testenv.Contains(t, findings(t, a), "users", "lishi", "role")
	})
}

// A role changed by the application keeps the user's tokens working with
// the new role.
func TestRoleChangeKeepsTokensWorking(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		admin := testenv.User(t, a, "admin1", qianxiang.RoleAdmin, "141100")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleReporter, "141102")
		tok, err := a.CreateToken(ctx, lishi, "lishi", "script")
		if err != nil {
			t.Fatal(err)
		}
		if err := a.SetRole(ctx, admin, lishi.UserID, qianxiang.RoleOrgAdmin, "141102"); err != nil {
			t.Fatal(err)
		}
		u, err := a.TokenUser(ctx, tok)
		if err != nil || u.Role != qianxiang.RoleOrgAdmin {
			t.Fatalf("token after an audited role change: %+v %v", u, err)
		}
		if f := findings(t, a); f != "" {
			t.Fatalf("verify after a role change:\n%s", f)
		}
	})
}
