package demo

import (
	"context"
	"math/rand/v2"

	"qianxiang"
	"qianxiang/app"
)

// fillPlaces locates about one project in eight on the map: a point near
// its county's seat that lies inside the county as the map draws it, so
// the map shows dots in every county on first run.
func fillPlaces(ctx context.Context, a *app.App, sys qianxiang.Actor, year int, rng *rand.Rand) error {
	m, ok, err := a.CityMap(ctx, sys)
	if err != nil || !ok {
		return err
	}
	shapes := map[string]qianxiang.CountyShape{}
	for _, c := range m.Counties {
		shapes[c.Code] = c
	}
	ps, _, err := a.DB.DispatchInput(ctx, year, 0, "")
	if err != nil {
		return err
	}
	for i, p := range ps {
		c, ok := shapes[p.Org.Code]
		if !ok || i%8 != 0 {
			continue
		}
		lo, hi := countyBox(c)
		for try := 0; try < 20; try++ {
			at := qianxiang.Point{Lon: lo.Lon + rng.Float64()*(hi.Lon-lo.Lon), Lat: lo.Lat + rng.Float64()*(hi.Lat-lo.Lat)}
			if c.Contains(at) {
				if err := a.SetProjectPlace(ctx, sys, p.ID, at); err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}

// countyBox is the box around a county with a tenth cut from each side,
// so dots keep clear of the borders.
func countyBox(c qianxiang.CountyShape) (lo, hi qianxiang.Point) {
	m := qianxiang.CityMap{Counties: []qianxiang.CountyShape{c}}
	lo, hi, _ = m.Bounds()
	dx, dy := (hi.Lon-lo.Lon)/10, (hi.Lat-lo.Lat)/10
	return qianxiang.Point{Lon: lo.Lon + dx, Lat: lo.Lat + dy}, qianxiang.Point{Lon: hi.Lon - dx, Lat: hi.Lat - dy}
}
