package qianxiang

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	cases := []struct {
		field, in, want string
		bad             string // part of the refusal's format, "" when accepted
	}{
		{"name", "  离石区项目 ", "离石区项目", ""},
		{"name", "Cafe\u0301", "Café", ""}, // combining accent → precomposed (NFC)
		{"name", "a\u0000b", "", "control character"},
		{"name", "a\x07b", "", "control character"},
		{"name", "a\u0085b", "", "control character"}, // C1 NEL
		{"name", "a\u2028b", "", "control character"},
		{"name", "a\tb", "", "control character"}, // one line: no tab
		{"name", "a\nb", "", "control character"},
		{"progress", "一、完成土建\n二、\t安装", "一、完成土建\n二、\t安装", ""},
		{"progress", "a\u0000", "", "control character"},
		{"name", "a\xffb", "", "UTF-8"},
		{"name", strings.Repeat("项", 200), strings.Repeat("项", 200), ""},
		{"name", strings.Repeat("项", 201), "", "at most"},
		{"owner", strings.Repeat("x", 201), "", "at most"},
		{"progress", strings.Repeat("x", 2001), "", "at most"},
		{"unlisted", strings.Repeat("x", 201), "", "at most"},
	}
	for _, c := range cases {
		got, d := CleanText(c.field, c.in)
		switch {
		case c.bad == "" && d != nil:
			t.Errorf("%s %q refused: %s", c.field, c.in, d.Message())
		case c.bad == "" && got != c.want:
			t.Errorf("%s %q → %q, want %q", c.field, c.in, got, c.want)
		case c.bad != "" && (d == nil || !strings.Contains(d.Format, c.bad) || d.Field != c.field):
			t.Errorf("%s %q: %+v, want a refusal about %s", c.field, c.in, d, c.bad)
		}
	}
}

func TestProjectValidateAppliesTextRulesToEveryField(t *testing.T) {
	base := Project{Year: 2023, Name: "项目", Org: OrgRef{ID: 1}, Kind: KindContinuing, TotalInvestment: 100, AnnualPlan: 50}
	cases := []struct {
		name  string
		edit  func(p *Project)
		field string
	}{
		{"long owner", func(p *Project) { p.Owner = strings.Repeat("x", 201) }, "owner"},
		{"NUL in scope", func(p *Project) { p.Scope = "a\x00" }, "scope"},
		{"bell in a member's name", func(p *Project) { p.Team = []TeamMember{{Name: "王\a瑞"}} }, "team[0].name"},
		{"NUL in an extra value", func(p *Project) { p.Extra = map[string]string{"资金来源": "\x00"} }, "extra.资金来源"},
		{"total above 10,000 亿元", func(p *Project) { p.TotalInvestment = MaxAmount + 1 }, "total_investment"},
		{"negative target", func(p *Project) { p.Target.InvestAtLeast = -1 }, "target.invest_at_least"},
	}
	for _, c := range cases {
		p := base
		c.edit(&p)
		e := AsError(p.Validate(""))
		if e == nil || !hasField(e.Details, c.field) {
			t.Errorf("%s: %v, want a refusal of %s", c.name, e, c.field)
		}
	}
	p := base
	p.Name = " Cafe\u0301 "
	if err := p.Validate(""); err != nil || p.Name != "Café" {
		t.Fatalf("the name is stored in NFC: %q %v", p.Name, err)
	}
}

func TestCheckCompleted(t *testing.T) {
	cases := []struct {
		name               string
		month, others, tot Money
		ok                 bool
	}{
		{"within", 100, 200, 1000, true},
		{"month equals the total", 1000, 0, 1000, true},
		{"month above the total", 1001, 0, 1000, false},
		{"year to date above the total", 600, 500, 1000, false},
		{"unknown total: only the hard bound", 5000, 0, 0, true},
		{"above 10,000 亿元", MaxAmount + 1, 0, 0, false},
		{"negative", -1, 0, 1000, false},
	}
	for _, c := range cases {
		d := CheckCompleted("completed", c.month, c.others, c.tot)
		if (d == nil) != c.ok || d != nil && d.Field != "completed" {
			t.Errorf("%s: %+v", c.name, d)
		}
	}
}
