package qianxiang

import "testing"

func TestTaskLightRule(t *testing.T) {
	lead, co := OrgRef{ID: 1, Name: "市发改委"}, OrgRef{ID: 2, Name: "离石区"}
	task := func(done ...Date) Task {
		ms := []Milestone{{Month: "2026-09", Text: "完成方案"}, {Month: "2026-11", Text: "开工"}, {Month: "2026-12", Text: "完成年度投资"}}
		for i, d := range done {
			ms[i].DoneOn = d
		}
		return Task{No: 1, LeadOrg: lead, CoOrgs: []OrgRef{co}, Milestones: ms}
	}
	rep := func(org OrgRef, y, m int) TaskProgress { return TaskProgress{Org: org, Year: y, Month: m, Text: "x"} }
	cases := []struct {
		name     string
		t        Task
		progress []TaskProgress
		today    Date
		light    Light
		reason   string
	}{
		{"before the first milestone month", task(), nil, Date{2026, 8, 15}, LightGreen, ""},
		{"in the first milestone month: nothing ended yet", task(), nil, Date{2026, 9, 30}, LightGreen, ""},
		{"september's milestone not reached by october", task(), []TaskProgress{rep(lead, 2026, 9), rep(co, 2026, 9)}, Date{2026, 10, 1}, LightRed, TaskReasonOverdueMilestone},
		{"reached, everyone reported", task(Date{2026, 9, 28}), []TaskProgress{rep(lead, 2026, 9), rep(co, 2026, 9)}, Date{2026, 10, 1}, LightGreen, ""},
		{"reached, the co-organisation did not report", task(Date{2026, 9, 28}), []TaskProgress{rep(lead, 2026, 9)}, Date{2026, 10, 20}, LightYellow, TaskReasonMissingProgress},
		{"reached late still counts", task(Date{2026, 10, 3}), []TaskProgress{rep(lead, 2026, 10), rep(co, 2026, 10)}, Date{2026, 11, 2}, LightGreen, ""},
		{"november's milestone missed on december 1st", task(Date{2026, 9, 28}), []TaskProgress{rep(lead, 2026, 11), rep(co, 2026, 11)}, Date{2026, 12, 1}, LightRed, TaskReasonOverdueMilestone},
		{"no milestones: always on time", Task{LeadOrg: lead}, nil, Date{2026, 12, 1}, LightGreen, ""},
	}
	for _, c := range cases {
		l, r := TaskLight(c.t, c.progress, c.today)
		if l != c.light || r != c.reason {
			t.Errorf("%s: %s %s, want %s %s", c.name, l, r, c.light, c.reason)
		}
	}
}

func TestTaskProgressMarksTheMilestone(t *testing.T) {
	today := Date{2026, 11, 30}
	cases := []struct {
		name  string
		p     TaskProgress
		lead  bool
		field string
		done  bool
	}{
		{"lead reaches november", TaskProgress{Year: 2026, Month: 11, Text: "已开工", MilestoneDone: true}, true, "", true},
		{"co-organisation may report but not reach", TaskProgress{Year: 2026, Month: 11, Text: "配合", MilestoneDone: true}, false, "milestone_done", false},
		{"plain progress", TaskProgress{Year: 2026, Month: 11, Text: "推进中"}, false, "", false},
		{"no milestone that month", TaskProgress{Year: 2026, Month: 10, Text: "x", MilestoneDone: true}, true, "milestone_done", false},
		{"a future month", TaskProgress{Year: 2026, Month: 12, Text: "x"}, true, "month", false},
		{"empty text", TaskProgress{Year: 2026, Month: 11}, true, "text", false},
	}
	for _, c := range cases {
		task := Task{No: 3, Milestones: []Milestone{{Month: "2026-11", Text: "开工"}}}
		err := task.ApplyProgress(c.p, c.lead, today)
		if c.field == "" && err != nil || c.field != "" && (AsError(err) == nil || AsError(err).Details[0].Field != c.field) {
			t.Errorf("%s: %v", c.name, err)
		}
		if got := !task.Milestones[0].DoneOn.IsZero(); got != c.done {
			t.Errorf("%s: done %v", c.name, got)
		}
	}
}

func TestTaskValidate(t *testing.T) {
	ok := Task{No: 1, Title: "推进项目建设", LeadOrg: OrgRef{ID: 1}, CoOrgs: []OrgRef{{ID: 2}}, Milestones: []Milestone{{Month: "2026-03", Text: "a"}}}
	if d := ok.Validate(); len(d) != 0 {
		t.Fatal(d)
	}
	bad := Task{No: 0, CoOrgs: []OrgRef{{ID: 0, Name: "x"}}, Milestones: []Milestone{{Month: "2026-3-1", Text: ""}, {Month: "2026-3-1", Text: "b"}}}
	fields := map[string]bool{}
	for _, d := range bad.Validate() {
		fields[d.Field] = true
	}
	for _, f := range []string{"no", "title", "lead_org", "co_orgs", "milestones"} {
		if !fields[f] {
			t.Errorf("no detail for %s", f)
		}
	}
}
