package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// presetOrg is one organisation of a preset city.
type presetOrg struct {
	Code, Name string
	Kind       qianxiang.OrgKind
}

// Presets are the cities `init --preset` knows. Lvliang's county-level
// codes are the national administrative division codes; the city bodies
// have codes of our own under the city's.
var Presets = map[string][]presetOrg{
	"lvliang": {
		{"141100", "吕梁市", qianxiang.OrgCity},
		{"141102", "离石区", qianxiang.OrgCounty},
		{"141121", "文水县", qianxiang.OrgCounty},
		{"141122", "交城县", qianxiang.OrgCounty},
		{"141123", "兴县", qianxiang.OrgCounty},
		{"141124", "临县", qianxiang.OrgCounty},
		{"141125", "柳林县", qianxiang.OrgCounty},
		{"141126", "石楼县", qianxiang.OrgCounty},
		{"141127", "岚县", qianxiang.OrgCounty},
		{"141128", "方山县", qianxiang.OrgCounty},
		{"141129", "中阳县", qianxiang.OrgCounty},
		{"141130", "交口县", qianxiang.OrgCounty},
		{"141181", "孝义市", qianxiang.OrgCounty},
		{"141182", "汾阳市", qianxiang.OrgCounty},
		{"141100-FGW", "市发改委", qianxiang.OrgDepartment},
		{"141100-CGJ", "市城管局", qianxiang.OrgDepartment},
		{"141100-XQJG", "市新区建管中心", qianxiang.OrgDepartment},
		{"141100-WJW", "市卫健委", qianxiang.OrgDepartment},
	},
}

// InitPreset creates a preset city's organisations; organisations that
// already exist are left alone, so it can run any number of times.
func (a *App) InitPreset(ctx context.Context, actor qianxiang.Actor, name string) (int, error) {
	orgs, ok := Presets[name]
	if !ok {
		return 0, qianxiang.Errorf(qianxiang.EValidation, "unknown preset %q (known: lvliang)", name)
	}
	if !actor.Can(qianxiang.ActManageOrgs, qianxiang.Scope{}) {
		return 0, qianxiang.ErrForbidden()
	}
	created := 0
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		var cityID int64
		for i, p := range orgs {
			o, err := tx.OrgByCode(ctx, p.Code)
			if err == nil {
				if i == 0 {
					cityID = o.ID
				}
				continue
			}
			if qianxiang.ErrorCode(err) != qianxiang.ENotFound {
				return err
			}
			o = qianxiang.Org{Code: p.Code, Name: p.Name, Kind: p.Kind}
			if i > 0 {
				o.ParentID = cityID
			}
			if err := a.insertOrg(ctx, tx, actor, &o); err != nil {
				return err
			}
			if i == 0 {
				cityID = o.ID
			}
			created++
		}
		return nil
	})
	return created, a.internal(ctx, "init preset", err)
}

func (a *App) insertOrg(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, o *qianxiang.Org) error {
	if err := tx.InsertOrg(ctx, o); err != nil {
		return err
	}
	return tx.Audit(ctx, actor.Username, "create", "orgs", o.ID, o.Name, "")
}

// AddOrg adds one organisation under a parent given by code.
func (a *App) AddOrg(ctx context.Context, actor qianxiang.Actor, code, name string, kind qianxiang.OrgKind, parentCode string) (qianxiang.Org, error) {
	o := qianxiang.Org{Code: strings.TrimSpace(code), Name: strings.TrimSpace(name), Kind: kind}
	if !actor.Can(qianxiang.ActManageOrgs, qianxiang.Scope{}) {
		return o, qianxiang.ErrForbidden()
	}
	for _, f := range []struct {
		rule, field string
		v           *string
	}{{"org.code", "code", &o.Code}, {"org.name", "name", &o.Name}} {
		v, d := qianxiang.CleanText(f.rule, *f.v)
		if d != nil {
			d.Field = f.field
			return o, detailError(*d)
		}
		*f.v = v
	}
	switch {
	case o.Code == "":
		return o, qianxiang.FieldError("code", "is required")
	case o.Name == "":
		return o, qianxiang.FieldError("name", "is required")
	case !kind.Valid():
		return o, qianxiang.FieldError("kind", "%q is not one of city, county, department, unit", string(kind))
	}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if parentCode != "" {
			p, err := tx.OrgByCode(ctx, parentCode)
			if err != nil {
				return qianxiang.FieldError("parent", "organisation %q not found", parentCode)
			}
			o.ParentID = p.ID
		} else if kind != qianxiang.OrgCity {
			return qianxiang.FieldError("parent", "is required for a %s", string(kind))
		}
		return a.insertOrg(ctx, tx, actor, &o)
	})
	return o, a.internal(ctx, "add organisation", err)
}

// Orgs lists the organisations an actor can see: the whole tree for
// city-wide roles, else their own organisation and those below it.
func (a *App) Orgs(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.Org, error) {
	all, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, a.internal(ctx, "list organisations", err)
	}
	out := []qianxiang.Org{}
	for _, o := range all {
		if actor.InScope(qianxiang.Scope{Paths: []string{o.Path}}) {
			out = append(out, o)
		}
	}
	return out, nil
}

// Directory lists every organisation of the city, for choosing a county or
// a lead organisation in a form and for naming organisations in a history.
// The city's structure is known to all its users; their data is not.
func (a *App) Directory(ctx context.Context, actor qianxiang.Actor) ([]qianxiang.Org, error) {
	if actor.UserID == 0 && !actor.System {
		return nil, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	orgs, err := a.DB.Orgs(ctx)
	return orgs, a.internal(ctx, "list organisations", err)
}
