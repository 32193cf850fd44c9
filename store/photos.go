package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"qianxiang"
)

// PutBlob stores content under its hash; storing it again is a no-op.
func (tx *Tx) PutBlob(ctx context.Context, sha string, data []byte) error {
	_, err := tx.exec(ctx, `INSERT INTO blobs (sha256, data) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING`, sha, data)
	return err
}

// InsertPhoto links a stored blob to a report. The same picture attached
// twice to one report is a conflict (UNIQUE report_id, sha256).
func (tx *Tx) InsertPhoto(ctx context.Context, p *qianxiang.Photo) error {
	p.CreatedAt = tx.now()
	id, err := tx.insert(ctx, `INSERT INTO photos (report_id, sha256, mime, size, name, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		p.ReportID, p.SHA256, p.MIME, p.Size, p.Name, ts(p.CreatedAt))
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "this photo is already attached to the report")
	}
	p.ID = id
	return err
}

const photoCols = `id, report_id, sha256, mime, size, name, created_at`

// ReportPhotos lists a report's photos in the order they were attached.
func (c conn) ReportPhotos(ctx context.Context, reportID int64) ([]qianxiang.Photo, error) {
	rows, err := c.query(ctx, `SELECT `+photoCols+` FROM photos WHERE report_id = ? ORDER BY id`, reportID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Photo{}
	for rows.Next() {
		var p qianxiang.Photo
		var at string
		if err := rows.Scan(&p.ID, &p.ReportID, &p.SHA256, &p.MIME, &p.Size, &p.Name, &at); err != nil {
			return nil, err
		}
		p.CreatedAt = parseTS(at)
		out = append(out, p)
	}
	return out, rows.Err()
}

// PhotoCounts gives, for the reports of a month, how many photos each has
// (reports without photos are absent), for the reporting grid.
func (c conn) PhotoCounts(ctx context.Context, year, month int) (map[int64]int, error) {
	rows, err := c.query(ctx, `SELECT ph.report_id, COUNT(*) FROM photos ph JOIN reports r ON r.id = ph.report_id
		WHERE r.year = ? AND r.month = ? GROUP BY ph.report_id`, year, month)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// PhotoScopes locates a picture: the scopes of the projects whose reports
// show it (one per link) and its MIME type. Not found when no report does.
func (c conn) PhotoScopes(ctx context.Context, sha string) ([]qianxiang.Scope, string, error) {
	rows, err := c.query(ctx, `SELECT ph.mime, co.path, lo.path FROM photos ph
		JOIN reports r ON r.id = ph.report_id
		JOIN projects p ON p.id = r.project_id
		JOIN orgs co ON co.id = p.org_id
		JOIN orgs lo ON lo.id = p.lead_org_id
		WHERE ph.sha256 = ?`, strings.ToLower(sha))
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var scopes []qianxiang.Scope
	mime := ""
	for rows.Next() {
		var co, lo string
		if err := rows.Scan(&mime, &co, &lo); err != nil {
			return nil, "", err
		}
		scopes = append(scopes, qianxiang.Scope{Paths: []string{co, lo}})
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	if len(scopes) == 0 {
		return nil, "", qianxiang.ErrNotFound("photo")
	}
	return scopes, mime, nil
}

// Blob reads stored content by its hash.
func (c conn) Blob(ctx context.Context, sha string) ([]byte, error) {
	var b []byte
	err := c.queryRow(ctx, `SELECT data FROM blobs WHERE sha256 = ?`, strings.ToLower(sha)).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, qianxiang.ErrNotFound("photo")
	}
	return b, err
}

// ProjectPhotos lists every photo of a project's reports of its year with
// the report's month, oldest first.
func (c conn) ProjectPhotos(ctx context.Context, projectID int64) ([]qianxiang.MonthPhoto, error) {
	rows, err := c.query(ctx, `SELECT ph.id, ph.report_id, ph.sha256, ph.mime, ph.size, ph.name, ph.created_at, r.month
		FROM photos ph JOIN reports r ON r.id = ph.report_id WHERE r.project_id = ? ORDER BY r.month, ph.id`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []qianxiang.MonthPhoto
	for rows.Next() {
		var p qianxiang.MonthPhoto
		var at string
		if err := rows.Scan(&p.ID, &p.ReportID, &p.SHA256, &p.MIME, &p.Size, &p.Name, &at, &p.Month); err != nil {
			return nil, err
		}
		p.CreatedAt = parseTS(at)
		out = append(out, p)
	}
	return out, rows.Err()
}
