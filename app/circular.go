package app

import (
	"context"
	"encoding/json"
	"fmt"

	"qianxiang"
	"qianxiang/store"
)

const circularSettingsKey = "circular"

// circularIssuesKey holds one year's issue numbers: numbers count per year.
func circularIssuesKey(year int) string { return fmt.Sprintf("circular_issues_%d", year) }

// CircularSettings reads how the circular is headed and closed (the city's
// defaults when the office has not set them).
func (a *App) CircularSettings(ctx context.Context) qianxiang.CircularSettings {
	city, _ := a.City(ctx)
	s := qianxiang.DefaultCircularSettings(city.Name)
	if v, ok, err := a.DB.Setting(ctx, circularSettingsKey); err == nil && ok {
		json.Unmarshal([]byte(v), &s)
	}
	return s
}

// SetCircularSettings changes the circular's heading and closing
// (campaign office), audited.
func (a *App) SetCircularSettings(ctx context.Context, actor qianxiang.Actor, s qianxiang.CircularSettings) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if err := s.Validate(); err != nil {
		return err
	}
	return a.putSetting(ctx, actor, circularSettingsKey, s)
}

// CircularIssues reads the issue numbers kept for a year.
func (a *App) CircularIssues(ctx context.Context, year int) qianxiang.CircularIssues {
	var is qianxiang.CircularIssues
	if v, ok, err := a.DB.Setting(ctx, circularIssuesKey(year)); err == nil && ok {
		json.Unmarshal([]byte(v), &is)
	}
	return is
}

// CircularIssue gives month's issue of year: kept, or the number it would
// get next (kept is false).
func (a *App) CircularIssue(ctx context.Context, year, month int) (qianxiang.CircularIssue, bool) {
	return a.CircularIssues(ctx, year).For(month)
}

// SetCircularIssue keeps the number and date of a month's circular
// (campaign office), audited; a number the year already used is refused.
func (a *App) SetCircularIssue(ctx context.Context, actor qianxiang.Actor, year int, x qianxiang.CircularIssue) error {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	if err := CheckMonth(year, max(x.Month, 1)); err != nil {
		return err
	}
	is, err := a.CircularIssues(ctx, year).Set(year, x)
	if err != nil {
		return err
	}
	return a.putSetting(ctx, actor, circularIssuesKey(year), is)
}

// putSetting writes one setting as JSON and audits it, in one transaction.
func (a *App) putSetting(ctx context.Context, actor qianxiang.Actor, key string, v any) error {
	b, _ := json.Marshal(v)
	return a.internal(ctx, "save settings", a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, before, err := tx.PutSetting(ctx, key, string(b))
		if err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "settings", id, key, before)
	}))
}
