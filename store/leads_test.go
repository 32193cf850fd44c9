package store_test

import (
	"context"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// Leads and news round-trip on both databases: money exact, the team as
// written, a stale version refused, one project linked to one lead only,
// news newest first with drafts left out of the public list.
func TestLeadsAndNewsStore(t *testing.T) {
	ctx := context.Background()
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			a := testenv.Open(t, kind)
			orgs := testenv.Lvliang(t, a)
			leader := testenv.User(t, a, "renzhong", qianxiang.RoleLeader, "141100")
			county := orgs["141181"]
			mk := func(investor string) qianxiang.Lead {
				return qianxiang.Lead{Investor: investor, OriginRegion: "江苏省苏州市", Industry: "装备制造", Intended: 1234567, Source: "promotion",
					County: county.Ref(), Target: "签约", Leader: qianxiang.LeaderRef{ID: leader.UserID}, Team: []qianxiang.TeamMember{{Name: "张三", Role: "组长"}}}
			}
			l1, l2 := mk("甲公司"), mk("乙公司")
			var proj qianxiang.Project
			err := a.DB.Tx(ctx, func(tx *store.Tx) error {
				for _, l := range []*qianxiang.Lead{&l1, &l2} {
					if err := tx.InsertLead(ctx, l); err != nil {
						return err
					}
				}
				proj = qianxiang.Project{Year: 2023, Name: "甲项目", Org: county.Ref(), LeadOrg: county.Ref(), Kind: qianxiang.KindPreparatory, Stage: qianxiang.StagePreparing, Team: []qianxiang.TeamMember{}}
				return tx.InsertProject(ctx, &proj)
			})
			if err != nil {
				t.Fatal(err)
			}
			got, err := a.DB.Lead(ctx, l1.ID)
			if err != nil || got.Intended != 1234567 || got.County.Code != "141181" || got.Leader.Username != "renzhong" ||
				len(got.Team) != 1 || got.Team[0].Role != "组长" || got.Stage != qianxiang.LeadTalking || got.Project != nil || got.CountyPath != county.Path {
				t.Fatalf("read back %+v %v", got, err)
			}
			got.Stage, got.ContractAmount, got.ContractDate = qianxiang.LeadLanded, 99999999, qianxiang.Date{Year: 2023, Month: 4, Day: 1}
			got.Project = &qianxiang.ProjectRef{ID: proj.ID}
			stale := got
			err = a.DB.Tx(ctx, func(tx *store.Tx) error {
				if err := tx.UpdateLead(ctx, &got, true); err != nil {
					return err
				}
				m := qianxiang.LeadMove{LeadID: got.ID, From: qianxiang.LeadSigned, To: qianxiang.LeadLanded, Reason: "", By: "zhb"}
				return tx.InsertLeadMove(ctx, &m)
			})
			if err != nil {
				t.Fatal(err)
			}
			err = a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.UpdateLead(ctx, &stale, false) })
			if qianxiang.ErrorCode(err) != qianxiang.EConflict {
				t.Fatalf("stale update: %v", err)
			}
			other, _ := a.DB.Lead(ctx, l2.ID)
			other.Project = &qianxiang.ProjectRef{ID: proj.ID}
			err = a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.UpdateLead(ctx, &other, false) })
			if qianxiang.ErrorCode(err) != qianxiang.EConflict {
				t.Fatalf("a second lead on one project: %v", err)
			}
			got, _ = a.DB.Lead(ctx, l1.ID)
			if got.Project == nil || got.Project.Name != "甲项目" || got.ContractAmount != 99999999 || got.ContractDate.String() != "2023-04-01" {
				t.Fatalf("after update %+v", got)
			}
			if ls, _ := a.DB.Leads(ctx, qianxiang.LeadFilter{ProjectID: proj.ID}); len(ls) != 1 || ls[0].ID != l1.ID {
				t.Fatalf("lead of project: %+v", ls)
			}
			if ls, _ := a.DB.Leads(ctx, qianxiang.LeadFilter{CountyPath: orgs["141182"].Path}); len(ls) != 0 {
				t.Fatalf("another county's leads: %d", len(ls))
			}
			if ms, _ := a.DB.LeadMoves(ctx, l1.ID); len(ms) != 1 || ms[0].To != qianxiang.LeadLanded {
				t.Fatalf("moves %+v", ms)
			}
			err = a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.DeleteProject(ctx, proj.ID, proj.Version) })
			if qianxiang.ErrorCode(err) != qianxiang.EConflict {
				t.Fatalf("deleting a landed project: %v", err)
			}

			err = a.DB.Tx(ctx, func(tx *store.Tx) error {
				for _, n := range []qianxiang.NewsItem{
					{Title: "旧", Body: "b", Date: qianxiang.Date{Year: 2023, Month: 1, Day: 5}, Published: true},
					{Title: "草稿", Body: "b", Date: qianxiang.Date{Year: 2023, Month: 3, Day: 1}},
					{Title: "新", Body: "第一行\n第二行", Date: qianxiang.Date{Year: 2023, Month: 2, Day: 27}, Published: true},
				} {
					if err := tx.InsertNews(ctx, &n); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			pub, _ := a.DB.News(ctx, true, 10)
			if len(pub) != 2 || pub[0].Title != "新" || pub[0].Body != "第一行\n第二行" || pub[1].Title != "旧" {
				t.Fatalf("public news %+v", pub)
			}
			if all, _ := a.DB.News(ctx, false, 0); len(all) != 3 || all[0].Title != "草稿" {
				t.Fatalf("all news %+v", all)
			}
		})
	}
}
