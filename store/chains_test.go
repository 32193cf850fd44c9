package store_test

import (
	"context"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// Lists keep their entries' ids across renames, refuse to drop an entry a
// project carries, and the registry filter finds the projects of an entry.
func TestClassListsAndProjectClasses(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		sys := qianxiang.SystemActor
		put := func(l qianxiang.ClassList) (qianxiang.ClassList, error) {
			var out qianxiang.ClassList
			err := a.DB.Tx(ctx, func(tx *store.Tx) error {
				if err := l.Validate(); err != nil {
					return err
				}
				_, err := tx.PutClassList(ctx, &l, 0)
				out = l
				return err
			})
			return out, err
		}
		l, err := put(qianxiang.ClassList{Code: "chain", Name: "重点产业链", Headers: []string{"产业链"},
			Entries: []qianxiang.ClassEntry{{Name: "新能源"}, {Name: "氢能"}, {Name: "铝镁新材料"}}})
		if err != nil {
			t.Fatal(err)
		}
		p1, err := a.CreateProject(ctx, sys, qianxiang.Project{Year: 2023, Name: "孝义市氢能综合利用示范项目", Org: qianxiang.OrgRef{Code: "141181"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 500000, AnnualPlan: 120000})
		if err != nil {
			t.Fatal(err)
		}
		p2, err := a.CreateProject(ctx, sys, qianxiang.Project{Year: 2023, Name: "离石区光伏发电项目", Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindContinuing, TotalInvestment: 300000, AnnualPlan: 100000})
		if err != nil {
			t.Fatal(err)
		}
		h2, neu := l.Entries[1].ID, l.Entries[0].ID
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			if ch, err := tx.SetProjectClasses(ctx, p1.ID, []int64{h2, neu}); err != nil || !ch {
				t.Errorf("first set: %v %v", ch, err)
			}
			if ch, err := tx.SetProjectClasses(ctx, p1.ID, []int64{neu, h2}); err != nil || ch {
				t.Errorf("same set again changed: %v %v", ch, err)
			}
			_, err := tx.SetProjectClasses(ctx, p2.ID, []int64{neu})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := a.DB.Project(ctx, p1.ID)
		if err != nil || len(got.Classes["chain"]) != 2 || got.Classes["chain"][0] != "新能源" {
			t.Fatalf("project classes: %v %v", got.Classes, err)
		}
		for filter, want := range map[string]int{"新能源": 2, "chain:氢能": 1, "氢能产业链": 1, "铝镁新材料": 0, "town:新能源": 0, "光伏": 0} {
			_, tot, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: 2023, Class: filter})
			if err != nil || tot.Count != want {
				t.Errorf("filter %q: %d projects, want %d (%v)", filter, tot.Count, want, err)
			}
		}
		of, err := a.DB.YearClassIDs(ctx, 2023)
		if err != nil || len(of[p1.ID]) != 2 || len(of[p2.ID]) != 1 {
			t.Errorf("year classes: %v %v", of, err)
		}

		// Rename 氢能 (kept by id, projects follow), add one, drop an unused one.
		l.Entries = []qianxiang.ClassEntry{{ID: neu, Name: "新能源"}, {ID: h2, Name: "氢能源"}, {Name: "数字经济"}}
		if l, err = put(l); err != nil {
			t.Fatal(err)
		}
		if got, _ := a.DB.Project(ctx, p1.ID); len(got.Classes["chain"]) != 2 || got.Classes["chain"][1] != "氢能源" {
			t.Errorf("after the rename: %v", got.Classes)
		}
		// Dropping an entry a project carries is refused, nothing changed.
		l.Entries = []qianxiang.ClassEntry{{ID: neu, Name: "新能源"}, {Name: "数字经济"}}
		if _, err := put(l); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("dropped a carried entry: %v", err)
		}
		lists, err := a.DB.ClassLists(ctx)
		if err != nil || len(lists) != 1 || len(lists[0].Entries) != 3 || lists[0].Headers[0] != "产业链" {
			t.Fatalf("lists: %+v %v", lists, err)
		}
		// A project removed takes its classes with it.
		if err := a.DeleteProject(ctx, sys, p2.ID, app.AnyVersion); err != nil {
			t.Fatal(err)
		}
		if of, _ := a.DB.ProjectClassIDs(ctx, []int64{p2.ID}); len(of[p2.ID]) != 0 {
			t.Errorf("classes of a removed project: %v", of)
		}
	})
}

// An event reads back with its projects in county order and exact sums.
func TestBatchStartStore(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		orgs := testenv.Lvliang(t, a)
		sys := qianxiang.SystemActor
		mk := func(name, org string, total, plan qianxiang.Money) qianxiang.Project {
			p, err := a.CreateProject(ctx, sys, qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org},
				Kind: qianxiang.KindNew, PlannedStart: qianxiang.Date{Year: 2023, Month: 4}, TotalInvestment: total, AnnualPlan: plan})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		a1 := mk("汾阳市汾酒文化产业园项目", "141182", 1200000_15, 300000_05)
		a2 := mk("离石区数据中心项目", "141102", 85000_10, 20000_00)
		b := qianxiang.BatchStart{Title: "全市集中开工", Date: qianxiang.Date{Year: 2023, Month: 4, Day: 26}, Place: "开发区",
			Org: orgs["141100"].Ref(), Leader: "张广勇"}
		if err := b.Validate(); err != nil {
			t.Fatal(err)
		}
		err := a.DB.Tx(ctx, func(tx *store.Tx) error {
			if err := tx.InsertBatchStart(ctx, &b); err != nil {
				return err
			}
			for _, p := range []qianxiang.Project{a1, a2} {
				if err := tx.JoinBatch(ctx, b.ID, p.ID, store.BatchLink{Applied: true, PriorStage: p.Stage}); err != nil {
					return err
				}
				if err := tx.SetProjectStarted(ctx, p.ID, b.Date, qianxiang.StageConstruction); err != nil {
					return err
				}
			}
			// A project is in one event only: the second join fails, and
			// the whole transaction with it.
			return tx.JoinBatch(ctx, b.ID, a1.ID, store.BatchLink{})
		})
		if err == nil {
			t.Fatal("a project joined an event twice")
		}
		if left, _ := a.DB.BatchStarts(ctx, 0); len(left) != 0 {
			t.Fatalf("half-written: %+v", left)
		}
		if p, _ := a.DB.Project(ctx, a1.ID); !p.StartedOn.IsZero() {
			t.Fatalf("start date written by a rolled-back transaction: %v", p.StartedOn)
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			if err := tx.InsertBatchStart(ctx, &b); err != nil {
				return err
			}
			for i, p := range []qianxiang.Project{a1, a2} {
				if err := tx.JoinBatch(ctx, b.ID, p.ID, store.BatchLink{Applied: i == 0, PriorStage: p.Stage}); err != nil {
					return err
				}
			}
			return tx.SetProjectStarted(ctx, a1.ID, b.Date, qianxiang.StageConstruction)
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := a.DB.BatchStart(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Count != 2 || got.TotalInvestment != 1285000_25 || got.AnnualPlan != 320000_05 || got.Org.Code != "141100" || got.Date != b.Date {
			t.Errorf("event: %+v", got)
		}
		// 离石区 (141102) sorts before 汾阳市 (141182).
		if got.Projects[0].ID != a2.ID || got.Projects[1].FromEvent != true || got.Projects[0].FromEvent {
			t.Errorf("projects: %+v", got.Projects)
		}
		if l, in, err := a.DB.BatchOf(ctx, a1.ID); err != nil || !in || l.BatchID != b.ID || !l.Applied {
			t.Errorf("BatchOf: %+v %v %v", l, in, err)
		}
		all, err := a.DB.BatchStarts(ctx, 2023)
		if err != nil || len(all) != 1 {
			t.Fatalf("year list: %v %v", all, err)
		}
		if none, _ := a.DB.BatchStarts(ctx, 2024); len(none) != 0 {
			t.Errorf("2024: %v", none)
		}
		if _, err := a.DB.BatchStart(ctx, b.ID+100); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("unknown event: %v", err)
		}
	})
}
