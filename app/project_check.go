package app

import (
	"context"

	"qianxiang"
)

// ValidateProject reports every problem of a project at once — its
// organisations and every field Validate checks — without saving it, so a
// form shows all its missing or bad fields on the first try rather than
// one per attempt.
func (a *App) ValidateProject(ctx context.Context, p qianxiang.Project) error {
	normalizeProject(&p)
	err := a.resolveOrgs(ctx, a.DB, &p)
	if err != nil && qianxiang.ErrorCode(err) != qianxiang.EValidation {
		return a.internal(ctx, "check project", err)
	}
	return mergeInvalid(err, p.Validate(a.CityCode(ctx)))
}

// mergeInvalid joins validation errors into one listing every field once
// (the first error's word on a field wins); nil when both are nil.
func mergeInvalid(errs ...error) error {
	var all []qianxiang.Detail
	seen := map[string]bool{}
	for _, err := range errs {
		e := qianxiang.AsError(err)
		if e == nil {
			continue
		}
		ds := e.Details
		if len(ds) == 0 {
			ds = []qianxiang.Detail{{Format: e.Format, Args: e.Args}}
		}
		for _, d := range ds {
			if d.Field != "" && seen[d.Field] {
				continue
			}
			seen[d.Field] = true
			all = append(all, d)
		}
	}
	if len(all) == 0 {
		return nil
	}
	e := qianxiang.FieldError(all[0].Field, all[0].Format, all[0].Args...)
	e.Details = all
	return e
}
