package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"qianxiang"
	"qianxiang/store"
)

// Promotion to private capital (推介) and investors' expressions of
// interest. Publications are public (only for projects that are not
// confidential); expressions of interest never are.

// PromotionInput publishes or withdraws a project's promotion.
type PromotionInput struct {
	Published   bool                  `json:"published"`
	Investment  qianxiang.Money       `json:"investment"`
	ReturnModel string                `json:"return_model"`
	Cooperation qianxiang.Cooperation `json:"cooperation"`
	Contact     string                `json:"contact"`
	OfficePhone string                `json:"office_phone"`
	Summary     string                `json:"summary"`
}

// promotableStages: a project is promoted to investors while it is being
// prepared (谋划, 储备, 前期); once built there is nothing to invest in.
func promotable(s qianxiang.Stage) bool { return s.InPool() || s == qianxiang.StagePreparing }

// SetPromotion publishes (or withdraws) a project's promotion. Withdrawing
// keeps what was written, so publishing again needs no retyping.
func (a *App) SetPromotion(ctx context.Context, actor qianxiang.Actor, id int64, in PromotionInput) (qianxiang.Promotion, error) {
	m := qianxiang.Promotion{ProjectID: id, Published: in.Published, Investment: in.Investment, ReturnModel: in.ReturnModel,
		Cooperation: in.Cooperation, Contact: in.Contact, OfficePhone: in.OfficePhone, Summary: in.Summary}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Project(ctx, id)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if m.Published && !promotable(p.Stage) {
			return qianxiang.Errorf(qianxiang.EValidation, "only a project still being prepared (idea, reserve or preparing stage) can be promoted to investors; this one is at stage %s", string(p.Stage))
		}
		if err := m.Validate(p); err != nil {
			return err
		}
		ch, err := tx.PutPromotion(ctx, &m)
		if err != nil {
			return err
		}
		action := "publish"
		if !m.Published {
			action = "unpublish"
		}
		return tx.Audit(ctx, actor.Username, action, "promotions", ch.ID, p.Name, ch.Before)
	})
	return m, a.internal(ctx, "promotion", err)
}

// PublicPromotions lists what is published for investors; projectID 0 for
// all. A confidential project never appears, whatever its promotion says.
func (a *App) PublicPromotions(ctx context.Context) ([]qianxiang.PublicPromotion, error) {
	return a.publicPromotions(ctx, 0)
}

// PublicPromotion is one published promotion; unknown, withdrawn and
// confidential ones are not found alike.
func (a *App) PublicPromotion(ctx context.Context, id int64) (qianxiang.PublicPromotion, error) {
	ps, err := a.publicPromotions(ctx, id)
	if err != nil {
		return qianxiang.PublicPromotion{}, err
	}
	if len(ps) == 0 {
		return qianxiang.PublicPromotion{}, qianxiang.ErrNotFound("promotion")
	}
	return ps[0], nil
}

func (a *App) publicPromotions(ctx context.Context, id int64) ([]qianxiang.PublicPromotion, error) {
	ps, ms, err := a.DB.PublicPromotions(ctx, id)
	if err != nil {
		return nil, a.internal(ctx, "public promotions", err)
	}
	county, err := a.countyOf(ctx)
	if err != nil {
		return nil, err
	}
	out := []qianxiang.PublicPromotion{}
	for i, p := range ps {
		if pp, ok := qianxiang.PublicPromotionOf(p, ms[i], county(p).Ref(), a.Loc); ok {
			out = append(out, pp)
		}
	}
	return out, nil
}

// InterestInput is an expression of interest as sent.
type InterestInput struct {
	Company string `json:"company"`
	Person  string `json:"person"`
	Phone   string `json:"phone"`
	Intent  string `json:"intent"`
}

// Rate limit of the public form: this many expressions from one client
// address (IPv6 by its /64) per hour.
const (
	interestLimit  = 5
	interestWindow = time.Hour
)

// SubmitInterest records an investor's expression of interest sent through
// the public form, from the client at addr: only for a published, public
// promotion, and at most interestLimit an hour from one address.
func (a *App) SubmitInterest(ctx context.Context, id int64, in InterestInput, addr string) (qianxiang.Interest, error) {
	i := qianxiang.Interest{Project: qianxiang.ProjectRef{ID: id}, Company: in.Company, Person: in.Person, Phone: in.Phone, Intent: in.Intent,
		Source: "public", RecordedBy: "public"}
	if _, err := a.PublicPromotion(ctx, id); err != nil {
		return i, err
	}
	if err := i.Validate(); err != nil {
		return i, err
	}
	sum := sha256.Sum256([]byte("interest|" + addrKey(addr)))
	key := hex.EncodeToString(sum[:16])
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		n, err := tx.CountInterestsFrom(ctx, key, a.Now().Add(-interestWindow))
		if err != nil {
			return err
		}
		if n >= interestLimit {
			return qianxiang.Errorf(qianxiang.ETooMany, "too many expressions of interest from this address; try again in an hour or call the office")
		}
		if err := tx.InsertInterest(ctx, &i, key); err != nil {
			return err
		}
		return tx.Audit(ctx, "public", "create", "promotion_interests", i.ID, i.Company, "")
	})
	return i, a.internal(ctx, "expression of interest", err)
}

// RecordInterest records an expression of interest the office took by
// phone or at a fair, on any project it may edit.
func (a *App) RecordInterest(ctx context.Context, actor qianxiang.Actor, id int64, in InterestInput) (qianxiang.Interest, error) {
	i := qianxiang.Interest{Project: qianxiang.ProjectRef{ID: id}, Company: in.Company, Person: in.Person, Phone: in.Phone, Intent: in.Intent,
		Source: "office", RecordedBy: actor.Username}
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Project(ctx, id)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActEditProject, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if err := i.Validate(); err != nil {
			return err
		}
		if err := tx.InsertInterest(ctx, &i, ""); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "create", "promotion_interests", i.ID, i.Company, "")
	})
	return i, a.internal(ctx, "expression of interest", err)
}

// Interests lists expressions of interest: of one project (id) or of all
// the projects the actor may edit (id 0). They name people and phones, so
// only roles that edit projects (the unit's county or department, the
// office) read them.
func (a *App) Interests(ctx context.Context, actor qianxiang.Actor, id int64) ([]qianxiang.Interest, error) {
	if id != 0 {
		p, err := a.Project(ctx, actor, id)
		if err != nil {
			return nil, err
		}
		if !actor.Can(qianxiang.ActEditProject, p.ScopeOf()) {
			return nil, qianxiang.ErrForbidden()
		}
	} else if !actor.System && !actor.Role.AtLeast(qianxiang.RoleOrgAdmin) {
		return nil, qianxiang.ErrForbidden()
	}
	is, err := a.DB.Interests(ctx, id, ScopePath(actor))
	return is, a.internal(ctx, "expressions of interest", err)
}
