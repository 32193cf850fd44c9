package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// changeSuggestion loads a suggestion the actor may see inside a
// transaction, lets step apply the domain's rule (and write child rows),
// then saves and audits it.
func (a *App) changeSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, action string,
	step func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error)) (qianxiang.Suggestion, error) {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		s, err := a.loadSuggestion(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "suggestions", id)
		if err != nil {
			return err
		}
		label, err := step(tx, &s, a.Today())
		if err != nil {
			return err
		}
		if err := tx.UpdateSuggestion(ctx, &s); err != nil {
			return err
		}
		if label == "" {
			label = s.Title
		}
		return tx.Audit(ctx, actor.Username, action, "suggestions", id, label, before)
	})
	if err != nil {
		return qianxiang.Suggestion{}, a.internal(ctx, action+" suggestion", err)
	}
	// Read back without asking the scope again: the actor was allowed the
	// step, and a unit that sent it back no longer holds it.
	s, err := a.DB.Suggestion(ctx, id)
	if err != nil {
		return s, a.internal(ctx, action+" suggestion", err)
	}
	s.Derive(a.Today())
	return s, nil
}

// AssignInput is POST …/assign.
type AssignInput struct {
	LeadOrg    string   `json:"lead_org"`
	CoOrgs     []string `json:"co_orgs"`
	AssignedOn string   `json:"assigned_on"`
}

// AssignSuggestion gives it to a lead unit and co-units (交办; 立案 for a
// proposal), the office only; the units are told.
func (a *App) AssignSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, in AssignInput) (qianxiang.Suggestion, error) {
	if !isOffice(actor) {
		return qianxiang.Suggestion{}, qianxiang.ErrForbidden()
	}
	on, err := qianxiang.ParseDate(in.AssignedOn)
	if err != nil {
		return qianxiang.Suggestion{}, qianxiang.FieldError("assigned_on", "%q is not a date (YYYY-MM-DD)", in.AssignedOn)
	}
	return a.changeSuggestion(ctx, actor, id, "assign", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		if on.IsZero() {
			on = today
		}
		lead, err := orgByCode(ctx, tx, "lead_org", in.LeadOrg)
		if err != nil {
			return "", err
		}
		cos, paths, err := coOrgs(ctx, tx, in.CoOrgs, 0)
		if err != nil {
			return "", err
		}
		cal, err := tx.Calendar(ctx)
		if err != nil {
			return "", err
		}
		if err := s.Assign(cal, lead.Ref(), lead.Path, cos, paths, on, today); err != nil {
			return "", err
		}
		orgs := []int64{lead.ID}
		for _, c := range cos {
			orgs = append(orgs, c.ID)
		}
		return lead.Name + " · " + s.Title, a.NotifyOrgs(ctx, tx, orgs, qianxiang.NoteAssigned, "suggestions", s.ID, s.Title,
			"sug-assigned:"+itoa(s.ID)+":"+s.AssignedOn.String()+":"+itoa(lead.ID))
	})
}

// unitOf is the organisation the actor answers for on this suggestion:
// the lead unit, or a co-unit (lead=false); forbidden otherwise.
func unitOf(actor qianxiang.Actor, s *qianxiang.Suggestion) (org qianxiang.OrgRef, lead bool, err error) {
	if s.IsLead(actor) {
		return *s.LeadOrg, true, nil
	}
	if c, ok := s.CoOrgOf(actor); ok {
		return c, false, nil
	}
	return qianxiang.OrgRef{}, false, qianxiang.Errorf(qianxiang.EForbidden, s.Say("only a unit the suggestion is assigned to may do this"))
}

// SendBackSuggestion returns it as not the unit's own, within 7 working
// days, with a reason; the office is told through the list (sent back).
func (a *App) SendBackSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, reason string) (qianxiang.Suggestion, error) {
	return a.changeSuggestion(ctx, actor, id, "send_back", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		org, _, err := unitOf(actor, s)
		if err != nil {
			return "", err
		}
		return org.Name + ": " + strings.TrimSpace(reason), s.SendBack(org.ID, reason, today)
	})
}

// ExtendSuggestion records the explanation for answering within 6 months
// (the lead unit, or the office on its behalf).
func (a *App) ExtendSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, reason string) (qianxiang.Suggestion, error) {
	return a.changeSuggestion(ctx, actor, id, "extend", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		if !isOffice(actor) && !s.IsLead(actor) {
			return "", qianxiang.Errorf(qianxiang.EForbidden, s.Say("only the lead unit explains an extension"))
		}
		if err := s.Extend(reason, today); err != nil {
			return "", err
		}
		return strings.TrimSpace(reason), a.notifySigners(ctx, tx, s, qianxiang.NoteSuggestionExtended, "extended:"+s.AnswerDue.String())
	})
}

// ViewSuggestion records a co-unit's view for the lead unit.
func (a *App) ViewSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, text string) (qianxiang.Suggestion, error) {
	return a.changeSuggestion(ctx, actor, id, "co_view", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		org, lead, err := unitOf(actor, s)
		if err != nil {
			return "", err
		}
		if lead {
			return "", qianxiang.Errorf(qianxiang.EForbidden, s.Say("the lead unit answers; views come from the co-units"))
		}
		if err := s.GiveView(org, text, today); err != nil {
			return "", err
		}
		return org.Name + ": " + strings.TrimSpace(text), tx.InsertView(ctx, s.ID, s.Views[len(s.Views)-1])
	})
}

// AnswerSuggestion is the lead unit's answer, with its class; only the
// unit it is assigned to answers. The signers are told.
func (a *App) AnswerSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, class, text string) (qianxiang.Suggestion, error) {
	return a.changeSuggestion(ctx, actor, id, "answer", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		if !s.IsLead(actor) {
			return "", qianxiang.Errorf(qianxiang.EForbidden, s.Say("only the lead unit the suggestion is assigned to answers it"))
		}
		ans, err := s.Reply(qianxiang.AnswerClass(strings.ToUpper(strings.TrimSpace(class))), text, actor.Username, today)
		if err != nil {
			return "", err
		}
		if err := tx.InsertAnswer(ctx, s.ID, ans); err != nil {
			return "", err
		}
		return string(ans.Class) + ": " + ans.Text, a.notifySigners(ctx, tx, s, qianxiang.NoteSuggestionAnswered, "answered:"+itoa(int64(ans.Round)))
	})
}

// RateSuggestion is a signing deputy's rating of the answer; unsatisfied
// sends it back to the lead unit, due a month later, and the unit is told.
func (a *App) RateSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, rating string) (qianxiang.Suggestion, error) {
	if actor.Role != qianxiang.RoleDeputy {
		return qianxiang.Suggestion{}, qianxiang.Errorf(qianxiang.EForbidden, "only the deputies who signed the suggestion rate its answer")
	}
	return a.changeSuggestion(ctx, actor, id, "rate", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		i := s.SignerOf(actor.UserID)
		if i < 0 {
			return "", qianxiang.Errorf(qianxiang.EForbidden, "only the deputies who signed the suggestion rate its answer")
		}
		round := s.Round
		if err := s.Rate(s.Signers[i].DeputyID, qianxiang.Rating(strings.TrimSpace(rating)), today); err != nil {
			return "", err
		}
		if err := tx.InsertRating(ctx, s.ID, round, s.Signers[i]); err != nil {
			return "", err
		}
		label := s.Signers[i].Name + "：" + s.Signers[i].Rating.Chinese()
		if s.Status == qianxiang.SugHandling && s.LeadOrg != nil {
			return label, a.NotifyOrgs(ctx, tx, []int64{s.LeadOrg.ID}, qianxiang.NoteAssigned, "suggestions", s.ID, s.Title,
				"sug-again:"+itoa(s.ID)+":"+itoa(int64(s.Round)))
		}
		return label, nil
	})
}

// DeclineSuggestion: not taken up (不立案), with a reason (the office).
func (a *App) DeclineSuggestion(ctx context.Context, actor qianxiang.Actor, id int64, reason string) (qianxiang.Suggestion, error) {
	if !isOffice(actor) {
		return qianxiang.Suggestion{}, qianxiang.ErrForbidden()
	}
	return a.changeSuggestion(ctx, actor, id, "decline", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		return strings.TrimSpace(reason), s.Decline(reason)
	})
}

// MergeSuggestion: handled together with another (并案), the office.
func (a *App) MergeSuggestion(ctx context.Context, actor qianxiang.Actor, id, into int64) (qianxiang.Suggestion, error) {
	if !isOffice(actor) {
		return qianxiang.Suggestion{}, qianxiang.ErrForbidden()
	}
	return a.changeSuggestion(ctx, actor, id, "merge", func(tx *store.Tx, s *qianxiang.Suggestion, today qianxiang.Date) (string, error) {
		other, err := tx.Suggestion(ctx, into)
		if err != nil {
			return "", qianxiang.FieldError("into", "suggestion %d not found", into)
		}
		return "→ " + itoa(into), s.MergeInto(&other)
	})
}

// notifySigners tells the signing deputies who have a login; proposers
// are told in the consultative conference's words.
func (a *App) notifySigners(ctx context.Context, tx *store.Tx, s *qianxiang.Suggestion, kind qianxiang.NotificationKind, key string) error {
	if s.Kind == qianxiang.KindProposal {
		switch kind {
		case qianxiang.NoteSuggestionAnswered:
			kind = qianxiang.NoteProposalAnswered
		case qianxiang.NoteSuggestionExtended:
			kind = qianxiang.NoteProposalExtended
		}
	}
	var users []int64
	for _, g := range s.Signers {
		if g.UserID != 0 {
			users = append(users, g.UserID)
		}
	}
	return a.Notify(ctx, tx, users, kind, "suggestions", s.ID, s.Title, "sug:"+itoa(s.ID)+":"+key)
}

// SuggestionActions are the steps the actor may take now, asked of the
// same rules the steps ask, for the pages to show only those buttons.
func SuggestionActions(actor qianxiang.Actor, s *qianxiang.Suggestion) map[string]bool {
	m := map[string]bool{}
	office := isOffice(actor)
	open := s.Status == qianxiang.SugSubmitted || s.Status == qianxiang.SugSentBack
	handling := s.Status == qianxiang.SugHandling
	_, co := s.CoOrgOf(actor)
	lead := s.IsLead(actor)
	m["assign"] = office && open
	m["decline"] = office && open
	m["merge"] = office && open
	m["send-back"] = (lead || co) && handling && s.Round == 1
	m["extend"] = (lead || office) && handling && s.Round == 1 && s.Extension == ""
	m["view"] = co && handling
	m["answer"] = lead && handling
	if i := s.SignerOf(actor.UserID); i >= 0 && actor.Role == qianxiang.RoleDeputy {
		m["rate"] = s.Status == qianxiang.SugAnswered && s.Signers[i].Rating == ""
	}
	return m
}

// RemindSuggestions tells each lead unit, once per due date, of an answer
// due within three days and of one past due (the sweep calls it); it
// returns how many suggestions it reminded about.
func (a *App) RemindSuggestions(ctx context.Context) (int, error) {
	today := a.Today()
	ss, err := a.DB.Suggestions(ctx, qianxiang.SuggestionFilter{Status: qianxiang.SugHandling, Today: today})
	if err != nil {
		return 0, a.internal(ctx, "suggestion reminder", err)
	}
	n := 0
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, s := range ss {
			if s.LeadOrg == nil || s.AnswerDue.IsZero() {
				continue
			}
			kind := qianxiang.NoteDueSoon
			switch {
			case s.AnswerDue.Before(today):
				kind = qianxiang.NoteOverdue
			case qianxiang.DaysBetween(today, s.AnswerDue) > qianxiang.ReminderDays:
				continue
			}
			n++
			if err := a.NotifyOrgs(ctx, tx, []int64{s.LeadOrg.ID}, kind, "suggestions", s.ID, s.Title,
				"sug-"+string(kind)+":"+itoa(s.ID)+":"+s.AnswerDue.String()); err != nil {
				return err
			}
		}
		return nil
	})
	return n, a.internal(ctx, "suggestion reminder", err)
}
