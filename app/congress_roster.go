package app

import (
	"context"
	"io"
	"runtime"
	"strings"
	"sync"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/store"
)

// congressScope locates every record of the people's congress.
var congressScope = qianxiang.Scope{Congress: true}

// Slip is a deputy's printable credential slip: the login and the
// generated password, shown once after the import.
type Slip struct {
	Seq        int    `json:"seq"`
	Name       string `json:"name"`
	Delegation string `json:"delegation"`
	Seat       string `json:"seat"`
	Card       string `json:"card"`
	Username   string `json:"username"`
	Password   string `json:"password"`
}

// RosterResult is what a roster import did.
type RosterResult struct {
	Congress    string `json:"congress"`
	Imported    int    `json:"imported"`
	Presidium   int    `json:"presidium"`
	Delegations int    `json:"delegations"`
	Slips       []Slip `json:"slips"`
}

// ImportDeputies reads a congress's roster and writes it in one
// transaction, all or nothing: the congress (created when code is new),
// each deputy, and each deputy's `deputy` login (username = card number, a
// generated password that must be changed at first login). The passwords
// come back once, as slips to print and hand out.
func (a *App) ImportDeputies(ctx context.Context, actor qianxiang.Actor, code, filename string, r io.Reader) (*RosterResult, error) {
	if !actor.Can(qianxiang.ActManageCongress, congressScope) {
		return nil, qianxiang.ErrForbidden()
	}
	code = strings.TrimSpace(code)
	if code == "" || len(code) > 32 || strings.ContainsAny(code, " \t/\\<>\"'?#&") {
		return nil, qianxiang.FieldError("congress", "give a congress code without spaces or slashes, e.g. lvliang-4")
	}
	rows, err := excel.ReadRoster(r, filename)
	if err != nil {
		return nil, err
	}
	// A roster refused for its cards is refused before the slow hashing.
	if k, err := a.DB.CongressByCode(ctx, code); err == nil {
		if err := rosterConflicts(ctx, a.DB, k.ID, code, rows); err != nil {
			return nil, a.internal(ctx, "import deputies", err)
		}
	} else if err := rosterConflicts(ctx, a.DB, 0, code, rows); err != nil {
		return nil, a.internal(ctx, "import deputies", err)
	}
	passwords, hashes := generatePasswords(len(rows))
	return a.addDeputies(ctx, actor, code, rows, passwords, hashes, true)
}

// AddDeputiesSharedPassword adds deputies who all start with one known
// password and need not change it: for the demo city and for tests of a
// whole National People's Congress, where hashing 2,977 generated
// passwords would take minutes. Staff only, audited like an import.
func (a *App) AddDeputiesSharedPassword(ctx context.Context, actor qianxiang.Actor, code string, ds []qianxiang.Deputy, password string) (*RosterResult, error) {
	if !actor.Can(qianxiang.ActManageCongress, congressScope) {
		return nil, qianxiang.ErrForbidden()
	}
	if err := CheckPasswordStrength(password, ""); err != nil {
		return nil, err
	}
	if d := qianxiang.CheckRoster(ds); len(d) > 0 {
		return nil, &qianxiang.Error{Code: qianxiang.EValidation, Format: "the roster has %d errors; nothing was imported", Args: []any{len(d)}, Details: d}
	}
	rows := make([]excel.RosterRow, len(ds))
	pw, hash := make([]string, len(ds)), make([]string, len(ds))
	h := HashPassword(password)
	for i, d := range ds {
		rows[i] = excel.RosterRow{Row: i + 1, Deputy: d}
		pw[i], hash[i] = password, h
	}
	return a.addDeputies(ctx, actor, code, rows, pw, hash, false)
}

func (a *App) addDeputies(ctx context.Context, actor qianxiang.Actor, code string, rows []excel.RosterRow, passwords, hashes []string, mustChange bool) (*RosterResult, error) {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, a.internal(ctx, "import deputies", err)
	}
	city, ok := a.City(ctx)
	if !ok {
		return nil, qianxiang.Errorf(qianxiang.EValidation, "create the city's organisations first (qianxiang init --preset lvliang)")
	}
	// Each deputy belongs to their delegation's county when it has one
	// (离石区代表团 → 离石区), else to the city.
	orgOf := func(delegation string) qianxiang.Org {
		name := strings.TrimSuffix(delegation, "代表团")
		for _, o := range orgs {
			if o.Name == name && o.Kind == qianxiang.OrgCounty {
				return o
			}
		}
		return city
	}
	res := &RosterResult{Congress: code}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		k, err := tx.CongressByCode(ctx, code)
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			k.Congress = qianxiang.Congress{Code: code, Name: code}
			if err := tx.InsertCongress(ctx, &k.Congress); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "create", "congresses", k.ID, code, ""); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		// Refusals are found before anything is inserted (a failed insert
		// would end the transaction on PostgreSQL), and all of them are named.
		if err := rosterConflicts(ctx, tx, k.ID, code, rows); err != nil {
			return err
		}
		delegations := map[string]bool{}
		for i, row := range rows {
			d := row.Deputy
			u := qianxiang.User{Username: d.Card, DisplayName: d.Name, Role: qianxiang.RoleDeputy, Org: orgOf(d.Delegation),
				PasswordHash: hashes[i], Active: true, MustChange: mustChange}
			if err := tx.InsertUser(ctx, &u); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "create", "users", u.ID, u.Username, ""); err != nil {
				return err
			}
			d.CongressID, d.UserID = k.ID, u.ID
			if d.Seq == 0 {
				d.Seq = i + 1
			}
			if err := tx.InsertDeputy(ctx, &d); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "create", "congress_deputies", d.ID, d.Name, ""); err != nil {
				return err
			}
			res.Slips = append(res.Slips, Slip{Seq: d.Seq, Name: d.Name, Delegation: d.Delegation, Seat: d.Seat, Card: d.Card,
				Username: u.Username, Password: passwords[i]})
			if d.Presidium {
				res.Presidium++
			}
			delegations[d.Delegation] = true
		}
		res.Imported, res.Delegations = len(rows), len(delegations)
		return nil
	})
	if err != nil {
		return nil, a.internal(ctx, "import deputies", err)
	}
	return res, nil
}

// generatePasswords makes n generated passwords and their hashes, hashing
// on every core: argon2id is deliberately slow, and a roster has hundreds.
func generatePasswords(n int) (pw, hash []string) {
	pw, hash = make([]string, n), make([]string, n)
	for i := range pw {
		pw[i] = GeneratePassword()
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				hash[i] = HashPassword(pw[i])
			}
		}()
	}
	for i := range pw {
		next <- i
	}
	close(next)
	wg.Wait()
	return pw, hash
}

// congressByCode finds a congress the actor may read; "" is the newest.
func (a *App) congressByCode(ctx context.Context, actor qianxiang.Actor, code string) (qianxiang.CongressRules, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "congress"); err != nil {
		return qianxiang.CongressRules{}, err
	}
	if code == "" {
		ks, err := a.DB.Congresses(ctx)
		if err != nil {
			return qianxiang.CongressRules{}, a.internal(ctx, "congress", err)
		}
		if len(ks) == 0 {
			return qianxiang.CongressRules{}, qianxiang.ErrNotFound("congress")
		}
		return DefaultCongress(ks), nil
	}
	return a.DB.CongressByCode(ctx, code)
}

// DefaultCongress is the congress a page shows when none is named: the
// newest people's congress. The consultative conference's roster is kept
// as a congress too (its code names it: …cppcc…), for its members'
// proposals; it has no session to run, so it is not the default even
// when it was imported last.
func DefaultCongress(ks []qianxiang.CongressRules) qianxiang.CongressRules {
	for _, k := range ks {
		if !strings.Contains(k.Code, "cppcc") {
			return k
		}
	}
	return ks[0]
}

// Congresses lists the congresses (newest first).
func (a *App) Congresses(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.CongressRules, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "congress"); err != nil {
		return nil, err
	}
	ks, err := a.DB.Congresses(ctx)
	return ks, a.internal(ctx, "congresses", err)
}

// Deputies lists a congress's roster, optionally one delegation.
func (a *App) Deputies(ctx context.Context, actor qianxiang.Actor, code, delegation string) ([]qianxiang.Deputy, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return nil, err
	}
	ds, err := a.DB.Deputies(ctx, k.ID, delegation)
	return ds, a.internal(ctx, "deputies", err)
}

// Delegations counts a congress's deputies by delegation.
func (a *App) Delegations(ctx context.Context, actor qianxiang.Actor, code string) ([]qianxiang.Count, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return nil, err
	}
	cs, err := a.DB.Delegations(ctx, k.ID)
	return cs, a.internal(ctx, "delegations", err)
}

type rosterReader interface {
	DeputyByCard(ctx context.Context, congressID int64, card string) (qianxiang.Deputy, error)
	UserByName(ctx context.Context, name string) (qianxiang.User, error)
}

// rosterConflicts names every row whose card is already on the roster or
// already a login.
func rosterConflicts(ctx context.Context, r rosterReader, congressID int64, code string, rows []excel.RosterRow) error {
	var details []qianxiang.Detail
	for _, row := range rows {
		if _, err := r.DeputyByCard(ctx, congressID, row.Deputy.Card); err == nil {
			details = append(details, qianxiang.Detail{Row: row.Row, Field: "card", Header: "代表证号",
				Format: "card number %s is already on the roster of %s", Args: []any{row.Deputy.Card, code}})
		} else if qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			return err
		} else if _, err := r.UserByName(ctx, row.Deputy.Card); err == nil {
			details = append(details, qianxiang.Detail{Row: row.Row, Field: "card", Header: "代表证号",
				Format: "login %s already exists; give the deputy another card number", Args: []any{row.Deputy.Card}})
		} else if qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			return err
		}
	}
	if len(details) > 0 {
		return &qianxiang.Error{Code: qianxiang.EValidation, Format: "the roster has %d errors; nothing was imported", Args: []any{len(details)}, Details: details}
	}
	return nil
}
