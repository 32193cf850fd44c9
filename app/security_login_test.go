package app_test

import (
	"fmt"
	"sync"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The lock was checked before the password and the failure recorded after
// it, so guesses sent at once all passed the check: a burst got as many
// tries as it had requests instead of five.
func TestSecurityParallelGuessesAreCountedBeforeTheCheck(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		const n = 12
		codes := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _, _, err := a.Login(ctx, "zhb", fmt.Sprintf("wrong-pass-%d", i), fmt.Sprintf("10.1.0.%d", i+1))
				codes[i] = qianxiang.ErrorCode(err)
			}()
		}
		wg.Wait()
		tried := 0
		for _, c := range codes {
			switch c {
			case qianxiang.EUnauthenticated:
				tried++
			case qianxiang.ETooMany:
			default:
				t.Fatalf("unexpected outcome %s", c)
			}
		}
		if tried > 5 {
			t.Fatalf("%d of %d parallel guesses had their password checked, want at most 5", tried, n)
		}
		if _, _, _, err := a.Login(ctx, "zhb", testenv.Password, "10.1.1.1"); qianxiang.ErrorCode(err) != qianxiang.ETooMany {
			t.Fatalf("the right password after the burst: %v, want locked", err)
		}
	})
}

// One machine with IPv6 has a whole /64 to send from: counting each
// address apart let it spray passwords over many users without limit.
func TestSecurityAddressLimitCountsAnIPv6BlockAsOne(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		for i := range 20 {
			_, _, _, err := a.Login(ctx, fmt.Sprintf("nobody%d", i), "wrong-pass-1", fmt.Sprintf("2001:db8:1:2::%x", i+1))
			if qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
				t.Fatalf("failure %d: %v", i, err)
			}
		}
		_, _, _, err := a.Login(ctx, "zhb", testenv.Password, "2001:db8:1:2:ffff::1")
		if qianxiang.ErrorCode(err) != qianxiang.ETooMany {
			t.Fatalf("another address of the same /64 after 20 failures: %v, want too many", err)
		}
		if _, _, _, err := a.Login(ctx, "zhb", testenv.Password, "2001:db8:1:3::1"); err != nil {
			t.Fatalf("another /64 is not locked: %v", err)
		}
		// An IPv4 client seen as IPv6 is the same client.
		for i := range 20 {
			a.Login(ctx, fmt.Sprintf("nobody%d", i), "wrong-pass-1", "::ffff:10.2.0.1")
		}
		if _, _, _, err := a.Login(ctx, "zhb", testenv.Password, "10.2.0.1"); qianxiang.ErrorCode(err) != qianxiang.ETooMany {
			t.Fatalf("10.2.0.1 after 20 failures as ::ffff:10.2.0.1: %v, want too many", err)
		}
	})
}

// A good login cleared the address's failures, so an insider could spray
// 19 guesses at other users, log in to their own account, and go again.
func TestSecurityOwnLoginDoesNotResetTheAddressCount(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "me", qianxiang.RoleViewer, "141102")
		const addr = "10.3.0.1"
		for i := range 19 {
			a.Login(ctx, fmt.Sprintf("victim%d", i), "guess-pass-1", addr)
		}
		if _, _, _, err := a.Login(ctx, "me", testenv.Password, addr); err != nil {
			t.Fatalf("own login under the limit: %v", err)
		}
		if _, _, _, err := a.Login(ctx, "victim19", "guess-pass-1", addr); qianxiang.ErrorCode(err) != qianxiang.EUnauthenticated {
			t.Fatalf("the 20th failure: %v", err)
		}
		if _, _, _, err := a.Login(ctx, "victim20", "guess-pass-1", addr); qianxiang.ErrorCode(err) != qianxiang.ETooMany {
			t.Fatalf("after 20 failures from the address (one good login between): %v, want too many", err)
		}
	})
}

// Logging in often from one office address is not failing: good logins do
// not add up to the address's limit.
func TestSecurityGoodLoginsDoNotLockAnAddress(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	testenv.User(t, a, "me", qianxiang.RoleViewer, "141102")
	for i := range 25 {
		if _, _, _, err := a.Login(ctx, "me", testenv.Password, "10.4.0.1"); err != nil {
			t.Fatalf("login %d: %v", i, err)
		}
	}
}

// Changing one's password asks for the old one; wrong answers were not
// counted, so a session left open (a hall's screen, an unlocked desk) let
// anyone find the password by trying.
func TestSecurityChangePasswordGuessesAreThrottled(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		me := testenv.User(t, a, "screen", qianxiang.RoleLeader, "141100")
		for i := range 5 {
			err := a.ChangePassword(ctx, me, fmt.Sprintf("guess-%d-pass", i), "New-pass-2024")
			if qianxiang.ErrorCode(err) != qianxiang.EValidation {
				t.Fatalf("guess %d: %v", i, err)
			}
		}
		err := a.ChangePassword(ctx, me, testenv.Password, "New-pass-2024")
		if qianxiang.ErrorCode(err) != qianxiang.ETooMany {
			t.Fatalf("the right old password after 5 wrong ones: %v, want too many", err)
		}
		if _, _, _, err := a.Login(ctx, "screen", testenv.Password, "10.5.0.1"); qianxiang.ErrorCode(err) != qianxiang.ETooMany {
			t.Fatalf("login after 5 wrong old passwords: %v, want the user locked", err)
		}
	})
}
