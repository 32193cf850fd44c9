package store_test

import (
	"context"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The pipeline's store on both databases: checklist, marks, reserve record,
// publications (never a confidential one to the public), interests, the
// pool's query and the pool left out of the year's dispatch.
func TestPipelineStore(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		sys := qianxiang.SystemActor
		mk := func(name, org string, stage qianxiang.Stage, secret bool) qianxiang.Project {
			p, err := a.CreateProject(ctx, sys, qianxiang.Project{Year: 2026, Name: name, Org: qianxiang.OrgRef{Code: org}, Kind: qianxiang.KindPreparatory,
				Stage: stage, Sector: "基础设施项目", TotalInvestment: 200000, Confidential: secret, Contact: "王联络员", Phone: "13912345678"})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		idea := mk("离石区水库项目", "141102", qianxiang.StageIdea, false)
		reserve := mk("文水县管廊项目", "141121", qianxiang.StageReserve, false)
		secret := mk("离石区涉密储备项目", "141102", qianxiang.StageReserve, true)
		planned := mk("离石区在建项目", "141102", qianxiang.StagePreparing, false)

		err := a.DB.Tx(ctx, func(tx *store.Tx) error {
			chs, err := tx.ReplacePipelineItems(ctx, []qianxiang.ChecklistItem{{Key: "feasibility", Name: "可研", Weight: 3, Mandatory: true}, {Key: "land", Name: "用地", Weight: 2, Mandatory: false}})
			if err != nil || len(chs) != 2 || chs[0].Action != "create" {
				t.Errorf("first checklist: %+v %v", chs, err)
			}
			chs, err = tx.ReplacePipelineItems(ctx, []qianxiang.ChecklistItem{{Key: "land", Name: "用地预审", Weight: 2, Mandatory: true}, {Key: "funding", Name: "资金", Weight: 3, Mandatory: true}})
			actions := map[string]int{}
			for _, c := range chs {
				actions[c.Action]++
			}
			if err != nil || actions["create"] != 1 || actions["update"] != 1 || actions["delete"] != 1 {
				t.Errorf("replaced checklist: %+v %v", chs, err)
			}
			m := qianxiang.CheckMark{Key: "land", Done: true, DoneOn: qianxiang.Date{Year: 2026, Month: 5, Day: 4}, Note: "已取得预审意见"}
			if ch, ok, err := tx.PutCheck(ctx, idea.ID, m, "zhb"); err != nil || !ok || ch.Action != "create" {
				t.Errorf("first mark: %+v %v %v", ch, ok, err)
			}
			if _, ok, err := tx.PutCheck(ctx, idea.ID, m, "zhb"); err != nil || ok {
				t.Errorf("an unchanged mark was written: %v %v", ok, err)
			}
			m.Note = "预审意见已批复"
			if ch, ok, err := tx.PutCheck(ctx, idea.ID, m, "zhb"); err != nil || !ok || ch.Action != "update" || ch.Before == "" {
				t.Errorf("changed mark: %+v %v %v", ch, ok, err)
			}
			ri := store.ReserveInfo{Agency: "山西某工程咨询公司", Channels: map[qianxiang.Channel]string{qianxiang.ChannelSpecialBonds: qianxiang.MarkFit, qianxiang.ChannelCentralBudget: ""}}
			if _, ok, err := tx.PutReserve(ctx, idea.ID, ri); err != nil || !ok {
				t.Errorf("reserve: %v %v", ok, err)
			}
			if _, ok, err := tx.PutReserve(ctx, idea.ID, ri); err != nil || ok {
				t.Errorf("an unchanged reserve was written: %v %v", ok, err)
			}
			for _, p := range []qianxiang.Project{idea, secret} {
				m := qianxiang.Promotion{ProjectID: p.ID, Published: true, Investment: 100000, ReturnModel: "使用者付费", Cooperation: qianxiang.CoopPPP,
					Contact: "市发改委", OfficePhone: "0358-8881234"}
				if _, err := tx.PutPromotion(ctx, &m); err != nil || m.PublishedAt.IsZero() {
					t.Errorf("promotion: %v %+v", err, m)
				}
			}
			withdrawn := qianxiang.Promotion{ProjectID: reserve.ID, Published: false, Contact: "文水县发改局"}
			if _, err := tx.PutPromotion(ctx, &withdrawn); err != nil {
				t.Error(err)
			}
			in := qianxiang.Interest{Project: qianxiang.ProjectRef{ID: idea.ID}, Company: "某能源集团", Person: "李经理", Phone: "13900001111", Intent: "股权合作", Source: "public"}
			return tx.InsertInterest(ctx, &in, "k1")
		})
		if err != nil {
			t.Fatal(err)
		}
		items, err := a.DB.PipelineItems(ctx)
		if err != nil || len(items) != 2 || items[0].Key != "land" || !items[0].Mandatory || items[1].Key != "funding" {
			t.Errorf("items %+v %v", items, err)
		}
		checks, err := a.DB.PipelineChecks(ctx, []int64{idea.ID, reserve.ID})
		if err != nil || checks[idea.ID]["land"].Note != "预审意见已批复" || checks[idea.ID]["land"].DoneOn.String() != "2026-05-04" || len(checks[reserve.ID]) != 0 {
			t.Errorf("checks %+v %v", checks, err)
		}
		res, err := a.DB.Reserves(ctx, []int64{idea.ID})
		if err != nil || res[idea.ID].Agency != "山西某工程咨询公司" || len(res[idea.ID].Channels) != 1 {
			t.Errorf("reserves %+v %v", res, err)
		}
		pool, err := a.DB.PoolProjects(ctx, qianxiang.PoolFilter{})
		if err != nil || len(pool) != 3 {
			t.Errorf("pool %d %v", len(pool), err)
		}
		orgs := testenv.Lvliang(t, a)
		if pool, _ := a.DB.PoolProjects(ctx, qianxiang.PoolFilter{ScopePath: orgs["141121"].Path}); len(pool) != 1 || pool[0].ID != reserve.ID {
			t.Errorf("county pool %+v", pool)
		}
		if pool, _ := a.DB.PoolProjects(ctx, qianxiang.PoolFilter{OrgPath: orgs["141102"].Path, Sector: "基础设施项目"}); len(pool) != 2 {
			t.Errorf("org and sector filter: %d", len(pool))
		}
		if pool, _ := a.DB.PoolProjects(ctx, qianxiang.PoolFilter{Sector: "产业项目"}); len(pool) != 0 {
			t.Errorf("sector filter: %d", len(pool))
		}
		ps, ms, err := a.DB.PublicPromotions(ctx, 0)
		if err != nil || len(ps) != 1 || ps[0].ID != idea.ID || ms[0].Investment != 100000 || ps[0].Phone != "" || ps[0].Contact != "" {
			t.Errorf("public promotions %+v %+v %v", ps, ms, err)
		}
		if ps, _, _ := a.DB.PublicPromotions(ctx, secret.ID); len(ps) != 0 {
			t.Error("a confidential project's promotion is public")
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			n, err := tx.CountInterestsFrom(ctx, "k1", time.Now().Add(-time.Hour))
			if n != 1 {
				t.Errorf("interests from k1: %d", n)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		is, err := a.DB.Interests(ctx, 0, orgs["141102"].Path)
		if err != nil || len(is) != 1 || is[0].Project.Name != idea.Name || is[0].Phone != "13900001111" {
			t.Errorf("interests %+v %v", is, err)
		}
		if is, _ := a.DB.Interests(ctx, 0, orgs["141121"].Path); len(is) != 0 {
			t.Errorf("another county sees interests: %+v", is)
		}
		dps, _, err := a.DB.DispatchInput(ctx, 2026, 1, "")
		if err != nil || len(dps) != 1 || dps[0].ID != planned.ID {
			t.Errorf("the dispatch counts the pool: %+v %v", dps, err)
		}
	})
}
