package excel

import (
	"strings"
	"testing"

	"qianxiang"
)

// plan imports a sample list and numbers its projects as a database would.
func plan(t *testing.T, folder string) []qianxiang.Project {
	t.Helper()
	imp := mustReadProjects(t, folder, "projects.xlsx")
	ps := make([]qianxiang.Project, len(imp.Rows))
	for i, r := range imp.Rows {
		ps[i] = r.Project
		ps[i].ID = int64(i + 1)
	}
	return ps
}

func readReports(t *testing.T, folder, name string, opt ReportOptions) *ReportImport {
	t.Helper()
	imp, err := ReadReports(bytesOf(t, folder, name), name, opt)
	if err != nil {
		t.Fatalf("%s/%s: %v", folder, name, err)
	}
	return imp
}

func completedSum(rows []ReportRow) qianxiang.Money {
	var s qianxiang.Money
	for _, r := range rows {
		s += r.Completed
	}
	return s
}

// Each sample's month-1 调度表 reports every project of the plan but the
// missing ones, and its amounts add up to the dispatch's completed YTD.
func TestReadReportsFirstMonthOfEachSample(t *testing.T) {
	for _, folder := range sampleFolders {
		t.Run(folder, func(t *testing.T) {
			want := loadExpected(t, folder)
			opt := ReportOptions{Year: 2023, Orgs: lvliangOrgs(), Projects: plan(t, folder)}
			imp := readReports(t, folder, "reports-2023-01.xlsx", opt)
			for _, d := range imp.Errors {
				t.Errorf("unexpected error: %s", d)
			}
			for _, d := range imp.Warnings {
				t.Logf("warning: %s", d)
			}
			if imp.Month != 1 {
				t.Errorf("month = %d, want 1 (from the title)", imp.Month)
			}
			d := want.Dispatch["1"].Total
			if got := len(imp.Rows); got != d.Projects-d.ReportsMissing {
				t.Errorf("rows = %d, want %d", got, d.Projects-d.ReportsMissing)
			}
			if got := completedSum(imp.Rows).String(); got != d.CompletedYTD {
				t.Errorf("completed = %s, want %s", got, d.CompletedYTD)
			}
			started := 0
			for _, r := range imp.Rows {
				if r.ProjectID == 0 {
					t.Errorf("row %d matched no project", r.Row)
				}
				if !r.StartedOn.IsZero() {
					started++
				}
			}
			if started == 0 {
				t.Error("no start date read")
			}
		})
	}
}

// Month 2 of the city is checked against month 1: its 1-2月累计 column
// must equal month 1 plus month 2, and a wrong prior sum is an error.
func TestReadReportsSecondMonthChecksCumulative(t *testing.T) {
	const folder = "city-sectioned-2023"
	want := loadExpected(t, folder)
	ps := plan(t, folder)
	m1 := readReports(t, folder, "reports-2023-01.xlsx", ReportOptions{Year: 2023, Month: 1, Orgs: lvliangOrgs(), Projects: ps})
	prior := map[int64]qianxiang.Money{}
	for _, r := range m1.Rows {
		prior[r.ProjectID] += r.Completed
	}
	opt := ReportOptions{Year: 2023, Orgs: lvliangOrgs(), Projects: ps, PriorYTD: prior}
	m2 := readReports(t, folder, "reports-2023-02.xlsx", opt)
	for _, d := range m2.Errors {
		t.Errorf("unexpected error: %s", d)
	}
	d := want.Dispatch["2"].Total
	if m2.Month != 2 || len(m2.Rows) != d.Projects-d.ReportsMissing {
		t.Errorf("month %d with %d rows, want month 2 with %d", m2.Month, len(m2.Rows), d.Projects-d.ReportsMissing)
	}
	ytd := completedSum(m1.Rows)
	for _, r := range m2.Rows {
		ytd += r.Completed
	}
	if ytd.String() != d.CompletedYTD {
		t.Errorf("completed YTD after month 2 = %s, want %s", ytd, d.CompletedYTD)
	}

	var victim ReportRow
	for _, r := range m2.Rows {
		if r.Completed > 0 {
			victim = r
			break
		}
	}
	prior[victim.ProjectID] += 1 // 0.01 万元 off
	bad := readReports(t, folder, "reports-2023-02.xlsx", opt)
	if len(bad.Errors) != 1 || bad.Errors[0].Row != victim.Row || bad.Errors[0].Field != "completed_ytd" {
		t.Errorf("want one cumulative error on row %d, got %v", victim.Row, bad.Errors)
	}
}

// A row for a project not in the plan, and a project reported twice, are
// errors on their rows.
func TestReadReportsRefusesUnknownAndRepeatedProjects(t *testing.T) {
	ps := plan(t, "county-flat-2023")
	csv := "项目代码,项目名称,县（市、区）,本月完成投资,形象进度,存在问题\n" +
		"," + ps[0].Name + "," + ps[0].Org.Name + ",10,,\n" +
		"," + ps[0].Name + "," + qianxiang.ShortName(ps[0].Org.Name) + ",5,,\n" +
		",不存在的项目,离石区,1,,\n" +
		"2023-141102-99-99-999999,,,1,,\n" +
		"," + ps[1].Name + ",离石县,1,,\n" +
		"," + ps[2].Name + ",," + "2,基础施工,征地未完成\n"
	imp, err := ReadReports(strings.NewReader(csv), "r.csv", ReportOptions{Year: 2023, Month: 4, Orgs: lvliangOrgs(), Projects: ps})
	if err != nil {
		t.Fatal(err)
	}
	wantRows := map[int]string{3: "name", 4: "name", 5: "code", 6: "county"}
	if len(imp.Errors) != len(wantRows) {
		t.Errorf("errors: %v", imp.Errors)
	}
	for _, d := range imp.Errors {
		if wantRows[d.Row] != d.Field {
			t.Errorf("unexpected %s", d)
		}
	}
	last := imp.Rows[len(imp.Rows)-1]
	if last.ProjectID != ps[2].ID || last.Problem != "征地未完成" || last.Progress != "基础施工" || last.Completed != 200 {
		t.Errorf("last row = %+v", last)
	}
}

func TestReadReportsNeedsAMonth(t *testing.T) {
	csv := "项目名称,县（市、区）,本月完成投资\n某项目,离石区,1\n"
	_, err := ReadReports(strings.NewReader(csv), "r.csv", ReportOptions{Year: 2023, Orgs: lvliangOrgs()})
	if e := qianxiang.AsError(err); e == nil || !strings.Contains(e.Error(), "month") {
		t.Errorf("err = %v, want a refusal naming the month", err)
	}
}

// "完成投资（万元）" over "本月 | 1-2月累计" names the month's and the
// cumulative column; the month comes from the cumulative header.
func TestReadReportsGroupedAmountHeader(t *testing.T) {
	ps := plan(t, "county-flat-2023")
	csv := "项目名称,县（市、区）,完成投资（万元）,,形象进度\n" +
		",,本月,1-2月累计,\n" +
		ps[0].Name + "," + ps[0].Org.Name + ",12.5,20,主体施工\n"
	imp, err := ReadReports(strings.NewReader(csv), "r.csv", ReportOptions{Year: 2023, Orgs: lvliangOrgs(), Projects: ps,
		PriorYTD: map[int64]qianxiang.Money{ps[0].ID: 750}})
	if err != nil {
		t.Fatal(err)
	}
	if imp.Month != 2 || len(imp.Errors) > 0 || len(imp.Rows) != 1 || imp.Rows[0].Completed != 1250 {
		t.Errorf("month %d rows %+v errors %v", imp.Month, imp.Rows, imp.Errors)
	}
}
