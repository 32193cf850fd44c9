package qianxiang

import (
	"errors"
	"testing"
)

// wanA gives an amount of 万元 as Money.
func wanA(n int64) Money { return Money(n * 100) }

// assessCase is the hand-computed month 6 (time progress 0.5) with the
// default weights 30/20/20/10/10/10:
//
//	D: everything perfect                                   = 100.00
//	A: 30 + 20·3/4 + 20·(0.3/0.5) + 10 + 10·1/2 + 10·9/12     = 30+15+12+10+5+7.5 = 79.50
//	B: 30·(0.4/0.5) + 20 + 20·(0.4/0.5) + 10·1/2 + 10 + 10·9/20 = 24+20+16+5+10+4.5 = 79.50 (ties A)
//	C: only completion (0.25/0.5 → half) and reports (all) measured, 40 of
//	   the 100 points: 30·0.5·100/40 + 10·1·100/40 = 37.5 + 25     = 62.50
//	E: nothing measured, unranked
func assessCase() []AssessFacts {
	return []AssessFacts{
		{Org: OrgRef{Code: "141124", Name: "E"}},
		{Org: OrgRef{Code: "141122", Name: "C"}, AnnualPlan: wanA(1000), CompletedYTD: wanA(250), ReportsDue: 6, ReportsOnTime: 6},
		{Org: OrgRef{Code: "141121", Name: "B"}, AnnualPlan: wanA(1000), CompletedYTD: wanA(400), TargetPlan: wanA(1000),
			NewProjects: 2, StartedNew: 2, StatsExpected: 2, StatsEntered: 1, ProblemsDue: 2, ProblemsOnTime: 2, ReportsDue: 20, ReportsOnTime: 9},
		{Org: OrgRef{Code: "141102", Name: "A"}, AnnualPlan: wanA(1000), CompletedYTD: wanA(600), TargetPlan: wanA(2000),
			NewProjects: 4, StartedNew: 3, StatsExpected: 2, StatsEntered: 2, ProblemsDue: 2, ProblemsOnTime: 1, ReportsDue: 12, ReportsOnTime: 9},
		{Org: OrgRef{Code: "141123", Name: "D"}, AnnualPlan: wanA(100), CompletedYTD: wanA(100), TargetPlan: wanA(100),
			NewProjects: 1, StartedNew: 1, StatsExpected: 1, StatsEntered: 1, ProblemsDue: 1, ProblemsOnTime: 1, ReportsDue: 6, ReportsOnTime: 6},
	}
}

func TestRankAssessmentHandComputedWithTies(t *testing.T) {
	w := DefaultAssessSettings(2023).Weights
	for _, tc := range []struct {
		board  int
		order  []string
		ranks  []int
		scores []string
		boards []string
	}{
		{1, []string{"D", "A", "B", "C", "E"}, []int{1, 2, 2, 4, 0}, []string{"100.00", "79.50", "79.50", "62.50", "0.00"},
			[]string{"red", "", "", "black", ""}},
		// The tie at the edge of the 红榜 takes both; the 黑榜 then holds
		// C only, as nobody else is among the two lowest outside the 红榜.
		{2, []string{"D", "A", "B", "C", "E"}, []int{1, 2, 2, 4, 0}, []string{"100.00", "79.50", "79.50", "62.50", "0.00"},
			[]string{"red", "red", "red", "black", ""}},
	} {
		rows := RankAssessment(6, w, tc.board, assessCase())
		for i, r := range rows {
			if r.Org.Name != tc.order[i] || r.Rank != tc.ranks[i] || r.Score.String() != tc.scores[i] || r.Board != tc.boards[i] {
				t.Errorf("board %d, row %d: %s rank %d score %s board %q; want %s rank %d score %s board %q", tc.board, i,
					r.Org.Name, r.Rank, r.Score, r.Board, tc.order[i], tc.ranks[i], tc.scores[i], tc.boards[i])
			}
		}
	}
}

func TestScoreOrgComponentsAreExplained(t *testing.T) {
	w := DefaultAssessSettings(2023).Weights
	a := ScoreOrg(6, w, assessCase()[3])
	want := map[AssessComponent]struct {
		value, earned float64
		points        string
	}{
		AssessCompletion: {0.6, 1, "30.00"},
		AssessStart:      {0.75, 0.75, "15.00"},
		AssessTarget:     {0.3, 0.6, "12.00"},
		AssessEntry:      {1, 1, "10.00"},
		AssessProblems:   {0.5, 0.5, "5.00"},
		AssessReports:    {0.75, 0.75, "7.50"},
	}
	for _, p := range a.Parts {
		x := want[p.Component]
		if !p.Measured || p.Value.Rounded() != x.value || p.Earned.Rounded() != x.earned || p.Points.String() != x.points || p.Applied.Rounded() != float64(p.Weight) {
			t.Errorf("%s: value %v earned %v points %s applied %v; want %v %v %s", p.Component, p.Value.Rounded(), p.Earned.Rounded(), p.Points, p.Applied, x.value, x.earned, x.points)
		}
	}
	c := ScoreOrg(6, w, assessCase()[1])
	if p := c.Part(AssessStart); p.Measured || p.Value != nil || p.Points != 0 {
		t.Errorf("start rate without new projects is measured: %+v", p)
	}
	if p := c.Part(AssessCompletion); p.Applied.Rounded() != 75 || p.Points.String() != "37.50" {
		t.Errorf("completion scaled over 40 measured points: applied %v points %s, want 75 and 37.50", p.Applied, p.Points)
	}
}

func TestScoreOrgPartsAddUpToTheScore(t *testing.T) {
	// Entry not measured: 90 points scaled to 100 give thirds and ninths;
	// each part rounds down and the hundredth lost goes to the largest.
	w := DefaultAssessSettings(2023).Weights
	f := assessCase()[4] // D, perfect
	f.StatsExpected, f.StatsEntered = 0, 0
	r := ScoreOrg(6, w, f)
	var sum Points
	for _, p := range r.Parts {
		sum += p.Points
	}
	if r.Score.String() != "100.00" || sum != r.Score || r.Part(AssessCompletion).Points.String() != "33.34" {
		t.Errorf("score %s, parts sum %s, completion %s; want 100.00, 100.00, 33.34", r.Score, sum, r.Part(AssessCompletion).Points)
	}
}

func TestAssessSettingsValidate(t *testing.T) {
	ok := DefaultAssessSettings(2023)
	for _, tc := range []struct {
		name  string
		edit  func(*AssessSettings)
		field string
	}{
		{"defaults", func(*AssessSettings) {}, ""},
		{"sum 99", func(s *AssessSettings) { s.Weights.ReportsOnTime = 9 }, "weights"},
		{"sum 101", func(s *AssessSettings) { s.Weights.Completion = 31 }, "weights"},
		{"negative", func(s *AssessSettings) { s.Weights.StartRate = -10; s.Weights.Completion = 60 }, "weights.start_rate"},
		{"board 0", func(s *AssessSettings) { s.BoardSize = 0 }, "board_size"},
		{"all on one", func(s *AssessSettings) { s.Weights = AssessWeights{EntryRate: 100} }, ""},
	} {
		s := ok
		tc.edit(&s)
		err := s.Validate()
		var e *Error
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case tc.field != "" && (!errors.As(err, &e) || e.Code != EValidation || len(e.Details) != 1 || e.Details[0].Field != tc.field):
			t.Errorf("%s: got %v, want a validation error naming %s", tc.name, err, tc.field)
		}
	}
}

func TestBoardListsWorstFirst(t *testing.T) {
	rows := RankAssessment(6, DefaultAssessSettings(2023).Weights, 2, assessCase())
	rows[1].Board, rows[2].Board = "", "black" // pretend B sits on the 黑榜 beside C
	b := Board(rows, "black")
	if len(b) != 2 || b[0].Org.Name != "C" || b[1].Org.Name != "B" {
		t.Errorf("黑榜 %v, want C then B", b)
	}
}

// Only reports are measured, so each score is the on-time share × 100:
// 90, 80, 70, 70. The two 70s share rank 3 and both sit on a 黑榜 of one.
func TestBlackBoardTakesTiesAtItsEdge(t *testing.T) {
	var fs []AssessFacts
	for i, n := range []int{7, 9, 7, 8} {
		fs = append(fs, AssessFacts{Org: OrgRef{Code: string(rune('a' + i))}, ReportsDue: 10, ReportsOnTime: n})
	}
	rows := RankAssessment(3, DefaultAssessSettings(2023).Weights, 1, fs)
	got := ""
	for _, r := range rows {
		got += r.Org.Code + ":" + r.Score.String() + ":" + string(rune('0'+r.Rank)) + ":" + r.Board + " "
	}
	if want := "b:90.00:1:red d:80.00:2: a:70.00:3:black c:70.00:3:black "; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
