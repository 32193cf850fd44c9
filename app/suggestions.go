package app

import (
	"context"
	"fmt"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// SuggestionInput is POST /api/v1/suggestions: the deputies by card number
// (a deputy submitting is a signer), or a motion converted by the review
// committee (from_motion, the office).
type SuggestionInput struct {
	Kind        string   `json:"kind"` // suggestion (default) | proposal
	Congress    string   `json:"congress"`
	Title       string   `json:"title"`
	Body        string   `json:"body"`
	Deputies    []string `json:"deputies"`
	SubmittedOn string   `json:"submitted_on"`
	FromMotion  int64    `json:"from_motion"`
	Project     int64    `json:"project"`
	Classified  bool     `json:"classified"`
}

// suggestionCongress is the roster the signers come from: the one named,
// else the deputy's own, else the newest.
func (a *App) suggestionCongress(ctx context.Context, actor qianxiang.Actor, code string, kind qianxiang.SuggestionKind) (qianxiang.CongressRules, error) {
	if code = strings.TrimSpace(code); code != "" {
		k, err := a.DB.CongressByCode(ctx, code)
		if err != nil {
			return k, qianxiang.FieldError("congress", "congress %q not found", code)
		}
		return k, nil
	}
	if actor.Role == qianxiang.RoleDeputy {
		ids, err := a.DB.DeputyCongresses(ctx, actor.UserID)
		if err != nil || len(ids) == 0 {
			return qianxiang.CongressRules{}, qianxiang.ErrForbidden()
		}
		return a.DB.CongressByID(ctx, ids[0])
	}
	ks, err := a.DB.Congresses(ctx)
	if err != nil {
		return qianxiang.CongressRules{}, err
	}
	// The consultative conference's roster is kept as a congress whose
	// code names it (…cppcc…): proposals default to it, suggestions to
	// the newest people's congress.
	for _, k := range ks {
		if strings.Contains(k.Code, "cppcc") == (kind == qianxiang.KindProposal) {
			return k, nil
		}
	}
	return qianxiang.CongressRules{}, qianxiang.FieldError("congress", "no congress has a roster yet: import the deputies first")
}

// CreateSuggestion records a suggestion or proposal. A deputy submits
// their own (and signs it first); the office enters them for deputies and
// converts motions.
func (a *App) CreateSuggestion(ctx context.Context, actor qianxiang.Actor, in SuggestionInput) (qianxiang.Suggestion, error) {
	if actor.Role != qianxiang.RoleDeputy && !isOffice(actor) {
		return qianxiang.Suggestion{}, qianxiang.ErrForbidden()
	}
	s := qianxiang.Suggestion{Kind: qianxiang.SuggestionKind(strings.TrimSpace(in.Kind)), Title: in.Title, Body: in.Body,
		Classified: in.Classified, Status: qianxiang.SugSubmitted, CreatedBy: actor.Username}
	if s.Kind == "" {
		s.Kind = qianxiang.KindSuggestion
	}
	var err error
	if s.SubmittedOn, err = qianxiang.ParseDate(in.SubmittedOn); err != nil {
		return s, qianxiang.FieldError("submitted_on", "%q is not a date (YYYY-MM-DD)", in.SubmittedOn)
	}
	if s.SubmittedOn.IsZero() {
		s.SubmittedOn = a.Today()
	}
	k, err := a.suggestionCongress(ctx, actor, in.Congress, s.Kind)
	if err != nil {
		return s, a.internal(ctx, "suggestion", err)
	}
	s.CongressID = k.ID
	cards := in.Deputies
	if in.FromMotion != 0 {
		if !isOffice(actor) {
			return s, qianxiang.ErrForbidden()
		}
		m, err := a.DB.MotionByID(ctx, in.FromMotion)
		if err != nil {
			return s, qianxiang.FieldError("from_motion", "motion %d not found", in.FromMotion)
		}
		if m.Status != qianxiang.MotionConverted {
			return s, qianxiang.FieldError("from_motion", "motion %d was not decided to be handled as a suggestion (it is %s)", m.ID, string(m.Status))
		}
		if len(m.Signers) == 0 {
			return s, qianxiang.FieldError("from_motion", "motion %d has no deputies' signatures to carry over", m.ID)
		}
		s.FromMotion, s.CongressID, cards = m.ID, m.CongressID, m.Signers
		if strings.TrimSpace(s.Title) == "" {
			s.Title = m.Title
		}
		if strings.TrimSpace(s.Body) == "" {
			s.Body = strings.Join([]string{m.Reason, m.Basis, m.Solution}, "\n\n")
		}
	}
	if actor.Role == qianxiang.RoleDeputy {
		me, err := a.DB.DeputyByUser(ctx, s.CongressID, actor.UserID)
		if err != nil {
			return s, qianxiang.FieldError("congress", "you are not a deputy of this congress")
		}
		cards = append([]string{me.Card}, cards...)
	}
	seen := map[string]bool{}
	for _, c := range cards {
		c = strings.TrimSpace(c)
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		d, err := a.DB.DeputyByCard(ctx, s.CongressID, c)
		if err != nil {
			return s, qianxiang.FieldError("deputies", "no deputy with card %q in this congress", c)
		}
		s.Signers = append(s.Signers, qianxiang.Signer{DeputyID: d.ID, UserID: d.UserID, Card: d.Card, Name: d.Name})
	}
	if in.Project != 0 {
		p, err := a.DB.Project(ctx, in.Project)
		if err != nil {
			return s, qianxiang.FieldError("project", "project %d not found", in.Project)
		}
		s.Project = &qianxiang.ProjectRef{ID: p.ID, Code: p.Code, Name: p.Name}
	}
	if err := s.Validate(a.Today()); err != nil {
		return s, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertSuggestion(ctx, &s); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "submit", "suggestions", s.ID, s.Title, ""); err != nil {
			return err
		}
		if s.FromMotion != 0 {
			return takeOverMotion(ctx, tx, actor, s)
		}
		return nil
	})
	if err != nil {
		return s, a.internal(ctx, "create suggestion", err)
	}
	return a.Suggestion(ctx, actor, s.ID)
}

// SuggestionQuery is a list request of the page and the API.
type SuggestionQuery struct {
	Kind    string
	Status  string
	Org     string // organisation code: lead or co-unit
	Overdue bool
	Year    int
	Project int64
}

// suggestionFilter limits a list to what the actor may see: the office and
// city-wide roles everything; a deputy what they signed; a unit what is
// assigned to it (lead or co-unit) and nothing else.
func suggestionFilter(actor qianxiang.Actor) (qianxiang.SuggestionFilter, bool) {
	switch {
	case isOffice(actor) || actor.Role.CityWide():
		return qianxiang.SuggestionFilter{}, true
	case actor.Role == qianxiang.RoleDeputy:
		return qianxiang.SuggestionFilter{SignerUID: actor.UserID}, actor.UserID != 0
	case actor.OrgPath != "":
		return qianxiang.SuggestionFilter{Scope: actor.OrgPath}, true
	}
	return qianxiang.SuggestionFilter{}, false
}

// Suggestions lists what the actor may see.
func (a *App) Suggestions(ctx context.Context, actor qianxiang.Actor, q SuggestionQuery) ([]qianxiang.Suggestion, error) {
	f, ok := suggestionFilter(actor)
	if !ok {
		return []qianxiang.Suggestion{}, nil
	}
	f.Today, f.Overdue, f.Year, f.ProjectID = a.Today(), q.Overdue, q.Year, q.Project
	if q.Kind != "" {
		if f.Kind = qianxiang.SuggestionKind(q.Kind); !f.Kind.Valid() {
			return nil, qianxiang.FieldError("kind", "%q is not a kind (suggestion, proposal)", q.Kind)
		}
	}
	if q.Status != "" {
		if f.Status = qianxiang.SuggestionStatus(q.Status); !f.Status.Valid() {
			return nil, qianxiang.FieldError("status", "%q is not a status (submitted, handling, sent_back, answered, closed, declined, merged)", q.Status)
		}
	}
	if q.Org != "" {
		o, err := orgByCode(ctx, a.DB, "org", q.Org)
		if err != nil {
			return nil, err
		}
		f.OrgPath = o.Path
	}
	ss, err := a.DB.Suggestions(ctx, f)
	if err != nil {
		return nil, a.internal(ctx, "suggestions", err)
	}
	for i := range ss {
		ss[i].Derive(f.Today)
	}
	return ss, nil
}

// maySee: the office and city-wide roles; a deputy who signed (or any
// deputy when it is not classified); a unit it is assigned to.
func maySee(actor qianxiang.Actor, s *qianxiang.Suggestion) bool {
	switch {
	case isOffice(actor) || actor.Role.CityWide():
		return true
	case actor.Role == qianxiang.RoleDeputy:
		// A deputy lists their own; an unclassified one is public anyway.
		return s.SignerOf(actor.UserID) >= 0 || !s.Classified
	}
	return len(s.Scope().Paths) > 0 && actor.InScope(s.Scope())
}

func (a *App) loadSuggestion(ctx context.Context, c interface {
	Suggestion(context.Context, int64) (qianxiang.Suggestion, error)
}, actor qianxiang.Actor, id int64) (qianxiang.Suggestion, error) {
	s, err := c.Suggestion(ctx, id)
	if err != nil {
		return s, err
	}
	if !maySee(actor, &s) {
		return qianxiang.Suggestion{}, qianxiang.ErrNotFound("suggestion")
	}
	s.Derive(a.Today())
	return s, nil
}

// Suggestion reads one suggestion the actor may see.
func (a *App) Suggestion(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Suggestion, error) {
	s, err := a.loadSuggestion(ctx, a.DB, actor, id)
	return s, a.internal(ctx, "suggestion", err)
}

// SuggestionDetail is a suggestion with every round's ratings and its
// audit history.
type SuggestionDetail struct {
	qianxiang.Suggestion
	Ratings []qianxiang.RoundRating `json:"ratings"`
	History []qianxiang.AuditEntry  `json:"history"`
}

// SuggestionDetail reads a suggestion with its history.
func (a *App) SuggestionDetail(ctx context.Context, actor qianxiang.Actor, id int64) (*SuggestionDetail, error) {
	s, err := a.Suggestion(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	d := &SuggestionDetail{Suggestion: s}
	if d.Ratings, err = a.DB.SuggestionRatings(ctx, id); err != nil {
		return nil, a.internal(ctx, "suggestion", err)
	}
	if d.History, err = a.DB.History(ctx, "suggestions", id); err != nil {
		return nil, a.internal(ctx, "suggestion", err)
	}
	return d, nil
}

// SuggestionReport is the handling report of a year's suggestions (or
// proposals) over what the actor may see: the office's whole city, a
// unit's own row.
func (a *App) SuggestionReport(ctx context.Context, actor qianxiang.Actor, year int, kind string) (qianxiang.HandlingReport, []qianxiang.Suggestion, error) {
	if year < 2000 || year > 2100 {
		return qianxiang.HandlingReport{}, nil, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	ss, err := a.Suggestions(ctx, actor, SuggestionQuery{Year: year, Kind: kind})
	if err != nil {
		return qianxiang.HandlingReport{}, nil, err
	}
	return qianxiang.ReportHandling(ss), ss, nil
}

// PublicSuggestion is what the public reads of a suggestion that is not
// classified: who proposed it (names only), the unit, the answers and
// the verdict.
type PublicSuggestion struct {
	Number   int                        `json:"number"`
	Kind     qianxiang.SuggestionKind   `json:"kind"`
	Title    string                     `json:"title"`
	Deputies []string                   `json:"deputies"`
	LeadOrg  *qianxiang.OrgRef          `json:"lead_org"`
	Status   qianxiang.SuggestionStatus `json:"status"`
	Answers  []qianxiang.Answer         `json:"answers"`
	Rating   qianxiang.Rating           `json:"rating"`
}

// PublicSuggestions lists a year's suggestions and proposals that are not
// classified, without login: suggestions are public unless classified.
func (a *App) PublicSuggestions(ctx context.Context, year int) ([]PublicSuggestion, error) {
	if year < 2000 || year > 2100 {
		return nil, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	ss, err := a.DB.Suggestions(ctx, qianxiang.SuggestionFilter{Public: true, Year: year})
	if err != nil {
		return nil, a.internal(ctx, "public suggestions", err)
	}
	out := []PublicSuggestion{}
	for _, s := range ss {
		p := PublicSuggestion{Number: s.Number, Kind: s.Kind, Title: s.Title, Deputies: []string{}, LeadOrg: s.LeadOrg, Status: s.Status,
			Answers: s.Answers, Rating: s.Rating}
		for i := range p.Answers {
			p.Answers[i].By = "" // the unit answers, not a named official
		}
		for _, g := range s.Signers {
			p.Deputies = append(p.Deputies, g.Name)
		}
		out = append(out, p)
	}
	return out, nil
}

// takeOverMotion marks the converted motion a suggestion came from as
// continuing as that suggestion (module 6's record of the hand-over), in
// the suggestion's own transaction, so both records move together.
func takeOverMotion(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, s qianxiang.Suggestion) error {
	m, err := tx.MotionByID(ctx, s.FromMotion)
	if err != nil {
		return err
	}
	if m.Suggestion != "" {
		return qianxiang.Errorf(qianxiang.EConflict, "the motion already continues as suggestion %s", m.Suggestion)
	}
	before, err := tx.Snapshot(ctx, "congress_motions", m.ID)
	if err != nil {
		return err
	}
	m.Suggestion = fmt.Sprintf("/suggestions/%d", s.ID)
	if err := tx.UpdateMotion(ctx, &m); err != nil {
		return err
	}
	return tx.Audit(ctx, actor.Username, "take_over", "congress_motions", m.ID, m.Title, before)
}
