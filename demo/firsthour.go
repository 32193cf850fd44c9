package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"qianxiang"
	"qianxiang/app"
)

// moreLeaders are the city leaders the demo's projects name besides 张广勇
// (shizhang) and 任忠 (renzhong, who follows investment leads, leads.go):
// with logins, the project form offers every one of them.
var moreLeaders = []demoUser{
	{"renlei", "任磊", qianxiang.RoleLeader, "141100"},
	{"youxiaofeng", "油晓峰", qianxiang.RoleLeader, "141100"},
}

// fillFirstHour gives the other leaders logins and numbers the year's
// circulars so far (第1期 for January, issued on the 5th of the month
// after), so the printed circular of the demo reads as the office's would.
func fillFirstHour(ctx context.Context, a *app.App, sys qianxiang.Actor, year int) ([]Login, error) {
	rng := rand.New(rand.NewPCG(2026, 160)) // its own stream: the others' passwords stay as they were
	var logins []Login
	for _, u := range moreLeaders {
		pw := fmt.Sprintf("qx%06d!", rng.IntN(1000000))
		if _, err := a.DB.UserByName(ctx, u.username); err == nil {
			continue // another part of the demo made this login already
		}
		made, _, err := a.AddUser(ctx, sys, app.NewUser{Username: u.username, DisplayName: u.name, Role: u.role, OrgCode: u.org, Password: pw})
		if err != nil {
			return nil, err
		}
		logins = append(logins, Login{u.username, pw, string(u.role), made.Org.Name})
	}
	today := a.Today()
	for m := 1; year == today.Year && m < today.Month; m++ {
		on := qianxiang.Date{Year: year, Month: m + 1, Day: 5}
		if err := a.SetCircularIssue(ctx, sys, year, qianxiang.CircularIssue{Month: m, Number: m, IssuedOn: on}); err != nil {
			return nil, err
		}
	}
	return logins, nil
}
