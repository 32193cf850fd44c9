package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

func init() {
	funcs["orderStatus"] = func(s qianxiang.OrderStatus) string { return orderStatusKey[string(s)] }
	funcs["cityDay"] = func(t time.Time) string { return t.In(cityZone()).Format("2006-01-02") }
}

// ordersData is what orders.html shows.
type ordersData struct {
	Orders   []qianxiang.Order
	Counts   []qianxiang.OrderCount
	Q        app.OrderQuery
	Orgs     []qianxiang.Org
	Statuses []qianxiang.OrderStatus
	CanIssue bool
	Form     app.NewOrder // the issue form, kept after a refusal
	Today    string
	Export   string
}

func (s *Server) ordersView(r *http.Request) (*ordersData, error) {
	q, err := orderQuery(r)
	if err != nil {
		return nil, err
	}
	ctx, a := r.Context(), actor(r)
	d := &ordersData{Q: q, Statuses: qianxiang.OrderStatuses, CanIssue: qianxiang.CanIssueOrders(a), Today: s.App.Today().String()}
	if d.Orders, err = s.App.Orders(ctx, a, q); err != nil {
		return nil, err
	}
	if d.Counts, err = s.App.OrderCounts(ctx, a, q); err != nil {
		return nil, err
	}
	// Issuers address any organisation of the city.
	if d.Orgs, err = s.App.Directory(ctx, a); err != nil {
		return nil, err
	}
	// From a project, problem or task page: the form is about it.
	d.Form.Project = q.Project
	d.Form.Problem, _ = formID(r, "problem")
	d.Form.Task, _ = formID(r, "task")
	d.Export = "/api/v1/exports/orders?" + r.URL.RawQuery
	return d, nil
}

func (s *Server) ordersPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.ordersView(r)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "orders", s.page(r, "Supervision orders", "orders", d))
}

func formID(r *http.Request, name string) (int64, error) {
	v := strings.TrimSpace(r.FormValue(name))
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, qianxiang.FieldError(name, "must be a positive number")
	}
	return id, nil
}

func (s *Server) ordersIssue(w http.ResponseWriter, r *http.Request) error {
	in := app.NewOrder{Org: r.FormValue("org"), Text: r.FormValue("text"), ReplyBy: r.FormValue("reply_by")}
	var err error
	if in.Project, err = formID(r, "project"); err == nil {
		if in.Problem, err = formID(r, "problem"); err == nil {
			in.Task, err = formID(r, "task")
		}
	}
	var o qianxiang.Order
	if err == nil {
		o, err = s.App.IssueOrder(r.Context(), actor(r), in)
	}
	if err != nil {
		if qianxiang.ErrorCode(err) != qianxiang.EValidation && qianxiang.ErrorCode(err) != qianxiang.EInvalid {
			return err
		}
		d, verr := s.ordersView(r)
		if verr != nil {
			return verr
		}
		d.Form = in
		p := s.page(r, "Supervision orders", "orders", d)
		p.Error = orderErrText(p, err)
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "orders", p)
	}
	http.Redirect(w, r, fmt.Sprintf("/orders/%d?issued=1", o.ID), http.StatusSeeOther)
	return nil
}

// orderData is what order.html and order_print.html show.
type orderData struct {
	O         qianxiang.Order
	CanReply  bool
	CanDecide bool
	City      string
	Text      string // the form's text after a refusal
}

func (s *Server) orderView(r *http.Request) (*orderData, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := actor(r)
	o, err := s.App.Order(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	d := &orderData{O: o, CanReply: o.Status.AwaitingReply() && o.IsAddressee(a) && !a.System,
		CanDecide: o.Status == qianxiang.OrderReplied && o.IsIssuer(a)}
	if c, ok := s.App.City(r.Context()); ok {
		d.City = c.Name
	}
	return d, nil
}

func (s *Server) orderPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.orderView(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Supervision order", "orders", d)
	p.Title = d.O.Number
	switch {
	case r.URL.Query().Get("issued") == "1":
		p.Flash = p.T("Order issued.")
	case r.URL.Query().Get("done") != "":
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "order", p)
}

// orderPrint is the one-page A4 document, in the office's layout.
func (s *Server) orderPrint(w http.ResponseWriter, r *http.Request) error {
	d, err := s.orderView(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Supervision order", "orders", d)
	p.Title, p.Print = d.O.Number, true
	return s.render(w, r, 200, "order_print", p)
}

func (s *Server) orderStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	step := qianxiang.OrderStep(r.PathValue("step"))
	if step != qianxiang.StepReply && step != qianxiang.StepAccept && step != qianxiang.StepReject {
		return qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "page "+r.URL.Path)
	}
	if _, err := s.App.StepOrder(r.Context(), actor(r), id, step, r.FormValue("text")); err != nil {
		if qianxiang.ErrorCode(err) != qianxiang.EValidation {
			return err
		}
		d, verr := s.orderView(r)
		if verr != nil {
			return verr
		}
		d.Text = r.FormValue("text")
		p := s.page(r, "Supervision order", "orders", d)
		p.Title, p.Error = d.O.Number, orderErrText(p, err)
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "order", p)
	}
	http.Redirect(w, r, fmt.Sprintf("/orders/%d?done=%s", id, step), http.StatusSeeOther)
	return nil
}

// orderErrText is a refusal as the form shows it, in the page's language.
func orderErrText(p *Page, err error) string { return i18n.Error(p.Lang, err) }
