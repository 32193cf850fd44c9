package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/store"
)

// A city with more red projects than a page shows: the dispatch page pages
// them (and the missing reports), the circular and the full API keep them
// whole, and the API's summary lists the first 20 with the counts.
func TestDispatchPagePagesTheLongListsAndTheAPISummarises(t *testing.T) {
	w := newDspWorld(t)
	ctx := context.Background()
	addRedProjects(t, w, 120)
	d, err := w.a.Dispatch(ctx, qianxiang.SystemActor, w.year, 2)
	if err != nil {
		t.Fatal(err)
	}
	red, missing := len(d.RedProjects), len(d.Missing)
	if red <= 100 || missing <= 100 {
		t.Fatalf("the world has %d red projects and %d missing reports; the test needs more than two pages", red, missing)
	}
	section := func(body, id string) string {
		_, s, _ := strings.Cut(body, `<section id="`+id+`"`)
		s, _, _ = strings.Cut(s, `</section>`)
		return s
	}
	rows := func(s string) int { return strings.Count(s, `<a href="/projects/`) }
	body := w.get(t, "zhb", w.at("/dispatch?year=%[1]d&month=2"))
	if n := rows(section(body, "red")); n != 50 {
		t.Errorf("the page lists %d red projects, want the first 50", n)
	}
	if n := rows(section(body, "missing")); n != 50 {
		t.Errorf("the page lists %d missing reports, want the first 50", n)
	}
	last := (red + 49) / 50
	redList := section(body, "red")
	for _, want := range []string{fmt.Sprintf("red_page=%d&amp;", last), "red_page=2&amp;", `#red"`, fmt.Sprintf("(%d)", red)} {
		if !strings.Contains(redList, want) {
			t.Errorf("the red list's pager lacks %q", want)
		}
	}
	tail := w.get(t, "zhb", w.at(fmt.Sprintf("/dispatch?year=%%[1]d&month=2&red_page=%d", last)))
	if n := rows(section(tail, "red")); n != red-(last-1)*50 {
		t.Errorf("the last page lists %d red projects, want %d", n, red-(last-1)*50)
	}
	if n := rows(section(tail, "missing")); n != 50 {
		t.Errorf("paging the red list moved the missing list: %d rows", n)
	}
	beyond := w.get(t, "zhb", w.at("/dispatch?year=%[1]d&month=2&red_page=999"))
	if n := rows(section(beyond, "red")); n != red-(last-1)*50 {
		t.Errorf("a page beyond the last shows %d rows, want the last page's", n)
	}
	// The circular keeps every red project.
	circular := w.get(t, "zhb", w.at("/dispatch?year=%[1]d&month=2&print=1"))
	for _, r := range d.RedProjects {
		if !strings.Contains(circular, r.Name) {
			t.Fatalf("the circular lacks red project %s", r.Name)
		}
	}

	var full, sum map[string]any
	json.Unmarshal([]byte(w.get(t, "zhb", w.at("/api/v1/dispatch?year=%[1]d&month=2"))), &full)
	sb := w.get(t, "zhb", w.at("/api/v1/dispatch?year=%[1]d&month=2&summary=1"))
	json.Unmarshal([]byte(sb), &sum)
	if n := len(full["red_projects"].([]any)); n != red {
		t.Errorf("the full API lists %d red projects, want %d", n, red)
	}
	if n := len(sum["red_projects"].([]any)); n != 20 || sum["red_projects_total"] != float64(red) {
		t.Errorf("summary: %d red listed, total %v; want 20 and %d", n, sum["red_projects_total"], red)
	}
	if n := len(sum["missing_reports"].([]any)); n != 20 || sum["missing_reports_total"] != float64(missing) {
		t.Errorf("summary: %d missing listed, total %v; want 20 and %d", n, sum["missing_reports_total"], missing)
	}
	ft, _ := json.Marshal(full["total"])
	st, _ := json.Marshal(sum["total"])
	if string(ft) != string(st) {
		t.Errorf("the summary's totals differ:\n%s\n%s", st, ft)
	}
	if code, body, _ := w.req(t, "zhb", "GET", w.at("/api/v1/dispatch?year=%[1]d&month=2&summary=yes"), nil, ""); code != 422 || !strings.Contains(body, "summary") {
		t.Errorf("summary=yes: %d %s", code, body)
	}
}

// addRedProjects adds n new projects of 离石区 due to start in February
// that have not: red, and missing their reports.
func addRedProjects(t *testing.T, w *dspWorld, n int) {
	t.Helper()
	ctx := context.Background()
	err := w.a.DB.Tx(ctx, func(tx *store.Tx) error {
		orgs, err := tx.Orgs(ctx)
		if err != nil {
			return err
		}
		var lishi qianxiang.OrgRef
		for _, o := range orgs {
			if o.Code == "141102" {
				lishi = o.Ref()
			}
		}
		for i := range n {
			p := qianxiang.Project{Year: w.year, Name: fmt.Sprintf("红灯测试项目%03d", i), Org: lishi, LeadOrg: lishi,
				Kind: qianxiang.KindNew, Stage: qianxiang.StagePreparing, AnnualPlan: 1000, PlannedStart: qianxiang.Date{Year: w.year, Month: 2}}
			if err := tx.InsertProject(ctx, &p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
