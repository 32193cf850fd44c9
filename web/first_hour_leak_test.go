package web_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Issue 15.9: no developer words for people who are not developers.
func TestNoDeveloperLeakage(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newRegWorld(t, a)
		testenv.User(t, a, "root", qianxiang.RoleAdmin, "141100")
		testenv.User(t, a, "ldr", qianxiang.RoleLeader, "141100")
		zhb := w.login(t, "zhb")

		// An upload over the limit is "too large", not "the page expired".
		w.s.MaxUpload = 1 << 20
		code, body := zhb.upload("/imports", "big.xlsx", make([]byte, 3<<20), nil)
		if code != 400 && code != 413 && code != 422 {
			t.Errorf("oversized upload: %d", code)
		}
		testenv.Contains(t, body, "文件超过 1 MB")
		if strings.Contains(body, "过期") {
			t.Error("an oversized upload is told the page expired")
		}

		// The audit trail names records in words, not tables.
		_, audit := zhb.get("/admin/audit")
		testenv.Contains(t, audit, ">项目 ")
		for _, table := range []string{">projects<", ">reports<", ">orgs<", "projects "} {
			if strings.Contains(audit, table) {
				t.Errorf("the audit page shows the table name %q", table)
			}
		}

		// In English the trail's actions and fields are words too, not
		// code names with underscores.
		ctx := context.Background()
		ps, err := a.Projects(ctx, qianxiang.SystemActor, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: 2022}})
		if err != nil || len(ps.Items) == 0 {
			t.Fatalf("projects: %v", err)
		}
		p := ps.Items[0]
		if _, err := a.PatchProject(ctx, qianxiang.SystemActor, p.ID, p.Version, []byte(`{"annual_plan":"`+(p.AnnualPlan+100).String()+`"}`)); err != nil {
			t.Fatal(err)
		}
		_, en := zhb.get("/admin/audit?lang=en")
		testenv.Contains(t, en, "annual plan")
		if m := regexp.MustCompile(`<td>[a-z]+_[a-z_]+</td>|, [a-z]+_[a-z_]+<|muted">[a-z]+_[a-z_]+`).FindString(en); m != "" {
			t.Errorf("the English audit page shows the code name %q", m)
		}

		// The dispatch offers the API only to the administrator.
		_, d := zhb.get("/dispatch")
		if strings.Contains(d, ">JSON<") || strings.Contains(d, `href="/api/v1/dispatch`) {
			t.Error("the campaign office is offered the JSON")
		}
		_, d = w.login(t, "root").get("/dispatch")
		testenv.Contains(t, d, `href="/api/v1/dispatch`)

		// Tokens are offered to the roles that script, not to a leader.
		_, users := w.login(t, "root").get("/admin/users")
		for _, row := range strings.Split(users, "<tr>") {
			row, _, _ = strings.Cut(row, "</tr>")
			offered := strings.Contains(row, `action="/admin/tokens"`)
			switch {
			case strings.Contains(row, "<td>ldr</td>") && offered:
				t.Error("a leader is offered an API token")
			case strings.Contains(row, "<td>zhb</td>") && !offered:
				t.Error("the campaign office is not offered an API token")
			}
		}
	})
}
