package qianxiang

import "testing"

func TestProjectMatcherByCodeElseNameAndCounty(t *testing.T) {
	plan := []Project{
		{ID: 1, Code: "2023-141102-44-01-000001", Name: "污水处理厂", Org: OrgRef{Code: "141102"}},
		{ID: 2, Name: "5G基站", Org: OrgRef{Code: "141122"}},
		{ID: 3, Code: "2023-141122-44-01-000003", Name: "物流园", Org: OrgRef{Code: "141122"}},
	}
	m := NewProjectMatcher(plan)
	row := func(code, name, county string) Project {
		return Project{Code: code, Name: name, Org: OrgRef{Code: county}}
	}
	cases := []struct {
		name   string
		row    Project
		byName bool
		want   int64 // 0: no match
	}{
		{"code", row("2023-141102-44-01-000001", "改名了", "141122"), false, 1},
		{"code, updating", row("2023-141102-44-01-000001", "", ""), true, 1},
		{"unknown code, not updating", row("2023-141102-44-01-999999", "污水处理厂", "141102"), false, 0},
		{"name alone when not updating", row("", "污水处理厂", "141102"), false, 0},
		{"name and county, row without code", row("", "污水处理厂", "141102"), true, 1},
		{"name and county, project without code", row("2023-141122-44-01-000002", "5G基站", "141122"), true, 2},
		{"name in another county", row("", "污水处理厂", "141122"), true, 0},
		{"name and county but the codes differ", row("2023-141122-44-01-999999", "物流园", "141122"), true, 0},
		{"nothing like it", row("", "新项目", "141102"), true, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := m.Match(c.row, c.byName)
			switch {
			case c.want == 0 && got != nil:
				t.Fatalf("matched project %d, want none", got.ID)
			case c.want != 0 && (got == nil || got.ID != c.want):
				t.Fatalf("matched %v, want project %d", got, c.want)
			}
		})
	}
	if m.Match(row("2023-141102-44-01-000001", "", ""), false) != &plan[0] {
		t.Error("the match is not the plan's own project")
	}
}
