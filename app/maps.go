package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"qianxiang"
	"qianxiang/store"
)

// counties lists the city's counties, the units a map is drawn in.
func (a *App) counties(ctx context.Context) ([]qianxiang.OrgRef, error) {
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	var out []qianxiang.OrgRef
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty {
			out = append(out, o.Ref())
		}
	}
	return out, nil
}

// CityMap gives the map every logged-in user sees: the office's upload,
// else the preset city's schematic, else ok false (no map yet).
func (a *App) CityMap(ctx context.Context, actor qianxiang.Actor) (m qianxiang.CityMap, ok bool, err error) {
	if actor.UserID == 0 && !actor.System {
		return m, false, qianxiang.Errorf(qianxiang.EUnauthenticated, "log in first")
	}
	stored, found, err := a.DB.CityMap(ctx)
	if err != nil {
		return m, false, a.internal(ctx, "read map", err)
	}
	counties, err := a.counties(ctx)
	if err != nil {
		return m, false, a.internal(ctx, "read map", err)
	}
	if found {
		m, _, err := qianxiang.ParseCityMap(stored.Data, counties)
		if err == nil {
			return m, true, nil
		}
		// A county renamed or removed since the upload: fall back to the
		// schematic rather than show nothing, and say so in the log.
		a.Log.Warn("stored map no longer matches the counties", "err", err.Error())
	}
	city, ok := a.City(ctx)
	if !ok {
		return m, false, nil
	}
	preset, ok := presetMaps[city.Code]
	if !ok {
		return m, false, nil
	}
	have := map[string]bool{}
	for _, c := range counties {
		have[c.Code] = true
	}
	var seats []qianxiang.Seat
	for _, s := range preset.Seats {
		if have[s.Code] {
			seats = append(seats, s)
		}
	}
	m = qianxiang.SchematicMap(seats, preset.Outline)
	return m, len(m.Counties) > 0, nil
}

// SetCityMap replaces the city's map with an uploaded GeoJSON of its
// counties (campaign office), audited. It returns the counties the file
// left without a shape, which the map draws absent.
func (a *App) SetCityMap(ctx context.Context, actor qianxiang.Actor, name string, data []byte) (missing []qianxiang.OrgRef, err error) {
	if !actor.Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	counties, err := a.counties(ctx)
	if err != nil {
		return nil, a.internal(ctx, "save map", err)
	}
	m, missing, err := qianxiang.ParseCityMap(data, counties)
	if err != nil {
		return nil, err
	}
	name, d := qianxiang.CleanText("name", name)
	if d != nil || name == "" {
		name = "map.geojson"
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	return missing, a.internal(ctx, "save map", a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, before, err := tx.PutCityMap(ctx, sha, name, data, len(m.Counties))
		if err != nil {
			return err
		}
		action := "create"
		if before != "" {
			action = "update"
		}
		return tx.Audit(ctx, actor.Username, action, "city_maps", id, name, before)
	}))
}

// SetProjectPlace locates a project on the map (those who may edit it),
// audited. A point far outside the city's map is refused: it is a typo,
// most often longitude and latitude swapped.
func (a *App) SetProjectPlace(ctx context.Context, actor qianxiang.Actor, projectID int64, at qianxiang.Point) error {
	p, err := a.Project(ctx, actor, projectID)
	if err != nil {
		return err
	}
	if !actor.Can(qianxiang.ActEditProject, p.ScopeOf()) {
		return qianxiang.ErrForbidden()
	}
	if !at.Valid() || (at.Lon == 0 && at.Lat == 0) {
		return qianxiang.FieldError("lon", "give a longitude (-180 to 180) and a latitude (-90 to 90) in degrees")
	}
	if m, ok, err := a.CityMap(ctx, actor); err == nil && ok {
		lo, hi, _ := m.Bounds()
		const margin = 0.2 // degrees: about 20 km
		if at.Lon < lo.Lon-margin || at.Lon > hi.Lon+margin || at.Lat < lo.Lat-margin || at.Lat > hi.Lat+margin {
			return qianxiang.FieldError("lon", "%.5f, %.5f lies outside the city (longitude %.2f–%.2f, latitude %.2f–%.2f); are longitude and latitude swapped?",
				at.Lon, at.Lat, lo.Lon, hi.Lon, lo.Lat, hi.Lat)
		}
	}
	return a.internal(ctx, "locate project", a.DB.Tx(ctx, func(tx *store.Tx) error {
		id, before, err := tx.PutProjectPlace(ctx, projectID, at)
		if err != nil {
			return err
		}
		action := "create"
		if before != "" {
			action = "update"
		}
		return tx.Audit(ctx, actor.Username, action, "project_places", id, fmt.Sprint(projectID), before)
	}))
}

// ProjectPlace reads a project's location (ok false when it has none).
func (a *App) ProjectPlace(ctx context.Context, actor qianxiang.Actor, projectID int64) (qianxiang.Point, bool, error) {
	if _, err := a.Project(ctx, actor, projectID); err != nil {
		return qianxiang.Point{}, false, err
	}
	at, ok, err := a.DB.ProjectPlace(ctx, projectID)
	return at, ok, a.internal(ctx, "read location", err)
}

// MapPoints gives the located projects of the dispatch's year under the
// scope path (the actor's own when ""), with their lights from d, which
// must be the dispatch of the same scope and month.
func (a *App) MapPoints(ctx context.Context, actor qianxiang.Actor, d *qianxiang.Dispatch, scopePath string) ([]qianxiang.PlacedProject, error) {
	if own := ScopePath(actor); scopePath == "" || own != "" {
		// A scoped reader never widens past their own organisation.
		if own != "" && (scopePath == "" || len(scopePath) < len(own) || scopePath[:len(own)] != own) {
			scopePath = own
		}
	}
	ps, err := a.DB.ProjectPlaces(ctx, d.Year, scopePath)
	if err != nil {
		return nil, a.internal(ctx, "map points", err)
	}
	for i := range ps {
		if l, ok := d.Projects[ps[i].ID]; ok {
			ps[i].Light = l.Light
		}
	}
	return ps, nil
}
