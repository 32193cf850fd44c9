package qianxiang

import (
	"reflect"
	"strings"
	"testing"
)

func chainLists() ClassLists {
	return ClassLists{
		{ID: 1, Code: "chain", Name: "重点产业链", Headers: []string{"产业链"}, Entries: []ClassEntry{{10, "新能源"}, {11, "氢能产业链"}, {12, "铝镁新材料"}}},
		{ID: 2, Code: "town", Name: "1+7+N 特色专业镇", Entries: []ClassEntry{{20, "杏花村汾酒专业镇"}, {21, "孝义铝镁专业镇"}}},
	}
}

func TestClassListValidate(t *testing.T) {
	cases := []struct {
		name  string
		list  ClassList
		field string // "" when valid
	}{
		{"valid", ClassList{Code: "chain", Name: " 重点产业链 ", Entries: []ClassEntry{{Name: "新能源"}, {Name: "氢能"}}}, ""},
		{"no entries is fine", ClassList{Code: "town", Name: "专业镇"}, ""},
		{"code with capitals", ClassList{Code: "Chain", Name: "产业链"}, "code"},
		{"code starting with a digit", ClassList{Code: "9chain", Name: "产业链"}, "code"},
		{"empty name", ClassList{Code: "chain", Name: "  "}, "name"},
		{"empty entry", ClassList{Code: "chain", Name: "产业链", Entries: []ClassEntry{{Name: " "}}}, "entries[0]"},
		{"duplicate entry", ClassList{Code: "chain", Name: "产业链", Entries: []ClassEntry{{Name: "新能源"}, {Name: "新能源 "}}}, "entries[1]"},
		{"entry with a separator", ClassList{Code: "chain", Name: "产业链", Entries: []ClassEntry{{Name: "煤、焦"}}}, "entries[0]"},
		{"control character", ClassList{Code: "chain", Name: "产业\x07链"}, "name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.list.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if strings.TrimSpace(c.list.Name) != c.list.Name {
					t.Errorf("name not trimmed: %q", c.list.Name)
				}
				return
			}
			e := AsError(err)
			if e == nil || e.Code != EValidation || e.Details[0].Field != c.field {
				t.Fatalf("want a fault on %s, got %v (%+v)", c.field, err, e)
			}
		})
	}
}

func TestSplitClassCell(t *testing.T) {
	cases := map[string][]string{
		"":                nil,
		"新能源":             {"新能源"},
		"新能源、氢能":          {"新能源", "氢能"},
		" 新能源 ,氢能；铝镁/新能源": {"新能源", "氢能", "铝镁"},
		"新能源\n氢能":         {"新能源", "氢能"},
		"、、":              nil,
	}
	for in, want := range cases {
		if got := SplitClassCell(in); !reflect.DeepEqual(got, want) {
			t.Errorf("SplitClassCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveClasses(t *testing.T) {
	ls := chainLists()
	cases := []struct {
		name   string
		in     Classes
		want   []int64
		faults []string // fields refused
	}{
		{"nothing", nil, nil, nil},
		{"one list", Classes{"chain": {"新能源"}}, []int64{10}, nil},
		{"ending left off", Classes{"chain": {"氢能"}}, []int64{11}, nil},
		{"ending added", Classes{"chain": {"新能源产业链"}}, []int64{10}, nil},
		{"two lists, sorted, once each", Classes{"town": {"孝义铝镁专业镇"}, "chain": {"铝镁新材料", "新能源", "新能源"}}, []int64{10, 12, 21}, nil},
		{"empty list clears", Classes{"chain": {}}, nil, nil},
		{"unknown entry", Classes{"chain": {"光伏"}}, nil, []string{"classes.chain"}},
		{"unknown list", Classes{"zone": {"开发区"}}, nil, []string{"classes.zone"}},
		{"every fault named", Classes{"chain": {"光伏", "新能源"}, "town": {"平遥"}}, nil, []string{"classes.chain", "classes.town"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ls.Resolve(c.in)
			if c.faults == nil {
				if err != nil || !reflect.DeepEqual(got, c.want) {
					t.Fatalf("Resolve = %v, %v; want %v", got, err, c.want)
				}
				return
			}
			e := AsError(err)
			if e == nil {
				t.Fatalf("accepted %v", c.in)
			}
			var fields []string
			for _, d := range e.Details {
				fields = append(fields, d.Field)
			}
			if !reflect.DeepEqual(fields, c.faults) {
				t.Errorf("faults on %v, want %v (%v)", fields, c.faults, err)
			}
		})
	}
	// Of is Resolve's inverse, in the lists' order.
	if got := ls.Of([]int64{21, 12, 10}); !reflect.DeepEqual(got, Classes{"chain": {"新能源", "铝镁新材料"}, "town": {"孝义铝镁专业镇"}}) {
		t.Errorf("Of = %v", got)
	}
	if l, ok := ls.ForHeader("产 业 链"); !ok || l.Code != "chain" {
		t.Errorf("ForHeader(产业链) = %v %v", l.Code, ok)
	}
	if _, ok := ls.ForHeader("行业"); ok {
		t.Error("行业 names no list")
	}
}

// Each entry sums its projects; a project with two entries counts in both;
// the projects with none are the unclassified line.
func TestGroupByClass(t *testing.T) {
	s := DefaultDispatchSettings()
	ps := []DispatchProject{
		{ID: 1, Name: "a", Kind: KindContinuing, AnnualPlan: 100_00},
		{ID: 2, Name: "b", Kind: KindContinuing, AnnualPlan: 200_00},
		{ID: 3, Name: "c", Kind: KindNew, AnnualPlan: 50_05, PlannedStart: Date{Year: 2023, Month: 6}},
	}
	fs := []MonthFigure{{ProjectID: 1, Month: 1, Completed: 10_01, Status: ReportApproved}, {ProjectID: 2, Month: 1, Completed: 30_00, Status: ReportApproved}}
	d := ComputeDispatch(2023, 1, s, ps, fs)
	GroupByClass(d, s, ps, chainLists(), map[int64][]int64{1: {10, 11}, 2: {10}, 3: {20}})
	if len(d.ByClass) != 2 {
		t.Fatalf("lists: %d", len(d.ByClass))
	}
	chain := d.ByClass[0]
	if chain.List != "chain" || len(chain.Rows) != 3 {
		t.Fatalf("chain: %+v", chain)
	}
	want := []struct {
		projects  int
		plan, ytd Money
	}{{2, 300_00, 40_01}, {1, 100_00, 10_01}, {0, 0, 0}}
	for i, w := range want {
		r := chain.Rows[i]
		if r.Projects != w.projects || r.AnnualPlan != w.plan || r.CompletedYTD != w.ytd {
			t.Errorf("%s: %d %s %s, want %+v", r.Entry, r.Projects, r.AnnualPlan, r.CompletedYTD, w)
		}
	}
	if u := chain.Unclassified; u.Projects != 1 || u.AnnualPlan != 50_05 || u.NewProjects != 1 {
		t.Errorf("unclassified chain: %+v", u)
	}
	town := d.ByClass[1]
	if town.Rows[0].Projects != 1 || town.Rows[0].NewProjects != 1 || town.Unclassified.Projects != 2 {
		t.Errorf("town: %+v", town)
	}
	// 40.01 / 300.00 = 0.13336…
	if r := chain.Rows[0].CompletionRate.Rounded(); r != 0.1334 {
		t.Errorf("rate %v", r)
	}
}
