package web_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// formOf is what the edit form of the 离石区 project posts, untouched.
func formOf(p qianxiang.Project) url.Values {
	return url.Values{
		"year": {fmt.Sprint(p.Year)}, "code": {p.Code}, "name": {p.Name}, "owner": {p.Owner}, "org": {p.Org.Code},
		"kind": {string(p.Kind)}, "stage": {string(p.Stage)}, "sector": {p.Sector}, "leader": {p.Leader},
		"total_investment": {p.TotalInvestment.String()}, "annual_plan": {p.AnnualPlan.String()},
		"planned_start": {p.PlannedStart.String()}, "target_start_by": {p.Target.StartBy}, "target_text": {p.Target.Text},
		"team_name": {"王瑞", ""}, "team_role": {"专班组长", ""}, "team_phone": {"13800000001", ""},
		"version": {fmt.Sprint(p.Version)},
	}
}

func TestProjectFormStaleSaveIsRefusedAndKeepsInput(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newRegWorld(t, a)
		c := w.login(t, "zhb")
		code, body := c.get(fmt.Sprintf("/projects/%d/edit", w.lishi.ID))
		if code != 200 {
			t.Fatalf("edit page: %d", code)
		}
		testenv.Contains(t, body, `name="version" value="1"`)
		// Someone else saves while the form is open.
		if _, err := a.PatchProject(context.Background(), qianxiang.SystemActor, w.lishi.ID, 1, []byte(`{"annual_plan": 320}`)); err != nil {
			t.Fatal(err)
		}
		v := formOf(w.lishi)
		v.Set("name", "离石区改名后的项目")
		code, body, _ = c.post(fmt.Sprintf("/projects/%d/edit", w.lishi.ID), v)
		if code != 409 {
			t.Fatalf("stale save: status %d, want 409:\n%s", code, body)
		}
		// The message says why, the input is still there, the other save is shown.
		testenv.Contains(t, body, "未保存：您打开此项目后，已有他人修改了它", `value="离石区改名后的项目"`, "他人刚刚已改为", "320.00",
			`name="version" value="2"`)
		p, _ := a.Project(context.Background(), qianxiang.SystemActor, w.lishi.ID)
		if p.Name != w.lishi.Name || p.AnnualPlan != 32000 {
			t.Fatalf("a stale save changed the project: %q, %s", p.Name, p.AnnualPlan)
		}
		// Saving again, knowingly, at the current version goes through.
		v.Set("version", "2")
		code, body, h := c.post(fmt.Sprintf("/projects/%d/edit", w.lishi.ID), v)
		if code != 303 || h.Get("Location") != fmt.Sprintf("/projects/%d?saved=1", w.lishi.ID) {
			t.Fatalf("second save: %d %q:\n%s", code, h.Get("Location"), body)
		}
		p, _ = a.Project(context.Background(), qianxiang.SystemActor, w.lishi.ID)
		if p.Name != "离石区改名后的项目" || p.AnnualPlan != 30050 || p.Version != 3 || len(p.Team) != 1 {
			t.Errorf("after the save: %q, %s, version %d, team %v", p.Name, p.AnnualPlan, p.Version, p.Team)
		}
		// The history names who changed what.
		_, body = c.get(fmt.Sprintf("/projects/%d?saved=1", w.lishi.ID))
		testenv.Contains(t, body, "已保存", "zhb", "项目名称", "年度计划投资", "320.00 → 300.50")
	})
}

func TestProjectFormShowsErrorsNextToFields(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	c := w.login(t, "zhb")
	fieldErr := func(body, field string) string {
		m := regexp.MustCompile(`id="e-` + field + `">([^<]*)<`).FindStringSubmatch(body)
		if m == nil {
			return ""
		}
		return m[1]
	}
	// What the form itself cannot read.
	v := url.Values{"year": {"2022"}, "name": {"新项目"}, "org": {"141102"}, "kind": {"new"},
		"total_investment": {"1,000"}, "annual_plan": {"二百"}, "planned_start": {"明年春天"}}
	code, body, _ := c.post("/projects/new", v)
	if code != 422 {
		t.Fatalf("unreadable input: status %d", code)
	}
	if !strings.Contains(fieldErr(body, "annual_plan"), "不是有效的数字") || !strings.Contains(fieldErr(body, "planned_start"), "日期") {
		t.Errorf("field errors: annual_plan %q, planned_start %q", fieldErr(body, "annual_plan"), fieldErr(body, "planned_start"))
	}
	testenv.Contains(t, body, `value="明年春天"`, `value="二百"`)
	// What the rules refuse, each next to its field.
	v = url.Values{"year": {"2022"}, "name": {""}, "org": {"141102"}, "kind": {"new"},
		"total_investment": {"100"}, "annual_plan": {"200"}, "code": {"2022-990000-01-01-000001"}}
	code, body, _ = c.post("/projects/new", v)
	if code != 422 {
		t.Fatalf("refused input: status %d", code)
	}
	for field, want := range map[string]string{"name": "必填", "annual_plan": "大于总投资", "planned_start": "新开工项目必填", "code": "不在本市"} {
		if got := fieldErr(body, field); !strings.Contains(got, want) {
			t.Errorf("error next to %s = %q, want %q", field, got, want)
		}
	}
	if n := listCount(t, c, 2022); n != "3" {
		t.Errorf("a refused form created a project: %s projects", n)
	}
	// A county manager cannot file a project in another county.
	l := w.login(t, "lishi")
	v = url.Values{"year": {"2022"}, "name": {"越界项目"}, "org": {"141121"}, "kind": {"continuing"}, "total_investment": {"1"}, "annual_plan": {"1"}}
	if code, body, _ := l.post("/projects/new", v); code != 403 || !strings.Contains(body, `value="越界项目"`) {
		t.Errorf("create outside scope: status %d, want 403 with the input kept", code)
	}
}

// listCount is the number of projects the list page counts for a year.
func listCount(t *testing.T, c *client, year int) string {
	t.Helper()
	_, body := c.get(fmt.Sprintf("/projects?year=%d", year))
	n, _, _ := totals(t, body)
	return n
}

func TestProjectCreateEditDeleteKeepsHistory(t *testing.T) {
	w := newRegWorld(t, testenv.Open(t, "sqlite"))
	c := w.login(t, "lishi")
	v := url.Values{"year": {"2022"}, "name": {"离石区新建项目"}, "org": {"141102"}, "kind": {"new"}, "planned_start": {"2022年5月"},
		"total_investment": {"5,000.5"}, "annual_plan": {"1200"}, "team_name": {"张三", "李四", ""}, "team_role": {"组长", "", ""},
		"team_phone": {"13900000000", "", ""}, "target_complete_by": {"2022.12"}}
	code, body, h := c.post("/projects/new", v)
	if code != 303 {
		t.Fatalf("create: status %d:\n%s", code, body)
	}
	var id int64
	fmt.Sscanf(h.Get("Location"), "/projects/%d", &id)
	p, err := w.a.Project(context.Background(), qianxiang.SystemActor, id)
	if err != nil || p.TotalInvestment != 500050 || p.PlannedStart.String() != "2022-05" || len(p.Team) != 2 || p.Target.CompleteBy != "2022-12" {
		t.Fatalf("created %+v, %v", p, err)
	}
	// Emptying a field empties it, the target's included.
	v.Set("target_complete_by", "")
	v.Set("annual_plan", "1300")
	v.Set("version", "1")
	if code, body, _ := c.post(fmt.Sprintf("/projects/%d/edit", id), v); code != 303 {
		t.Fatalf("edit: status %d:\n%s", code, body)
	}
	p, _ = w.a.Project(context.Background(), qianxiang.SystemActor, id)
	if p.Target.CompleteBy != "" || p.AnnualPlan != 130000 || p.Version != 2 {
		t.Errorf("after emptying the target: %+v, annual plan %s, version %d", p.Target, p.AnnualPlan, p.Version)
	}
	if code, body, _ := c.post(fmt.Sprintf("/projects/%d/delete", id), url.Values{"version": {"1"}}); code != 409 || !strings.Contains(body, "已被他人修改") {
		t.Errorf("delete at a stale version: status %d, want 409 with the reason", code)
	}
	if code, _, h := c.post(fmt.Sprintf("/projects/%d/delete", id), url.Values{"version": {"2"}}); code != 303 || !strings.Contains(h.Get("Location"), "deleted=1") {
		t.Fatalf("delete: status %d, location %q", code, h.Get("Location"))
	}
	if code, _ := c.get(fmt.Sprintf("/projects/%d", id)); code != 404 {
		t.Errorf("deleted project page: status %d, want 404", code)
	}
	h2, _ := w.a.DB.History(context.Background(), "projects", id)
	if len(h2) != 3 || h2[2].Action != "delete" || h2[2].Actor != "lishi" {
		t.Errorf("history after delete: %+v", h2)
	}
}
