package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"qianxiang"
)

const promotionCols = `pm.project_id, pm.published, pm.investment, pm.return_model, pm.cooperation, pm.contact, pm.office_phone,
	pm.summary, pm.published_at, pm.version`

func scanPromotion(s interface{ Scan(...any) error }, extra ...any) (qianxiang.Promotion, error) {
	var m qianxiang.Promotion
	var pub int
	var inv int64
	var coop, at string
	err := s.Scan(append([]any{&m.ProjectID, &pub, &inv, &m.ReturnModel, &coop, &m.Contact, &m.OfficePhone, &m.Summary, &at, &m.Version}, extra...)...)
	m.Published, m.Investment, m.Cooperation, m.PublishedAt = pub == 1, qianxiang.Money(inv), qianxiang.Cooperation(coop), parseTS(at)
	return m, err
}

// Promotion reads a project's publication (ok false when it has none).
func (c conn) Promotion(ctx context.Context, projectID int64) (qianxiang.Promotion, bool, error) {
	m, err := scanPromotion(c.queryRow(ctx, `SELECT `+promotionCols+` FROM promotions pm WHERE pm.project_id = ?`, projectID))
	if errors.Is(err, sql.ErrNoRows) {
		return qianxiang.Promotion{ProjectID: projectID}, false, nil
	}
	return m, err == nil, err
}

// Promotions reads the publications of projects by project id.
func (c conn) Promotions(ctx context.Context, ids []int64) (map[int64]qianxiang.Promotion, error) {
	out := map[int64]qianxiang.Promotion{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := c.query(ctx, `SELECT `+promotionCols+` FROM promotions pm WHERE pm.project_id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			m, err := scanPromotion(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out[m.ProjectID] = m
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PutPromotion writes a project's publication and reports the change.
// PublishedAt is set when it is first published and kept while it stays so.
func (tx *Tx) PutPromotion(ctx context.Context, m *qianxiang.Promotion) (RowChange, error) {
	ch := RowChange{Label: m.Contact}
	old, ok, err := tx.Promotion(ctx, m.ProjectID)
	if err != nil {
		return ch, err
	}
	switch {
	case !m.Published:
		m.PublishedAt = time.Time{}
	case ok && old.Published:
		m.PublishedAt = old.PublishedAt
	default:
		m.PublishedAt = tx.now()
	}
	at := ""
	if !m.PublishedAt.IsZero() {
		at = ts(m.PublishedAt)
	}
	now := ts(tx.now())
	args := []any{b2i(m.Published), int64(m.Investment), m.ReturnModel, string(m.Cooperation), m.Contact, m.OfficePhone, m.Summary, at}
	if !ok {
		ch.Action = "create"
		ch.ID, err = tx.insert(ctx, `INSERT INTO promotions (published, investment, return_model, cooperation, contact, office_phone, summary, published_at,
			project_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, m.ProjectID, now)...)
		m.Version = 1
		return ch, err
	}
	if err := tx.queryRow(ctx, `SELECT id FROM promotions WHERE project_id = ?`, m.ProjectID).Scan(&ch.ID); err != nil {
		return ch, err
	}
	ch.Action = "update"
	if ch.Before, err = tx.Snapshot(ctx, "promotions", ch.ID); err != nil {
		return ch, err
	}
	_, err = tx.exec(ctx, `UPDATE promotions SET published = ?, investment = ?, return_model = ?, cooperation = ?, contact = ?, office_phone = ?,
		summary = ?, published_at = ?, version = version + 1, updated_at = ? WHERE id = ?`, append(args, now, ch.ID)...)
	m.Version = old.Version + 1
	return ch, err
}

// PublicPromotions reads the published promotions of projects that are not
// confidential, newest publication first, with their projects. The public
// side reads nothing else of the pipeline.
func (c conn) PublicPromotions(ctx context.Context, projectID int64) ([]qianxiang.Project, []qianxiang.Promotion, error) {
	q := `SELECT ` + projectCols + `, ` + promotionCols + projectFrom + ` JOIN promotions pm ON pm.project_id = p.id
		WHERE pm.published = 1 AND p.confidential = 0`
	var args []any
	if projectID != 0 {
		q, args = q+` AND p.id = ?`, append(args, projectID)
	}
	rows, err := c.query(ctx, q+` ORDER BY pm.published_at DESC, p.id`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	ps, ms := []qianxiang.Project{}, []qianxiang.Promotion{}
	for rows.Next() {
		var p qianxiang.Project
		var m qianxiang.Promotion
		var pub int
		var inv int64
		var coop, at string
		var kind, stage, pst, pe, so, team, target, extra string
		var total, plan int64
		var inStats, confidential int
		err := rows.Scan(&p.ID, &p.Year, &p.Code, &p.Name, &p.Owner, &kind, &stage, &p.Sector, &p.Scope,
			&total, &plan, &pst, &pe, &so, &p.Leader, &team, &target, &inStats, &p.Contact, &p.Phone, &p.Notes, &extra, &p.Version, &confidential,
			&p.Org.ID, &p.Org.Code, &p.Org.Name, &p.OrgPath, &p.LeadOrg.ID, &p.LeadOrg.Code, &p.LeadOrg.Name, &p.LeadOrgPath,
			&m.ProjectID, &pub, &inv, &m.ReturnModel, &coop, &m.Contact, &m.OfficePhone, &m.Summary, &at, &m.Version)
		if err != nil {
			return nil, nil, err
		}
		// Only what the public form needs is kept; the team, contacts and
		// notes read with the row are dropped here.
		p.Kind, p.Stage, p.TotalInvestment, p.Confidential = qianxiang.Kind(kind), qianxiang.Stage(stage), qianxiang.Money(total), confidential == 1
		p.Leader, p.Contact, p.Phone, p.Notes = "", "", "", ""
		m.Published, m.Investment, m.Cooperation, m.PublishedAt = pub == 1, qianxiang.Money(inv), qianxiang.Cooperation(coop), parseTS(at)
		ps, ms = append(ps, p), append(ms, m)
	}
	return ps, ms, rows.Err()
}

// InsertInterest records an expression of interest.
func (tx *Tx) InsertInterest(ctx context.Context, in *qianxiang.Interest, clientKey string) error {
	in.CreatedAt = tx.now()
	id, err := tx.insert(ctx, `INSERT INTO promotion_interests (project_id, company, person, phone, intent, source, recorded_by, client_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.Project.ID, in.Company, in.Person, in.Phone, in.Intent, in.Source, in.RecordedBy, clientKey, ts(in.CreatedAt))
	in.ID = id
	return err
}

// CountInterestsFrom counts the public form's submissions from one client
// since a time, for the rate limit.
func (tx *Tx) CountInterestsFrom(ctx context.Context, clientKey string, since time.Time) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM promotion_interests WHERE client_key = ? AND created_at >= ?`, clientKey, ts(since)).Scan(&n)
	return n, err
}

// Interests lists expressions of interest, newest first: of one project,
// or (projectID 0) of every project within scopePath ("" for all).
func (c conn) Interests(ctx context.Context, projectID int64, scopePath string) ([]qianxiang.Interest, error) {
	q := `SELECT i.id, p.id, p.code, p.name, co.code, co.name, i.company, i.person, i.phone, i.intent, i.source, i.recorded_by, i.created_at
		FROM promotion_interests i JOIN projects p ON p.id = i.project_id JOIN orgs co ON co.id = p.org_id JOIN orgs lo ON lo.id = p.lead_org_id`
	var where []string
	var args []any
	if projectID != 0 {
		where, args = append(where, `i.project_id = ?`), append(args, projectID)
	}
	if scopePath != "" {
		where, args = append(where, `(co.path LIKE ? OR lo.path LIKE ?)`), append(args, scopePath+"%", scopePath+"%")
	}
	for i, w := range where {
		if i == 0 {
			q += ` WHERE ` + w
		} else {
			q += ` AND ` + w
		}
	}
	rows, err := c.query(ctx, q+` ORDER BY i.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Interest{}
	for rows.Next() {
		var in qianxiang.Interest
		var at string
		if err := rows.Scan(&in.ID, &in.Project.ID, &in.Project.Code, &in.Project.Name, &in.Project.Org.Code, &in.Project.Org.Name,
			&in.Company, &in.Person, &in.Phone, &in.Intent, &in.Source, &in.RecordedBy, &at); err != nil {
			return nil, err
		}
		in.CreatedAt = parseTS(at)
		out = append(out, in)
	}
	return out, rows.Err()
}

// InterestCounts counts the expressions of interest of projects.
func (c conn) InterestCounts(ctx context.Context, ids []int64) (map[int64]int, error) {
	out := map[int64]int{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := c.query(ctx, `SELECT project_id, COUNT(*) FROM promotion_interests WHERE project_id IN (`+placeholders(len(chunk))+`) GROUP BY project_id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
