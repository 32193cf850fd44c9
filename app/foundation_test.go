package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

var ctx = context.Background()

func TestPresetIsIdempotent(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		n, err := a.InitPreset(ctx, qianxiang.SystemActor, "lvliang")
		if err != nil || n != 18 {
			t.Fatalf("first init: %d, %v", n, err)
		}
		n, err = a.InitPreset(ctx, qianxiang.SystemActor, "lvliang")
		if err != nil || n != 0 {
			t.Fatalf("second init created %d, %v", n, err)
		}
		o, err := a.DB.OrgByCode(ctx, "141181")
		if err != nil || o.Name != "孝义市" || o.Kind != qianxiang.OrgCounty {
			t.Fatalf("孝义市: %+v %v", o, err)
		}
		if _, err := a.InitPreset(ctx, qianxiang.SystemActor, "nowhere"); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("unknown preset: %v", err)
		}
	})
}

func TestAddUserRefusesBadInput(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		cases := []struct {
			name string
			in   app.NewUser
			code string
			want string
		}{
			{"unknown role", app.NewUser{Username: "x", Role: "mayor", OrgCode: "141102"}, qianxiang.EValidation, "role"},
			{"unknown org", app.NewUser{Username: "x", Role: "viewer", OrgCode: "999999"}, qianxiang.EValidation, "999999"},
			{"duplicate", app.NewUser{Username: "lishi", Role: "viewer", OrgCode: "141102"}, qianxiang.EConflict, "taken"},
			{"weak password", app.NewUser{Username: "y", Role: "viewer", OrgCode: "141102", Password: "12345678"}, qianxiang.EValidation, "password"},
			{"short password", app.NewUser{Username: "y", Role: "viewer", OrgCode: "141102", Password: "a1"}, qianxiang.EValidation, "8"},
			{"empty username", app.NewUser{Role: "viewer", OrgCode: "141102"}, qianxiang.EValidation, "username"},
		}
		for _, c := range cases {
			_, _, err := a.AddUser(ctx, qianxiang.SystemActor, c.in)
			if qianxiang.ErrorCode(err) != c.code || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: got %v (%s), want %s mentioning %q", c.name, err, qianxiang.ErrorCode(err), c.code, c.want)
			}
		}
		us, _ := a.DB.Users(ctx)
		if len(us) != 1 {
			t.Fatalf("refused users were written: %d users", len(us))
		}
		county := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		if _, _, err := a.AddUser(ctx, county, app.NewUser{Username: "z", Role: "viewer", OrgCode: "141121"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county admin added a user: %v", err)
		}
	})
}

func TestLoginThrottlesAfterRepeatedFailures(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		for i := 0; i < 5; i++ {
			if _, _, _, err := a.Login(ctx, "zhb", "wrong-pass-1", "10.0.0.1"); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
				t.Fatalf("failure %d: %v", i, err)
			}
		}
		_, _, _, err := a.Login(ctx, "zhb", testenv.Password, "10.0.0.2")
		if qianxiang.ErrorCode(err) != qianxiang.ETooMany {
			t.Fatalf("the right password after 5 failures must still be refused while locked: %v", err)
		}
		if _, _, _, err := a.Login(ctx, "nobody", "x", "10.0.0.3"); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
			t.Fatalf("unknown user: %v", err)
		}
	})
}

func TestSessionsAndTokens(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		me := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		secret, _, _, err := a.Login(ctx, "lishi", testenv.Password, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if _, u, err := a.SessionUser(ctx, secret); err != nil || u.Username != "lishi" {
			t.Fatalf("session: %v", err)
		}
		tok, err := a.CreateToken(ctx, me, "lishi", "script")
		if err != nil || !strings.HasPrefix(tok, "qx_") {
			t.Fatalf("token %q %v", tok, err)
		}
		if u, err := a.TokenUser(ctx, tok); err != nil || u.Username != "lishi" {
			t.Fatalf("token user: %v", err)
		}
		ts, _ := a.Tokens(ctx, me)
		if err := a.RevokeToken(ctx, me, ts[0].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := a.TokenUser(ctx, tok); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
			t.Fatalf("a revoked token still works: %v", err)
		}
		if err := a.ChangePassword(ctx, me, testenv.Password, "New-pass-2024"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.SessionUser(ctx, secret); err == nil {
			t.Fatal("changing the password must end the user's sessions")
		}
		other := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		if _, err := a.CreateToken(ctx, other, "lishi", "steal"); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a user made a token for someone else: %v", err)
		}
	})
}

func TestSessionsSlideWhileUsedAndEndWhenIdle(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2026, 3, 1, 8, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return now }
		testenv.Lvliang(t, a)
		testenv.User(t, a, "screen", qianxiang.RoleLeader, "141100")
		secret, _, _, err := a.Login(ctx, "screen", testenv.Password, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		// Used every few hours for two days: still logged in.
		for i := 0; i < 12; i++ {
			now = now.Add(4 * time.Hour)
			if _, _, err := a.SessionUser(ctx, secret); err != nil {
				t.Fatalf("after %d hours of use: %v", 4*(i+1), err)
			}
		}
		now = now.Add(13 * time.Hour)
		if _, _, err := a.SessionUser(ctx, secret); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
			t.Fatalf("an idle session must end: %v", err)
		}
	})
}
