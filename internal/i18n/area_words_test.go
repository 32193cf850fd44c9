package i18n

import (
	"strings"
	"testing"

	"qianxiang"
)

// TestAreasReadTheirOwnWords checks the words that once lost to another
// area's registration of the same English key.
func TestAreasReadTheirOwnWords(t *testing.T) {
	for _, c := range []struct{ key, want, where string }{
		{"Open the vote", "开始表决", "congress chair's button on a draft vote"},
		{"Reopen the vote", "重新表决", "congress chair's button on a closed vote"},
		{"Open", "未办结", "orders by organisation: the open count"},
		{"Reopen", "重新打开", "a resolved problem's button"},
		{"Congress", "人大", "the menu"},
		{"Congress session", "人大会议", "the congress page's heading"},
		{"By organisation", "按单位统计", "orders page"},
		{"By responsible organisation", "按责任单位", "problems page"},
		{"Event", "对接活动", "a project's bank matchmaking events"},
		{"Webhook event", "事件", "webhook deliveries"},
		{"Approvals", "审批", "the problem category"},
		{"Approval procedures", "审批手续", "a project's factors; the audited table"},
		{"By", "操作人", "lead moves and statistics entry steps"},
		{"Note", "备注", "histories, factors, reserve checklist"},
		{"Overdue", "已逾期", "badges and counts"},
		{"Show", "查看", "filter buttons without script"},
		{"suggestion", "建议", "the deputies' word, also the motion take-over field"},
		{"must be a date YYYY-MM-DD", "须为日期 YYYY-MM-DD", "any date field"},
	} {
		if got := T("zh", c.key); got != c.want {
			t.Errorf("%q (%s) reads %q, want %q", c.key, c.where, got, c.want)
		}
	}
}

// TestFieldsReadAsTheirArea: a station visit and a statistics verification
// both name visited_on and people, and a lead and a promotion both name
// investment; each reads its own area's word while the field stays the
// API's name.
func TestFieldsReadAsTheirArea(t *testing.T) {
	today := qianxiang.Date{Year: 2023, Month: 6, Day: 1}
	future := qianxiang.Date{Year: 2023, Month: 6, Day: 2}
	visit := &qianxiang.Visit{}
	ver := func(v qianxiang.Verification) error { return v.Validate(today) }
	promo := &qianxiang.Promotion{Published: true}
	for _, c := range []struct {
		name       string
		err        error
		field, zhw string
	}{
		{"station visit people", visit.Record(today, -1, "", today), "people", "接待人数：须在 0 到 100,000 之间"},
		{"station visit day", visit.Record(future, 1, "", today), "visited_on", "接待日期：2023-06-02 晚于今天（今天是 2023-06-01）"},
		{"verification people", ver(qianxiang.Verification{VisitedOn: today, Findings: "ok"}), "people", "核查人员：必填：请写明核查人员"},
		{"verification day", ver(qianxiang.Verification{VisitedOn: future, People: "a", Findings: "ok"}), "visited_on", "核查日期：2023-06-02 晚于今天（今天是 2023-06-01）"},
		{"promotion investment", promo.Validate(qianxiang.Project{TotalInvestment: 100}), "investment", "拟引入社会资本："},
		{"lead investment", qianxiang.FieldError("investment", "must not be negative"), "investment", "总投资："},
	} {
		e := qianxiang.AsError(c.err)
		if e == nil || len(e.Details) == 0 || e.Details[0].Field != c.field {
			t.Errorf("%s: %v, want an error on %s", c.name, c.err, c.field)
			continue
		}
		if got := Error("zh", c.err); !strings.HasPrefix(got, c.zhw) {
			t.Errorf("%s: %q, want it to start %q", c.name, got, c.zhw)
		}
		word, _, _ := strings.Cut(c.zhw, "：")
		if got := Detail("zh", e.Details[0]); !strings.HasPrefix(got, word+"：") {
			t.Errorf("%s: detail %q, want it to start %q", c.name, got, word)
		}
		if got := Error("en", c.err); !strings.HasPrefix(got, c.field+": ") {
			t.Errorf("%s: English %q names %s", c.name, got, c.field)
		}
	}
}
