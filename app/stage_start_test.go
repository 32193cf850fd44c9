package app_test

import (
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Issue 15.3: a report that gives a start moves a 前期 project to 在建, in
// the audited change; a stage the office set beyond 在建 stays.
func TestAStartMovesThePreparingStageToConstruction(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		started := qianxiang.Date{Year: 2023, Month: 3, Day: 5}
		for _, c := range []struct {
			stage, want qianxiang.Stage
		}{
			{qianxiang.StagePreparing, qianxiang.StageConstruction},
			{qianxiang.StageCompleted, qianxiang.StageCompleted},
		} {
			np := newProject("离石区"+string(c.stage)+"项目", "141102")
			np.Kind, np.Stage, np.PlannedStart = qianxiang.KindNew, c.stage, qianxiang.Date{Year: 2023, Month: 3}
			p, err := a.CreateProject(ctx, cmd, np)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.SubmitReport(ctx, unit, p.ID, 2023, 3, &app.ReportInput{Completed: money("10"), StartedOn: &started}); err != nil {
				t.Fatal(err)
			}
			got, _ := a.Project(ctx, cmd, p.ID)
			if got.Stage != c.want || got.StartedOn != started {
				t.Errorf("%s: after the start the stage is %s (started %v), want %s", c.stage, got.Stage, got.StartedOn, c.want)
			}
			es, err := a.AuditEntries(ctx, cmd, qianxiang.AuditFilter{Table: "projects", ID: p.ID})
			if err != nil || len(es) == 0 || es[0].Action != "start" {
				t.Fatalf("no audit entry for the start: %+v %v", es, err)
			}
			if !strings.Contains(es[0].After, string(c.want)) {
				t.Errorf("%s: the audit entry does not hold the new stage: %s", c.stage, es[0].After)
			}
		}
	})
}
