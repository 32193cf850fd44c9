package qianxiang

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"reflect"
	"testing"
	"testing/quick"
)

// sameAsMarshal fails unless AppendJSON wrote what json.Marshal writes.
func sameAsMarshal(t *testing.T, name string, v any, got []byte) {
	t.Helper()
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: json.Marshal: %v", name, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: AppendJSON wrote\n%s\njson.Marshal writes\n%s", name, got, want)
	}
}

func TestProjectJSON(t *testing.T) {
	full := Project{ID: 583, Year: 2023, Code: "2023-141102-44-04-000583", Name: "离石区数据中心8号项目", Owner: "晋恒股份有限公司",
		Org: OrgRef{ID: 2, Code: "141102", Name: "离石区"}, LeadOrg: OrgRef{ID: 9, Code: "141100-fgw", Name: "市发改委"},
		Kind: KindContinuing, Stage: "construction", Sector: "产业项目", Scope: "建设主体工程，总建筑面积约48543平方米。",
		TotalInvestment: 18838400, AnnualPlan: 9419271, PlannedEnd: Date{2024, 6, 0}, StartedOn: Date{2023, 5, 25},
		Leader: "任磊", Team: []TeamMember{{Name: "陈建国", Role: "专班组长", Phone: "13764309864"}, {Name: "高敏"}},
		Target: Target{CompleteBy: "2024-06", InvestAtLeast: 9419271, Text: "完成年度投资计划"}, InStats: true,
		Contact: "高敏", Phone: "13859507146", Version: 3, Light: LightGreen,
		Extra:   map[string]string{"土地": "已供", "<b>": "a&b", "": "empty key"},
		Classes: Classes{"town": {"杏花村汾酒专业镇"}, "chain": {"新能源", "新材料"}, "none": nil, "empty": {}}}
	cases := []struct {
		name string
		p    Project
	}{
		{"full", full},
		{"zero", Project{}},
		{"empty team and extra, no light", Project{Team: []TeamMember{}, Extra: map[string]string{}, Classes: Classes{}}},
		{"target's fields one at a time", Project{Target: Target{StartBy: "2023-08"}}},
		{"target: amount and text", Project{Target: Target{InvestAtLeast: -1, Text: "x"}}},
		{"escapes", Project{Name: "a\"b\\c/d<e>f&g\b\f\n\r\t\x00\x01\x1f\x7f", Notes: "line\u2028sep\u2029end", Owner: "bad \xff\xfe utf8 \xe4\xb8 cut",
			Phone: "\xed\xa0\x80 surrogate", Scope: "emoji 😀 and 中文", Team: []TeamMember{{Name: "<script>", Role: "&amp;", Phone: "\u2028"}}}},
		{"amounts at the edges", Project{TotalInvestment: math.MaxInt64, AnnualPlan: math.MinInt64, Target: Target{InvestAtLeast: -99}}},
		{"dates out of the stored range", Project{PlannedStart: Date{-5, 1, 1}, PlannedEnd: Date{12345, 123, 7}, StartedOn: Date{1, -1, 100}}},
		{"negative ids and versions", Project{ID: -1, Year: -2023, Version: -7}},
	}
	for _, c := range cases {
		sameAsMarshal(t, c.name, &c.p, c.p.AppendJSON(nil))
	}
	sameAsMarshal(t, "totals", ProjectTotals{Count: 989, TotalInvestment: 3683012220, AnnualPlan: 1, CompletedYTD: -5, MonthCompleted: 0},
		ProjectTotals{Count: 989, TotalInvestment: 3683012220, AnnualPlan: 1, CompletedYTD: -5}.AppendJSON(nil))
	sameAsMarshal(t, "totals with implausible", ProjectTotals{Implausible: 2}, ProjectTotals{Implausible: 2}.AppendJSON(nil))

	// Random values of every field, through testing/quick: a field added
	// to Project (or a type it holds) and not written here shows up as a
	// difference.
	r := rand.New(rand.NewSource(14))
	for i := range 3000 {
		v, ok := quick.Value(reflect.TypeFor[Project](), r)
		if !ok {
			t.Fatal("quick.Value cannot make a Project")
		}
		p := v.Interface().(Project)
		if i%3 == 0 {
			p.Light = ""
		}
		if i%5 == 0 {
			p.Team, p.Extra, p.Classes = nil, nil, nil
		}
		sameAsMarshal(t, "random project", &p, p.AppendJSON(nil))
		tv, _ := quick.Value(reflect.TypeFor[ProjectTotals](), r)
		tt := tv.Interface().(ProjectTotals)
		sameAsMarshal(t, "random totals", tt, tt.AppendJSON(nil))
	}
}

// TestProjectJSONAppends: AppendJSON appends, leaving what was there.
func TestProjectJSONAppends(t *testing.T) {
	p := Project{Name: "x"}
	got := p.AppendJSON([]byte("prefix "))
	if !bytes.HasPrefix(got, []byte("prefix {")) {
		t.Fatalf("%s", got)
	}
}

// FuzzProjectJSON: any text in any string field, and as map keys, is
// written as encoding/json writes it.
func FuzzProjectJSON(f *testing.F) {
	for _, s := range []string{"", "中文", "a\"b", "\\", "<>&", "\x00\x1f\x7f", "\xff", "\xe4\xb8", "\u2028\u2029", "\ufffd", "😀", "\t\n\r\b\f"} {
		f.Add(s, s+"x", int64(len(s)))
	}
	f.Fuzz(func(t *testing.T, a, b string, n int64) {
		p := Project{ID: n, Code: a, Name: b, Owner: a + b, Org: OrgRef{Code: b, Name: a}, LeadOrg: OrgRef{Code: a, Name: b},
			Kind: Kind(a), Stage: Stage(b), Sector: a, Scope: b, TotalInvestment: Money(n), AnnualPlan: Money(-n),
			Leader: a, Team: []TeamMember{{Name: a, Role: b, Phone: a}, {Name: b}}, Target: Target{StartBy: a, CompleteBy: b, InvestAtLeast: Money(n), Text: a},
			Contact: b, Phone: a, Notes: b, Extra: map[string]string{a: b, b: a}, Classes: Classes{a: {b, a}, b: nil}, Light: Light(a)}
		sameAsMarshal(t, "fuzzed project", &p, p.AppendJSON(nil))
		if got, want := AppendJSONString(nil, a), mustMarshal(t, a); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, want %s", a, got, want)
		}
	})
}

func mustMarshal(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
