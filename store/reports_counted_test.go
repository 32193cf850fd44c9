package store_test

import (
	"context"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The queries that sum counted reports select them in SQL; they must pick
// exactly the reports the domain's rule (ReportStatus.Counts) counts.
func TestCountedReportSQLAgreesWithTheDomainRule(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		p, err := a.CreateProject(ctx, cmd, qianxiang.Project{Year: 2023, Name: "离石区污水处理厂", Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 500000, AnnualPlan: 120000})
		if err != nil {
			t.Fatal(err)
		}
		// One report per status, month i+1 with i+1 hundredths, so the sums
		// name which months counted.
		var want qianxiang.Money
		latest := 0
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			for i, s := range qianxiang.ReportStatuses {
				r := qianxiang.Report{ProjectID: p.ID, Year: 2023, Month: i + 1, Status: s, Completed: qianxiang.Money(1) << i}
				if s.Counts() {
					want += r.Completed
					latest = i + 1
				}
				if err := tx.SaveReport(ctx, &r); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if want == 0 || len(qianxiang.ReportStatuses) < 3 {
			t.Fatal("the domain counts no status: the test proves nothing")
		}
		fs, err := a.DB.MonthFigures(ctx, 2023, 12)
		if err != nil {
			t.Fatal(err)
		}
		var got qianxiang.Money
		for _, f := range fs {
			if !f.Status.Counts() {
				t.Errorf("MonthFigures gave a %s report of month %d, which does not count", f.Status, f.Month)
			}
			got += f.Completed
		}
		if got != want {
			t.Errorf("MonthFigures sum %d, want %d (the counted months' bits)", got, want)
		}
		sum, err := a.DB.Summaries(ctx, 2023, 12)
		if err != nil || len(sum) != 1 || sum[0].Completed != want || sum[0].Month != latest {
			t.Errorf("Summaries = %+v, %v; want %d up to month %d", sum, err, want, latest)
		}
		if m, err := a.DB.LatestMonth(ctx, 2023); err != nil || m != latest {
			t.Errorf("LatestMonth = %d, %v; want %d", m, err, latest)
		}
	})
}
