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

// The county edits its project's factors; another county cannot see them,
// a reporter cannot change them; a 容缺 promise missed raises one problem,
// however often and however concurrently the factors are read.
func TestFactorsScopeAndMissedPromiseRaisesOneProblem(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		var mu sync.Mutex
		now := time.Date(2026, 11, 30, 10, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100-FGW")
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		wenshui := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		p, err := a.CreateProject(ctx, cmd, newProject("离石区新材料产业园项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		ap, err := a.SaveApproval(ctx, lishi, p.ID, qianxiang.Approval{Kind: "planning_permit", State: qianxiang.ApprovalTolerated,
			Doc: "建设工程规划总平面图", PromisedBy: qianxiang.Date{Year: 2026, Month: 12, Day: 5}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.SaveApproval(ctx, lishi, p.ID, qianxiang.Approval{Kind: "eia", State: qianxiang.ApprovalInProcess}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SaveApproval(ctx, lishi, p.ID, qianxiang.Approval{Kind: "energy", State: qianxiang.ApprovalTolerated}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("容缺 without a promise: %v", err)
		}
		area, _ := qianxiang.ParseMu("120.25")
		if _, err := a.SaveLand(ctx, lishi, p.ID, qianxiang.LandNeed{Area: area, Source: "approved_unused", State: "needed"}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SaveFunding(ctx, lishi, p.ID, qianxiang.FundingNeed{Amount: 3000000, Type: "bank_loan"}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SaveBank(ctx, lishi, p.ID, qianxiang.BankMatch{Event: "2026年第三季度银企对接会", Bank: "中国建设银行吕梁分行",
			Intended: 2000000, Signed: 1500050}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SaveLand(ctx, unit, p.ID, qianxiang.LandNeed{Area: area, Source: "stock", State: "needed"}); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a reporter changed factors: %v", err)
		}
		if _, err := a.SaveLand(ctx, wenshui, p.ID, qianxiang.LandNeed{Area: area, Source: "stock", State: "needed"}); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("another county changed factors: %v", err)
		}
		if _, err := a.ProjectFactors(ctx, wenshui, p.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("another county read factors: %v", err)
		}
		f, err := a.ProjectFactors(ctx, lishi, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Approvals) != 2 || !f.Approvals[0].Parallel || !f.Approvals[1].Parallel || f.Approvals[0].Missed ||
			f.LandTotal.String() != "120.25" || f.SignedTotal.String() != "15000.50" || f.FundingTotal.String() != "30000.00" {
			t.Fatalf("factors: %+v", f)
		}
		mu.Lock()
		now = time.Date(2026, 12, 6, 9, 0, 0, 0, a.Loc) // the promise was for the 5th
		mu.Unlock()
		var wg sync.WaitGroup
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := a.ProjectFactors(ctx, lishi, p.ID); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if n, err := a.SweepPromises(ctx, 0); err != nil || n != 0 {
			t.Fatalf("a second sweep raises nothing: %d %v", n, err)
		}
		probs, _ := a.ProjectProblems(ctx, lishi, p.ID)
		if len(probs) != 1 || fmt.Sprint(probs[0].Category) != "approval" || probs[0].OwnerOrg.Code != "141102" || fmt.Sprint(probs[0].Due) != "2026-12-13" {
			t.Fatalf("one problem for the missed promise: %+v", probs)
		}
		f, _ = a.ProjectFactors(ctx, lishi, p.ID)
		if !f.Approvals[0].Missed || f.Approvals[0].ProblemID != probs[0].ID {
			t.Fatalf("the approval names its problem: %+v", f.Approvals[0])
		}
		if err := a.DeleteFactor(ctx, lishi, p.ID, "approval", ap.ID+1000); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("deleting a line of no project: %v", err)
		}
		if err := a.DeleteFactor(ctx, lishi, p.ID, "land", f.Land[0].ID); err != nil {
			t.Fatal(err)
		}
		if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
			t.Fatalf("audit chain: %v", broken)
		}
	})
}
