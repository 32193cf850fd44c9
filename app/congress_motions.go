package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// NewMotion is the input to CreateMotion.
type NewMotion struct {
	Congress string `json:"congress"`
	Title    string `json:"title"`
	Reason   string `json:"reason"`
	Basis    string `json:"basis"`
	Solution string `json:"solution"`
	Proposer string `json:"proposer"`
}

// CreateMotion puts a motion forward. A deputy starts a joint motion of
// deputies and signs it first; staff enter the motions of the bodies
// (presidium, standing committee, government, …), which need no
// signatures and go straight to review.
func (a *App) CreateMotion(ctx context.Context, actor qianxiang.Actor, in NewMotion) (qianxiang.Motion, error) {
	k, err := a.congressByCode(ctx, actor, strings.TrimSpace(in.Congress))
	if err != nil {
		return qianxiang.Motion{}, err
	}
	m := qianxiang.Motion{CongressID: k.ID, Title: strings.TrimSpace(in.Title), Reason: strings.TrimSpace(in.Reason),
		Basis: strings.TrimSpace(in.Basis), Solution: strings.TrimSpace(in.Solution), Proposer: in.Proposer, Status: qianxiang.MotionSigning}
	var signer qianxiang.Deputy
	if actor.Role == qianxiang.RoleDeputy {
		if m.Proposer == "" {
			m.Proposer = "deputies"
		}
		if m.Proposer != "deputies" {
			return m, qianxiang.FieldError("proposer", "a deputy puts forward a joint motion of deputies")
		}
		if signer, err = a.DB.DeputyByUser(ctx, k.ID, actor.UserID); err != nil {
			return m, qianxiang.ErrNotFound("congress")
		}
	} else if err := actor.Check(qianxiang.ActManageCongress, congressScope, "congress"); err != nil {
		return m, err
	} else if m.Proposer == "deputies" {
		return m, qianxiang.FieldError("proposer", "a joint motion of deputies is started by a deputy and signed on their own devices")
	} else {
		m.Status = qianxiang.MotionSubmitted
	}
	if err := m.Validate(); err != nil {
		return m, err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertMotion(ctx, &m); err != nil {
			return err
		}
		if signer.ID != 0 {
			if err := tx.SignMotion(ctx, m.ID, signer.ID); err != nil {
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

// SignMotion adds the calling deputy's signature, once.
func (a *App) SignMotion(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Motion, error) {
	if err := actor.Check(qianxiang.ActVote, congressScope, "motion"); err != nil {
		return qianxiang.Motion{}, err
	}
	return a.changeMotion(ctx, actor, id, "sign", func(tx *store.Tx, m *qianxiang.Motion) error {
		if err := m.CanSign(); err != nil {
			return err
		}
		d, err := tx.DeputyByUser(ctx, m.CongressID, actor.UserID)
		if err != nil {
			return qianxiang.ErrNotFound("motion")
		}
		return tx.SignMotion(ctx, m.ID, d.ID)
	})
}

// SubmitMotion sends a joint motion to the review committee: a signer or
// staff, once it has ten signatures.
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
		if err := m.CanSubmit(); err != nil {
			return err
		}
		m.Status = qianxiang.MotionSubmitted
		return nil
	})
}

// ReviewMotion records the review committee's recommendation (staff
// enter it): 列入议程 (listed) or 作为建议处理 (converted to a suggestion).
func (a *App) ReviewMotion(ctx context.Context, actor qianxiang.Actor, id int64, listed bool, review string) (qianxiang.Motion, error) {
	if err := actor.Check(qianxiang.ActManageCongress, congressScope, "motion"); err != nil {
		return qianxiang.Motion{}, err
	}
	return a.changeMotion(ctx, actor, id, "review", func(tx *store.Tx, m *qianxiang.Motion) error {
		return m.Recommend(listed, review)
	})
}
