package store_test

import (
	"context"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The entry tables on both databases: an entry saved at a stale version is
// a conflict, a file filed twice in one place is a conflict, and EntryRows
// gives each project's status and the voucher kinds on file, in scope.
func TestStatEntryStoreOnBothDatabases(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		mk := func(name, org string) qianxiang.Project {
			p, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org},
				Kind: qianxiang.KindContinuing, TotalInvestment: 100000, AnnualPlan: 50000})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		ls, ws := mk("离石区项目", "141102"), mk("文水县项目", "141121")
		// A continuing project still in the reserve pool is not in the plan.
		if _, err := a.CreateProject(ctx, qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: "储备项目", Org: qianxiang.OrgRef{Code: "141102"},
			Kind: qianxiang.KindContinuing, Stage: qianxiang.StageReserve, TotalInvestment: 100000, AnnualPlan: 50000}); err != nil {
			t.Fatal(err)
		}
		var e qianxiang.StatEntry
		err := a.DB.Tx(ctx, func(tx *store.Tx) error {
			e = qianxiang.StatEntry{ProjectID: ls.ID, Status: qianxiang.EntryReturned, ReturnReason: "缺合同", ReturnedBy: "review"}
			if err := tx.SaveStatEntry(ctx, &e); err != nil {
				return err
			}
			f := qianxiang.StatFile{ProjectID: ls.ID, Kind: qianxiang.VoucherApproval, SHA256: "ab", MIME: "application/pdf", Size: 2, Name: "a.pdf", UploadedBy: "u"}
			if err := tx.InsertStatFile(ctx, &f); err != nil {
				return err
			}
			photo := qianxiang.StatFile{ProjectID: ls.ID, VerificationID: 7, SHA256: "cd", MIME: "image/png", Size: 2, UploadedBy: "u"}
			return tx.InsertStatFile(ctx, &photo)
		})
		if err != nil {
			t.Fatal(err)
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			f := qianxiang.StatFile{ProjectID: ls.ID, Kind: qianxiang.VoucherApproval, SHA256: "ab", MIME: "application/pdf", Size: 2, UploadedBy: "u"}
			return tx.InsertStatFile(ctx, &f)
		})
		if qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("the same file twice: %v", err)
		}
		stale := e
		stale.Version = 0
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			stale.Status = qianxiang.EntrySubmitted
			return tx.SaveStatEntry(ctx, &stale)
		})
		if qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("a stale save: %v", err)
		}
		got, err := a.DB.StatEntry(ctx, ls.ID)
		if err != nil || got.Status != qianxiang.EntryReturned || got.ReturnReason != "缺合同" || got.Version != 1 {
			t.Errorf("read back %+v %v", got, err)
		}
		if none, err := a.DB.StatEntry(ctx, ws.ID); err != nil || none.ID != 0 || none.Status != qianxiang.EntryNone {
			t.Errorf("a project without entry: %+v %v", none, err)
		}
		rows, err := a.DB.EntryRows(ctx, qianxiang.ProjectFilter{Year: 2023})
		if err != nil || len(rows) != 2 {
			t.Fatalf("rows %+v %v", rows, err)
		}
		r := rows[0] // 141102 sorts first
		if r.Project.ID != ls.ID || r.Status != qianxiang.EntryReturned || r.ReturnedBy != "review" || !r.Have[qianxiang.VoucherApproval] || len(r.Have) != 1 {
			t.Errorf("离石 row %+v (a verification photo is no voucher)", r)
		}
		if rows[1].Status != "" || len(rows[1].Have) != 0 || rows[1].Facts.TotalInvestment != 100000 || rows[1].Facts.Kind != qianxiang.KindContinuing {
			t.Errorf("文水 row %+v", rows[1])
		}
		orgs := testenv.Lvliang(t, a)
		scoped, err := a.DB.EntryRows(ctx, qianxiang.ProjectFilter{Year: 2023, ScopePath: orgs["141121"].Path})
		if err != nil || len(scoped) != 1 || scoped[0].Project.ID != ws.ID {
			t.Errorf("scoped to 文水县: %+v %v", scoped, err)
		}
	})
}
