package app_test

import (
	"bytes"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A city's leads, their history, the landed project's link and the news
// move with a backup to either database, the trail intact; a lead moved
// after the restore gets fresh ids.
func TestBackupRestoreKeepsLeadsAndNews(t *testing.T) {
	srcKey := testenv.KeyFile(t)
	src := testenv.OpenDSN(t, testenv.DSN(t, "sqlite"), srcKey)
	testenv.Lvliang(t, src)
	office := testenv.User(t, src, "zhb", qianxiang.RoleCommand, "141100")
	testenv.User(t, src, "renzhong", qianxiang.RoleLeader, "141100")
	v, err := src.CreateLead(ctx, office, newLead("141181", "renzhong"))
	if err != nil {
		t.Fatal(err)
	}
	today := src.Today()
	if _, err := src.MoveLead(ctx, office, v.ID, qianxiang.LeadMoveInput{Stage: "signed", ContractAmount: money("1000"), ContractDate: today.String()}); err != nil {
		t.Fatal(err)
	}
	if v, err = src.MoveLead(ctx, office, v.ID, qianxiang.LeadMoveInput{Stage: "landed"}); err != nil || v.Project == nil {
		t.Fatalf("landing: %v", err)
	}
	if _, err := src.CreateNews(ctx, office, app.NewsInput{Title: "推进会", Body: "正文", Published: true}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := src.DB.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			dst := testenv.OpenDSN(t, testenv.DSN(t, kind), srcKey)
			if _, err := dst.DB.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatal(err)
			}
			if _, broken, err := dst.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
				t.Fatalf("audit after restore: %v %v", broken, err)
			}
			got, err := dst.Lead(ctx, office, v.ID)
			if err != nil || got.Project == nil || got.Project.ID != v.Project.ID || len(got.History) != 3 || got.ContractAmount != *money("1000") {
				t.Fatalf("restored lead %+v %v", got, err)
			}
			if ns, _ := dst.PublicNews(ctx, 10); len(ns) != 1 {
				t.Fatalf("restored news: %d", len(ns))
			}
			moved, err := dst.MoveLead(ctx, office, v.ID, qianxiang.LeadMoveInput{Stage: "investing"})
			if err != nil || moved.History[3].ID <= got.History[2].ID {
				t.Fatalf("a move after the restore: %+v %v", moved.History, err)
			}
		})
	}
}
