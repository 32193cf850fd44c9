package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// report leads prints the funnel the API serves; a bad grouping is refused
// with exit 1 naming it.
func TestCLIReportLeads(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	key := testenv.KeyFile(t)
	a := testenv.OpenDSN(t, db, key)
	testenv.Lvliang(t, a)
	office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	testenv.User(t, a, "renzhong", qianxiang.RoleLeader, "141100")
	in := app.LeadInput{Investor: "晋商集团", OriginRegion: "浙江省", Industry: "新材料", Intended: 100, Source: "fair", County: "141181",
		Target: "签约", Leader: "renzhong", Team: []qianxiang.TeamMember{{Name: "王强"}}}
	if _, err := a.CreateLead(t.Context(), office, in); err != nil {
		t.Fatal(err)
	}
	t.Setenv("QIANXIANG_AUDIT_KEY_FILE", key)
	var f qianxiang.Funnel
	out := mustRun(t, "report", "leads", "--group", "industry", "--db", db)
	if err := json.Unmarshal([]byte(out), &f); err != nil || len(f.Rows) != 1 || f.Rows[0].Key != "新材料" || f.Total.Leads != 1 {
		t.Fatalf("funnel %s %v", out, err)
	}
	if code, _, errs := run(t, "", "report", "leads", "--group", "colour", "--db", db); code != 1 || !strings.Contains(errs, "group") {
		t.Fatalf("bad group: %d %s", code, errs)
	}
	if out := mustRun(t, "report", "leads", "--stalled", "--db", db); !strings.Contains(out, `"total": 0`) {
		t.Fatalf("stalled: %s", out)
	}
}
