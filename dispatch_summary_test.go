package qianxiang

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDispatchSummaryKeepsFiguresAndCutsTheLists(t *testing.T) {
	d := &Dispatch{Year: 2023, Month: 5, Total: DispatchTotals{Projects: 30}}
	for i := range 35 {
		d.RedProjects = append(d.RedProjects, RedProject{ID: int64(i + 1), Name: "红灯项目"})
	}
	for i := range 3 {
		d.Missing = append(d.Missing, MissingReport{ID: int64(i + 100)})
	}
	b, err := json.Marshal(d.Summarize())
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	json.Unmarshal(b, &got)
	if n := len(got["red_projects"].([]any)); n != SummaryListed {
		t.Errorf("red_projects lists %d, want %d", n, SummaryListed)
	}
	if n := len(got["missing_reports"].([]any)); n != 3 {
		t.Errorf("missing_reports lists %d, want all 3", n)
	}
	if got["red_projects_total"] != 35.0 || got["missing_reports_total"] != 3.0 || got["summary"] != true {
		t.Errorf("counts: %s", b)
	}
	if got["year"] != 2023.0 || got["total"].(map[string]any)["projects"] != 30.0 {
		t.Errorf("the dispatch's own fields are missing: %s", b)
	}
	if strings.Count(string(b), `"red_projects"`) != 1 || len(d.RedProjects) != 35 {
		t.Error("the summary must shadow the list, and leave the dispatch whole")
	}
	empty, _ := json.Marshal((&Dispatch{}).Summarize())
	if !strings.Contains(string(empty), `"red_projects":[]`) {
		t.Errorf("an empty list is [] : %s", empty)
	}
}
