package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/store"
)

var progressWords = []string{"主体结构施工中", "完成土方开挖", "设备安装调试", "基础施工完成", "完成初步设计批复", "管网铺设中", "装饰装修阶段", "办理施工许可"}

// writeReports gives every project its reports for months 1..last (most
// approved, some only submitted, a few missing) and, for the current month
// when it is still open, a partly filled month to work on.
func writeReports(ctx context.Context, a *app.App, tx *store.Tx, sys qianxiang.Actor, rng *rand.Rand, plan []planned, year, last int, today qianxiang.Date) error {
	now := a.Now()
	for i := range plan {
		pp := &plan[i]
		p := &pp.Project
		for m := 1; m <= last+1 && m <= 12; m++ {
			current := m == last+1
			if current && (today.Year != year || m != today.Month || rng.IntN(3) > 0) {
				continue
			}
			if !current && rng.IntN(40) == 0 && m == last {
				continue // a missing report this month
			}
			r := qianxiang.Report{ProjectID: p.ID, Year: year, Month: m, Status: qianxiang.ReportApproved, UpdatedBy: "demo"}
			switch {
			case current:
				r.Status = qianxiang.ReportDraft
			case m == last && rng.IntN(3) == 0:
				r.Status = qianxiang.ReportSubmitted
			}
			started := p.Kind == qianxiang.KindContinuing || (p.Kind == qianxiang.KindNew && pp.startsIn > 0 && m >= pp.startsIn)
			if started && p.Kind == qianxiang.KindNew && m == pp.startsIn {
				r.StartedOn = qianxiang.Date{Year: year, Month: m, Day: 1 + rng.IntN(25)}
				p.StartedOn = r.StartedOn
			}
			if started || p.Kind == qianxiang.KindPreparatory {
				// A project spreads its annual plan over the months it builds
				// in; winter slows work in the north.
				months := 12.0
				if p.Kind == qianxiang.KindNew {
					months = float64(13 - pp.startsIn)
				}
				month := float64(p.AnnualPlan) / months * pp.pace * (0.8 + rng.Float64()*0.4)
				if m <= 2 {
					month *= 0.7
				}
				r.Completed = qianxiang.Money(int64(month))
				r.Progress = progressWords[rng.IntN(len(progressWords))]
			} else {
				r.Progress = "前期手续办理中"
			}
			if r.Status != qianxiang.ReportDraft {
				t := time.Date(year, time.Month(m), 20, 10, 0, 0, 0, a.Loc)
				// A few units report after the deadline (迟报), chosen from
				// the project and month so the demo's random draws stay as
				// they were.
				if (p.ID*7+int64(m)*13)%29 == 0 {
					r.Late, t = true, t.AddDate(0, 0, 8)
				}
				if t.After(now) {
					t = now
				}
				r.SubmittedAt = &t
			}
			if err := tx.SaveReport(ctx, &r); err != nil {
				return err
			}
			if err := tx.Audit(ctx, sys.Username, "import", "reports", r.ID, fmt.Sprintf("%s %04d-%02d", p.Name, year, m), ""); err != nil {
				return err
			}
		}
		if !p.StartedOn.IsZero() {
			before, err := tx.Snapshot(ctx, "projects", p.ID)
			if err != nil {
				return err
			}
			if err := tx.SetProjectStarted(ctx, p.ID, p.StartedOn, qianxiang.StageAfterStart(p.Stage)); err != nil {
				return err
			}
			if err := tx.Audit(ctx, sys.Username, "start", "projects", p.ID, p.Name, before); err != nil {
				return err
			}
		}
	}
	return nil
}
