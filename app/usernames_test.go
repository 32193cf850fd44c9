package app_test

import (
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// TestLookAlikeUsernamesAreRefused: a new account cannot pass for an
// existing one by case, width, an invisible character or a letter of
// another script.
func TestLookAlikeUsernamesAreRefused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "admin", qianxiang.RoleAdmin, "141100")
		for _, c := range []struct {
			name, username, code, want string
		}{
			{"upper case", "ADMIN", qianxiang.EConflict, "taken"},
			{"mixed case", "Admin", qianxiang.EConflict, "taken"},
			{"full width", "ａｄｍｉｎ", qianxiang.EConflict, "taken"},
			{"zero-width space", "ad\u200bmin", qianxiang.EValidation, "invisible"},
			{"Cyrillic а", "\u0430dmin", qianxiang.EValidation, "U+0430"},
			{"Greek ο", "rο\u03bft", qianxiang.EValidation, "U+03BF"},
			{"space inside", "ad min", qianxiang.EValidation, "spaces"},
		} {
			_, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: c.username, Role: qianxiang.RoleViewer, OrgCode: "141102"})
			if qianxiang.ErrorCode(err) != c.code || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s %q: %v, want %s mentioning %q", c.name, c.username, err, c.code, c.want)
			}
		}
		// A name typed in capitals or full width is stored in its one form.
		u, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "ＬＩＳＨＩ-Xm", Role: qianxiang.RoleReporter, OrgCode: "141102", Password: testenv.Password})
		if err != nil || u.Username != "lishi-xm" {
			t.Fatalf("a full-width, capitalised name: %q %v, want stored as lishi-xm", u.Username, err)
		}
		us, err := a.DB.Users(ctx)
		if err != nil || len(us) != 2 {
			t.Fatalf("users after the refusals: %d %v, want admin and lishi-xm only", len(us), err)
		}
	})
}

// TestLoginIgnoresCaseAndKeepsOlderAccounts: login finds an account
// whatever the case or width typed, on both databases alike; accounts made
// before names were normalised (capitals in them) keep working.
func TestLoginIgnoresCaseAndKeepsOlderAccounts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "admin", qianxiang.RoleAdmin, "141100")
		org, err := a.DB.OrgByCode(ctx, "141102")
		if err != nil {
			t.Fatal(err)
		}
		// Older accounts, written as the previous version stored them.
		for _, n := range []string{"Zhang.San", "Twin", "TWIN"} {
			if err := a.DB.Tx(ctx, func(tx *store.Tx) error {
				return tx.InsertUser(ctx, &qianxiang.User{Username: n, Role: qianxiang.RoleReporter, Org: org, PasswordHash: app.HashPassword(testenv.Password), Active: true})
			}); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range []struct{ typed, as string }{
			{"admin", "admin"}, {"ADMIN", "admin"}, {"Admin", "admin"}, {"ａｄｍｉｎ", "admin"}, {" admin ", "admin"},
			{"Zhang.San", "Zhang.San"}, {"zhang.san", "Zhang.San"}, {"ZHANG.SAN", "Zhang.San"},
			{"Twin", "Twin"}, {"TWIN", "TWIN"}, // two older accounts that differ only in case: each by its exact name
			{"twin", ""}, {"\u0430dmin", ""}, {"ad\u200bmin", ""},
		} {
			_, _, u, err := a.Login(ctx, c.typed, testenv.Password, "192.0.2.1")
			switch {
			case c.as == "" && qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated:
				t.Errorf("login as %q: %v (%q), want refused", c.typed, err, u.Username)
			case c.as != "" && (err != nil || u.Username != c.as):
				t.Errorf("login as %q: %q %v, want %q", c.typed, u.Username, err, c.as)
			}
		}
		// A new account cannot sit beside an older one that differs in case.
		if _, _, err := a.AddUser(ctx, qianxiang.SystemActor, app.NewUser{Username: "zhang.san", Role: qianxiang.RoleViewer, OrgCode: "141102"}); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("zhang.san beside Zhang.San: %v, want taken", err)
		}
	})
}
