package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

// orderQuery reads the list's filters, shared by the API, the page and the
// export.
func orderQuery(r *http.Request) (app.OrderQuery, error) {
	q := r.URL.Query()
	var o app.OrderQuery
	var err error
	if o.Year, err = queryInt(r, "year", 0); err != nil {
		return o, err
	}
	switch v := q.Get("overdue"); v {
	case "", "0":
	case "1", "true":
		o.Overdue = true
	default:
		return o, qianxiang.FieldError("overdue", "must be 1 or 0")
	}
	o.Status, o.OrgCode = q.Get("status"), q.Get("org")
	if q.Get("project") != "" {
		id, err := strconv.ParseInt(q.Get("project"), 10, 64)
		if err != nil || id <= 0 {
			return o, qianxiang.FieldError("project", "must be a positive number")
		}
		o.Project = id
	}
	return o, nil
}

func (s *Server) apiOrders(w http.ResponseWriter, r *http.Request) error {
	q, err := orderQuery(r)
	if err != nil {
		return err
	}
	os, err := s.App.Orders(r.Context(), actor(r), q)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": os, "total": len(os)})
	return nil
}

func (s *Server) apiOrderCounts(w http.ResponseWriter, r *http.Request) error {
	q, err := orderQuery(r)
	if err != nil {
		return err
	}
	cs, err := s.App.OrderCounts(r.Context(), actor(r), q)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": cs, "total": len(cs)})
	return nil
}

func (s *Server) apiIssueOrder(w http.ResponseWriter, r *http.Request) error {
	var in app.NewOrder
	if err := decode(r, &in); err != nil {
		return err
	}
	o, err := s.App.IssueOrder(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/orders/%d", o.ID))
	writeJSON(w, http.StatusCreated, o)
	return nil
}

func (s *Server) apiOrder(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.App.Order(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, o)
	return nil
}

func (s *Server) apiStepOrder(step qianxiang.OrderStep) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var in struct {
			Text string `json:"text"`
		}
		if err := decode(r, &in); err != nil {
			return err
		}
		o, err := s.App.StepOrder(r.Context(), actor(r), id, step, in.Text)
		if err != nil {
			return err
		}
		writeJSON(w, 200, o)
		return nil
	}
}

// exportOrders is the order list and the counts by organisation as a
// workbook (the page's 导出 button and the API).
func (s *Server) exportOrders(w http.ResponseWriter, r *http.Request) error {
	q, err := orderQuery(r)
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actor(r)
	os, err := s.App.Orders(ctx, a, q)
	if err != nil {
		return err
	}
	cs, err := s.App.OrderCounts(ctx, a, q)
	if err != nil {
		return err
	}
	lang := info(r).Lang
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="orders.xlsx"; filename*=UTF-8''`+url.PathEscape("督办单.xlsx"))
	return excel.WriteOrders(w, os, cs, func(k string) string { return i18n.T(lang, orderStatusKey[k]) })
}

// orderStatusKey is how a status reads (the English key of the catalog).
var orderStatusKey = map[string]string{"issued": "Awaiting reply", "replied": "Replied", "returned": "Sent back", "accepted": "Accepted"}

// openOrders are the orders the caller sees that are not closed yet, for
// the dispatch circular.
func (s *Server) openOrders(r *http.Request) ([]qianxiang.Order, error) {
	all, err := s.App.Orders(r.Context(), actor(r), app.OrderQuery{})
	if err != nil {
		return nil, err
	}
	open := []qianxiang.Order{}
	for _, o := range all {
		if o.Status.Open() {
			open = append(open, o)
		}
	}
	return open, nil
}
