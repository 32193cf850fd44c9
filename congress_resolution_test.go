package qianxiang

import "testing"

func TestResolutionKindsAndExecutors(t *testing.T) {
	cases := []struct {
		title string
		kind  ResolutionKind
		exec  []Executor
	}{
		{"关于吕梁市人民政府工作报告的决议", ResolutionWorkReport, []Executor{ExecGovernment}},
		{"关于吕梁市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划的决议", ResolutionPlan, []Executor{ExecGovernment}},
		{"关于吕梁市2022年全市和市本级预算执行情况与2023年全市和市本级预算的决议", ResolutionBudget, []Executor{ExecGovernment}},
		{"关于吕梁市人民代表大会常务委员会工作报告的决议", ResolutionWorkReport, nil},
		{"关于吕梁市中级人民法院工作报告的决议", ResolutionWorkReport, []Executor{ExecCourt}},
		{"关于吕梁市人民检察院工作报告的决议", ResolutionWorkReport, []Executor{ExecProcuratorate}},
		{"关于吕梁市监察委员会专项工作报告的决议", ResolutionWorkReport, []Executor{ExecSupervision}},
	}
	for _, c := range cases {
		if k := KindOfResolution(c.title); k != c.kind {
			t.Errorf("%s: kind %s", c.title, k)
		}
		got := DefaultExecutors(c.title)
		if len(got) != len(c.exec) || len(got) > 0 && got[0] != c.exec[0] {
			t.Errorf("%s: executors %v", c.title, got)
		}
	}
}

func TestFollowUpStates(t *testing.T) {
	day := func(s string) Date { d, _ := ParseDate(s); return d }
	f := FollowUp{Body: ExecGovernment, Due: day("2023-08-26"), Status: FollowUpPending}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := (FollowUp{Body: "mayor", Due: f.Due}).Validate(); ErrorCode(err) != EValidation {
		t.Error("an unknown body")
	}
	f.Derive(day("2023-08-26"))
	if f.Overdue {
		t.Error("overdue on its day")
	}
	f.Derive(day("2023-08-27"))
	if !f.Overdue {
		t.Error("not overdue the day after")
	}
	if err := f.Assess(true, ""); err == nil {
		t.Error("assessed before a report")
	}
	if err := f.Reported("", day("2023-08-20")); ErrorCode(err) != EValidation {
		t.Error("an empty report")
	}
	if err := f.Reported("上半年计划执行情况报告", day("2023-08-20")); err != nil || f.Status != FollowUpReported {
		t.Fatal(err)
	}
	f.Derive(day("2023-09-01"))
	if f.Overdue {
		t.Error("a reported item is overdue")
	}
	if err := f.Reported("again", day("2023-08-21")); err == nil {
		t.Error("reported twice")
	}
	if err := f.Assess(false, ""); ErrorCode(err) != EValidation {
		t.Error("sent back without a reason")
	}
	if err := f.Assess(false, "缺少重点项目完成情况"); err != nil || f.Status != FollowUpPending {
		t.Fatal(err)
	}
	if err := f.Reported("补充报告", day("2023-08-30")); err != nil {
		t.Fatal(err)
	}
	if err := f.Assess(true, "同意"); err != nil || f.Status != FollowUpAccepted {
		t.Fatal(err)
	}
	r := Resolution{FollowUps: []FollowUp{f, {Status: FollowUpPending, Overdue: true}, {Status: FollowUpReported}}}
	if p := r.Progress(); p != (ReportBack{Due: 3, Overdue: 1, Reported: 1, Accepted: 1}) {
		t.Errorf("progress %+v", p)
	}
}
