package store

import (
	"context"
	"database/sql"
	"errors"

	"qianxiang"
)

// The statistics entry's tables (项目入库) are governed and backed up; their
// identity counters move past a PostgreSQL restore with the congress's.
func init() {
	governed = append(governed,
		struct{ Table, LabelCol string }{"stat_entries", "status"},
		struct{ Table, LabelCol string }{"stat_entry_steps", "action"},
		struct{ Table, LabelCol string }{"stat_verifications", "people"},
		struct{ Table, LabelCol string }{"stat_files", "name"})
	backupTables = append(backupTables, "stat_entries", "stat_entry_steps", "stat_verifications", "stat_files")
	sequencedTables = append(sequencedTables, "stat_entries", "stat_entry_steps", "stat_verifications", "stat_files")
}

const statEntryCols = `id, project_id, status, return_reason, returned_by, submitted_at, reviewed_at, accepted_at, version`

func scanStatEntry(s interface{ Scan(...any) error }) (qianxiang.StatEntry, error) {
	var e qianxiang.StatEntry
	var st, sub, rev, acc string
	err := s.Scan(&e.ID, &e.ProjectID, &st, &e.ReturnReason, &e.ReturnedBy, &sub, &rev, &acc, &e.Version)
	e.Status = qianxiang.EntryStatus(st)
	e.SubmittedAt, e.ReviewedAt, e.AcceptedAt = parseTS(sub), parseTS(rev), parseTS(acc)
	return e, err
}

func tsOrEmpty(t interface{ IsZero() bool }, s string) string {
	if t.IsZero() {
		return ""
	}
	return s
}

// StatEntry reads a project's entry; a project that has none gets an
// unsaved one (ID 0) with status none.
func (c conn) StatEntry(ctx context.Context, projectID int64) (qianxiang.StatEntry, error) {
	e, err := scanStatEntry(c.queryRow(ctx, `SELECT `+statEntryCols+` FROM stat_entries WHERE project_id = ?`, projectID))
	if errors.Is(err, sql.ErrNoRows) {
		return qianxiang.StatEntry{ProjectID: projectID, Status: qianxiang.EntryNone}, nil
	}
	return e, err
}

// SaveStatEntry inserts the entry, or updates it at the version it was read
// with (a conflict when someone stepped it meanwhile).
func (tx *Tx) SaveStatEntry(ctx context.Context, e *qianxiang.StatEntry) error {
	now := ts(tx.now())
	sub, rev, acc := tsOrEmpty(e.SubmittedAt, ts(e.SubmittedAt)), tsOrEmpty(e.ReviewedAt, ts(e.ReviewedAt)), tsOrEmpty(e.AcceptedAt, ts(e.AcceptedAt))
	if e.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO stat_entries (project_id, status, return_reason, returned_by, submitted_at, reviewed_at, accepted_at, version, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`, e.ProjectID, string(e.Status), e.ReturnReason, e.ReturnedBy, sub, rev, acc, now, now)
		if isUnique(err) {
			return qianxiang.Errorf(qianxiang.EConflict, "the entry was changed by someone else meanwhile; reload and try again")
		}
		e.ID, e.Version = id, 1
		return err
	}
	res, err := tx.exec(ctx, `UPDATE stat_entries SET status = ?, return_reason = ?, returned_by = ?, submitted_at = ?, reviewed_at = ?, accepted_at = ?,
		version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		string(e.Status), e.ReturnReason, e.ReturnedBy, sub, rev, acc, now, e.ID, e.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the entry was changed by someone else meanwhile; reload and try again")
	}
	e.Version++
	return nil
}

// InsertEntryStep records one step of an entry's history.
func (tx *Tx) InsertEntryStep(ctx context.Context, s *qianxiang.EntryStep) error {
	id, err := tx.insert(ctx, `INSERT INTO stat_entry_steps (entry_id, action, from_status, to_status, reason, actor, role, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		s.EntryID, string(s.Action), string(s.From), string(s.To), s.Reason, s.Actor, string(s.Role), ts(s.At))
	s.ID = id
	return err
}

// EntrySteps lists an entry's history, oldest first.
func (c conn) EntrySteps(ctx context.Context, entryID int64) ([]qianxiang.EntryStep, error) {
	out := []qianxiang.EntryStep{}
	if entryID == 0 {
		return out, nil
	}
	rows, err := c.query(ctx, `SELECT id, entry_id, action, from_status, to_status, reason, actor, role, at FROM stat_entry_steps WHERE entry_id = ? ORDER BY id`, entryID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s qianxiang.EntryStep
		var act, from, to, role, at string
		if err := rows.Scan(&s.ID, &s.EntryID, &act, &from, &to, &s.Reason, &s.Actor, &role, &at); err != nil {
			return nil, err
		}
		s.Action, s.From, s.To, s.Role, s.At = qianxiang.EntryAction(act), qianxiang.EntryStatus(from), qianxiang.EntryStatus(to), qianxiang.Role(role), parseTS(at)
		out = append(out, s)
	}
	return out, rows.Err()
}

// SetInStats records whether a project is in the statistics (是否入库).
func (tx *Tx) SetInStats(ctx context.Context, projectID int64, in bool) error {
	_, err := tx.exec(ctx, `UPDATE projects SET in_stats = ?, version = version + 1, updated_at = ? WHERE id = ?`, b2i(in), ts(tx.now()), projectID)
	return err
}

const statFileCols = `id, project_id, kind, verification_id, sha256, mime, size, name, uploaded_by, created_at`

func scanStatFile(s interface{ Scan(...any) error }) (qianxiang.StatFile, error) {
	var f qianxiang.StatFile
	var kind, at string
	err := s.Scan(&f.ID, &f.ProjectID, &kind, &f.VerificationID, &f.SHA256, &f.MIME, &f.Size, &f.Name, &f.UploadedBy, &at)
	f.Kind, f.CreatedAt = qianxiang.VoucherKind(kind), parseTS(at)
	return f, err
}

// InsertStatFile links a stored blob to a project as a voucher or a
// verification photo; the same file twice in one place is a conflict.
func (tx *Tx) InsertStatFile(ctx context.Context, f *qianxiang.StatFile) error {
	f.CreatedAt = tx.now()
	id, err := tx.insert(ctx, `INSERT INTO stat_files (project_id, kind, verification_id, sha256, mime, size, name, uploaded_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, f.ProjectID, string(f.Kind), f.VerificationID, f.SHA256, f.MIME, f.Size, f.Name, f.UploadedBy, ts(f.CreatedAt))
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "this file is already filed here")
	}
	f.ID = id
	return err
}

// StatFiles lists a project's vouchers and verification photos in the
// order they were filed.
func (c conn) StatFiles(ctx context.Context, projectID int64) ([]qianxiang.StatFile, error) {
	rows, err := c.query(ctx, `SELECT `+statFileCols+` FROM stat_files WHERE project_id = ? ORDER BY id`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.StatFile{}
	for rows.Next() {
		f, err := scanStatFile(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// StatFile reads one filed document of a project.
func (c conn) StatFile(ctx context.Context, projectID, id int64) (qianxiang.StatFile, error) {
	f, err := scanStatFile(c.queryRow(ctx, `SELECT `+statFileCols+` FROM stat_files WHERE id = ? AND project_id = ?`, id, projectID))
	if errors.Is(err, sql.ErrNoRows) {
		return f, qianxiang.ErrNotFound("file")
	}
	return f, err
}

// InsertVerification records an on-site check.
func (tx *Tx) InsertVerification(ctx context.Context, v *qianxiang.Verification) error {
	v.CreatedAt = tx.now()
	id, err := tx.insert(ctx, `INSERT INTO stat_verifications (project_id, visited_on, people, findings, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		v.ProjectID, v.VisitedOn.String(), v.People, v.Findings, v.CreatedBy, ts(v.CreatedAt))
	v.ID = id
	return err
}

// Verifications lists a project's on-site checks, latest visit first, each
// with its photos.
func (c conn) Verifications(ctx context.Context, projectID int64) ([]qianxiang.Verification, error) {
	rows, err := c.query(ctx, `SELECT id, project_id, visited_on, people, findings, created_by, created_at FROM stat_verifications
		WHERE project_id = ? ORDER BY visited_on DESC, id DESC`, projectID)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Verification{}
	index := map[int64]int{}
	for rows.Next() {
		var v qianxiang.Verification
		var on, at string
		if err := rows.Scan(&v.ID, &v.ProjectID, &on, &v.People, &v.Findings, &v.CreatedBy, &at); err != nil {
			rows.Close()
			return nil, err
		}
		v.VisitedOn, _ = qianxiang.ParseDate(on)
		v.CreatedAt, v.Photos = parseTS(at), []qianxiang.StatFile{}
		index[v.ID] = len(out)
		out = append(out, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	files, err := c.StatFiles(ctx, projectID)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if i, ok := index[f.VerificationID]; ok && f.VerificationID != 0 {
			out[i].Photos = append(out[i].Photos, f)
		}
	}
	return out, nil
}

// Verification reads one on-site check of a project.
func (c conn) Verification(ctx context.Context, projectID, id int64) (qianxiang.Verification, error) {
	var v qianxiang.Verification
	var on, at string
	err := c.queryRow(ctx, `SELECT id, project_id, visited_on, people, findings, created_by, created_at FROM stat_verifications WHERE id = ? AND project_id = ?`,
		id, projectID).Scan(&v.ID, &v.ProjectID, &on, &v.People, &v.Findings, &v.CreatedBy, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return v, qianxiang.ErrNotFound("verification")
	}
	v.VisitedOn, _ = qianxiang.ParseDate(on)
	v.CreatedAt = parseTS(at)
	return v, err
}

// EntryRows reads, for the entry gap and the entry rates, the year's
// projects in the filter's scope (ScopePath, OrgCode) with their entry's
// status and the voucher kinds on file, ordered by county code and name.
func (c conn) EntryRows(ctx context.Context, f qianxiang.ProjectFilter) ([]qianxiang.EntryRow, error) {
	where, args, err := c.projectWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	// The reserve pool is not in the year's plan (as in DispatchInput).
	where += map[bool]string{true: " WHERE ", false: " AND "}[where == ""] + poolStagesExcluded
	rows, err := c.query(ctx, `SELECT p.id, p.code, p.name, p.kind, p.stage, p.total_investment, p.started_on, p.in_stats,
		co.id, co.code, co.name, lo.id, lo.code, lo.name, COALESCE(e.status, ''), COALESCE(e.return_reason, ''), COALESCE(e.returned_by, '')`+
		projectFrom+` LEFT JOIN stat_entries e ON e.project_id = p.id`+where+` ORDER BY co.code, p.name, p.id`, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.EntryRow{}
	index := map[int64]int{}
	for rows.Next() {
		var r qianxiang.EntryRow
		var kind, stage, started, status string
		var total int64
		var in int
		if err := rows.Scan(&r.Project.ID, &r.Project.Code, &r.Project.Name, &kind, &stage, &total, &started, &in,
			&r.Project.Org.ID, &r.Project.Org.Code, &r.Project.Org.Name, &r.LeadOrg.ID, &r.LeadOrg.Code, &r.LeadOrg.Name,
			&status, &r.ReturnReason, &r.ReturnedBy); err != nil {
			rows.Close()
			return nil, err
		}
		r.Facts = qianxiang.EntryFacts{TotalInvestment: qianxiang.Money(total), Kind: qianxiang.Kind(kind), Stage: qianxiang.Stage(stage), InStats: in != 0}
		r.Facts.StartedOn, _ = qianxiang.ParseDate(started)
		r.Status, r.Have = qianxiang.EntryStatus(status), map[qianxiang.VoucherKind]bool{}
		index[r.Project.ID] = len(out)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The kinds on file, for the year's projects (a narrow scan of one year).
	vr, err := c.query(ctx, `SELECT DISTINCT v.project_id, v.kind FROM stat_files v JOIN projects p ON p.id = v.project_id
		WHERE p.year = ? AND v.kind <> ''`, f.Year)
	if err != nil {
		return nil, err
	}
	defer vr.Close()
	for vr.Next() {
		var id int64
		var kind string
		if err := vr.Scan(&id, &kind); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Have[qianxiang.VoucherKind(kind)] = true
		}
	}
	return out, vr.Err()
}

// DeleteStatFile removes a filed document of a project (its bytes stay in
// blobs: other records may show the same file).
func (tx *Tx) DeleteStatFile(ctx context.Context, projectID, id int64) error {
	res, err := tx.exec(ctx, `DELETE FROM stat_files WHERE id = ? AND project_id = ?`, id, projectID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.ErrNotFound("file")
	}
	return nil
}
