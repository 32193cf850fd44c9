package qianxiang

import (
	"fmt"
	"time"
)

// OrderStatus is where a supervision order (督办单) stands.
type OrderStatus string

const (
	OrderIssued   OrderStatus = "issued"   // waiting for the organisation's reply
	OrderReplied  OrderStatus = "replied"  // answered, waiting for the issuer
	OrderReturned OrderStatus = "returned" // sent back by the issuer: reply again
	OrderAccepted OrderStatus = "accepted" // the issuer accepted the reply: closed
)

// OrderStatuses in the order of the workflow.
var OrderStatuses = []OrderStatus{OrderIssued, OrderReplied, OrderReturned, OrderAccepted}

// Valid reports a known status.
func (s OrderStatus) Valid() bool {
	for _, x := range OrderStatuses {
		if s == x {
			return true
		}
	}
	return false
}

// Open reports an order still waiting for someone.
func (s OrderStatus) Open() bool { return s != OrderAccepted }

// AwaitingReply reports an order the addressed organisation must answer.
func (s OrderStatus) AwaitingReply() bool { return s == OrderIssued || s == OrderReturned }

// Order is a supervision order (督办单): issued by the supervision office or
// the campaign office to one organisation, about a project, a problem or a
// key task, with a date by which the organisation must reply.
type Order struct {
	ID      int64       `json:"id"`
	Year    int         `json:"year"`
	Seq     int         `json:"seq"` // N of 督办〔Year〕N号, allocated per year
	Number  string      `json:"number"`
	Org     OrgRef      `json:"org"`
	Project *ItemRef    `json:"project,omitempty"`
	Problem *ItemRef    `json:"problem,omitempty"`
	Task    *ItemRef    `json:"task,omitempty"`
	Text    string      `json:"text"`
	ReplyBy Date        `json:"reply_by"`
	Status  OrderStatus `json:"status"`
	// Reply is the organisation's latest answer; Note the issuer's reason
	// for sending it back.
	Reply     string `json:"reply"`
	RepliedBy string `json:"replied_by,omitempty"`
	RepliedOn Date   `json:"replied_on"`
	// FirstRepliedOn is the day of the first reply: the on-time reply rate
	// is measured on it, so a reply sent back does not erase a late one.
	FirstRepliedOn Date      `json:"first_replied_on"`
	Note           string    `json:"note,omitempty"`
	IssuedBy       string    `json:"issued_by"`
	IssuerRole     Role      `json:"-"`
	IssuerOrg      OrgRef    `json:"issuer_org"`
	IssuedAt       time.Time `json:"issued_at"`
	ClosedOn       Date      `json:"closed_on"`
	Version        int       `json:"version"`
	// Derived on read.
	Overdue     bool `json:"overdue"`
	RepliedLate bool `json:"replied_late"`

	OrgPath     string   `json:"-"`
	IssuerPath  string   `json:"-"`
	ProjectPath []string `json:"-"` // the project's county and lead paths
}

// ItemRef names the project, problem or task an order is about.
type ItemRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// OrderNumber is the document number as offices write it: 督办〔2026〕3号.
func OrderNumber(year, seq int) string { return fmt.Sprintf("督办〔%d〕%d号", year, seq) }

// ScopeOf locates the order: the addressed organisation sees it, and so do
// those who hold its project (a county sees orders about its projects).
func (o *Order) ScopeOf() Scope {
	return Scope{Paths: append([]string{o.OrgPath}, o.ProjectPath...)}
}

// Derive fills the fields computed from the day.
func (o *Order) Derive(today Date) {
	o.Number = OrderNumber(o.Year, o.Seq)
	o.Overdue = o.Status.AwaitingReply() && dayAfter(today, o.ReplyBy)
	o.RepliedLate = !o.FirstRepliedOn.IsZero() && dayAfter(o.FirstRepliedOn, o.ReplyBy)
}

// dayAfter reports a strictly later calendar day: a deadline is met by
// anything done on the day itself.
func dayAfter(a, b Date) bool {
	if a.Year != b.Year {
		return a.Year > b.Year
	}
	if a.Month != b.Month {
		return a.Month > b.Month
	}
	return a.Day > b.Day
}

// CanIssueOrders: the supervision office and the campaign office issue
// orders (admin too, as for every write).
func CanIssueOrders(a Actor) bool {
	return a.System || a.Role == RoleSupervisor || a.Role == RoleCommand || a.Role == RoleAdmin
}

// checkText cleans a required text under its field's rule (TextRules).
func checkText(field, s string) (string, error) {
	c, d := CleanText(field, s)
	if d != nil {
		return c, FieldError(field, d.Format, d.Args...)
	}
	if c == "" {
		return c, FieldError(field, "is required")
	}
	return c, nil
}

// ValidateNew checks an order before it is issued on the day today.
func (o *Order) ValidateNew(today Date) error {
	if o.Org.ID == 0 {
		return FieldError("org", "is required")
	}
	var err error
	if o.Text, err = checkText("text", o.Text); err != nil {
		return err
	}
	if o.ReplyBy.IsZero() || o.ReplyBy.MonthOnly() {
		return FieldError("reply_by", "is required as a date YYYY-MM-DD")
	}
	if dayAfter(today, o.ReplyBy) {
		return FieldError("reply_by", "%s is in the past", o.ReplyBy)
	}
	return nil
}

// OrderStep is one move of the order's workflow.
type OrderStep string

const (
	StepReply  OrderStep = "reply"
	StepAccept OrderStep = "accept"
	StepReject OrderStep = "reject" // send back
)

// orderMoves is the state machine: from which states a step may be taken
// and where it leads.
var orderMoves = map[OrderStep]struct {
	from []OrderStatus
	to   OrderStatus
}{
	StepReply:  {[]OrderStatus{OrderIssued, OrderReturned}, OrderReplied},
	StepAccept: {[]OrderStatus{OrderReplied}, OrderAccepted},
	StepReject: {[]OrderStatus{OrderReplied}, OrderReturned},
}

// IsIssuer reports the issuing office: the same role at the same
// organisation as whoever issued it (a colleague may close it), or admin.
func (o *Order) IsIssuer(a Actor) bool {
	return a.System || a.Role == RoleAdmin || (a.Role == o.IssuerRole && a.OrgPath == o.IssuerPath && a.OrgPath != "")
}

// IsAddressee reports someone who answers for the addressed organisation:
// its org_admin (units answer as org_admin of their organisation).
func (o *Order) IsAddressee(a Actor) bool {
	return a.System || (a.OrgPath == o.OrgPath && a.OrgPath != "" && a.Role.AtLeast(RoleOrgAdmin))
}

// Apply takes a step on the day today: it checks who may take it, from
// which state, and the text it needs, and changes the order. A refusal
// names why; nothing is changed then.
func (o *Order) Apply(a Actor, step OrderStep, text string, today Date) error {
	mv, ok := orderMoves[step]
	if !ok {
		return Errorf(EInvalid, "unknown step %q", step)
	}
	switch step {
	case StepReply:
		if !o.IsAddressee(a) {
			return Errorf(EForbidden, "this order is addressed to %s: only that organisation replies to it", o.Org.Name)
		}
	default:
		if !o.IsIssuer(a) {
			return Errorf(EForbidden, "only the office that issued the order accepts or sends back its reply")
		}
	}
	allowed := false
	for _, s := range mv.from {
		allowed = allowed || o.Status == s
	}
	if !allowed {
		return Errorf(EValidation, "an order that is %s cannot be %s", o.Status, stepPast[step])
	}
	text, err := checkText("text", text)
	if err != nil {
		return err
	}
	switch step {
	case StepReply:
		o.Reply, o.RepliedBy, o.RepliedOn, o.Note = text, a.Username, today, ""
		if o.FirstRepliedOn.IsZero() {
			o.FirstRepliedOn = today
		}
	case StepAccept:
		o.Note, o.ClosedOn = text, today
	case StepReject:
		o.Note = text
	}
	o.Status = mv.to
	o.Derive(today)
	return nil
}

var stepPast = map[OrderStep]string{StepReply: "answered", StepAccept: "accepted as done", StepReject: "sent back"}

// OrderCount is one organisation's line of the order statistics.
type OrderCount struct {
	Org      OrgRef    `json:"org"`
	Orders   int       `json:"orders"`
	Open     int       `json:"open"`
	Overdue  int       `json:"overdue"`
	Replied  int       `json:"replied"` // orders with a reply
	OnTime   int       `json:"on_time"` // first reply on or before reply_by
	Due      int       `json:"due"`     // replied, or reply_by passed
	Rate     *Fraction `json:"on_time_rate"`
	Accepted int       `json:"accepted"`
}

// CountOrders groups orders by addressed organisation. The on-time reply
// rate is first replies on or before reply_by over the orders that were
// due by today (replied, or past reply_by unanswered); null when none was.
func CountOrders(orders []Order, today Date) []OrderCount {
	idx := map[string]int{}
	var out []OrderCount
	for _, o := range orders {
		o.Derive(today)
		i, ok := idx[o.Org.Code]
		if !ok {
			i = len(out)
			idx[o.Org.Code] = i
			out = append(out, OrderCount{Org: o.Org})
		}
		c := &out[i]
		c.Orders++
		if o.Status.Open() {
			c.Open++
		}
		if o.Overdue {
			c.Overdue++
		}
		if o.Status == OrderAccepted {
			c.Accepted++
		}
		if !o.FirstRepliedOn.IsZero() {
			c.Replied++
			c.Due++
			if !o.RepliedLate {
				c.OnTime++
			}
		} else if dayAfter(today, o.ReplyBy) {
			c.Due++
		}
	}
	for i := range out {
		if out[i].Due > 0 {
			f := Fraction(float64(out[i].OnTime) / float64(out[i].Due))
			out[i].Rate = &f
		}
	}
	return out
}

// OrderFilter narrows the order list; scope is applied by the caller.
type OrderFilter struct {
	Status  string
	OrgCode string
	Year    int
	Project int64
}
