package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"qianxiang"
)

// Leads, their moves and the portal's news are governed (every change
// audited, checked by audit verify), backed up and restored; on
// PostgreSQL a restore moves their identity counters on (the list the
// congress tables started, sequencedTables, serves any table).
func init() {
	governed = append(governed,
		struct{ Table, LabelCol string }{"leads", "investor"},
		struct{ Table, LabelCol string }{"lead_moves", "to_stage"},
		struct{ Table, LabelCol string }{"news", "title"})
	backupTables = append(backupTables, "leads", "lead_moves", "news")
	sequencedTables = append(sequencedTables, "leads", "lead_moves", "news")
}

const leadSelect = `SELECT l.id, l.investor, l.origin_region, l.industry, l.intended, l.source,
	o.id, o.code, o.name, o.path, l.target, u.id, u.username, u.display_name, l.team, l.stage,
	l.contract_amount, l.contract_date, COALESCE(p.id, 0), COALESCE(p.code, ''), COALESCE(p.name, ''),
	l.stage_since, l.created_by, l.created_at, l.version
	FROM leads l
	JOIN orgs o ON o.id = l.county_id
	JOIN users u ON u.id = l.leader_id
	LEFT JOIN projects p ON p.id = l.project_id`

func scanLead(s interface{ Scan(...any) error }) (qianxiang.Lead, error) {
	var l qianxiang.Lead
	var team, stage, cdate, since, created string
	var pid int64
	var pcode, pname string
	err := s.Scan(&l.ID, &l.Investor, &l.OriginRegion, &l.Industry, &l.Intended, &l.Source,
		&l.County.ID, &l.County.Code, &l.County.Name, &l.CountyPath, &l.Target, &l.Leader.ID, &l.Leader.Username, &l.Leader.Name,
		&team, &stage, &l.ContractAmount, &cdate, &pid, &pcode, &pname, &since, &l.CreatedBy, &created, &l.Version)
	if err != nil {
		return l, err
	}
	if l.Leader.Name == "" {
		l.Leader.Name = l.Leader.Username
	}
	l.Stage = qianxiang.LeadStage(stage)
	l.ContractDate, _ = qianxiang.ParseDate(cdate)
	l.StageSince, l.CreatedAt = parseTS(since), parseTS(created)
	if pid != 0 {
		l.Project = &qianxiang.ProjectRef{ID: pid, Code: pcode, Name: pname, Org: l.County}
	}
	l.Team = []qianxiang.TeamMember{}
	if err := json.Unmarshal([]byte(team), &l.Team); err != nil {
		return l, err
	}
	return l, nil
}

// Leads lists leads, newest first.
func (c conn) Leads(ctx context.Context, f qianxiang.LeadFilter) ([]qianxiang.Lead, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where, args = append(where, cond), append(args, a...) }
	if f.CountyPath != "" {
		add(`o.path LIKE ?`, f.CountyPath+"%")
	}
	if f.Stage != "" {
		add(`l.stage = ?`, string(f.Stage))
	}
	if f.Source != "" {
		add(`l.source = ?`, f.Source)
	}
	if f.Industry != "" {
		add(`l.industry = ?`, f.Industry)
	}
	if f.LeaderID != 0 {
		add(`l.leader_id = ?`, f.LeaderID)
	}
	if f.ProjectID != 0 {
		add(`l.project_id = ?`, f.ProjectID)
	}
	q := leadSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := c.query(ctx, q+` ORDER BY l.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Lead{}
	for rows.Next() {
		l, err := scanLead(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Lead reads one lead.
func (c conn) Lead(ctx context.Context, id int64) (qianxiang.Lead, error) {
	l, err := scanLead(c.queryRow(ctx, leadSelect+` WHERE l.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, qianxiang.ErrNotFound("lead")
	}
	return l, err
}

// LeadMoves is a lead's history of stages, oldest first.
func (c conn) LeadMoves(ctx context.Context, id int64) ([]qianxiang.LeadMove, error) {
	rows, err := c.query(ctx, `SELECT id, lead_id, from_stage, to_stage, reason, moved_by, at FROM lead_moves WHERE lead_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.LeadMove{}
	for rows.Next() {
		var m qianxiang.LeadMove
		var from, to, at string
		if err := rows.Scan(&m.ID, &m.LeadID, &from, &to, &m.Reason, &m.By, &at); err != nil {
			return nil, err
		}
		m.From, m.To, m.At = qianxiang.LeadStage(from), qianxiang.LeadStage(to), parseTS(at)
		out = append(out, m)
	}
	return out, rows.Err()
}

// LeadIndustries are the industries leads name, for the list's filter.
func (c conn) LeadIndustries(ctx context.Context) ([]string, error) {
	rows, err := c.query(ctx, `SELECT DISTINCT industry FROM leads ORDER BY industry`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// InsertLead adds a lead at its first stage and sets its ID.
func (tx *Tx) InsertLead(ctx context.Context, l *qianxiang.Lead) error {
	team, err := json.Marshal(l.Team)
	if err != nil {
		return err
	}
	now := tx.now()
	if l.Stage == "" {
		l.Stage = qianxiang.LeadTalking
	}
	since := now
	if !l.StageSince.IsZero() { // a lead recorded with its past (the demo city)
		since = l.StageSince
	}
	id, err := tx.insert(ctx, `INSERT INTO leads (investor, origin_region, industry, intended, source, county_id, target, leader_id, team,
		stage, contract_amount, contract_date, project_id, stage_since, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.Investor, l.OriginRegion, l.Industry, int64(l.Intended), l.Source, l.County.ID, l.Target, l.Leader.ID, string(team),
		string(l.Stage), int64(l.ContractAmount), l.ContractDate.String(), nil, ts(since), l.CreatedBy, ts(now), ts(now))
	if err != nil {
		return err
	}
	l.ID, l.Version, l.StageSince, l.CreatedAt = id, 1, parseTS(ts(since)), parseTS(ts(now))
	return nil
}

// UpdateLead writes a lead if its version is still the one read. A change
// of stage restarts the stall clock.
func (tx *Tx) UpdateLead(ctx context.Context, l *qianxiang.Lead, stageChanged bool) error {
	team, err := json.Marshal(l.Team)
	if err != nil {
		return err
	}
	if stageChanged {
		l.StageSince = parseTS(ts(tx.now()))
	}
	var pid any
	if l.Project != nil {
		pid = l.Project.ID
	}
	res, err := tx.exec(ctx, `UPDATE leads SET investor = ?, origin_region = ?, industry = ?, intended = ?, source = ?, county_id = ?,
		target = ?, leader_id = ?, team = ?, stage = ?, contract_amount = ?, contract_date = ?, project_id = ?, stage_since = ?,
		version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		l.Investor, l.OriginRegion, l.Industry, int64(l.Intended), l.Source, l.County.ID, l.Target, l.Leader.ID, string(team),
		string(l.Stage), int64(l.ContractAmount), l.ContractDate.String(), pid, ts(l.StageSince), ts(tx.now()), l.ID, l.Version)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "that project already came from another lead")
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the lead was changed by someone else; reload it and try again")
	}
	l.Version++
	return nil
}

// InsertLeadMove records a change of stage (at m.At when given, else now).
func (tx *Tx) InsertLeadMove(ctx context.Context, m *qianxiang.LeadMove) error {
	now := ts(tx.now())
	if !m.At.IsZero() {
		now = ts(m.At)
	}
	id, err := tx.insert(ctx, `INSERT INTO lead_moves (lead_id, from_stage, to_stage, reason, moved_by, at) VALUES (?, ?, ?, ?, ?, ?)`,
		m.LeadID, string(m.From), string(m.To), m.Reason, m.By, now)
	m.ID, m.At = id, parseTS(now)
	return err
}
