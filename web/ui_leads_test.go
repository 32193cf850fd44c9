package web_test

import (
	"net/url"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// The lead and news forms refuse bad input on the page, in Chinese, naming
// the field, and keep what was typed.
func TestLeadAndNewsFormsRefuseBadInput(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
	testenv.User(t, a, "xiaoyi", qianxiang.RoleOrgAdmin, "141181")
	testenv.User(t, a, "renzhong", qianxiang.RoleLeader, "141100")
	srv, _ := serve(t, a)
	c := loginAs(t, srv.URL, "xiaoyi", testenv.Password)

	form := url.Values{"investor": {"晋商集团"}, "origin_region": {"浙江"}, "industry": {"新材料"}, "intended_investment": {"5万"},
		"source": {"fair"}, "county": {"141181"}, "target": {"签约"}, "leader": {"renzhong"}, "team.name": {"王强", ""}, "team.role": {"组长", "司机"}}
	code, body, _ := c.post("/leads/new", form)
	if code != 422 || !strings.Contains(body, "意向投资额") || !strings.Contains(body, `value="晋商集团"`) {
		t.Fatalf("a bad amount: %d", code)
	}
	form.Set("intended_investment", "50000")
	code, body, _ = c.post("/leads/new", form)
	if code != 422 || !strings.Contains(body, "team[1].name") {
		t.Fatalf("a duty without a name: %d %s", code, body)
	}
	form["team.role"] = []string{"组长", ""}
	code, _, hdr := c.post("/leads/new", form)
	if code != 303 || !strings.HasPrefix(hdr.Get("Location"), "/leads/1") {
		t.Fatalf("a good lead: %d %v", code, hdr)
	}
	if _, desk := loginAs(t, srv.URL, "renzhong", testenv.Password).get("/desk"); !strings.Contains(desk, "我包联的招商线索") || !strings.Contains(desk, "晋商集团") {
		t.Fatal("the leader's desk does not list the lead")
	}
	code, body, _ = c.post("/leads/1/move", url.Values{"stage": {"signed"}, "contract_amount": {"四万"}, "contract_date": {"2023-01-01"}})
	if code != 422 || !strings.Contains(body, "签约金额") {
		t.Fatalf("a bad contract amount: %d", code)
	}
	code, body, _ = c.post("/leads/1/move", url.Values{"stage": {"landed"}})
	if code != 422 || !strings.Contains(body, "逐阶段推进") {
		t.Fatalf("skipping a stage on the page: %d", code)
	}
	if code, _ := c.get("/news"); code != 403 {
		t.Fatalf("a county opened /news: %d", code)
	}
	office := loginAs(t, srv.URL, "zhb", testenv.Password)
	code, body, _ = office.post("/news", url.Values{"title": {"通知"}, "body": {`<a href="x">点此</a>`}, "date": {"2023-03-01"}, "published": {"1"}})
	if code != 422 || !strings.Contains(body, "纯文本") || !strings.Contains(body, "&lt;a href=") {
		t.Fatalf("news with a link tag: %d", code)
	}
	if _, pub := office.get("/public"); strings.Contains(pub, "点此") {
		t.Fatal("refused news reached the portal")
	}
}
