package app_test

import (
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A user may issue tokens only for themselves. Asking for someone else's
// answered "forbidden" when the username existed and "not found" when it
// did not, so any user could list the usernames (the targets for guessing).
func TestSecurityTokenRequestsDoNotRevealUsernames(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		me := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		for _, name := range []string{"wenshui", "no-such-user"} {
			if _, err := a.CreateToken(ctx, me, name, "x"); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
				t.Errorf("a token for %q: %v, want forbidden", name, err)
			}
		}
		if _, err := a.CreateToken(ctx, me, "lishi", "mine"); err != nil {
			t.Fatalf("one's own token: %v", err)
		}
		if _, err := a.CreateToken(ctx, qianxiang.SystemActor, "no-such-user", "x"); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("an admin asking for a missing user: %v, want not found", err)
		}
	})
}
