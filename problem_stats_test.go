package qianxiang

import "testing"

func TestCountProblemsSolveRateAndMedian(t *testing.T) {
	a, b := OrgRef{Code: "141102", Name: "离石区"}, OrgRef{Code: "141121", Name: "文水县"}
	ps := []Problem{
		{OwnerOrg: a, Category: CatLand, Status: ProblemClosed, DaysOpen: 4},
		{OwnerOrg: a, Category: CatLand, Status: ProblemResolved, DaysOpen: 10},
		{OwnerOrg: a, Category: CatFunds, Status: ProblemClosed, DaysOpen: 7},
		{OwnerOrg: a, Category: CatFunds, Status: ProblemOpen, Overdue: true, DaysOpen: 30},
		{OwnerOrg: b, Category: CatLand, Status: ProblemInProgress, DaysOpen: 2},
	}
	byOrg := CountProblems(ps, ByOwner)
	if len(byOrg) != 2 || byOrg[0].Key != "141102" || byOrg[0].Total != 4 || byOrg[0].Solved != 3 || byOrg[0].Overdue != 1 ||
		byOrg[0].SolveRate != 0.75 || byOrg[0].MedianDays != 7 {
		t.Fatalf("by org: %+v", byOrg)
	}
	if byOrg[1].SolveRate != 0 || byOrg[1].MedianDays != -1 {
		t.Fatalf("nothing solved: %+v", byOrg[1])
	}
	byCat := CountProblems(ps, ByCategory)
	if byCat[0].Key != "land" || byCat[0].MedianDays != 7 || byCat[1].Key != "funds" || byCat[1].MedianDays != 7 {
		t.Fatalf("by category: %+v", byCat)
	}
}
