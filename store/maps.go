package store

import (
	"context"
	"database/sql"
	"errors"
	"math"

	"qianxiang"
)

func init() {
	governed = append(governed,
		struct{ Table, LabelCol string }{"city_maps", "name"},
		struct{ Table, LabelCol string }{"project_places", "project_id"})
	backupTables = append(backupTables, "city_maps", "project_places")
	sequencedTables = append(sequencedTables, "city_maps", "project_places")
}

// StoredMap is the office's uploaded map: its GeoJSON and where it came from.
type StoredMap struct {
	ID       int64
	SHA256   string
	Name     string
	Counties int
	Data     []byte
}

// CityMap reads the uploaded map; ok is false when none was uploaded.
func (c conn) CityMap(ctx context.Context) (m StoredMap, ok bool, err error) {
	err = c.queryRow(ctx, `SELECT m.id, m.sha256, m.name, m.counties, b.data FROM city_maps m JOIN blobs b ON b.sha256 = m.sha256 ORDER BY m.id DESC LIMIT 1`).
		Scan(&m.ID, &m.SHA256, &m.Name, &m.Counties, &m.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return m, false, nil
	}
	return m, err == nil, err
}

// PutCityMap stores a map's GeoJSON and makes it the city's: the one row
// of city_maps is updated in place (created the first time). before is
// the row's snapshot for the audit.
func (tx *Tx) PutCityMap(ctx context.Context, sha, name string, data []byte, counties int) (id int64, before string, err error) {
	if err := tx.PutBlob(ctx, sha, data); err != nil {
		return 0, "", err
	}
	err = tx.queryRow(ctx, `SELECT id FROM city_maps ORDER BY id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id, err = tx.insert(ctx, `INSERT INTO city_maps (sha256, size, name, counties, updated_at) VALUES (?, ?, ?, ?, ?)`,
			sha, len(data), name, counties, ts(tx.now()))
		return id, "", err
	}
	if err != nil {
		return 0, "", err
	}
	if before, err = tx.Snapshot(ctx, "city_maps", id); err != nil {
		return 0, "", err
	}
	_, err = tx.exec(ctx, `UPDATE city_maps SET sha256 = ?, size = ?, name = ?, counties = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		sha, len(data), name, counties, ts(tx.now()), id)
	return id, before, err
}

func e6(f float64) int64     { return int64(math.Round(f * 1e6)) }
func fromE6(v int64) float64 { return float64(v) / 1e6 }

// ProjectPlaces gives the located projects of a year under a scope path
// ("" for the city), in id order.
func (c conn) ProjectPlaces(ctx context.Context, year int, scopePath string) ([]qianxiang.PlacedProject, error) {
	rows, err := c.query(ctx, `SELECT p.id, p.name, o.code, o.name, pl.lon_e6, pl.lat_e6 FROM project_places pl
		JOIN projects p ON p.id = pl.project_id JOIN orgs o ON o.id = p.org_id
		WHERE p.year = ? AND o.path LIKE ? ORDER BY p.id`, year, scopePath+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.PlacedProject
	for rows.Next() {
		var p qianxiang.PlacedProject
		var lon, lat int64
		if err := rows.Scan(&p.ID, &p.Name, &p.Org.Code, &p.Org.Name, &lon, &lat); err != nil {
			return nil, err
		}
		p.At = qianxiang.Point{Lon: fromE6(lon), Lat: fromE6(lat)}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ProjectPlace reads one project's location; ok is false when it has none.
func (c conn) ProjectPlace(ctx context.Context, projectID int64) (p qianxiang.Point, ok bool, err error) {
	var lon, lat int64
	err = c.queryRow(ctx, `SELECT lon_e6, lat_e6 FROM project_places WHERE project_id = ?`, projectID).Scan(&lon, &lat)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	return qianxiang.Point{Lon: fromE6(lon), Lat: fromE6(lat)}, err == nil, err
}

// PutProjectPlace sets a project's location, returning the row id and its
// snapshot before (""when new) for the audit.
func (tx *Tx) PutProjectPlace(ctx context.Context, projectID int64, at qianxiang.Point) (id int64, before string, err error) {
	err = tx.queryRow(ctx, `SELECT id FROM project_places WHERE project_id = ?`, projectID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id, err = tx.insert(ctx, `INSERT INTO project_places (project_id, lon_e6, lat_e6, updated_at) VALUES (?, ?, ?, ?)`,
			projectID, e6(at.Lon), e6(at.Lat), ts(tx.now()))
		return id, "", err
	}
	if err != nil {
		return 0, "", err
	}
	if before, err = tx.Snapshot(ctx, "project_places", id); err != nil {
		return 0, "", err
	}
	_, err = tx.exec(ctx, `UPDATE project_places SET lon_e6 = ?, lat_e6 = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		e6(at.Lon), e6(at.Lat), ts(tx.now()), id)
	return id, before, err
}
