package app_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The dispatch and the series are cached per data version; a saved report
// must show on the very next dispatch, series and registry page — on the
// server that saved it and on another server over the same database —
// and with nothing saved the cache must actually be used.
func TestASavedReportShowsOnTheNextDispatchOnEveryServer(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			dsn, key := testenv.DSN(t, kind), testenv.KeyFile(t)
			one := testenv.OpenDSN(t, dsn, key)
			two := testenv.OpenDSN(t, dsn, key) // a second server
			now := time.Date(2023, 3, 10, 9, 0, 0, 0, one.Loc)
			for _, a := range []*app.App{one, two} {
				a.Now = func() time.Time { return now }
			}
			testenv.Lvliang(t, one)
			cmd := testenv.User(t, one, "zhb", qianxiang.RoleCommand, "141100")
			county := testenv.User(t, one, "lishi", qianxiang.RoleOrgAdmin, "141102")
			unit := testenv.User(t, one, "lishi-xm", qianxiang.RoleReporter, "141102")
			p, err := one.CreateProject(ctx, cmd, newProject("离石区污水处理厂", "141102"))
			if err != nil {
				t.Fatal(err)
			}
			type seen struct {
				d      *qianxiang.Dispatch
				county qianxiang.Money
				series qianxiang.Money
				list   qianxiang.Money
				public qianxiang.Money
			}
			look := func(a *app.App) seen {
				t.Helper()
				d, err := a.Dispatch(ctx, cmd, 2023, 3)
				if err != nil {
					t.Fatal(err)
				}
				cd, err := a.Dispatch(ctx, county, 2023, 3)
				if err != nil {
					t.Fatal(err)
				}
				pts, err := a.Series(ctx, cmd, 2023, 3)
				if err != nil || len(pts) != 3 {
					t.Fatal(pts, err)
				}
				page, err := a.Projects(ctx, cmd, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, PerPage: 50}, Month: 3})
				if err != nil || len(page.Items) != 1 {
					t.Fatal(page, err)
				}
				pub, err := a.PublicProgress(ctx, 2023)
				if err != nil {
					t.Fatal(err)
				}
				return seen{d, cd.Total.CompletedYTD, pts[2].CompletedYTD, page.Figures[p.ID].CompletedYTD, pub.CompletedYTD}
			}
			for _, a := range []*app.App{one, two} {
				s1, s2 := look(a), look(a)
				if s1.d != s2.d {
					t.Error("nothing changed, yet the dispatch was computed twice: the cache is not used")
				}
				if s1.d.Total.CompletedYTD != 0 || s1.county != 0 || s1.series != 0 || s1.list != 0 || s1.public != 0 {
					t.Fatalf("before any report: %+v", s1)
				}
			}
			_, rolls1 := one.InputsRead()
			_, rolls2 := two.InputsRead()
			if _, err := one.SaveReport(ctx, unit, p.ID, 2023, 3, app.ReportInput{Completed: money("320.50")}); err != nil {
				t.Fatal(err)
			}
			if _, err := one.SubmitReport(ctx, unit, p.ID, 2023, 3, nil); err != nil {
				t.Fatal(err)
			}
			want := *money("320.50")
			for i, a := range []*app.App{one, two} {
				s := look(a)
				if s.d.Total.CompletedYTD != want || s.county != want || s.series != want || s.list != want || s.public != want {
					t.Errorf("server %d after the save: dispatch %v, county %v, series %v, registry %v, public %v; want %v everywhere",
						i+1, s.d.Total.CompletedYTD, s.county, s.series, s.list, s.public, want)
				}
			}
			// Marked confidential on one server, the project leaves the
			// public figures of both at once.
			if _, err := one.PatchProject(ctx, cmd, p.ID, app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
				t.Fatal(err)
			}
			for i, a := range []*app.App{one, two} {
				if pub, err := a.PublicProgress(ctx, 2023); err != nil || pub.Projects != 0 || pub.CompletedYTD != 0 {
					t.Errorf("server %d after marking confidential: %d projects, %v completed (%v); want none", i+1, pub.Projects, pub.CompletedYTD, err)
				}
			}
			if _, err := one.PatchProject(ctx, cmd, p.ID, app.AnyVersion, []byte(`{"confidential":false}`)); err != nil {
				t.Fatal(err)
			}
			// Both servers took the save in by re-reading that one project's
			// reports (the change log), not the whole year.
			if _, r := one.InputsRead(); r <= rolls1 {
				t.Error("server 1 read the whole year again after a report save")
			}
			if _, r := two.InputsRead(); r <= rolls2 {
				t.Error("server 2 read the whole year again after a report save")
			}
			// The thresholds move the lights: a settings change is seen too.
			before, _ := two.Dispatch(ctx, cmd, 2023, 3)
			s := one.DispatchSettings(ctx)
			s.YellowBand = s.YellowBand / 2
			if err := one.SetDispatchSettings(ctx, cmd, s); err != nil {
				t.Fatal(err)
			}
			if after, _ := two.Dispatch(ctx, cmd, 2023, 3); after == before {
				t.Error("a settings change did not reach the other server's dispatch")
			}
		})
	}
}

// Readers share the cached dispatch while reports are saved: under -race
// this shows no reader writes into what another reads.
func TestCachedDispatchUnderConcurrentReadsAndSaves(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	now := time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc)
	a.Now = func() time.Time { return now }
	testenv.Lvliang(t, a)
	cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
	unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
	var ids []int64
	for i := range 6 {
		p, err := a.CreateProject(ctx, cmd, newProject(fmt.Sprintf("离石区项目%d", i), "141102"))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	done := make(chan struct{})
	errs := make(chan error, 64)
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				who := []qianxiang.Actor{cmd, county}[g%2]
				if _, err := a.Dispatch(ctx, who, 2023, 3); err != nil {
					errs <- err
					return
				}
				if _, _, err := a.DispatchOf(ctx, cmd, 2023, 3, "141102"); err != nil {
					errs <- err
					return
				}
				if _, err := a.Series(ctx, who, 2023, 3); err != nil {
					errs <- err
					return
				}
				if _, err := a.Projects(ctx, who, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2023, PerPage: 5}, Month: 3}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i, id := range ids {
		if _, err := a.SaveReport(ctx, unit, id, 2023, 3, app.ReportInput{Completed: money(fmt.Sprint(10 + i))}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SubmitReport(ctx, unit, id, 2023, 3, nil); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	d, err := a.Dispatch(ctx, cmd, 2023, 3)
	if err != nil || d.Total.CompletedYTD != *money("75") {
		t.Errorf("after the saves: %v, %v; want 75", d.Total.CompletedYTD, err)
	}
}
