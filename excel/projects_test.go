package excel

import (
	"strings"
	"testing"

	"qianxiang"
)

// sums gives count, total investment and annual plan of an import.
func sums(rows []ProjectRow) (n int, total, annual qianxiang.Money) {
	for _, r := range rows {
		total += r.Project.TotalInvestment
		annual += r.Project.AnnualPlan
	}
	return len(rows), total, annual
}

func TestReadProjectsMatchesEachSample(t *testing.T) {
	for _, folder := range sampleFolders {
		t.Run(folder, func(t *testing.T) {
			want := loadExpected(t, folder)
			imp := mustReadProjects(t, folder, "projects.xlsx")
			n, total, annual := sums(imp.Rows)
			if n != want.Projects {
				t.Errorf("projects = %d, want %d", n, want.Projects)
			}
			if total.String() != want.TotalInvestment {
				t.Errorf("total investment = %s, want %s", total, want.TotalInvestment)
			}
			if annual.String() != want.AnnualPlan {
				t.Errorf("annual plan = %s, want %s", annual, want.AnnualPlan)
			}
			kinds, counties := map[string]int{}, map[string]int{}
			rowOf := map[string]int{}
			for _, r := range imp.Rows {
				kinds[string(r.Project.Kind)]++
				counties[r.Project.Org.Code]++
				rowOf[r.Project.Name] = r.Row
				if r.Project.Year != 2023 || r.Project.Stage != r.Project.Kind.DefaultStage() {
					t.Errorf("row %d: year %d stage %q", r.Row, r.Project.Year, r.Project.Stage)
				}
				if r.Project.Org.ID == 0 || r.Project.LeadOrg.ID == 0 {
					t.Errorf("row %d: org %+v lead %+v not resolved", r.Row, r.Project.Org, r.Project.LeadOrg)
				}
				if err := r.Project.Validate("141100"); err != nil {
					t.Errorf("row %d: %v", r.Row, err)
				}
			}
			equalCounts(t, "kinds", kinds, want.Kinds)
			equalCounts(t, "by_county", counties, want.ByCounty)
			for name, row := range want.RowsSample {
				if rowOf[name] != row {
					t.Errorf("%s on row %d, want %d", name, rowOf[name], row)
				}
			}
			for _, w := range imp.Warnings {
				t.Logf("warning: %s", w)
			}
		})
	}
}

func equalCounts(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s[%s] = %d, want %d", what, k, got[k], v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s[%s] = %d, not expected", what, k, v)
		}
	}
}

// The faulty lists have nine faults each; every one must be reported on
// its row and field, and no other row may be blamed.
func TestReadProjectsReportsEveryFaultOfBadLists(t *testing.T) {
	fieldOf := map[string]string{
		"annual_gt_total": "annual_plan", "bad_code": "code", "bad_date": "planned_start",
		"code_outside_city": "code", "dup_code": "code", "empty_name": "name",
		"negative_total": "total_investment", "not_number": "total_investment", "unknown_county": "county",
	}
	for _, folder := range sampleFolders {
		t.Run(folder, func(t *testing.T) {
			want := loadExpected(t, folder)
			imp, err := ReadProjects(bytesOf(t, folder, "bad.xlsx"), "bad.xlsx", importOptions())
			if err != nil {
				t.Fatal(err)
			}
			if len(imp.Errors) == 0 {
				t.Fatal("no errors reported")
			}
			faultRows := map[int]bool{}
			for fault, row := range want.BadRows {
				faultRows[row] = true
				found := false
				for _, d := range imp.Errors {
					if d.Row == row && d.Field == fieldOf[fault] && d.Column != "" && d.Header != "" {
						found = true
						if fault == "unknown_county" && !strings.Contains(d.Message(), "离石区") {
							t.Errorf("%s: no close name suggested: %s", fault, d)
						}
					}
				}
				if !found {
					t.Errorf("%s on row %d (field %s) not reported; errors: %v", fault, row, fieldOf[fault], imp.Errors)
				}
			}
			for _, d := range imp.Errors {
				if !faultRows[d.Row] {
					t.Errorf("row %d blamed without a fault: %s", d.Row, d)
				}
			}
		})
	}
}
