package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// NewMotion is the input to CreateMotion.
type NewMotion struct {
	Congress   string `json:"congress"`
	Title      string `json:"title"`
	Reason     string `json:"reason"`
	Basis      string `json:"basis"`
	Solution   string `json:"solution"`
	Proposer   string `json:"proposer"`
	Delegation string `json:"delegation"`
	// Signers are the card numbers of the deputies who signed a paper
	// motion at the desk (staff only); it goes to review at once.
	Signers []string `json:"signers"`
}

// CreateMotion puts a motion forward. A deputy starts a joint motion of
// deputies (or their delegation's) and signs it first; the others sign on
// their own devices. Staff enter a body's motion (presidium, standing
// committee, government, special committee), which needs no signatures,
// or a paper motion signed at the desk with its signers; both go straight
// to review, and a paper motion short of signatures is refused whole.
func (a *App) CreateMotion(ctx context.Context, actor qianxiang.Actor, in NewMotion) (qianxiang.Motion, error) {
	k, err := a.congressByCode(ctx, actor, strings.TrimSpace(in.Congress))
	if err != nil {
		return qianxiang.Motion{}, err
	}
	m := qianxiang.Motion{CongressID: k.ID, Title: in.Title, Reason: in.Reason, Basis: in.Basis, Solution: in.Solution,
		Proposer: in.Proposer, Delegation: in.Delegation, Status: qianxiang.MotionSigning}
	if err := m.Clean(); err != nil {
		return m, err
	}
	var signers []qianxiang.Deputy
	via := "self"
	if actor.Role == qianxiang.RoleDeputy {
		if m.Proposer == "" {
			m.Proposer = "deputies"
		}
		if !m.Signed() {
			return m, qianxiang.FieldError("proposer", "a deputy puts forward a joint motion of deputies or of their delegation")
		}
		if len(in.Signers) > 0 {
			return m, qianxiang.FieldError("signers", "each deputy signs on their own device")
		}
		d, err := a.DB.DeputyByUser(ctx, k.ID, actor.UserID)
		if err != nil {
			return m, qianxiang.ErrNotFound("congress")
		}
		if m.Proposer == "delegation" {
			m.Delegation = d.Delegation
		}
		signers = append(signers, d)
	} else if err := actor.Check(qianxiang.ActManageCongress, congressScope, "congress"); err != nil {
		return m, err
	} else if m.Signed() {
		via = "desk"
		for i, c := range in.Signers {
			d, err := a.DB.DeputyByCard(ctx, k.ID, strings.TrimSpace(c))
			if err != nil {
				return m, qianxiang.FieldError("signers["+itoa(int64(i))+"]", "no deputy has card number %s", c)
			}
			signers = append(signers, d)
		}
	}
	if !m.Signed() {
		m.Delegation = ""
	}
	if err := m.Validate(); err != nil {
		return m, err
	}
	if m.Proposer == "delegation" {
		ds, err := a.DB.Deputies(ctx, k.ID, m.Delegation)
		if err != nil {
			return m, a.internal(ctx, "create motion", err)
		}
		if len(ds) == 0 {
			return m, qianxiang.FieldError("delegation", "no delegation %s in the congress", m.Delegation)
		}
		m.Needed = qianxiang.SignersNeeded(m.Proposer, len(ds))
	} else {
		m.Needed = qianxiang.SignersNeeded(m.Proposer, 0)
	}
	seen := map[int64]bool{}
	for i, d := range signers {
		if seen[d.ID] {
			return m, qianxiang.FieldError("signers["+itoa(int64(i))+"]", "%s signs once", d.Card)
		}
		seen[d.ID] = true
		if err := m.CanSign(d); err != nil {
			return m, err
		}
		m.Signers = append(m.Signers, d.Card)
	}
	if actor.Role != qianxiang.RoleDeputy {
		// Entered by staff: a body's motion, or a paper one whose
		// signatures are all there.
		if err := m.Submit(a.Today()); err != nil {
			return m, err
		}
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertMotion(ctx, &m); err != nil {
			return err
		}
		for _, d := range signers {
			if err := tx.SignMotion(ctx, m.ID, d.ID, via); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, actor.Username, "create", "congress_motions", m.ID, m.Title, "")
	})
	if err != nil {
		return m, a.internal(ctx, "create motion", err)
	}
	return a.DB.MotionByID(ctx, m.ID)
}

// Motions lists a congress's motions.
func (a *App) Motions(ctx context.Context, actor qianxiang.Actor, code string) ([]qianxiang.Motion, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return nil, err
	}
	ms, err := a.DB.Motions(ctx, k.ID)
	return ms, a.internal(ctx, "motions", err)
}

// Motion returns one motion.
func (a *App) Motion(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Motion, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "motion"); err != nil {
		return qianxiang.Motion{}, err
	}
	return a.DB.MotionByID(ctx, id)
}

// changeMotion runs one step of a motion in an audited transaction.
func (a *App) changeMotion(ctx context.Context, actor qianxiang.Actor, id int64, action string, step func(tx *store.Tx, m *qianxiang.Motion) error) (qianxiang.Motion, error) {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		m, err := tx.MotionByID(ctx, id)
		if err != nil {
			return err
		}
		before, err := tx.Snapshot(ctx, "congress_motions", id)
		if err != nil {
			return err
		}
		if err := step(tx, &m); err != nil {
			return err
		}
		if err := tx.UpdateMotion(ctx, &m); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, action, "congress_motions", id, m.Title, before)
	})
	if err != nil {
		return qianxiang.Motion{}, a.internal(ctx, action+" motion", err)
	}
	return a.DB.MotionByID(ctx, id)
}

// SignMotion adds the calling deputy's signature, once; staff at the desk
// sign for the deputy whose card is given (a signature on paper).
func (a *App) SignMotion(ctx context.Context, actor qianxiang.Actor, id int64, card string) (qianxiang.Motion, error) {
	desk := actor.Can(qianxiang.ActManageCongress, congressScope)
	if !desk {
		if err := actor.Check(qianxiang.ActVote, congressScope, "motion"); err != nil {
			return qianxiang.Motion{}, err
		}
	} else if strings.TrimSpace(card) == "" {
		return qianxiang.Motion{}, qianxiang.FieldError("card", "give the card number of the deputy signing at the desk")
	}
	return a.changeMotion(ctx, actor, id, "sign", func(tx *store.Tx, m *qianxiang.Motion) error {
		var d qianxiang.Deputy
		var err error
		via := "self"
		if desk {
			via = "desk"
			if d, err = tx.DeputyByCard(ctx, m.CongressID, strings.TrimSpace(card)); err != nil {
				return qianxiang.FieldError("card", "no deputy has card number %s", card)
			}
		} else if d, err = tx.DeputyByUser(ctx, m.CongressID, actor.UserID); err != nil {
			return qianxiang.ErrNotFound("motion")
		}
		if err := m.CanSign(d); err != nil {
			return err
		}
		return tx.SignMotion(ctx, m.ID, d.ID, via)
	})
}

// SubmitMotion sends a signed motion to the review committee: a signer or
// staff, once it has its signatures.
func (a *App) SubmitMotion(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Motion, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "motion"); err != nil {
		return qianxiang.Motion{}, err
	}
	return a.changeMotion(ctx, actor, id, "submit", func(tx *store.Tx, m *qianxiang.Motion) error {
		if !actor.Can(qianxiang.ActManageCongress, congressScope) {
			d, err := tx.DeputyByUser(ctx, m.CongressID, actor.UserID)
			signed := false
			for _, c := range m.Signers {
				signed = signed || (err == nil && c == d.Card)
			}
			if !signed {
				return qianxiang.ErrForbidden()
			}
		}
		return m.Submit(a.Today())
	})
}

// MotionReview is the review committee's decision on one motion.
type MotionReview struct {
	ContentOK bool   `json:"content_ok"`
	Recommend string `json:"recommend"` // listed | converted
	Review    string `json:"review"`
}

// canReview: staff enter the committee's decisions, and the committee's
// own members may record them.
func (a *App) canReview(ctx context.Context, r interface {
	DeputyByUser(ctx context.Context, congressID, userID int64) (qianxiang.Deputy, error)
	IsBodyMember(ctx context.Context, body qianxiang.SessionBody, deputyID int64) (bool, error)
}, actor qianxiang.Actor, congressID int64) error {
	if actor.Can(qianxiang.ActManageCongress, congressScope) {
		return nil
	}
	if actor.Role == qianxiang.RoleDeputy {
		if d, err := r.DeputyByUser(ctx, congressID, actor.UserID); err == nil {
			if ok, err := r.IsBodyMember(ctx, qianxiang.MotionsCommittee, d.ID); err != nil {
				return err
			} else if ok {
				return nil
			}
		}
	}
	return qianxiang.ErrForbidden()
}

// ReviewMotion records the review committee's checks and recommendation:
// signers and timing are checked here (the signatures counted, the day
// of submission against the session's deadline), content is the
// committee's judgement; 列入议程 (listed) only when all three pass,
// otherwise 作为建议处理 (converted).
func (a *App) ReviewMotion(ctx context.Context, actor qianxiang.Actor, id int64, in MotionReview) (qianxiang.Motion, error) {
	if err := actor.Check(qianxiang.ActRead, congressScope, "motion"); err != nil {
		return qianxiang.Motion{}, err
	}
	return a.changeMotion(ctx, actor, id, "review", func(tx *store.Tx, m *qianxiang.Motion) error {
		if err := a.canReview(ctx, tx, actor, m.CongressID); err != nil {
			return err
		}
		k, err := tx.CongressByID(ctx, m.CongressID)
		if err != nil {
			return err
		}
		return m.Record(k.MotionDeadline, in.ContentOK, in.Recommend, in.Review)
	})
}

// MotionAsSuggestion is a converted motion as the suggestions module
// (module 7) takes it over: the deputies who signed become the
// suggestion's deputies, the motion's text its body.
type MotionAsSuggestion struct {
	MotionID    int64          `json:"motion_id"`
	Congress    string         `json:"congress"`
	Title       string         `json:"title"`
	Body        string         `json:"body"`
	Deputies    []string       `json:"deputies"`
	SubmittedOn qianxiang.Date `json:"submitted_on"`
	Review      string         `json:"review"`
}

// ConvertedMotions lists the motions the presidium decided to handle as
// suggestions and that the suggestions module has not yet taken over.
// Module 7 calls it, creates a suggestion for each, and then calls
// MarkMotionTakenOver with the suggestion's reference.
func (a *App) ConvertedMotions(ctx context.Context, actor qianxiang.Actor, code string) ([]MotionAsSuggestion, error) {
	k, err := a.congressByCode(ctx, actor, code)
	if err != nil {
		return nil, err
	}
	ms, err := a.DB.MotionsByStatus(ctx, k.ID, qianxiang.MotionConverted)
	if err != nil {
		return nil, a.internal(ctx, "converted motions", err)
	}
	out := []MotionAsSuggestion{}
	for _, m := range ms {
		if m.Suggestion != "" {
			continue
		}
		body := "案由：" + m.Reason + "\n\n依据：" + m.Basis + "\n\n建议：" + m.Solution
		out = append(out, MotionAsSuggestion{MotionID: m.ID, Congress: k.Code, Title: m.Title, Body: body, Deputies: m.Signers,
			SubmittedOn: m.SubmittedOn, Review: m.Review})
	}
	return out, nil
}

// MarkMotionTakenOver records that a converted motion continues as the
// suggestion ref (staff, or the suggestions module on their behalf),
// once.
func (a *App) MarkMotionTakenOver(ctx context.Context, actor qianxiang.Actor, id int64, ref string) (qianxiang.Motion, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "motion"); err != nil {
		return qianxiang.Motion{}, err
	}
	ref, d := qianxiang.CleanText("suggestion", ref)
	if d != nil || ref == "" {
		return qianxiang.Motion{}, qianxiang.FieldError("suggestion", "give the suggestion's reference (at most 200 characters)")
	}
	return a.changeMotion(ctx, actor, id, "take_over", func(tx *store.Tx, m *qianxiang.Motion) error {
		if m.Status != qianxiang.MotionConverted {
			return qianxiang.Errorf(qianxiang.EValidation, "only a motion the presidium decided to handle as a suggestion continues as one")
		}
		if m.Suggestion != "" {
			return qianxiang.Errorf(qianxiang.EConflict, "the motion already continues as suggestion %s", m.Suggestion)
		}
		m.Suggestion = ref
		return nil
	})
}
