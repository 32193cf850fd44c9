package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"qianxiang"
)

const orderCols = `od.id, od.year, od.seq, o.id, o.code, o.name, o.path,
	COALESCE(od.project_id, 0), COALESCE(p.name, ''), COALESCE(po.path, ''), COALESCE(pl.path, ''),
	COALESCE(od.problem_id, 0), COALESCE(pr.description, ''), COALESCE(od.task_id, 0), COALESCE(t.title, ''),
	od.text, od.reply_by, od.status, od.reply, od.replied_by, od.replied_on, od.first_replied_on, od.note,
	od.issued_by, od.issuer_role, io.id, io.code, io.name, io.path, od.closed_on, od.created_at, od.version`

const orderFrom = ` FROM orders od JOIN orgs o ON o.id = od.org_id JOIN orgs io ON io.id = od.issuer_org_id
	LEFT JOIN projects p ON p.id = od.project_id LEFT JOIN orgs po ON po.id = p.org_id LEFT JOIN orgs pl ON pl.id = p.lead_org_id
	LEFT JOIN problems pr ON pr.id = od.problem_id LEFT JOIN tasks t ON t.id = od.task_id`

func scanOrder(s interface{ Scan(...any) error }) (qianxiang.Order, error) {
	var o qianxiang.Order
	var pid, prid, tid int64
	var pname, ppath, plpath, prdesc, tname, replyBy, status, repliedOn, first, role, closed, created string
	err := s.Scan(&o.ID, &o.Year, &o.Seq, &o.Org.ID, &o.Org.Code, &o.Org.Name, &o.OrgPath,
		&pid, &pname, &ppath, &plpath, &prid, &prdesc, &tid, &tname,
		&o.Text, &replyBy, &status, &o.Reply, &o.RepliedBy, &repliedOn, &first, &o.Note,
		&o.IssuedBy, &role, &o.IssuerOrg.ID, &o.IssuerOrg.Code, &o.IssuerOrg.Name, &o.IssuerPath, &closed, &created, &o.Version)
	if err != nil {
		return o, err
	}
	if pid != 0 {
		o.Project = &qianxiang.ItemRef{ID: pid, Name: pname}
		o.ProjectPath = []string{ppath, plpath}
	}
	if prid != 0 {
		o.Problem = &qianxiang.ItemRef{ID: prid, Name: prdesc}
	}
	if tid != 0 {
		o.Task = &qianxiang.ItemRef{ID: tid, Name: tname}
	}
	o.ReplyBy, _ = qianxiang.ParseDate(replyBy)
	o.RepliedOn, _ = qianxiang.ParseDate(repliedOn)
	o.FirstRepliedOn, _ = qianxiang.ParseDate(first)
	o.ClosedOn, _ = qianxiang.ParseDate(closed)
	o.Status, o.IssuerRole, o.IssuedAt = qianxiang.OrderStatus(status), qianxiang.Role(role), parseTS(created)
	return o, nil
}

// Order reads one supervision order.
func (c conn) Order(ctx context.Context, id int64) (qianxiang.Order, error) {
	o, err := scanOrder(c.queryRow(ctx, `SELECT `+orderCols+orderFrom+` WHERE od.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, qianxiang.ErrNotFound("order")
	}
	return o, err
}

// Orders lists orders, newest first.
func (c conn) Orders(ctx context.Context, f qianxiang.OrderFilter) ([]qianxiang.Order, error) {
	var where []string
	var args []any
	if f.Status != "" {
		where, args = append(where, `od.status = ?`), append(args, f.Status)
	}
	if f.OrgCode != "" {
		where, args = append(where, `o.code = ?`), append(args, f.OrgCode)
	}
	if f.Year != 0 {
		where, args = append(where, `od.year = ?`), append(args, f.Year)
	}
	if f.Project != 0 {
		where, args = append(where, `od.project_id = ?`), append(args, f.Project)
	}
	q := `SELECT ` + orderCols + orderFrom
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := c.query(ctx, q+` ORDER BY od.year DESC, od.seq DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Order{}
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// NextOrderSeq allocates the next number of the year. The upsert takes the
// year's row lock, so concurrent issuers (on any instance) queue here and
// each gets its own number; a rolled-back issue gives its number back.
func (tx *Tx) NextOrderSeq(ctx context.Context, year int) (int, error) {
	var n int
	err := tx.queryRow(ctx, `INSERT INTO order_numbers (year, last) VALUES (?, 1)
		ON CONFLICT (year) DO UPDATE SET last = order_numbers.last + 1 RETURNING last`, year).Scan(&n)
	return n, err
}

func orderRefID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func refID(r *qianxiang.ItemRef) int64 {
	if r == nil {
		return 0
	}
	return r.ID
}

// InsertOrder stores a new order with its allocated number.
func (tx *Tx) InsertOrder(ctx context.Context, o *qianxiang.Order) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, `INSERT INTO orders (year, seq, org_id, project_id, problem_id, task_id, text, reply_by, status,
		issued_by, issuer_role, issuer_org_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
		o.Year, o.Seq, o.Org.ID, orderRefID(refID(o.Project)), orderRefID(refID(o.Problem)), orderRefID(refID(o.Task)), o.Text, o.ReplyBy.String(),
		string(o.Status), o.IssuedBy, string(o.IssuerRole), o.IssuerOrg.ID, now, now)
	o.ID, o.Version = id, 1
	return err
}

// UpdateOrderState saves a step of the workflow at the version read;
// a concurrent step makes it a conflict.
func (tx *Tx) UpdateOrderState(ctx context.Context, o *qianxiang.Order) error {
	res, err := tx.exec(ctx, `UPDATE orders SET status = ?, reply = ?, replied_by = ?, replied_on = ?, first_replied_on = ?, note = ?,
		closed_on = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		string(o.Status), o.Reply, o.RepliedBy, o.RepliedOn.String(), o.FirstRepliedOn.String(), o.Note, o.ClosedOn.String(),
		ts(tx.now()), o.ID, o.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the order was changed by someone else meanwhile; reload it")
	}
	o.Version++
	return nil
}

// ProblemSubject is the little an order needs of a problem: its project
// and its words. (Problems are being rebuilt; this reads the table only.)
func (c conn) ProblemSubject(ctx context.Context, id int64) (projectID int64, description string, err error) {
	err = c.queryRow(ctx, `SELECT project_id, description FROM problems WHERE id = ?`, id).Scan(&projectID, &description)
	if errors.Is(err, sql.ErrNoRows) {
		err = qianxiang.FieldError("problem", "problem %d not found", id)
	}
	return
}
