package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The map of the city: the preset's schematic until the office uploads its
// own, uploads refused to counties and when faulty, project locations kept
// exactly and refused outside the city; the cockpit's drill-down into a
// county is the county's own dispatch with its city-wide rank, and closed
// to another county.
func TestCityMapAndDrillDown(t *testing.T) {
	dir := filepath.Join(testenv.Samples(t), "city-sectioned-2023")
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		sys := qianxiang.SystemActor
		f, _ := os.Open(filepath.Join(dir, "projects.xlsx"))
		if _, err := a.ImportProjects(ctx, sys, 2023, "projects.xlsx", f, false, false); err != nil {
			t.Fatal(err)
		}
		f.Close()
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")

		m, ok, err := a.CityMap(ctx, lishi)
		if err != nil || !ok || !m.Schematic || len(m.Counties) != 13 {
			t.Fatalf("preset map: ok %v, schematic %v, %d counties, %v", ok, m.Schematic, len(m.Counties), err)
		}

		// Uploads: the office only, faults named, nothing half-saved.
		upload := `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"离石区"},"geometry":{"type":"Polygon","coordinates":[[[111,37.4],[111.3,37.4],[111.3,37.7],[111,37.7],[111,37.4]]]}}]}`
		if _, err := a.SetCityMap(ctx, lishi, "m.geojson", []byte(upload)); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a county uploaded the map: %v", err)
		}
		bad := strings.Replace(upload, "离石区", "太原市", 1)
		if _, err := a.SetCityMap(ctx, office, "m.geojson", []byte(bad)); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a map of another city: %v", err)
		}
		if m, _, _ := a.CityMap(ctx, office); !m.Schematic {
			t.Fatal("a refused upload replaced the map")
		}
		missing, err := a.SetCityMap(ctx, office, "m.geojson", []byte(upload))
		if err != nil || len(missing) != 12 {
			t.Fatalf("upload: %d counties missing, %v", len(missing), err)
		}
		m, _, _ = a.CityMap(ctx, office)
		if m.Schematic || len(m.Counties) != 1 || m.Counties[0].Code != "141102" {
			t.Fatalf("uploaded map not served: %+v", m)
		}

		// Locations: exact to the millionth, refused outside the city.
		d, err := a.Dispatch(ctx, office, 2023, 2)
		if err != nil {
			t.Fatal(err)
		}
		var inLishi, elsewhere int64
		ps, _, err := a.DB.DispatchInput(ctx, 2023, 0, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.Org.Code == "141102" && inLishi == 0 {
				inLishi = p.ID
			}
			if p.Org.Code != "141102" && elsewhere == 0 {
				elsewhere = p.ID
			}
		}
		at := qianxiang.Point{Lon: 111.123456, Lat: 37.512345}
		if err := a.SetProjectPlace(ctx, lishi, elsewhere, at); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("a county located another county's project: %v", err)
		}
		if err := a.SetProjectPlace(ctx, lishi, inLishi, qianxiang.Point{Lon: 37.5, Lat: 111.1}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("swapped coordinates: %v", err)
		}
		if err := a.SetProjectPlace(ctx, lishi, inLishi, qianxiang.Point{Lon: 116.4, Lat: 39.9}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a point in Beijing: %v", err)
		}
		if err := a.SetProjectPlace(ctx, lishi, inLishi, at); err != nil {
			t.Fatal(err)
		}
		got, ok, err := a.ProjectPlace(ctx, office, inLishi)
		if err != nil || !ok || got != at {
			t.Fatalf("location read back %v (%v, %v), want %v", got, ok, err, at)
		}
		pts, err := a.MapPoints(ctx, lishi, d, "")
		if err != nil || len(pts) != 1 || pts[0].ID != inLishi {
			t.Fatalf("county's map points: %+v, %v", pts, err)
		}

		// The drill-down: the office opens 离石区; 离石区 cannot open 石楼县.
		dd, org, err := a.DispatchOf(ctx, office, 2023, 2, "141102")
		if err != nil || org.Code != "141102" {
			t.Fatalf("drill-down: %v %v", org, err)
		}
		if dd.Standing == nil || dd.Standing.Of != len(d.ByOrg) {
			t.Fatalf("drill-down standing %+v, want a rank of %d", dd.Standing, len(d.ByOrg))
		}
		var cityRow qianxiang.OrgDispatch
		for _, o := range d.ByOrg {
			if o.Org.Code == "141102" {
				cityRow = o
			}
		}
		if dd.Total.Projects != cityRow.Projects || dd.Total.CompletedYTD != cityRow.CompletedYTD || dd.Standing.Rank != cityRow.Rank {
			t.Fatalf("drill-down totals %d/%s rank %d, want the city's row %d/%s rank %d",
				dd.Total.Projects, dd.Total.CompletedYTD, dd.Standing.Rank, cityRow.Projects, cityRow.CompletedYTD, cityRow.Rank)
		}
		if _, _, err := a.DispatchOf(ctx, lishi, 2023, 2, "141126"); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("a county opened another county's cockpit: %v", err)
		}
		if _, _, err := a.DispatchOf(ctx, office, 2023, 2, "nope"); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("an unknown organisation: %v", err)
		}
	})
}
