// Package demo fills an empty database with a demo city: lvliang's
// organisations, one user per role, about a thousand projects of the year's
// campaign and their monthly reports. Everything is generated in code from a
// fixed seed, so every run gives the same city.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/store"
)

// ErrNotEmpty: the demo only goes into an empty database.
var ErrNotEmpty = errors.New("database is not empty")

// Login is a demo user's credentials, printed once.
type Login struct {
	Username, Password, Role, Org string
}

type demoUser struct {
	username, name string
	role           qianxiang.Role
	org            string
}

var users = []demoUser{
	{"admin", "系统管理员", qianxiang.RoleAdmin, "141100"},
	{"zhb", "指挥部办公室", qianxiang.RoleCommand, "141100-FGW"},
	{"shizhang", "张广勇", qianxiang.RoleLeader, "141100"},
	{"lishi", "离石区项目办", qianxiang.RoleOrgAdmin, "141102"},
	{"lishi-xm", "离石区项目单位", qianxiang.RoleReporter, "141102"},
	{"wenshui", "文水县项目办", qianxiang.RoleOrgAdmin, "141121"},
	{"weijianwei", "市卫健委", qianxiang.RoleOrgAdmin, "141100-WJW"},
	{"ducha", "市督查室", qianxiang.RoleSupervisor, "141100"},
	{"guest", "访客", qianxiang.RoleViewer, "141100"},
}

// Fill creates the demo city in an empty database and returns the logins.
func Fill(ctx context.Context, a *app.App) ([]Login, error) {
	var n int
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	years, err := a.DB.Years(ctx)
	if err != nil {
		return nil, err
	}
	us, err := a.DB.Users(ctx)
	if err != nil {
		return nil, err
	}
	if n = len(years) + len(us); n > 0 || len(orgs) > len(app.Presets["lvliang"]) {
		return nil, ErrNotEmpty
	}
	sys := qianxiang.SystemActor
	sys.Username = "demo"
	if _, err := a.InitPreset(ctx, sys, "lvliang"); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(2023, 226))
	var logins []Login
	for _, u := range users {
		pw := fmt.Sprintf("qx%06d!", rng.IntN(1000000))
		made, _, err := a.AddUser(ctx, sys, app.NewUser{Username: u.username, DisplayName: u.name, Role: u.role, OrgCode: u.org, Password: pw})
		if err != nil {
			return nil, err
		}
		logins = append(logins, Login{u.username, pw, string(u.role), made.Org.Name})
	}
	if err := fillPlan(ctx, a, sys, rng); err != nil {
		return nil, err
	}
	if err := fillTargets(ctx, a, sys, a.Today().Year); err != nil {
		return nil, err
	}
	if err := fillPlaces(ctx, a, sys, a.Today().Year, rand.New(rand.NewPCG(2026, 165))); err != nil {
		return nil, err
	}
	if err := fillPhotos(ctx, a, a.Today().Year, a.Today().Month); err != nil {
		return nil, err
	}
	if err := fillChains(ctx, a, sys, a.Today().Year); err != nil {
		return nil, err
	}
	if err := fillBatchStarts(ctx, a, sys, a.Today().Year); err != nil {
		return nil, err
	}
	if err := fillProblems(ctx, a, sys); err != nil {
		return nil, err
	}
	if err := fillAssessment(ctx, a, sys, a.Today().Year); err != nil {
		return nil, err
	}
	if err := fillPipeline(ctx, a, sys, a.DefaultYear(ctx)); err != nil {
		return nil, err
	}
	if err := fillSupervision(ctx, a, sys); err != nil {
		return nil, err
	}
	fl, err := fillFirstHour(ctx, a, sys, a.Today().Year)
	if err != nil {
		return nil, err
	}
	logins = append(logins, fl...)
	cl, err := fillCongress(ctx, a, sys, rng)
	if err != nil {
		return nil, err
	}
	ll, err := fillLeads(ctx, a, sys)
	if err != nil {
		return nil, err
	}
	if err := fillNews(ctx, a, sys); err != nil {
		return nil, err
	}
	sl, err := fillStatistics(ctx, a, sys)
	if err != nil {
		return nil, err
	}
	dl, err := fillSuggestions(ctx, a, sys, rng)
	if err != nil {
		return nil, err
	}
	return append(append(append(append(logins, cl...), ll...), sl...), dl...), nil
}

// fillPlan writes the year's projects and their reports in one transaction.
func fillPlan(ctx context.Context, a *app.App, sys qianxiang.Actor, rng *rand.Rand) error {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return err
	}
	byCode := map[string]qianxiang.Org{}
	for _, o := range orgs {
		byCode[o.Code] = o
	}
	today := a.Today()
	// Months whose deadline has passed are reported (a few units late);
	// the month still open is partly filled in.
	year, lastMonth := today.Year, today.Month-1
	if today.Day > a.DispatchSettings(ctx).DeadlineDay {
		lastMonth = today.Month
	}
	if lastMonth == 0 {
		year, lastMonth = today.Year-1, 12
	}
	plan := generate(rng, year, byCode)
	return a.DB.Tx(ctx, func(tx *store.Tx) error {
		for i := range plan {
			p := &plan[i].Project
			if err := tx.InsertProject(ctx, p); err != nil {
				return err
			}
			if err := tx.Audit(ctx, sys.Username, "create", "projects", p.ID, p.Name, ""); err != nil {
				return err
			}
		}
		return writeReports(ctx, a, tx, sys, rng, plan, year, lastMonth, today)
	})
}
