package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestAssessmentAPI: month 2 of the dispatch world, default weights, time
// progress 1/6; the office submitted every report after the deadline, so
// all are late, and nothing is in the statistics:
//
//	文水县: 600 of a 3,600 plan = exactly time progress → all of 30; no new
//	  project; entry 0/2, reports on time 0/4; 50 points measured, scaled
//	  to 100: 30 × 100/50 = 60.00, rank 1
//	离石区: 600 of 7,200 = half of time progress → 0.5 of 30; its new
//	  project not started 0/1 of 20; entry 0/2; reports 0/6; 70 measured:
//	  30 × 0.5 × 100/70 = 21.43, rank 2
//
// Under the office's 40/10/10/10/10/20 with boards of 1: 文水县 40 × 100/70
// = 57.14 (红榜), 离石区 40 × 0.5 × 100/80 = 25.00 (黑榜).
func TestAssessmentAPI(t *testing.T) {
	w := newDspWorld(t)
	type part struct {
		Component string   `json:"component"`
		Measured  bool     `json:"measured"`
		Num       float64  `json:"num"`
		Den       float64  `json:"den"`
		Value     *float64 `json:"value"`
		Points    float64  `json:"points"`
	}
	var got struct {
		Year     int `json:"year"`
		Counties []struct {
			Org   struct{ Code string } `json:"org"`
			Rank  int                   `json:"rank"`
			Score float64               `json:"score"`
			Board string                `json:"board"`
			Parts []part                `json:"components"`
		} `json:"counties"`
		Self string `json:"self"`
	}
	code, body, _ := w.req(t, "lishi", "GET", w.at("/api/v1/assessment/%[1]d/2"), nil, "")
	if code != 200 {
		t.Fatalf("GET as the county: %d %s", code, body)
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Counties) != 2 || got.Self != "141102" {
		t.Fatalf("the county sees %d counties, self %q: %s", len(got.Counties), got.Self, body)
	}
	for i, want := range []struct {
		code  string
		rank  int
		score float64
	}{{"141121", 1, 60}, {"141102", 2, 21.43}} {
		c := got.Counties[i]
		if c.Org.Code != want.code || c.Rank != want.rank || c.Score != want.score || c.Board != "red" {
			t.Errorf("row %d: %s rank %d score %v board %q, want %+v on the 红榜", i, c.Org.Code, c.Rank, c.Score, c.Board, want)
		}
	}
	if !strings.Contains(body, `"component":"completion","measured":true`) || !strings.Contains(body, `"num":600.00,"den":7200.00`) {
		t.Errorf("completion's figures are not in 万元: %s", body)
	}

	path := w.at("/api/v1/assessment/%[1]d/weights")
	good := `{"weights":{"completion":40,"start_rate":10,"target_rate":10,"entry_rate":10,"problems_on_time":10,"reports_on_time":20},"board_size":1}`
	if code, body, _ := w.req(t, "lishi", "PUT", path, strings.NewReader(good), "application/json"); code != 403 {
		t.Fatalf("a county set the weights: %d %s", code, body)
	}
	for _, c := range []struct {
		body, field string
		code        int
	}{
		{strings.Replace(good, `"completion":40`, `"completion":30`, 1), `"field":"weights"`, 422},
		{strings.Replace(good, `"start_rate":10`, `"start_rate":-10`, 1), `"field":"weights.start_rate"`, 422},
		{strings.Replace(good, `"board_size":1`, `"board_size":0`, 1), `"field":"board_size"`, 422},
		{strings.Replace(good, `"completion":40`, `"completion":"forty"`, 1), `"field":"weights.completion"`, 422},
		{`{"weights":`, `"error"`, 400},
	} {
		code, body, _ := w.req(t, "zhb", "PUT", path, strings.NewReader(c.body), "application/json")
		if code != c.code || !strings.Contains(body, c.field) {
			t.Errorf("%s: %d %s", c.body, code, body)
		}
	}
	if code, body, _ := w.req(t, "zhb", "PUT", path, strings.NewReader(good), "application/json"); code != 200 || !strings.Contains(body, `"completion":40`) || !strings.Contains(body, `"set":true`) {
		t.Fatalf("put: %d %s", code, body)
	}
	if _, body, _ := w.req(t, "wenshui", "GET", w.at("/api/v1/assessment/%[1]d/2"), nil, ""); !strings.Contains(body, `"score":57.14,"board":"red"`) ||
		!strings.Contains(body, `"score":25.00,"board":"black"`) {
		t.Errorf("the new weights do not apply: %s", body)
	}
	for _, p := range []string{w.at("/api/v1/assessment/%[1]d/13"), w.at("/api/v1/assessment/%[1]d/x"), "/api/v1/assessment/1999/2"} {
		if code, body, _ := w.req(t, "zhb", "GET", p, nil, ""); code != 422 || !strings.Contains(body, `"field"`) {
			t.Errorf("%s: %d %s", p, code, body)
		}
	}

	// The workbook: both sheets, scores as two-decimal numbers.
	code, xb, _ := w.req(t, "lishi", "GET", w.at("/assessment.xlsx?year=%[1]d&month=2"), nil, "")
	if code != 200 {
		t.Fatalf("workbook: %d", code)
	}
	f, err := excelize.OpenReader(strings.NewReader(xb))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.GetCellValue("县（市、区）", "C4")
	st, _ := f.GetCellStyle("县（市、区）", "C4")
	s, _ := f.GetStyle(st)
	if v != "57.14" || s == nil || s.NumFmt != 4 {
		t.Errorf("the workbook's first score: %q, format %+v", v, s)
	}
	if n := f.GetSheetList(); len(n) != 3 {
		t.Errorf("sheets %v", n)
	}
}
