package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"qianxiang"
)

// Suggestions are governed; their signers, co-units, answers, ratings and
// views change only inside an audited change of the suggestion itself.
func init() {
	governed = append(governed, struct{ Table, LabelCol string }{"suggestions", "title"})
	backupTables = append(backupTables, "suggestions", "suggestion_co_orgs", "suggestion_signers", "suggestion_answers",
		"suggestion_ratings", "suggestion_views")
	sequencedTables = append(sequencedTables, "suggestions", "suggestion_co_orgs", "suggestion_signers", "suggestion_answers",
		"suggestion_ratings", "suggestion_views")
}

const suggestionSelect = `SELECT s.id, s.kind, s.number, COALESCE(s.congress_id, 0), s.title, s.body, s.submitted_on, COALESCE(s.from_motion_id, 0),
	s.classified, COALESCE(p.id, 0), COALESCE(p.code, ''), COALESCE(p.name, ''), s.status,
	COALESCE(o.id, 0), COALESCE(o.code, ''), COALESCE(o.name, ''), COALESCE(o.path, ''),
	s.assigned_on, s.return_by, s.co_view_due, s.answer_due, s.extension, s.round, s.rating, s.note, s.merged_into,
	s.created_by, s.created_at, s.version
	FROM suggestions s
	LEFT JOIN projects p ON p.id = s.project_id
	LEFT JOIN orgs o ON o.id = s.lead_org_id`

func scanSuggestion(r interface{ Scan(...any) error }) (qianxiang.Suggestion, error) {
	var s qianxiang.Suggestion
	var kind, status, sub, asg, ret, cov, due, rating, created string
	var classified int
	var pid int64
	var pcode, pname string
	var lead qianxiang.OrgRef
	err := r.Scan(&s.ID, &kind, &s.Number, &s.CongressID, &s.Title, &s.Body, &sub, &s.FromMotion, &classified, &pid, &pcode, &pname, &status,
		&lead.ID, &lead.Code, &lead.Name, &s.LeadPath, &asg, &ret, &cov, &due, &s.Extension, &s.Round, &rating, &s.Note, &s.MergedInto,
		&s.CreatedBy, &created, &s.Version)
	if err != nil {
		return s, err
	}
	s.Kind, s.Status, s.Rating = qianxiang.SuggestionKind(kind), qianxiang.SuggestionStatus(status), qianxiang.Rating(rating)
	s.Classified, s.CreatedAt = classified == 1, parseTS(created)
	s.SubmittedOn, _ = qianxiang.ParseDate(sub)
	s.AssignedOn, _ = qianxiang.ParseDate(asg)
	s.ReturnBy, _ = qianxiang.ParseDate(ret)
	s.CoViewDue, _ = qianxiang.ParseDate(cov)
	s.AnswerDue, _ = qianxiang.ParseDate(due)
	if pid != 0 {
		s.Project = &qianxiang.ProjectRef{ID: pid, Code: pcode, Name: pname}
	}
	if lead.ID != 0 {
		s.LeadOrg = &lead
	}
	s.CoOrgs, s.Signers, s.Answers, s.Views = []qianxiang.OrgRef{}, []qianxiang.Signer{}, []qianxiang.Answer{}, []qianxiang.CoView{}
	return s, nil
}

// Suggestions lists suggestions, pending first, then by answer due date.
func (c conn) Suggestions(ctx context.Context, f qianxiang.SuggestionFilter) ([]qianxiang.Suggestion, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where, args = append(where, cond), append(args, a...) }
	assigned := `(o.path LIKE ? OR EXISTS (SELECT 1 FROM suggestion_co_orgs c JOIN orgs co ON co.id = c.org_id WHERE c.suggestion_id = s.id AND co.path LIKE ?))`
	if f.Kind != "" {
		add(`s.kind = ?`, string(f.Kind))
	}
	if f.Status != "" {
		add(`s.status = ?`, string(f.Status))
	}
	if f.OrgPath != "" {
		add(assigned, f.OrgPath+"%", f.OrgPath+"%")
	}
	if f.Scope != "" {
		add(assigned, f.Scope+"%", f.Scope+"%")
	}
	if f.SignerUID != 0 {
		add(`EXISTS (SELECT 1 FROM suggestion_signers g JOIN congress_deputies d ON d.id = g.deputy_id WHERE g.suggestion_id = s.id AND d.user_id = ?)`, f.SignerUID)
	}
	if f.ProjectID != 0 {
		add(`s.project_id = ?`, f.ProjectID)
	}
	if f.Year != 0 {
		add(`s.submitted_on LIKE ?`, strconv.Itoa(f.Year)+"-%")
	}
	if f.Overdue {
		add(`s.status = 'handling' AND s.answer_due <> '' AND s.answer_due < ?`, f.Today.String())
	}
	if f.Public {
		add(`s.classified = 0`)
	}
	q := suggestionSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY CASE WHEN s.status = 'handling' THEN 0 WHEN s.status IN ('submitted', 'sent_back') THEN 1 ELSE 2 END, s.answer_due, s.id`
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.Suggestion{}
	for rows.Next() {
		s, err := scanSuggestion(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, c.fillSuggestions(ctx, out)
}

// Suggestion reads one suggestion with its signers, co-units, answers and views.
func (c conn) Suggestion(ctx context.Context, id int64) (qianxiang.Suggestion, error) {
	s, err := scanSuggestion(c.queryRow(ctx, suggestionSelect+` WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, qianxiang.ErrNotFound("suggestion")
	}
	if err != nil {
		return s, err
	}
	ss := []qianxiang.Suggestion{s}
	err = c.fillSuggestions(ctx, ss)
	return ss[0], err
}

// fillSuggestions reads the child rows of listed suggestions, one query each.
func (c conn) fillSuggestions(ctx context.Context, ss []qianxiang.Suggestion) error {
	if len(ss) == 0 {
		return nil
	}
	idx := map[int64]int{}
	ph := make([]string, len(ss))
	args := make([]any, len(ss))
	for i, s := range ss {
		idx[s.ID], ph[i], args[i] = i, "?", s.ID
	}
	in := `(` + strings.Join(ph, ",") + `)`
	each := func(q string, scan func(*sql.Rows) error) error {
		rows, err := c.query(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	err := each(`SELECT c.suggestion_id, o.id, o.code, o.name, o.path FROM suggestion_co_orgs c JOIN orgs o ON o.id = c.org_id
		WHERE c.suggestion_id IN `+in+` ORDER BY c.id`, func(r *sql.Rows) error {
		var sid int64
		var o qianxiang.OrgRef
		var path string
		if err := r.Scan(&sid, &o.ID, &o.Code, &o.Name, &path); err != nil {
			return err
		}
		s := &ss[idx[sid]]
		s.CoOrgs, s.CoPaths = append(s.CoOrgs, o), append(s.CoPaths, path)
		return nil
	})
	if err != nil {
		return err
	}
	err = each(`SELECT g.suggestion_id, d.id, COALESCE(d.user_id, 0), d.card, d.name, g.rating, g.rated_on FROM suggestion_signers g
		JOIN congress_deputies d ON d.id = g.deputy_id WHERE g.suggestion_id IN `+in+` ORDER BY g.seq`, func(r *sql.Rows) error {
		var sid int64
		var g qianxiang.Signer
		var rating, on string
		if err := r.Scan(&sid, &g.DeputyID, &g.UserID, &g.Card, &g.Name, &rating, &on); err != nil {
			return err
		}
		g.Rating = qianxiang.Rating(rating)
		g.RatedOn, _ = qianxiang.ParseDate(on)
		s := &ss[idx[sid]]
		s.Signers = append(s.Signers, g)
		return nil
	})
	if err != nil {
		return err
	}
	err = each(`SELECT suggestion_id, round, class, text, answered_on, due, on_time, by_user FROM suggestion_answers
		WHERE suggestion_id IN `+in+` ORDER BY round`, func(r *sql.Rows) error {
		var sid int64
		var a qianxiang.Answer
		var class, on, due string
		var onTime int
		if err := r.Scan(&sid, &a.Round, &class, &a.Text, &on, &due, &onTime, &a.By); err != nil {
			return err
		}
		a.Class, a.OnTime = qianxiang.AnswerClass(class), onTime == 1
		a.On, _ = qianxiang.ParseDate(on)
		a.Due, _ = qianxiang.ParseDate(due)
		s := &ss[idx[sid]]
		s.Answers = append(s.Answers, a)
		return nil
	})
	if err != nil {
		return err
	}
	return each(`SELECT v.suggestion_id, o.id, o.code, o.name, v.text, v.given_on, v.late FROM suggestion_views v JOIN orgs o ON o.id = v.org_id
		WHERE v.suggestion_id IN `+in+` ORDER BY v.id`, func(r *sql.Rows) error {
		var sid int64
		var v qianxiang.CoView
		var on string
		var late int
		if err := r.Scan(&sid, &v.Org.ID, &v.Org.Code, &v.Org.Name, &v.Text, &on, &late); err != nil {
			return err
		}
		v.Given, _ = qianxiang.ParseDate(on)
		v.Late = late == 1
		s := &ss[idx[sid]]
		s.Views = append(s.Views, v)
		return nil
	})
}

// InsertSuggestion adds a suggestion with its signers and gives it the
// next number of its kind.
func (tx *Tx) InsertSuggestion(ctx context.Context, s *qianxiang.Suggestion) error {
	now := ts(tx.now())
	if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM suggestions WHERE kind = ?`, string(s.Kind)).Scan(&s.Number); err != nil {
		return err
	}
	var pid any
	if s.Project != nil {
		pid = s.Project.ID
	}
	id, err := tx.insert(ctx, `INSERT INTO suggestions (kind, number, congress_id, title, body, submitted_on, from_motion_id, classified, project_id,
		status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		string(s.Kind), s.Number, nullID(s.CongressID), s.Title, s.Body, s.SubmittedOn.String(), nullID(s.FromMotion), b2i(s.Classified), pid,
		string(s.Status), s.CreatedBy, now, now)
	if err != nil {
		if isUnique(err) && s.FromMotion != 0 {
			return qianxiang.Errorf(qianxiang.EConflict, "motion %d has already been converted to a suggestion", s.FromMotion)
		}
		return err
	}
	s.ID, s.Version, s.CreatedAt = id, 1, parseTS(now)
	for i, g := range s.Signers {
		if _, err := tx.exec(ctx, `INSERT INTO suggestion_signers (suggestion_id, deputy_id, seq) VALUES (?, ?, ?)`, id, g.DeputyID, i+1); err != nil {
			return err
		}
	}
	return nil
}

// UpdateSuggestion writes the handling fields, co-units and signers'
// ratings if the version is still the one read.
func (tx *Tx) UpdateSuggestion(ctx context.Context, s *qianxiang.Suggestion) error {
	var lead, pid any
	if s.LeadOrg != nil {
		lead = s.LeadOrg.ID
	}
	if s.Project != nil {
		pid = s.Project.ID
	}
	res, err := tx.exec(ctx, `UPDATE suggestions SET status = ?, lead_org_id = ?, co_orgs = ?, assigned_on = ?, return_by = ?, co_view_due = ?,
		answer_due = ?, extension = ?, round = ?, rating = ?, note = ?, merged_into = ?, classified = ?, project_id = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND version = ?`,
		string(s.Status), lead, coCodes(s.CoOrgs), s.AssignedOn.String(), s.ReturnBy.String(), s.CoViewDue.String(), s.AnswerDue.String(),
		s.Extension, s.Round, string(s.Rating), s.Note, s.MergedInto, b2i(s.Classified), pid, ts(tx.now()), s.ID, s.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the suggestion was changed by someone else; reload it and try again")
	}
	s.Version++
	if _, err := tx.exec(ctx, `DELETE FROM suggestion_co_orgs WHERE suggestion_id = ?`, s.ID); err != nil {
		return err
	}
	for _, o := range s.CoOrgs {
		if _, err := tx.exec(ctx, `INSERT INTO suggestion_co_orgs (suggestion_id, org_id) VALUES (?, ?)`, s.ID, o.ID); err != nil {
			return err
		}
	}
	for _, g := range s.Signers {
		if _, err := tx.exec(ctx, `UPDATE suggestion_signers SET rating = ?, rated_on = ? WHERE suggestion_id = ? AND deputy_id = ?`,
			string(g.Rating), g.RatedOn.String(), s.ID, g.DeputyID); err != nil {
			return err
		}
	}
	return nil
}

// InsertAnswer keeps a round's answer.
func (tx *Tx) InsertAnswer(ctx context.Context, id int64, a qianxiang.Answer) error {
	_, err := tx.exec(ctx, `INSERT INTO suggestion_answers (suggestion_id, round, class, text, answered_on, due, on_time, by_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		id, a.Round, string(a.Class), a.Text, a.On.String(), a.Due.String(), b2i(a.OnTime), a.By)
	return err
}

// InsertRating keeps a signer's rating of a round.
func (tx *Tx) InsertRating(ctx context.Context, id int64, round int, g qianxiang.Signer) error {
	_, err := tx.exec(ctx, `INSERT INTO suggestion_ratings (suggestion_id, round, deputy_id, rating, rated_on) VALUES (?, ?, ?, ?, ?)`,
		id, round, g.DeputyID, string(g.Rating), g.RatedOn.String())
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "you have already rated this answer")
	}
	return err
}

// InsertView keeps a co-unit's view.
func (tx *Tx) InsertView(ctx context.Context, id int64, v qianxiang.CoView) error {
	_, err := tx.exec(ctx, `INSERT INTO suggestion_views (suggestion_id, org_id, text, given_on, late) VALUES (?, ?, ?, ?, ?)`,
		id, v.Org.ID, v.Text, v.Given.String(), b2i(v.Late))
	return err
}

// SuggestionRatings lists every round's ratings of a suggestion (for the history).
func (c conn) SuggestionRatings(ctx context.Context, id int64) ([]qianxiang.RoundRating, error) {
	rows, err := c.query(ctx, `SELECT r.round, d.card, d.name, r.rating, r.rated_on FROM suggestion_ratings r JOIN congress_deputies d ON d.id = r.deputy_id
		WHERE r.suggestion_id = ? ORDER BY r.round, r.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.RoundRating{}
	for rows.Next() {
		var r qianxiang.RoundRating
		var rating, on string
		if err := rows.Scan(&r.Round, &r.Card, &r.Name, &rating, &on); err != nil {
			return nil, err
		}
		r.Rating = qianxiang.Rating(rating)
		r.On, _ = qianxiang.ParseDate(on)
		out = append(out, r)
	}
	return out, rows.Err()
}
