package qianxiang

import (
	"testing"
	"time"
)

func TestOrderStateMachine(t *testing.T) {
	sup := Actor{Username: "ducha", Role: RoleSupervisor, OrgPath: "/1/"}
	sup2 := Actor{Username: "ducha2", Role: RoleSupervisor, OrgPath: "/1/"}
	cmd := Actor{Username: "zhb", Role: RoleCommand, OrgPath: "/1/20/"}
	lishi := Actor{Username: "lishi", Role: RoleOrgAdmin, OrgPath: "/1/2/"}
	lishiUnit := Actor{Username: "lishi-xm", Role: RoleReporter, OrgPath: "/1/2/"}
	wenshui := Actor{Username: "wenshui", Role: RoleOrgAdmin, OrgPath: "/1/3/"}
	today := Date{2026, 11, 30}
	cases := []struct {
		name  string
		from  OrderStatus
		who   Actor
		step  OrderStep
		text  string
		to    OrderStatus
		code  string
		first Date // first reply after the step
	}{
		{"addressee replies", OrderIssued, lishi, StepReply, "已协调解决", OrderReplied, "", today},
		{"addressee replies again after a send-back", OrderReturned, lishi, StepReply, "补充材料", OrderReplied, "", Date{2026, 11, 20}},
		{"another county may not reply", OrderIssued, wenshui, StepReply, "x", OrderIssued, EForbidden, Date{}},
		{"a unit of the county may not reply", OrderIssued, lishiUnit, StepReply, "x", OrderIssued, EForbidden, Date{}},
		{"the issuer may not reply", OrderIssued, sup, StepReply, "x", OrderIssued, EForbidden, Date{}},
		{"a reply needs text", OrderIssued, lishi, StepReply, "  ", OrderIssued, EValidation, Date{}},
		{"no second reply before the issuer decides", OrderReplied, lishi, StepReply, "x", OrderReplied, EValidation, Date{2026, 11, 20}},
		{"issuer accepts", OrderReplied, sup, StepAccept, "同意", OrderAccepted, "", Date{2026, 11, 20}},
		{"a colleague of the issuer accepts", OrderReplied, sup2, StepAccept, "同意", OrderAccepted, "", Date{2026, 11, 20}},
		{"issuer sends back", OrderReplied, sup, StepReject, "措施不具体", OrderReturned, "", Date{2026, 11, 20}},
		{"another office may not accept", OrderReplied, cmd, StepAccept, "x", OrderReplied, EForbidden, Date{2026, 11, 20}},
		{"the addressee may not accept", OrderReplied, lishi, StepAccept, "x", OrderReplied, EForbidden, Date{2026, 11, 20}},
		{"nothing to accept before a reply", OrderIssued, sup, StepAccept, "x", OrderIssued, EValidation, Date{}},
		{"an accepted order is closed", OrderAccepted, lishi, StepReply, "x", OrderAccepted, EValidation, Date{2026, 11, 20}},
		{"a send-back needs a reason", OrderReplied, sup, StepReject, "", OrderReplied, EValidation, Date{2026, 11, 20}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := Order{Year: 2026, Seq: 3, Org: OrgRef{Name: "离石区"}, OrgPath: "/1/2/", IssuerRole: RoleSupervisor, IssuerPath: "/1/",
				Status: c.from, ReplyBy: Date{2026, 12, 5}}
			if c.from != OrderIssued {
				o.FirstRepliedOn = Date{2026, 11, 20}
			}
			err := o.Apply(c.who, c.step, c.text, today)
			if ErrorCode(err) != c.code && !(c.code == "" && err == nil) {
				t.Fatalf("error %v, want code %q", err, c.code)
			}
			if o.Status != c.to || o.FirstRepliedOn != c.first {
				t.Fatalf("status %s first reply %s, want %s %s", o.Status, o.FirstRepliedOn, c.to, c.first)
			}
		})
	}
}

func TestOrderOverdueAndNumberWithAFakeClock(t *testing.T) {
	clock := time.Date(2026, 12, 5, 23, 59, 0, 0, time.UTC)
	o := Order{Year: 2026, Seq: 12, Status: OrderIssued, ReplyBy: Date{2026, 12, 5}}
	o.Derive(DateOf(clock))
	if o.Overdue || o.Number != "督办〔2026〕12号" {
		t.Fatalf("on the day itself an order is not overdue: %+v", o)
	}
	clock = clock.Add(2 * time.Minute)
	o.Derive(DateOf(clock))
	if !o.Overdue {
		t.Fatal("the day after reply_by an unanswered order is overdue")
	}
	o.Status = OrderReplied
	o.FirstRepliedOn = DateOf(clock)
	o.Derive(DateOf(clock))
	if o.Overdue || !o.RepliedLate {
		t.Fatalf("replied late, no longer overdue: %+v", o)
	}
}

func TestOrderValidateNew(t *testing.T) {
	today := Date{2026, 11, 30}
	cases := []struct {
		name  string
		o     Order
		field string
	}{
		{"ok today", Order{Org: OrgRef{ID: 1}, Text: "请于期限内报送", ReplyBy: today}, ""},
		{"no org", Order{Text: "x", ReplyBy: today}, "org"},
		{"no text", Order{Org: OrgRef{ID: 1}, ReplyBy: today}, "text"},
		{"no date", Order{Org: OrgRef{ID: 1}, Text: "x"}, "reply_by"},
		{"past", Order{Org: OrgRef{ID: 1}, Text: "x", ReplyBy: Date{2026, 11, 29}}, "reply_by"},
	}
	for _, c := range cases {
		err := c.o.ValidateNew(today)
		if c.field == "" && err != nil || c.field != "" && (AsError(err) == nil || AsError(err).Details[0].Field != c.field) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestCountOrdersOnTimeRate(t *testing.T) {
	today := Date{2026, 11, 30}
	a := OrgRef{Code: "A"}
	orders := []Order{
		{Org: a, Status: OrderAccepted, ReplyBy: Date{2026, 11, 10}, FirstRepliedOn: Date{2026, 11, 9}},
		{Org: a, Status: OrderReplied, ReplyBy: Date{2026, 11, 10}, FirstRepliedOn: Date{2026, 11, 12}},
		{Org: a, Status: OrderIssued, ReplyBy: Date{2026, 11, 20}},    // overdue, due
		{Org: a, Status: OrderIssued, ReplyBy: Date{2026, 12, 20}},    // not due yet
		{Org: OrgRef{Code: "B"}, Status: OrderIssued, ReplyBy: today}, // due today: not yet counted
	}
	cs := CountOrders(orders, today)
	if len(cs) != 2 {
		t.Fatal(cs)
	}
	c := cs[0]
	if c.Orders != 4 || c.Open != 3 || c.Overdue != 1 || c.Replied != 2 || c.OnTime != 1 || c.Due != 3 || c.Rate == nil || c.Rate.Rounded() != 0.3333 {
		t.Fatalf("%+v", c)
	}
	if cs[1].Rate != nil {
		t.Fatal("no order of B was due: no rate")
	}
}
