package app_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func newProject(name, org string) qianxiang.Project {
	return qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org}, Kind: qianxiang.KindContinuing,
		TotalInvestment: 500000, AnnualPlan: 120000}
}

func TestAuditVerifyNamesARecordEditedBehindTheApp(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		p, err := a.CreateProject(ctx, cmd, newProject("离石区污水处理厂提标改造项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.PatchProject(ctx, cmd, p.ID, p.Version, []byte(`{"annual_plan": 1300.5}`)); err != nil {
			t.Fatal(err)
		}
		n, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor)
		if err != nil || len(broken) != 0 || n == 0 {
			t.Fatalf("fresh database: %d entries, broken %v, %v", n, broken, err)
		}
		raw := testenv.Raw(t, a)
		if _, err := raw.Exec(`UPDATE projects SET annual_plan = 999999 WHERE name = '离石区污水处理厂提标改造项目'`); err != nil {
			t.Fatal(err)
		}
		_, broken, err = a.VerifyAudit(ctx, qianxiang.SystemActor)
		if err != nil || len(broken) != 1 {
			t.Fatalf("after a direct edit: %v %v", broken, err)
		}
		b := broken[0]
		if b.Table != "projects" || b.ID != p.ID || b.Label != "离石区污水处理厂提标改造项目" || !strings.Contains(b.What, "annual_plan") {
			t.Fatalf("finding does not name the record and field: %+v", b)
		}
	})
}

func TestAuditVerifyCatchesAlteredTrailAndPasswordHash(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		raw := testenv.Raw(t, a)
		if _, err := raw.Exec(`UPDATE users SET password_hash = 'x' WHERE username = 'lishi'`); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`UPDATE audit_log SET actor = 'someone' WHERE id = 2`); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`INSERT INTO orgs (code, name, kind, path, created_at, updated_at) VALUES ('X1', '假单位', 'county', '/x/', '', '')`); err != nil {
			t.Fatal(err)
		}
		_, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range broken {
			got = append(got, b.String())
		}
		all := strings.Join(got, "\n")
		testenv.Contains(t, all, "users", "lishi", "password_hash", "audit_log 2", "假单位")
	})
}

func TestBackupRestoreMovesACityBetweenDatabases(t *testing.T) {
	srcKey := testenv.KeyFile(t)
	src := testenv.OpenDSN(t, testenv.DSN(t, "sqlite"), srcKey)
	testenv.Lvliang(t, src)
	cmd := testenv.User(t, src, "zhb", qianxiang.RoleCommand, "141100")
	if _, err := src.CreateProject(ctx, cmd, newProject("交城县5G基站建设项目", "141122")); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := src.DB.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			// Without the source's audit key the keyed trail could not be
			// verified nor its tokens used: refused, nothing written.
			other := testenv.Open(t, kind)
			if _, err := other.DB.Restore(ctx, bytes.NewReader(buf.Bytes())); qianxiang.ErrorCode(err) != qianxiang.EValidation ||
				!strings.Contains(err.Error(), "--audit-key") {
				t.Fatalf("restore with another audit key: %v", err)
			}
			dst := testenv.OpenDSN(t, testenv.DSN(t, kind), srcKey)
			n, err := dst.DB.Restore(ctx, bytes.NewReader(buf.Bytes()))
			if err != nil || n == 0 {
				t.Fatalf("restore: %d rows, %v", n, err)
			}
			if _, broken, err := dst.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
				t.Fatalf("audit after restore: %v %v", broken, err)
			}
			page, err := dst.Projects(ctx, cmd, app.ProjectQuery{})
			if err != nil || page.Total != 1 || page.Items[0].Name != "交城县5G基站建设项目" {
				t.Fatalf("restored projects: %+v %v", page, err)
			}
			// New rows get fresh ids after the restored ones.
			p, err := dst.CreateProject(ctx, cmd, newProject("交城县新项目", "141122"))
			if err != nil || p.ID <= page.Items[0].ID {
				t.Fatalf("create after restore: %+v %v", p, err)
			}
			if _, err := dst.DB.Restore(ctx, bytes.NewReader(buf.Bytes())); qianxiang.ErrorCode(err) != qianxiang.EValidation {
				t.Fatalf("restore into a non-empty database: %v", err)
			}
		})
	}
}

func TestAuditVerifyCoversPhotos(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		p, err := a.CreateProject(ctx, qianxiang.SystemActor, newProject("离石区照片项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		ph, err := a.AttachPhoto(ctx, unit, p.ID, 2023, 3, "site.png", pngOf(t, 7))
		if err != nil {
			t.Fatal(err)
		}
		if _, broken, _ := a.VerifyAudit(ctx, qianxiang.SystemActor); len(broken) != 0 {
			t.Fatalf("after attaching: %v", broken)
		}
		raw := testenv.Raw(t, a)
		if _, err := raw.Exec(`UPDATE blobs SET data = data || data`); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`DELETE FROM photos`); err != nil {
			t.Fatal(err)
		}
		_, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, b := range broken {
			all = append(all, b.String())
		}
		testenv.Contains(t, strings.Join(all, "\n"), "blobs", ph.SHA256, "photos", "deleted outside the application")
	})
}
