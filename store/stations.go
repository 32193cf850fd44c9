package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"qianxiang"
)

func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"stations", "name"},
		struct{ Table, LabelCol string }{"station_visits", "month"},
		struct{ Table, LabelCol string }{"station_receptions", "month"},
		struct{ Table, LabelCol string }{"station_problems", "text"})
	backupTables = append(backupTables, "stations", "station_deputies", "station_leaders", "station_visits", "station_receptions", "station_problems")
	sequencedTables = append(sequencedTables, "stations", "station_deputies", "station_leaders", "station_visits", "station_receptions", "station_problems")
}

// Stations lists the stations with their deputies, leaders and counts.
func (c conn) Stations(ctx context.Context) ([]qianxiang.Station, error) {
	rows, err := c.query(ctx, `SELECT s.id, s.name, o.id, o.code, o.name, s.address, s.reception_day, s.version,
		(SELECT COUNT(*) FROM station_problems p WHERE p.station_id = s.id),
		(SELECT COUNT(*) FROM station_problems p WHERE p.station_id = s.id AND p.solved = 1)
		FROM stations s JOIN orgs o ON o.id = s.org_id ORDER BY o.code, s.name`)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Station{}
	idx := map[int64]int{}
	for rows.Next() {
		var s qianxiang.Station
		if err := rows.Scan(&s.ID, &s.Name, &s.Org.ID, &s.Org.Code, &s.Org.Name, &s.Address, &s.ReceptionDay, &s.Version, &s.Problems, &s.Solved); err != nil {
			rows.Close()
			return nil, err
		}
		s.Deputies, s.Leaders = []qianxiang.Signer{}, []qianxiang.LeaderRef{}
		idx[s.ID] = len(out)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	drows, err := c.query(ctx, `SELECT sd.station_id, d.id, COALESCE(d.user_id, 0), d.card, d.name FROM station_deputies sd
		JOIN congress_deputies d ON d.id = sd.deputy_id ORDER BY sd.id`)
	if err != nil {
		return nil, err
	}
	for drows.Next() {
		var sid int64
		var g qianxiang.Signer
		if err := drows.Scan(&sid, &g.DeputyID, &g.UserID, &g.Card, &g.Name); err != nil {
			drows.Close()
			return nil, err
		}
		if i, ok := idx[sid]; ok {
			out[i].Deputies = append(out[i].Deputies, g)
		}
	}
	drows.Close()
	lrows, err := c.query(ctx, `SELECT sl.station_id, u.id, u.username, u.display_name FROM station_leaders sl JOIN users u ON u.id = sl.user_id ORDER BY sl.id`)
	if err != nil {
		return nil, err
	}
	defer lrows.Close()
	for lrows.Next() {
		var sid int64
		var l qianxiang.LeaderRef
		if err := lrows.Scan(&sid, &l.ID, &l.Username, &l.Name); err != nil {
			return nil, err
		}
		if i, ok := idx[sid]; ok {
			out[i].Leaders = append(out[i].Leaders, l)
		}
	}
	return out, lrows.Err()
}

// InsertStation adds a station with its deputies and leaders.
func (tx *Tx) InsertStation(ctx context.Context, s *qianxiang.Station) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO stations (name, org_id, address, reception_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		s.Name, s.Org.ID, s.Address, s.ReceptionDay, now, now)
	if err != nil {
		if isUnique(err) {
			return qianxiang.FieldError("name", "a station named %q already exists", s.Name)
		}
		return err
	}
	s.ID, s.Version = id, 1
	for _, g := range s.Deputies {
		if _, err := tx.exec(ctx, `INSERT INTO station_deputies (station_id, deputy_id) VALUES (?, ?)`, id, g.DeputyID); err != nil {
			return err
		}
	}
	for _, l := range s.Leaders {
		if _, err := tx.exec(ctx, `INSERT INTO station_leaders (station_id, user_id) VALUES (?, ?)`, id, l.ID); err != nil {
			return err
		}
	}
	return nil
}

const visitSelect = `SELECT v.id, v.station_id, u.id, u.username, u.display_name, v.month, v.scheduled_on, v.visited_on, v.people, v.note
	FROM station_visits v JOIN users u ON u.id = v.leader_id`

// Visits lists visits, of one station (0: all) and from a month on ("" all).
func (c conn) Visits(ctx context.Context, stationID int64, fromMonth string) ([]qianxiang.Visit, error) {
	q, args := visitSelect+` WHERE 1 = 1`, []any{}
	if stationID != 0 {
		q, args = q+` AND v.station_id = ?`, append(args, stationID)
	}
	if fromMonth != "" {
		q, args = q+` AND v.month >= ?`, append(args, fromMonth)
	}
	rows, err := c.query(ctx, q+` ORDER BY v.month DESC, v.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Visit{}
	for rows.Next() {
		var v qianxiang.Visit
		var m, sch, on string
		if err := rows.Scan(&v.ID, &v.StationID, &v.Leader.ID, &v.Leader.Username, &v.Leader.Name, &m, &sch, &on, &v.People, &v.Note); err != nil {
			return nil, err
		}
		v.Month, _ = qianxiang.ParseDate(m)
		v.Scheduled, _ = qianxiang.ParseDate(sch)
		v.VisitedOn, _ = qianxiang.ParseDate(on)
		out = append(out, v)
	}
	return out, rows.Err()
}

// SaveVisit inserts (ID 0) or updates a visit.
func (tx *Tx) SaveVisit(ctx context.Context, v *qianxiang.Visit) error {
	now := ts(tx.now())
	if v.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO station_visits (station_id, leader_id, month, scheduled_on, visited_on, people, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, v.StationID, v.Leader.ID, v.Month.String(), v.Scheduled.String(), v.VisitedOn.String(), v.People, v.Note, now, now)
		v.ID = id
		return err
	}
	_, err := tx.exec(ctx, `UPDATE station_visits SET month = ?, scheduled_on = ?, visited_on = ?, people = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		v.Month.String(), v.Scheduled.String(), v.VisitedOn.String(), v.People, v.Note, now, v.ID)
	return err
}

const stationProblemSelect = `SELECT p.id, p.station_id, s.name, p.visitor, p.text, COALESCE(d.id, 0), COALESCE(d.card, ''), COALESCE(d.name, ''),
	p.registered_on, COALESCE(o.id, 0), COALESCE(o.code, ''), COALESCE(o.name, ''), COALESCE(o.path, ''), p.status, p.chases, p.last_chased,
	p.answer, p.answered_on, p.return_visit, p.solved, COALESCE(pr.id, 0), COALESCE(pr.code, ''), COALESCE(pr.name, ''),
	COALESCE(p.campaign_problem_id, 0), COALESCE(p.reception_id, 0), p.version, p.created_at
	FROM station_problems p JOIN stations s ON s.id = p.station_id
	LEFT JOIN congress_deputies d ON d.id = p.deputy_id
	LEFT JOIN orgs o ON o.id = p.org_id
	LEFT JOIN projects pr ON pr.id = p.project_id`

func scanStationProblem(r interface{ Scan(...any) error }) (qianxiang.StationProblem, error) {
	var p qianxiang.StationProblem
	var d qianxiang.Signer
	var o qianxiang.OrgRef
	var pr qianxiang.ProjectRef
	var reg, status, chased, answered, created string
	var solved int
	err := r.Scan(&p.ID, &p.StationID, &p.StationName, &p.Visitor, &p.Text, &d.DeputyID, &d.Card, &d.Name, &reg, &o.ID, &o.Code, &o.Name, &p.OrgPath,
		&status, &p.Chases, &chased, &p.Answer, &answered, &p.ReturnVisit, &solved, &pr.ID, &pr.Code, &pr.Name, &p.CampaignID, &p.ReceptionID, &p.Version, &created)
	if err != nil {
		return p, err
	}
	p.Status, p.Solved, p.CreatedAt = qianxiang.StationStatus(status), solved == 1, parseTS(created)
	p.RegisteredOn, _ = qianxiang.ParseDate(reg)
	p.LastChased, _ = qianxiang.ParseDate(chased)
	p.AnsweredOn, _ = qianxiang.ParseDate(answered)
	if d.DeputyID != 0 {
		p.Deputy = &d
	}
	if o.ID != 0 {
		p.Org = &o
	}
	if pr.ID != 0 {
		p.Project = &pr
	}
	return p, nil
}

// StationProblemFilter selects station problems.
type StationProblemFilter struct {
	StationID int64
	OrgPath   string // the unit it was forwarded to, at or below
	DeputyUID int64  // problems of the stations the deputy belongs to
	ProjectID int64
	Year      int
	// Narrowing to what one count counts (the counts link to these lists).
	DeputyCard  string
	OrgID       int64 // the unit it was forwarded to, exactly
	ReceptionID int64
	SolvedOnly  bool
}

// StationProblems lists station problems, newest first.
func (c conn) StationProblems(ctx context.Context, f StationProblemFilter) ([]qianxiang.StationProblem, error) {
	var where []string
	var args []any
	if f.StationID != 0 {
		where, args = append(where, `p.station_id = ?`), append(args, f.StationID)
	}
	if f.OrgPath != "" {
		where, args = append(where, `o.path LIKE ?`), append(args, f.OrgPath+"%")
	}
	if f.DeputyUID != 0 {
		where = append(where, `EXISTS (SELECT 1 FROM station_deputies sd JOIN congress_deputies dd ON dd.id = sd.deputy_id WHERE sd.station_id = p.station_id AND dd.user_id = ?)`)
		args = append(args, f.DeputyUID)
	}
	if f.ProjectID != 0 {
		where, args = append(where, `p.project_id = ?`), append(args, f.ProjectID)
	}
	if f.Year != 0 {
		where, args = append(where, `p.registered_on LIKE ?`), append(args, strconv.Itoa(f.Year)+"-%")
	}
	if f.DeputyCard != "" {
		where, args = append(where, `d.card = ?`), append(args, f.DeputyCard)
	}
	if f.OrgID != 0 {
		where, args = append(where, `p.org_id = ?`), append(args, f.OrgID)
	}
	if f.ReceptionID != 0 {
		where, args = append(where, `p.reception_id = ?`), append(args, f.ReceptionID)
	}
	if f.SolvedOnly {
		where = append(where, `p.solved = 1`)
	}
	q := stationProblemSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := c.query(ctx, q+` ORDER BY p.registered_on DESC, p.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.StationProblem{}
	for rows.Next() {
		p, err := scanStationProblem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// StationProblem reads one.
func (c conn) StationProblem(ctx context.Context, id int64) (qianxiang.StationProblem, error) {
	p, err := scanStationProblem(c.queryRow(ctx, stationProblemSelect+` WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, qianxiang.ErrNotFound("station problem")
	}
	return p, err
}

// SaveStationProblem inserts (ID 0) or updates a station problem if its
// version is still the one read.
func (tx *Tx) SaveStationProblem(ctx context.Context, p *qianxiang.StationProblem) error {
	now := ts(tx.now())
	var dep, org, proj, camp, rec any
	if p.Deputy != nil {
		dep = p.Deputy.DeputyID
	}
	if p.Org != nil {
		org = p.Org.ID
	}
	if p.Project != nil {
		proj = p.Project.ID
	}
	if p.CampaignID != 0 {
		camp = p.CampaignID
	}
	if p.ReceptionID != 0 {
		rec = p.ReceptionID
	}
	if p.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO station_problems (station_id, visitor, text, deputy_id, registered_on, org_id, status, project_id,
			reception_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.StationID, p.Visitor, p.Text, dep, p.RegisteredOn.String(), org,
			string(p.Status), proj, rec, now, now)
		p.ID, p.Version = id, 1
		return err
	}
	res, err := tx.exec(ctx, `UPDATE station_problems SET org_id = ?, status = ?, chases = ?, last_chased = ?, answer = ?, answered_on = ?,
		return_visit = ?, solved = ?, project_id = ?, campaign_problem_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		org, string(p.Status), p.Chases, p.LastChased.String(), p.Answer, p.AnsweredOn.String(), p.ReturnVisit, b2i(p.Solved), proj, camp,
		now, p.ID, p.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the station problem was changed by someone else; reload it and try again")
	}
	p.Version++
	return nil
}
