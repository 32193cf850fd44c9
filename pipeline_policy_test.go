package qianxiang

import (
	"strings"
	"testing"
)

func TestChannelRules(t *testing.T) {
	fits := func(ms []ChannelMatch) string {
		var s []string
		for _, m := range ms {
			if m.Fits {
				s = append(s, string(m.Channel))
			}
		}
		return strings.Join(s, ",")
	}
	cases := []struct {
		name  string
		p     Project
		marks map[Channel]string
		want  string
	}{
		{"small public-welfare project: central budget only", Project{Name: "养老服务中心", Sector: "民生项目", Kind: KindNew, TotalInvestment: 800 * 100}, nil,
			"central_budget"},
		{"school of 2,000 万元: also special bonds", Project{Name: "中学新建教学楼", Sector: "民生项目", Kind: KindPreparatory, TotalInvestment: 2000 * 100}, nil,
			"central_budget,special_bonds"},
		{"road of 3 亿元: central, bonds, policy finance", Project{Name: "城区道路改造", Sector: "基础设施项目", Kind: KindNew, TotalInvestment: 3 * Yi}, nil,
			"central_budget,special_bonds,policy_finance"},
		{"reservoir of 6 亿元: every channel", Project{Name: "水库除险加固", Sector: "基础设施项目", Kind: KindNew, TotalInvestment: 6 * Yi}, nil,
			"central_budget,special_bonds,policy_finance,ultra_long_bonds"},
		{"continuing infrastructure is not for central budget", Project{Name: "集中供热管网改造", Sector: "基础设施项目", Kind: KindContinuing, TotalInvestment: 2 * Yi}, nil,
			"special_bonds,policy_finance"},
		{"competitive industry fits nothing by rule", Project{Name: "铝镁新材料精深加工", Sector: "产业项目", Kind: KindNew, TotalInvestment: 10 * Yi}, nil,
			""},
		{"the office marks industry fit for policy finance", Project{Name: "铝镁新材料精深加工", Sector: "产业项目", Kind: KindNew, TotalInvestment: 10 * Yi},
			map[Channel]string{ChannelPolicyFinance: MarkFit}, "policy_finance"},
		{"the office rules a channel out", Project{Name: "水库除险加固", Sector: "基础设施项目", Kind: KindNew, TotalInvestment: 6 * Yi},
			map[Channel]string{ChannelUltraLongBonds: MarkUnfit}, "central_budget,special_bonds,policy_finance"},
		{"the name's word counts when the sector is coarse", Project{Name: "人民医院综合楼", Sector: "其他", Kind: KindNew, TotalInvestment: 500 * 100}, nil,
			"central_budget"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := MatchChannels(c.p, c.marks)
			if len(ms) != len(Channels) {
				t.Fatalf("%d matches", len(ms))
			}
			if got := fits(ms); got != c.want {
				t.Errorf("fits %q; want %q", got, c.want)
			}
		})
	}
	m := MatchChannels(Project{Name: "水库", Kind: KindNew, TotalInvestment: 6 * Yi}, nil)[3]
	if m.Word != "水库" || !m.ByRule || m.MinTotal != 5*Yi || m.Name != "超长期特别国债" {
		t.Errorf("reason %+v", m)
	}
	if CheckChannelMarks(map[Channel]string{"lottery": MarkFit}) == nil || CheckChannelMarks(map[Channel]string{ChannelSpecialBonds: "maybe"}) == nil {
		t.Error("bad marks accepted")
	}
	if err := CheckChannelMarks(map[Channel]string{ChannelSpecialBonds: "", ChannelCentralBudget: MarkUnfit}); err != nil {
		t.Error(err)
	}
}

func TestPromotionAndInterestText(t *testing.T) {
	p := Project{ID: 1, TotalInvestment: 50000}
	good := func() Promotion {
		return Promotion{Published: true, Investment: 30000, ReturnModel: "使用者付费＋可行性缺口补助", Cooperation: CoopPPP,
			Contact: "市发改委招商科", OfficePhone: "0358-8881234"}
	}
	if m := good(); m.Validate(p) != nil {
		t.Fatal(m.Validate(p))
	}
	cases := []struct {
		name  string
		edit  func(*Promotion)
		field string
	}{
		{"mobile as office phone", func(m *Promotion) { m.OfficePhone = "13912345678" }, "office_phone"},
		{"mobile in the contact", func(m *Promotion) { m.Contact = "王科长 13912345678" }, "contact"},
		{"script in the summary", func(m *Promotion) { m.Summary = "好项目<script>alert(1)</script>" }, "summary"},
		{"no investment", func(m *Promotion) { m.Investment = 0 }, "investment"},
		{"more than the total", func(m *Promotion) { m.Investment = 50001 }, "investment"},
		{"unknown mode", func(m *Promotion) { m.Cooperation = "gift" }, "cooperation"},
		{"no return model", func(m *Promotion) { m.ReturnModel = " " }, "return_model"},
	}
	for _, c := range cases {
		m := good()
		c.edit(&m)
		e := AsError(m.Validate(p))
		if e == nil || e.Details[0].Field != c.field {
			t.Errorf("%s: %v; want field %s", c.name, e, c.field)
		}
	}
	m := good()
	if e := m.Validate(Project{TotalInvestment: 50000, Confidential: true}); e == nil {
		t.Error("a confidential project was published")
	}
	for _, ph := range []string{"0358-8881234", "0358 88812345", "010-12345678-801", "400-123-4567"} {
		m := good()
		m.OfficePhone = ph
		if err := m.Validate(p); err != nil {
			t.Errorf("%s: %v", ph, err)
		}
	}

	in := Interest{Company: "山西某能源集团", Person: "李经理", Phone: "13912345678", Intent: "有意以股权合作方式参与"}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in    Interest
		field string
	}{
		{Interest{Person: "李", Phone: "13912345678", Intent: "x"}, "company"},
		{Interest{Company: "A", Phone: "13912345678", Intent: "x"}, "person"},
		{Interest{Company: "A", Person: "李", Phone: "call me", Intent: "x"}, "phone"},
		{Interest{Company: "A", Person: "李", Phone: "13912345678"}, "intent"},
		{Interest{Company: "A<img src=x onerror=alert(1)>", Person: "李", Phone: "13912345678", Intent: "x"}, "company"},
		{Interest{Company: "A", Person: "李", Phone: "13912345678", Intent: "<a href='javascript:x'>x</a>"}, "intent"},
		{Interest{Company: "A", Person: "李\x00", Phone: "13912345678", Intent: "x"}, "person"},
	} {
		e := AsError(c.in.Validate())
		if e == nil || e.Details[0].Field != c.field {
			t.Errorf("%+v: %v; want field %s", c.in, e, c.field)
		}
	}
}

func TestEveryChannelAndModeIsNamed(t *testing.T) {
	for _, c := range Channels {
		if c.Label() == "" || c.Chinese() == "" || !c.Valid() {
			t.Errorf("channel %s", c)
		}
	}
	for _, c := range Cooperations {
		if c.Label() == "" || c.Chinese() == "" || !c.Valid() {
			t.Errorf("mode %s", c)
		}
	}
}
