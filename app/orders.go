package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/store"
)

// NewOrder is what an issuer sends: POST /api/v1/orders.
type NewOrder struct {
	Org     string `json:"org"`
	Project int64  `json:"project"`
	Problem int64  `json:"problem"`
	Task    int64  `json:"task"`
	Text    string `json:"text"`
	ReplyBy string `json:"reply_by"`
}

// IssueOrder issues a supervision order with the year's next number.
func (a *App) IssueOrder(ctx context.Context, actor qianxiang.Actor, in NewOrder) (qianxiang.Order, error) {
	var o qianxiang.Order
	if !qianxiang.CanIssueOrders(actor) {
		return o, qianxiang.Errorf(qianxiang.EForbidden, "only the supervision office and the campaign office issue supervision orders")
	}
	today := a.Today()
	if strings.TrimSpace(in.Org) == "" {
		return o, qianxiang.FieldError("org", "is required")
	}
	org, err := a.DB.OrgByCode(ctx, strings.TrimSpace(in.Org))
	if err != nil {
		return o, qianxiang.FieldError("org", "organisation %q not found", in.Org)
	}
	rb, err := qianxiang.ParseDate(in.ReplyBy)
	if err != nil || rb.MonthOnly() {
		return o, qianxiang.FieldError("reply_by", "must be a date YYYY-MM-DD")
	}
	o = qianxiang.Order{Year: today.Year, Org: org.Ref(), OrgPath: org.Path, Text: strings.TrimSpace(in.Text), ReplyBy: rb,
		Status: qianxiang.OrderIssued, IssuedBy: actor.Username, IssuerRole: actor.Role, IssuerPath: actor.OrgPath}
	if err := o.ValidateNew(today); err != nil {
		return o, err
	}
	if in.Problem != 0 {
		pid, desc, err := a.DB.ProblemSubject(ctx, in.Problem)
		if err != nil {
			return o, a.internal(ctx, "issue order", err)
		}
		if in.Project != 0 && in.Project != pid {
			return o, qianxiang.FieldError("problem", "problem %d is not on project %d", in.Problem, in.Project)
		}
		in.Project, o.Problem = pid, &qianxiang.ItemRef{ID: in.Problem, Name: desc}
	}
	if in.Project != 0 {
		p, err := a.DB.Project(ctx, in.Project)
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			return o, qianxiang.FieldError("project", "project %d not found", in.Project)
		} else if err != nil {
			return o, a.internal(ctx, "issue order", err)
		}
		o.Project, o.ProjectPath = &qianxiang.ItemRef{ID: p.ID, Name: p.Name}, []string{p.OrgPath, p.LeadOrgPath}
	}
	if in.Task != 0 {
		t, err := a.DB.Task(ctx, in.Task)
		if qianxiang.ErrorCode(err) == qianxiang.ENotFound {
			return o, qianxiang.FieldError("task", "task %d not found", in.Task)
		} else if err != nil {
			return o, a.internal(ctx, "issue order", err)
		}
		o.Task = &qianxiang.ItemRef{ID: t.ID, Name: t.Title}
	}
	issuer := actor.OrgID
	if issuer == 0 { // the console: the city issues
		city, _ := a.City(ctx)
		issuer, o.IssuerPath = city.ID, city.Path
	}
	o.IssuerOrg.ID = issuer
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if o.Seq, err = tx.NextOrderSeq(ctx, o.Year); err != nil {
			return err
		}
		if err := tx.InsertOrder(ctx, &o); err != nil {
			return err
		}
		num := qianxiang.OrderNumber(o.Year, o.Seq)
		if err := tx.Audit(ctx, actor.Username, "issue", "orders", o.ID, num, ""); err != nil {
			return err
		}
		return a.NotifyOrgs(ctx, tx, []int64{o.Org.ID}, qianxiang.NoteOrderIssued, "orders", o.ID, num+" "+o.Text, "")
	})
	if err != nil {
		return o, a.internal(ctx, "issue order", err)
	}
	return a.Order(ctx, actor, o.ID)
}

// Order reads one order the actor may see: city roles, the addressed
// organisation (even on a project outside its scope) and whoever holds
// its project.
func (a *App) Order(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Order, error) {
	o, err := a.DB.Order(ctx, id)
	if err != nil {
		return o, a.internal(ctx, "read order", err)
	}
	if !actor.Can(qianxiang.ActRead, o.ScopeOf()) {
		return qianxiang.Order{}, qianxiang.ErrNotFound("order")
	}
	o.Derive(a.Today())
	return o, nil
}

// OrderQuery filters the list: GET /api/v1/orders?status=&overdue=1&org=.
type OrderQuery struct {
	Status  string
	Overdue bool
	OrgCode string
	Year    int
	Project int64
}

// Orders lists the orders the actor may see.
func (a *App) Orders(ctx context.Context, actor qianxiang.Actor, q OrderQuery) ([]qianxiang.Order, error) {
	if q.Status != "" && !qianxiang.OrderStatus(q.Status).Valid() {
		return nil, qianxiang.FieldError("status", "must be issued, replied, returned or accepted")
	}
	all, err := a.DB.Orders(ctx, qianxiang.OrderFilter{Status: q.Status, OrgCode: q.OrgCode, Year: q.Year, Project: q.Project})
	if err != nil {
		return nil, a.internal(ctx, "list orders", err)
	}
	today := a.Today()
	out := all[:0]
	for _, o := range all {
		if !actor.Can(qianxiang.ActRead, o.ScopeOf()) {
			continue
		}
		o.Derive(today)
		if q.Overdue && !o.Overdue {
			continue
		}
		out = append(out, o)
	}
	return out, nil
}

// OrderCounts gives, per addressed organisation, the orders the actor may
// see with the on-time reply rate.
func (a *App) OrderCounts(ctx context.Context, actor qianxiang.Actor, q OrderQuery) ([]qianxiang.OrderCount, error) {
	os, err := a.Orders(ctx, actor, OrderQuery{Year: q.Year})
	if err != nil {
		return nil, err
	}
	return qianxiang.CountOrders(os, a.Today()), nil
}

// StepOrder replies to, accepts or sends back an order; the domain says
// who may and from which state, and the audit entry goes in the same
// transaction.
func (a *App) StepOrder(ctx context.Context, actor qianxiang.Actor, id int64, step qianxiang.OrderStep, text string) (qianxiang.Order, error) {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		o, err := tx.Order(ctx, id)
		if err != nil {
			return err
		}
		if !actor.Can(qianxiang.ActRead, o.ScopeOf()) {
			return qianxiang.ErrNotFound("order")
		}
		before, err := tx.Snapshot(ctx, "orders", id)
		if err != nil {
			return err
		}
		if err := o.Apply(actor, step, text, a.Today()); err != nil {
			return err
		}
		if err := tx.UpdateOrderState(ctx, &o); err != nil {
			return err
		}
		num := qianxiang.OrderNumber(o.Year, o.Seq)
		if err := tx.Audit(ctx, actor.Username, string(step), "orders", o.ID, num, before); err != nil {
			return err
		}
		// The other side is told: the issuing office of a reply, the
		// addressed organisation of an acceptance or a send-back.
		if step == qianxiang.StepReply {
			users, err := tx.OrgUserIDs(ctx, []int64{o.IssuerOrg.ID}, o.IssuerRole)
			if err != nil {
				return err
			}
			return a.Notify(ctx, tx, users, qianxiang.NoteOrderAnswer, "orders", o.ID, num+" "+o.Reply, "")
		}
		return a.NotifyOrgs(ctx, tx, []int64{o.Org.ID}, qianxiang.NoteOrderAnswer, "orders", o.ID, num+" "+o.Note, "")
	})
	if err != nil {
		return qianxiang.Order{}, a.internal(ctx, "order "+string(step), err)
	}
	return a.Order(ctx, actor, id)
}
