package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// The leads and news API, in order: a county records a lead, signs it,
// cannot go back without a reason, lands it as a project; the funnel
// counts it; scope and roles hold; the office's news reaches the public
// API, script refused.
func TestLeadsAndNewsAPI(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			a := testenv.Open(t, kind)
			a.Now = func() time.Time { return time.Date(2023, 5, 10, 9, 0, 0, 0, a.Loc) }
			testenv.Lvliang(t, a)
			w := &apiWorld{a: a}
			w.tokens = withTokens(t, a, []userSpec{{"zhb", "command", "141100"}, {"xiaoyi", "org_admin", "141181"},
				{"fenyang", "org_admin", "141182"}, {"renzhong", "leader", "141100"}, {"renlei", "leader", "141100"}, {"guest", "viewer", "141181"}})
			w.srv, _ = serve(t, a)
			lead := `{"investor":"浙江华晟新材料有限公司","origin_region":"浙江省杭州市","industry":"新材料","intended_investment":52000.5,
				"source":"fair","county":"141181","target":"年内签约落地","leader":"renzhong","team":[{"name":"王强","role":"组长"}]}`
			for _, sc := range []scenario{
				{"anonymous is 401", "", "GET", "/api/v1/leads", "", nil, 401, "unauthenticated"},
				{"a county records its lead", "xiaoyi", "POST", "/api/v1/leads", lead, nil, 201, `"stage":"talking"`},
				{"not in another county", "fenyang", "POST", "/api/v1/leads", lead, nil, 403, "forbidden"},
				{"a viewer records nothing", "guest", "POST", "/api/v1/leads", lead, nil, 403, "forbidden"},
				{"a lead without its team and leader", "zhb", "POST", "/api/v1/leads", `{"investor":"x","origin_region":"y","industry":"z","intended_investment":1,"source":"fair","county":"141181","target":"t","team":[]}`, nil, 422, `"field":"team"`},
				{"more than two decimals", "zhb", "POST", "/api/v1/leads", strings.Replace(lead, "52000.5", "1.005", 1), nil, 422, "intended_investment"},
				{"an unknown source", "zhb", "POST", "/api/v1/leads", strings.Replace(lead, `"fair"`, `"banquet"`, 1), nil, 422, `"field":"source"`},
				{"another county does not see it", "fenyang", "GET", "/api/v1/leads/1", "", nil, 404, "not_found"},
				{"another leader does not see it", "renlei", "GET", "/api/v1/leads/1", "", nil, 404, "not_found"},
				{"its leader reads it", "renzhong", "GET", "/api/v1/leads/1", "", nil, 200, `"investor":"浙江华晟新材料有限公司"`},
				{"its leader cannot move it", "renzhong", "POST", "/api/v1/leads/1/move", `{"stage":"signed"}`, nil, 403, "forbidden"},
				{"the list of another county is empty", "fenyang", "GET", "/api/v1/leads", "", nil, 200, `"total":0`},
				{"skipping 签约", "xiaoyi", "POST", "/api/v1/leads/1/move", `{"stage":"landed"}`, nil, 422, `"field":"stage"`},
				{"signing without a contract", "xiaoyi", "POST", "/api/v1/leads/1/move", `{"stage":"signed"}`, nil, 422, `"field":"contract_amount"`},
				{"signing", "xiaoyi", "POST", "/api/v1/leads/1/move", `{"stage":"signed","contract_amount":48000,"contract_date":"2023-05-08"}`, nil, 200, `"contract_amount":48000`},
				{"back without a reason", "xiaoyi", "POST", "/api/v1/leads/1/move", `{"stage":"talking","reason":""}`, nil, 422, `"field":"reason"`},
				{"landing", "xiaoyi", "POST", "/api/v1/leads/1/move", `{"stage":"landed","project_name":"华晟碳纤维项目"}`, nil, 200, `"name":"华晟碳纤维项目"`},
				{"the landed project is in the registry", "xiaoyi", "GET", "/api/v1/projects?year=2023", "", nil, 200, `"total":1`},
				{"the history has three moves", "zhb", "GET", "/api/v1/leads/1", "", nil, 200, `"to":"landed"`},
				{"a landed lead keeps its county", "zhb", "PUT", "/api/v1/leads/1", strings.Replace(lead, `"141181"`, `"141182"`, 1), nil, 422, `"field":"county"`},
				{"a stale edit", "zhb", "PUT", "/api/v1/leads/1", strings.Replace(lead, `{"investor"`, `{"version":1,"investor"`, 1), nil, 409, "conflict"},
				{"the office edits the target", "zhb", "PUT", "/api/v1/leads/1", strings.Replace(lead, "年内签约落地", "年内开工", 1), nil, 200, `"target":"年内开工"`},
				{"a bad stage filter", "zhb", "GET", "/api/v1/leads?stage=won", "", nil, 422, "stage"},
				{"the funnel by county", "zhb", "GET", "/api/v1/leads/funnel?group=county", "", nil, 200, `"reached":[1,1,1,0,0]`},
				{"the funnel by source", "zhb", "GET", "/api/v1/leads/funnel?group=source", "", nil, 200, `"key":"fair"`},
				{"a bad grouping", "zhb", "GET", "/api/v1/leads/funnel?group=colour", "", nil, 422, `"field":"group"`},
				{"a county cannot set stall days", "xiaoyi", "PUT", "/api/v1/settings/leads", `{"stall_days":30}`, nil, 403, ""},
				{"the office sets stall days", "zhb", "PUT", "/api/v1/settings/leads", `{"stall_days":30}`, nil, 200, `"stall_days":30`},
				{"a county cannot write news", "xiaoyi", "POST", "/api/v1/news", `{"title":"t","body":"b"}`, nil, 403, ""},
				{"news with script is refused", "zhb", "POST", "/api/v1/news", `{"title":"推进会","body":"正文<script>alert(1)</script>","published":true}`, nil, 422, "looks like HTML or script"},
				{"news is written", "zhb", "POST", "/api/v1/news", `{"title":"推进会召开","body":"全年实施项目1000个以上。","date":"2023-02-26","published":true}`, nil, 201, `"published":true`},
				{"a draft", "zhb", "POST", "/api/v1/news", `{"title":"草稿","body":"未定"}`, nil, 201, `"published":false`},
				{"the public reads published news without login", "", "GET", "/api/v1/public/news", "", nil, 200, `"total":1`},
				{"a stale news edit", "zhb", "PUT", "/api/v1/news/1", `{"title":"推进会召开","body":"改","date":"2023-02-26","published":true,"version":7}`, nil, 409, "conflict"},
				{"a bad public limit", "", "GET", "/api/v1/public/news?limit=1000", "", nil, 422, "limit"},
			} {
				status, body, _ := w.do(t, sc)
				if status != sc.status || !strings.Contains(body, sc.contain) {
					t.Fatalf("%s: %s %s: %d %s; want %d containing %q", sc.name, sc.method, sc.path, status, body, sc.status, sc.contain)
				}
				if status >= 400 {
					var e struct {
						Error struct{ Code, Message string }
					}
					if json.Unmarshal([]byte(body), &e) != nil || e.Error.Code == "" || e.Error.Message == "" {
						t.Fatalf("%s: error body not in the contract's shape: %s", sc.name, body)
					}
				}
			}
			// The public news names no one: not the office's user who wrote it.
			if _, body, _ := w.do(t, scenario{method: "GET", path: "/api/v1/public/news"}); strings.Contains(body, "zhb") || strings.Contains(body, "created_by") {
				t.Errorf("public news names its author: %s", body)
			}
			// The lead's project is linked both ways.
			_, body, _ := w.do(t, scenario{user: "zhb", method: "GET", path: "/api/v1/leads/1"})
			var l struct {
				Project struct{ ID int64 }
				History []struct{ To string }
			}
			json.Unmarshal([]byte(body), &l)
			if l.Project.ID == 0 || len(l.History) != 3 {
				t.Fatalf("lead %s", body)
			}
			back, err := a.LeadOfProject(t.Context(), qianxiang.SystemActor, l.Project.ID)
			if err != nil || back == nil || back.ID != 1 {
				t.Fatalf("project %d's lead: %v %v", l.Project.ID, back, err)
			}
			if code, _, _ := w.do(t, scenario{user: "zhb", method: "DELETE", path: fmt.Sprintf("/api/v1/projects/%d", l.Project.ID), header: map[string]string{"If-Match": "*"}}); code != 409 {
				t.Errorf("deleting the landed project: %d", code)
			}
		})
	}
}
