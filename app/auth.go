package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/netip"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/store"
)

// Throttling: a username is locked after userMaxFailures failures within
// the window, an address after addrMaxFailures (password spraying).
const (
	failureWindow   = 15 * time.Minute
	lockFor         = 15 * time.Minute
	userMaxFailures = 5
	addrMaxFailures = 20
)

func hashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Login checks a password and opens a session. It returns the cookie
// secret (the database keeps only its hash).
func (a *App) Login(ctx context.Context, username, password, addr string) (secret string, s qianxiang.Session, u qianxiang.User, err error) {
	username = strings.TrimSpace(username)
	keys := []string{userKey(username), addrKey(addr)}
	if err := a.countAttempt(ctx, keys, []int{userMaxFailures, addrMaxFailures}); err != nil {
		return "", s, u, err
	}
	u, err = a.DB.UserByName(ctx, username)
	var ok bool
	if err == nil {
		ok = CheckPassword(u.PasswordHash, password) && u.Active
	} else {
		// The same work as a real check, so timing does not tell which
		// usernames exist.
		CheckPassword(dummyHash, password)
	}
	if !ok {
		// The attempt was counted as a failure before the check.
		return "", s, u, qianxiang.Errorf(qianxiang.EUnauthenticated, "wrong username or password")
	}
	secret = randomToken(32)
	now := a.Now()
	s = qianxiang.Session{ID: hashSecret(secret), UserID: u.ID, CSRF: randomToken(24), ExpiresAt: now.Add(a.SessionTTL)}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		// The user's failures are forgotten; the address only gets this
		// attempt back, so that logging in to one's own account does not
		// wipe the failures it sprayed at others.
		if err := tx.ClearLoginFailures(ctx, keys[0]); err != nil {
			return err
		}
		if err := tx.UncountLoginAttempt(ctx, keys[1], addrMaxFailures); err != nil {
			return err
		}
		// Logins are rare enough to sweep expired sessions on.
		if err := tx.DeleteExpiredSessions(ctx); err != nil {
			return err
		}
		if err := tx.InsertSession(ctx, s, u.Role); err != nil {
			return err
		}
		tx.AuditEvent(ctx, u.Username, "login", "sessions", u.ID, u.Username, sessionDetail(s.ID, addr))
		return nil
	})
	return secret, s, u, a.internal(ctx, "login", err)
}

var dummyHash = HashPassword("not-a-real-password-1")

// userKey is the throttling key of a username, whatever its case or width:
// the lookup's key, so every spelling that reaches an account counts on it.
func userKey(username string) string { return "user:" + qianxiang.UsernameKey(username) }

// addrKey is the throttling key of a client address. An IPv6 client counts
// by its /64, the block one machine or link is given, so that stepping
// through its addresses does not escape the limit; an IPv4 address written
// as IPv6 counts as itself.
func addrKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return "addr:" + addr
	}
	ip = ip.Unmap()
	if ip.Is6() {
		if p, err := ip.Prefix(64); err == nil {
			return "addr:" + p.String()
		}
	}
	return "addr:" + ip.String()
}

// countAttempt counts a password attempt against each key before the
// password is checked, in one transaction that holds the keys' rows: attempts
// sent in parallel are counted one after the other, so no more of them get
// to the check than the limit allows. A locked key refuses the attempt and
// nothing is counted.
func (a *App) countAttempt(ctx context.Context, keys []string, limits []int) error {
	now := a.Now()
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		for i, k := range keys {
			n, first, locked, err := tx.LockLoginFailures(ctx, k)
			if err != nil {
				return err
			}
			if now.Before(locked) {
				mins := int(locked.Sub(now).Minutes()) + 1
				if strings.HasPrefix(k, "user:") {
					return qianxiang.Errorf(qianxiang.ETooMany, "too many failed logins for this user; try again in %d minutes", mins)
				}
				return qianxiang.Errorf(qianxiang.ETooMany, "too many failed logins from this address; try again in %d minutes", mins)
			}
			if now.Sub(first) > failureWindow {
				n, first = 0, now
			}
			n++
			var until time.Time
			if n >= limits[i] {
				until = now.Add(lockFor)
			}
			if err := tx.SetLoginFailures(ctx, k, n, first, until); err != nil {
				return err
			}
		}
		return nil
	})
	return a.internal(ctx, "login", err)
}

// sessionDetail is what the trail keeps of a session: the start of its id's
// hash (enough to tell sessions apart, useless to take one over) and the
// client's address.
func sessionDetail(id, addr string) string {
	b, _ := json.Marshal(map[string]string{"session": id[:12], "addr": addr})
	return string(b)
}

// Logout ends a session; the trail records it.
func (a *App) Logout(ctx context.Context, secret string) error {
	return a.internal(ctx, "logout", a.DB.Tx(ctx, func(tx *store.Tx) error {
		id := hashSecret(secret)
		uid, err := tx.DeleteSession(ctx, id)
		if err != nil || uid == 0 {
			return err
		}
		u, err := tx.UserByID(ctx, uid)
		if err != nil {
			return err
		}
		tx.AuditEvent(ctx, u.Username, "logout", "sessions", u.ID, u.Username, sessionDetail(id, ""))
		return nil
	}))
}

// SessionUser resolves a session cookie to its user.
func (a *App) SessionUser(ctx context.Context, secret string) (qianxiang.Session, qianxiang.User, error) {
	s, err := a.DB.SessionByID(ctx, hashSecret(secret))
	if err != nil {
		return s, qianxiang.User{}, err
	}
	u, err := a.DB.UserByID(ctx, s.UserID)
	if e := a.Unavailable(err); e != nil {
		return s, u, e
	}
	if err != nil || !u.Active {
		return s, u, qianxiang.Errorf(qianxiang.EUnauthenticated, "session expired; log in again")
	}
	// A session row the application did not make for this user with this
	// role (planted with SQL, or its user's role raised with SQL) is refused.
	if !a.DB.Keys.SessionGenuine(s.MAC, s.ID, u.ID, string(u.Role)) {
		a.Log.WarnContext(ctx, "session refused: its MAC does not match", "user", u.Username)
		return s, u, qianxiang.Errorf(qianxiang.EUnauthenticated, "session expired; log in again")
	}
	// Sliding expiry: a session in use (a hall's big screen refreshing all
	// day) is renewed once half its life is gone; an idle one still ends.
	if now := a.Now(); s.ExpiresAt.Sub(now) < a.SessionTTL/2 {
		s.ExpiresAt, s.Renewed = now.Add(a.SessionTTL), true
		if err := a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.ExtendSession(ctx, s.ID, s.ExpiresAt) }); err != nil {
			a.Log.WarnContext(ctx, "extend session", "err", err)
		}
	}
	return s, u, nil
}

// TokenUser resolves an API token to its user.
func (a *App) TokenUser(ctx context.Context, token string) (qianxiang.User, error) {
	hash := hashSecret(token)
	id, uid, mac, used, err := a.DB.TokenUse(ctx, hash)
	if err != nil {
		return qianxiang.User{}, err
	}
	u, err := a.DB.UserByID(ctx, uid)
	if err != nil || !u.Active {
		return u, qianxiang.Errorf(qianxiang.EUnauthenticated, "invalid or revoked API token")
	}
	// Only a token the application issued to this user with this role works.
	if !a.DB.Keys.TokenGenuine(mac, hash, u.ID, string(u.Role)) {
		a.Log.WarnContext(ctx, "API token refused: its MAC does not match", "token", id, "user", u.Username)
		return qianxiang.User{}, qianxiang.Errorf(qianxiang.EUnauthenticated, "invalid or revoked API token")
	}
	// A token its row says was used within the minute (on any server)
	// costs no write, nor one this server touched within the minute; the
	// rest are recorded together, after the answer: a hall of tablets
	// voting at once would otherwise queue a transaction per ballot behind
	// the one writer.
	if a.Now().Sub(used) >= touchRecordEvery {
		a.touchToken(ctx, id)
	}
	return u, nil
}

// CreateToken issues an API token for a user; the secret is returned once.
// A user may create their own; an admin anyone's.
func (a *App) CreateToken(ctx context.Context, actor qianxiang.Actor, username, name string) (string, error) {
	admin := actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{})
	// The role first: whether another username exists is no business of
	// someone who may not issue it a token.
	if !admin && username != actor.Username {
		return "", qianxiang.ErrForbidden()
	}
	u, err := a.DB.UserByName(ctx, username)
	if err != nil {
		return "", a.internal(ctx, "create token", err)
	}
	if u.ID != actor.UserID && !admin {
		return "", qianxiang.ErrForbidden()
	}
	secret := "qx_" + randomToken(32)
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, err := tx.InsertToken(ctx, u.ID, u.Role, name, hashSecret(secret), secret[:10])
		if err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create_token", "api_tokens", id, secret[:10], "")
	})
	return secret, a.internal(ctx, "create token", err)
}

// Tokens lists the tokens an actor may see: their own, or all for an admin.
func (a *App) Tokens(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.Token, error) {
	uid := actor.UserID
	if actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		uid = 0
	}
	ts, err := a.DB.Tokens(ctx, uid)
	return ts, a.internal(ctx, "list tokens", err)
}

// RevokeToken revokes a token of the actor's own, or any for an admin.
func (a *App) RevokeToken(ctx context.Context, actor qianxiang.Actor, id int64) error {
	t, err := a.DB.TokenByID(ctx, id)
	if err != nil {
		return err
	}
	if t.UserID != actor.UserID && !actor.Can(qianxiang.ActManageUsers, qianxiang.Scope{}) {
		return qianxiang.ErrNotFound("token")
	}
	return a.internal(ctx, "revoke token", a.DB.Tx(ctx, func(tx *store.Tx) error {
		before, err := tx.Snapshot(ctx, "api_tokens", id)
		if err != nil {
			return err
		}
		if err := tx.RevokeToken(ctx, id); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "revoke_token", "api_tokens", id, t.Prefix, before)
	}))
}

// touchRecordEvery is how often a token's last use is written: the list
// of tokens shows it to the minute, and a read path should not write.
const touchRecordEvery = time.Minute

// touchToken records a token's use when this server has not done so in
// the last minute; the decision is made in memory, so most requests with a
// token never touch the single writer connection.
func (a *App) touchToken(ctx context.Context, id int64) {
	now := a.Now()
	if last, ok := a.touched.Load(id); ok && now.Sub(last.(time.Time)) < touchRecordEvery && !now.Before(last.(time.Time)) {
		return
	}
	a.touched.Store(id, now)
	a.touchLater(id)
}
