package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// pipelineAPIWorld: the API world (tokens per role, a project per county)
// plus a reserve project in 离石区.
func pipelineAPIWorld(t *testing.T, kind string) (*apiWorld, qianxiang.Project) {
	w := newAPIWorld(t, kind)
	p, err := w.a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: "离石区水库除险加固项目",
		Org: qianxiang.OrgRef{Code: "141102"}, Kind: qianxiang.KindPreparatory, Stage: qianxiang.StageReserve, Sector: "基础设施项目",
		TotalInvestment: 60000 * 100, Contact: "王联络员", Phone: "13912345678"})
	if err != nil {
		t.Fatal(err)
	}
	return w, p
}

func TestPipelineAPI(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			w, p := pipelineAPIWorld(t, kind)
			id := fmt.Sprint(p.ID)
			steps := []scenario{
				{"anonymous", "", "GET", "/api/v1/pipeline", "", nil, 401, "unauthenticated"},
				{"the county sees its pool", "lishi", "GET", "/api/v1/pipeline", "", nil, 200, `"total":1`},
				{"another county does not", "wenshui", "GET", "/api/v1/pipeline", "", nil, 200, `"total":0`},
				{"bad band", "zhb", "GET", "/api/v1/pipeline?maturity=ripe", "", nil, 422, `"field":"maturity"`},
				{"filtered by org and sector", "zhb", "GET", "/api/v1/pipeline?org=141102&sector=%E5%9F%BA%E7%A1%80%E8%AE%BE%E6%96%BD%E9%A1%B9%E7%9B%AE&maturity=low", "", nil, 200, `"total":1`},
				{"a county may not configure", "lishi", "PUT", "/api/v1/pipeline/checklist", `{"items":[{"key":"x","name":"X","weight":1}]}`, nil, 403, "forbidden"},
				{"bad checklist", "zhb", "PUT", "/api/v1/pipeline/checklist", `{"items":[{"key":"Bad","name":"X","weight":0}]}`, nil, 422, `"field":"items[0].key"`},
				{"another county's marks", "wenshui", "PUT", "/api/v1/pipeline/" + id + "/checklist", `{"items":[{"key":"land","done":true}]}`, nil, 404, "not_found"},
				{"viewer", "guest", "PUT", "/api/v1/pipeline/" + id + "/checklist", `{"items":[{"key":"land","done":true}]}`, nil, 403, "forbidden"},
				{"marks", "lishi", "PUT", "/api/v1/pipeline/" + id + "/checklist", `{"items":[{"key":"feasibility","done":true,"done_on":"2023-01-05"},{"key":"site","done":true}]}`, nil, 200, `"score":0.3846`},
				{"agency and marks", "lishi", "PUT", "/api/v1/pipeline/" + id, `{"agency":"山西省工程咨询院","channels":{"policy_finance":"unfit"}}`, nil, 200, `"agency":"山西省工程咨询院"`},
				{"bad channel", "lishi", "PUT", "/api/v1/pipeline/" + id, `{"channels":{"lottery":"fit"}}`, nil, 422, `"field":"channels"`},
				{"promotion refused", "lishi", "POST", "/api/v1/pipeline/" + id + "/promote", `{"year":2024}`, nil, 422, `"field":"checklist.land"`},
				{"publish with a mobile", "lishi", "POST", "/api/v1/projects/" + id + "/promotion", `{"published":true,"investment":30000,"return_model":"使用者付费","cooperation":"ppp","contact":"离石区发改局","office_phone":"13912345678"}`, nil, 422, `"field":"office_phone"`},
				{"publish", "lishi", "POST", "/api/v1/projects/" + id + "/promotion", `{"published":true,"investment":30000,"return_model":"使用者付费","cooperation":"ppp","contact":"离石区发改局","office_phone":"0358-8221234"}`, nil, 200, `"published":true`},
				{"public list", "", "GET", "/api/v1/public/promotions", "", nil, 200, `"office_phone":"0358-8221234"`},
				{"public one", "", "GET", "/api/v1/public/promotions/" + id, "", nil, 200, `"cooperation_name":"政府和社会资本合作（PPP）"`},
				{"another project is not promoted", "", "GET", fmt.Sprintf("/api/v1/public/promotions/%d", w.lishi.ID), "", nil, 404, "not_found"},
				{"script refused", "", "POST", "/api/v1/public/promotions/" + id + "/interest", `{"company":"<script>x</script>","person":"李","phone":"13900001111","intent":"x"}`, nil, 422, `"field":"company"`},
				{"interest", "", "POST", "/api/v1/public/promotions/" + id + "/interest", `{"company":"山西某能源集团","person":"李经理","phone":"13900001111","intent":"股权合作"}`, nil, 201, "received"},
				{"office records one", "zhb", "POST", "/api/v1/projects/" + id + "/interests", `{"company":"晋商银行","person":"王行长","phone":"0358-1234567","intent":"贷款"}`, nil, 201, `"source":"office"`},
				{"the county reads them", "lishi", "GET", "/api/v1/projects/" + id + "/interests", "", nil, 200, `"total":2`},
				{"all in scope", "lishi", "GET", "/api/v1/interests", "", nil, 200, "13900001111"},
				{"a viewer may not", "guest", "GET", "/api/v1/interests", "", nil, 403, "forbidden"},
				{"another county may not", "wenshui", "GET", "/api/v1/projects/" + id + "/interests", "", nil, 404, "not_found"},
				{"mandatory done", "lishi", "PUT", "/api/v1/pipeline/" + id + "/checklist", `{"items":[{"key":"land","done":true},{"key":"funding","done":true}]}`, nil, 200, `"missing_mandatory":[]`},
				{"another county promotes", "wenshui", "POST", "/api/v1/pipeline/" + id + "/promote", `{"year":2024}`, nil, 404, "not_found"},
				{"promote", "lishi", "POST", "/api/v1/pipeline/" + id + "/promote", `{"year":2024}`, nil, 200, `"stage":"preparing"`},
				{"in the 2024 plan", "lishi", "GET", "/api/v1/projects?year=2024", "", nil, 200, `"total":1`},
				{"history", "zhb", "GET", "/api/v1/projects/" + id + "/history", "", nil, 200, `"action":"promote"`},
				{"again", "lishi", "POST", "/api/v1/pipeline/" + id + "/promote", ``, nil, 422, "reserve pool"},
				{"withdraw", "zhb", "POST", "/api/v1/projects/" + id + "/promotion", `{"published":false}`, nil, 200, `"published":false`},
				{"gone from the public", "", "GET", "/api/v1/public/promotions", "", nil, 200, `"total":0`},
				{"audit intact", "zhb", "GET", "/api/v1/audit/verify", "", nil, 200, `"intact":true`},
			}
			for _, sc := range steps {
				code, body, _ := w.do(t, sc)
				if code != sc.status || !strings.Contains(body, sc.contain) {
					t.Fatalf("%s: %d %s; want %d with %q", sc.name, code, body, sc.status, sc.contain)
				}
			}
			// The pool's workbook: amounts as numbers shown #,##0.00.
			w.a.CreateProject(context.Background(), qianxiang.SystemActor, qianxiang.Project{Year: 2023, Name: "文水县冷链物流中心",
				Org: qianxiang.OrgRef{Code: "141121"}, Kind: qianxiang.KindPreparatory, Stage: qianxiang.StageIdea, Sector: "产业项目", TotalInvestment: 1234567})
			c := loginAs(t, w.srv.URL, "zhb", testenv.Password)
			req, _ := http.NewRequest("GET", w.srv.URL+"/pipeline.xlsx?org=141121", nil)
			code, body, hd := c.do(req)
			if code != 200 || !strings.Contains(hd.Get("Content-Type"), "spreadsheetml") {
				t.Fatalf("workbook: %d %s", code, hd)
			}
			f, err := excelize.OpenReader(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			name, _ := f.GetCellValue("储备项目", "B3")
			amount, _ := f.GetCellValue("储备项目", "F3")
			if name != "文水县冷链物流中心" || amount != "12,345.67" {
				t.Errorf("workbook row: %q %q", name, amount)
			}
			if v, _ := f.GetCellValue("储备项目", "B4"); v != "" {
				t.Errorf("the filter let %q through", v)
			}
		})
	}
}

// The pages' forms: the office's checklist, a reserve project's forms,
// refusals shown on the page with what was typed.
func TestPipelinePageForms(t *testing.T) {
	w, p := pipelineAPIWorld(t, "sqlite")
	id := fmt.Sprint(p.ID)
	zhb := loginAs(t, w.srv.URL, "zhb", testenv.Password)
	lishi := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	form := func(kv ...string) url.Values {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	if code, _, _ := lishi.post("/pipeline/checklist", form("key.0", "a", "name.0", "A", "weight.0", "1")); code != 403 {
		t.Errorf("a county saved the checklist: %d", code)
	}
	code, body, _ := zhb.post("/pipeline/checklist", form("key.0", "feasibility", "name.0", "可研", "weight.0", "0", "key.1", "", "name.1", ""))
	if code != 422 || !strings.Contains(body, "应为 1 至 100 的整数") || !strings.Contains(body, `value="可研"`) {
		t.Errorf("bad weight: %d", code)
	}
	code, _, hd := zhb.post("/pipeline/checklist", form("key.0", "feasibility", "name.0", "可研批复", "weight.0", "2", "mandatory.0", "1",
		"key.1", "land", "name.1", "用地预审", "weight.1", "2", "key.2", "", "name.2", ""))
	if code != 303 || hd.Get("Location") != "/pipeline?saved=checklist" {
		t.Fatalf("checklist: %d %s", code, hd.Get("Location"))
	}
	if _, page := zhb.get("/pipeline"); !strings.Contains(page, "可研批复") || !strings.Contains(page, "离石区水库除险加固项目") {
		t.Error("the pool page lacks the checklist or the project")
	}
	code, body, _ = lishi.post("/pipeline/"+id+"/promotion", form("published", "1", "investment", "abc", "contact", "离石区发改局"))
	if code != 422 || !strings.Contains(body, `value="离石区发改局"`) {
		t.Errorf("bad investment: %d", code)
	}
	code, body, _ = lishi.post("/pipeline/"+id+"/promote", form("year", "2024"))
	if code != 422 || !strings.Contains(body, "可研批复") {
		t.Errorf("promotion without the mandatory item: %d", code)
	}
	if code, _, _ := lishi.post("/pipeline/"+id+"/checks", form("done.feasibility", "1", "done_on.feasibility", "2023-01-05")); code != 303 {
		t.Errorf("checks: %d", code)
	}
	if code, _, _ := lishi.post("/pipeline/"+id+"/interest", form("company", "晋商银行", "person", "王行长", "phone", "0358-1234567", "intent", "贷款")); code != 303 {
		t.Errorf("interest: %d", code)
	}
	if code, _, _ := lishi.post("/pipeline/"+id+"/promote", form("year", "2024")); code != 303 {
		t.Errorf("promote: %d", code)
	}
	if _, page := lishi.get("/pipeline/" + id + "?saved=promote"); !strings.Contains(page, "项目已转入年度计划") || !strings.Contains(page, "晋商银行") {
		t.Error("the promoted project's page")
	}
	wenshui := loginAs(t, w.srv.URL, "wenshui", testenv.Password)
	if code, _ := wenshui.get("/pipeline/" + id); code != 404 {
		t.Errorf("another county opens it: %d", code)
	}
}
