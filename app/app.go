// Package app is the service layer: every read and write of the CLI, the
// JSON API and the pages goes through it. It asks the domain's access
// predicate before touching anything and writes the audit entry in the same
// transaction as the change.
package app

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"qianxiang"
	"qianxiang/store"
)

// App holds what the services need.
type App struct {
	DB  *store.DB
	Log *slog.Logger
	// Now is the clock (tests move it to a deadline).
	Now func() time.Time
	// Loc is the city's time zone, for deadlines and "this month".
	Loc *time.Location
	// SessionTTL is how long a login lasts.
	SessionTTL time.Duration
	// Instance names this server among several on one database (leases,
	// webhook claims, the attempt log).
	Instance string
	// HTTP sends the outbound webhook.
	HTTP *http.Client
	// touched remembers when this server last recorded each API token's
	// use (token id → time), so a read with a token writes at most once a
	// minute instead of opening a write transaction on every request.
	touched sync.Map
	// figures caches dispatches and series under the data version
	// (dispatch_cache.go).
	figures figureCache
	// inputs keeps each year's dispatch inputs, rolled forward by the
	// change log (dispatch_inputs.go).
	inputs dispatchInputs
	// listTotals caches the registry's totals line per filter under the
	// data version (projects_totals.go).
	listTotals figureCache
}

// New returns the services over an open database.
func New(db *store.DB, log *slog.Logger) *App {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	a := &App{DB: db, Log: log, Now: time.Now, Loc: loc, SessionTTL: 12 * time.Hour, Instance: instanceName(),
		HTTP: &http.Client{Timeout: 10 * time.Second}}
	db.Now = func() time.Time { return a.Now().UTC() }
	if db.Dialect() == store.SQLite {
		// One server: the cockpit's screens hear of changes in process
		// (on PostgreSQL the notification reaches every server).
		db.OnFigures = func() { a.hub().deliver(store.FiguresTopic) }
	}
	return a
}

// Today is the calendar day in the city.
func (a *App) Today() qianxiang.Date { return qianxiang.DateOf(a.Now().In(a.Loc)) }

// internal wraps an unexpected error; the user sees a generic message,
// the log keeps the detail.
func (a *App) internal(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if qianxiang.AsError(err) != nil {
		return err
	}
	if e := a.Unavailable(err); e != nil {
		a.Log.WarnContext(ctx, "database unavailable", "op", op, "err", err)
		return e
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		// The caller left (a hall screen closed mid-read): nothing for
		// an operator to look into, and nobody is waiting for the answer.
		a.Log.DebugContext(ctx, "request ended by the caller", "op", op)
	} else {
		a.Log.ErrorContext(ctx, "internal error", "op", op, "err", err)
	}
	return &qianxiang.Error{Code: qianxiang.EInternal, Format: "internal error during %s; the details are in the server log", Args: []any{op}}
}

// CityCode is the 6-digit code of the city organisation (the root).
func (a *App) CityCode(ctx context.Context) string {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return ""
	}
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCity && o.ParentID == 0 {
			return o.Code
		}
	}
	return ""
}

// City is the root city organisation.
func (a *App) City(ctx context.Context) (qianxiang.Org, bool) {
	orgs, _ := a.DB.Orgs(ctx)
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCity && o.ParentID == 0 {
			return o, true
		}
	}
	return qianxiang.Org{}, false
}
