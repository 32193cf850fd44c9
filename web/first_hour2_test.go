package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/internal/testenv"
)

func (w *dspWorld) form(t *testing.T, user, path string, v url.Values) (int, string) {
	t.Helper()
	code, body, _ := w.req(t, user, "POST", path, strings.NewReader(v.Encode()), "application/x-www-form-urlencoded")
	return code, body
}

// Issue 15.6: a month that has not begun is read-only on the page, with why.
func TestGridFutureMonthIsReadOnly(t *testing.T) {
	w := newDspWorld(t)
	page := w.get(t, "lishi-xm", w.at("/reports?month=%[1]d-04"))
	testenv.Contains(t, page, `id="grid-future"`, "尚未到来", w.at("%[1]d-04-01"))
	for _, in := range strings.Split(page, `<input class="c-completed"`)[1:] {
		tag := in[:strings.Index(in, ">")]
		if !strings.Contains(tag, "disabled") {
			t.Errorf("a figure of a future month is editable: %s", tag)
		}
	}
	// March, the month now open, is not.
	page = w.get(t, "lishi-xm", w.at("/reports?month=%[1]d-03"))
	if strings.Contains(page, `id="grid-future"`) {
		t.Error("the current month is called future")
	}
	testenv.Contains(t, page, `data-t-confirmapprove="确认通过 %d 个项目的月报？"`)
}

// Issue 15.7: the workbook's all-projects sheet gives each project's light
// and reason as the dispatch page does.
func TestDispatchWorkbookListsEveryProject(t *testing.T) {
	w := newDspWorld(t)
	code, body, _ := w.req(t, "zhb", "GET", w.at("/dispatch.xlsx?year=%[1]d&month=2"), nil, "")
	if code != 200 {
		t.Fatalf("xlsx: %d", code)
	}
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(excel.DispatchSheetProjects)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := w.a.Dispatch(context.Background(), qianxiang.SystemActor, w.year, 2)
	if len(rows) != 3+len(d.Lines) || len(d.Lines) != 5 {
		t.Fatalf("%d rows for %d projects", len(rows), len(d.Lines))
	}
	reds := 0
	for _, r := range rows[3:] {
		if r[9] == "红灯" {
			reds++
			if !strings.HasPrefix(r[10], "应开未开") && !strings.HasPrefix(r[10], "投资进度滞后") {
				t.Errorf("red without its reason: %v", r)
			}
		}
		if r[10] == "" {
			t.Errorf("no reason: %v", r)
		}
	}
	if reds != d.Total.Lights.Red {
		t.Errorf("%d red in the sheet, %d on the dispatch", reds, d.Total.Lights.Red)
	}
}

// Issue 15.8: the office keeps the issue number per year; the circular
// prints it with the 文号, the issuer's full name and the 报/送/发 and 印发
// block. A county's view of the city's figures is no circular and has none.
func TestCircularIssueNumberAndClosing(t *testing.T) {
	w := newDspWorld(t)
	path := w.at("/dispatch?year=%[1]d&month=2&print=1")
	page := w.get(t, "zhb", path)
	testenv.Contains(t, page, "调度通报（第1期）", `id="issue-form"`, "吕梁市“千项千亿”项目建设大会战指挥部办公室",
		w.at("吕千项办〔%[1]d〕1号"), "报：", "送：", "发：", "印发", `data-k="yinfa"`)

	code, body := w.form(t, "zhb", "/dispatch/issue", url.Values{"year": {w.at("%[1]d")}, "month": {"1"}, "issue_no": {"7"}})
	// The token client follows the redirect to the print view.
	if code != 200 || !strings.Contains(body, "调度通报（第7期）") {
		t.Fatalf("keep January as No. 7: %d", code)
	}
	// February follows January's number in the same year.
	page = w.get(t, "zhb", path)
	testenv.Contains(t, page, "调度通报（第8期）", w.at("吕千项办〔%[1]d〕8号"))
	code, body = w.form(t, "zhb", "/dispatch/issue", url.Values{"year": {w.at("%[1]d")}, "month": {"2"}, "issue_no": {"7"}, "issued_on": {w.at("%[1]d-03-05")}})
	if code != 422 || !strings.Contains(body, "第7期") || !strings.Contains(body, "1月") {
		t.Errorf("No. 7 twice: %d, want 422 naming January", code)
	}
	code, _ = w.form(t, "zhb", "/dispatch/issue", url.Values{"year": {w.at("%[1]d")}, "month": {"2"}, "issue_no": {"9"}, "issued_on": {w.at("%[1]d-03-05")}})
	if code != 200 {
		t.Fatalf("keep February as No. 9: %d", code)
	}
	testenv.Contains(t, w.get(t, "zhb", path), "调度通报（第9期）", w.at("%[1]d年3月5日印发"))
	if code, _ := w.form(t, "lishi", "/dispatch/issue", url.Values{"year": {w.at("%[1]d")}, "month": {"2"}, "issue_no": {"3"}}); code != 403 {
		t.Errorf("a county numbered the city's circular: %d", code)
	}

	// The settings: issuer, 文号 pattern, distribution; audited.
	code, body = w.form(t, "zhb", "/settings/circular", url.Values{"issuer": {""}, "number_format": {"吕千项办〔{year}〕号"}})
	if code != 422 || !strings.Contains(body, "发文机关全称") || !strings.Contains(body, "{n}") {
		t.Errorf("bad circular settings: %d", code)
	}
	code, _ = w.form(t, "zhb", "/settings/circular", url.Values{"issuer": {"吕梁市项目建设指挥部办公室"}, "number_format": {"吕项办通〔{year}〕{n}号"},
		"report": {"市委主要领导"}, "send": {"各位副市长"}, "distribute": {"各县（市、区）"}, "printed_by": {"吕梁市项目建设指挥部办公室秘书科"}})
	if code != 200 {
		t.Fatalf("circular settings: %d", code)
	}
	page = w.get(t, "zhb", path)
	testenv.Contains(t, page, "吕梁市项目建设指挥部办公室", w.at("吕项办通〔%[1]d〕9号"), "市委主要领导", "各位副市长", "吕梁市项目建设指挥部办公室秘书科")
	var n int
	testenv.Raw(t, w.a).QueryRow(`SELECT COUNT(*) FROM audit_log WHERE entity = 'settings' AND label IN ('circular', 'circular_issues_` + w.at("%[1]d") + `')`).Scan(&n)
	if n != 3 {
		t.Errorf("%d audit entries for the circular's settings and issues, want 3", n)
	}

	county := w.get(t, "lishi", path)
	testenv.Contains(t, county, "据吕梁市项目建设指挥部办公室第9期调度通报")
	for _, s := range []string{`data-k="banji"`, `id="issue-form"`, "吕项办通"} {
		if strings.Contains(county, s) {
			t.Errorf("the county's own view shows %q", s)
		}
	}
	// The workbook carries the same number.
	_, xlsx, _ := w.req(t, "zhb", "GET", w.at("/dispatch.xlsx?year=%[1]d&month=2"), nil, "")
	f, err := excelize.OpenReader(strings.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if title, _ := f.GetCellValue(excel.DispatchSheetSummary, "A1"); !strings.Contains(title, "第9期") {
		t.Errorf("workbook title %q, want No. 9", title)
	}
}

// Issue 15.5: the form chooses the sector from the office's list; the
// service refuses another, naming the field.
func TestProjectFormChoosesFromLists(t *testing.T) {
	w := newDspWorld(t)
	ctx := context.Background()
	if err := w.a.SetProjectLists(ctx, qianxiang.SystemActor, qianxiang.ProjectLists{Sectors: []string{"能源", "交通"}}); err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "zhb", w.at("/projects/new?year=%[1]d"))
	testenv.Contains(t, page, `<select id="f-sector" name="sector">`, "<option >能源</option>", "<option >交通</option>")
	code, body, _ := w.req(t, "zhb", "POST", "/api/v1/projects", strings.NewReader(w.at(`{"year":%[1]d,"name":"新项目","org":{"code":"141102"},"kind":"continuing","total_investment":100,"annual_plan":10,"sector":"娱乐"}`)), "application/json")
	if code != 422 || !strings.Contains(body, `"field":"sector"`) {
		t.Errorf("off-list sector through the API: %d %s", code, body)
	}
	code, body, _ = w.req(t, "zhb", "POST", "/api/v1/projects", strings.NewReader(w.at(`{"year":%[1]d,"name":"新项目","org":{"code":"141102"},"kind":"continuing","total_investment":100,"annual_plan":10,"sector":"交通"}`)), "application/json")
	if code != 201 && code != 200 {
		t.Errorf("listed sector: %d %s", code, body)
	}
	// A form that does not parse names the sector with the rest at once.
	code, body = w.form(t, "zhb", "/projects/new", url.Values{"year": {w.at("%[1]d")}, "name": {"表单项目"}, "org": {"141102"},
		"kind": {"continuing"}, "total_investment": {"abc"}, "annual_plan": {"10"}, "sector": {"娱乐"}})
	if code != 422 || !strings.Contains(body, `id="e-sector"`) || !strings.Contains(body, `id="e-total_investment"`) {
		t.Errorf("form with a bad number and an off-list sector: %d", code)
	}
	code, body = w.form(t, "zhb", "/settings/projects", url.Values{"sectors": {"能源\n交通\n水利"}, "allow_other_leader": {"1"}})
	if code != 200 || !strings.Contains(body, "已保存：3个行业") {
		t.Errorf("lists page: %d", code)
	}
	if code, _ := w.form(t, "lishi", "/settings/projects", url.Values{"sectors": {"x"}}); code != 403 {
		t.Errorf("a county changed the lists: %d", code)
	}
}

// Issue 15.14: users from a workbook through the API and the page, slips
// once, phones only for administrators.
func TestImportUsersThroughAPIAndPage(t *testing.T) {
	w := newDspWorld(t)
	for k, v := range withTokens(t, w.a, []userSpec{{"root", qianxiang.RoleAdmin, "141100"}}) {
		w.tokens[k] = v
	}
	upload := func(user, path, csv string) (int, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("file", "users.csv")
		fw.Write([]byte(csv))
		mw.Close()
		code, body, _ := w.req(t, user, "POST", path, &b, mw.FormDataContentType())
		return code, body
	}
	code, body := upload("root", "/api/v1/users/import", "姓名,单位,角色,手机\n张三,离石区,项目单位填报员,13800000001\n李四,火星县,只读,\n")
	if code != 422 || !strings.Contains(body, `"row":3`) || !strings.Contains(body, `"column":"B"`) {
		t.Fatalf("bad workbook: %d %s", code, body)
	}
	code, body = upload("zhb", "/api/v1/users/import", "姓名,单位,角色\n张三,离石区,只读\n")
	if code != 403 {
		t.Errorf("the campaign office imported users: %d", code)
	}
	code, body = upload("root", "/api/v1/users/import", "姓名,单位,角色,手机\n张三,离石区,项目单位填报员,13800000001\n李四,141121,县区管理员,\n")
	var res struct {
		Imported int
		Slips    []struct{ Username, Password string }
	}
	if code != 200 || json.Unmarshal([]byte(body), &res) != nil || res.Imported != 2 || res.Slips[0].Username != "141102-1" {
		t.Fatalf("import: %d %s", code, body)
	}
	// The new user must change the generated password at first login.
	c := loginAs(t, w.srv.URL, res.Slips[0].Username, res.Slips[0].Password)
	if code, _ := c.get("/projects"); code != 303 {
		t.Errorf("first login went on without a password change: %d", code)
	}

	code, body = upload("root", "/admin/users/import", "姓名,单位,角色,手机\n王五,文水县,督查,139-0000-0002\n")
	testenv.Contains(t, body, "首次登录凭条", `data-username="141121-2"`, "王五", "首次登录后请立即修改密码")
	if code != 200 {
		t.Errorf("page import: %d", code)
	}
	users := w.get(t, "root", "/admin/users")
	testenv.Contains(t, users, "13900000002", "13800000001", `id="import-users"`)
	if strings.Contains(w.get(t, "zhb", "/admin/users"), "13900000002") {
		t.Error("a phone shown to a non-administrator")
	}
}

// Issue 15.7: each in-page link of the dispatch page leads to a section
// whose title says what the link said, for the city and for a county.
func TestDispatchAnchorsMatchTheirTitles(t *testing.T) {
	w := newDspWorld(t)
	link := regexp.MustCompile(`<a href="#([a-z]+)">([^<(]+)`)
	for _, user := range []string{"zhb", "lishi"} {
		page := w.get(t, user, w.at("/dispatch?year=%[1]d&month=2"))
		i := strings.Index(page, `class="subnav in-page`)
		if i < 0 {
			t.Fatalf("%s: no in-page navigation", user)
		}
		nav := page[i : i+strings.Index(page[i:], "</nav>")]
		links := link.FindAllStringSubmatch(nav, -1)
		if len(links) < 3 {
			t.Fatalf("%s: links %v", user, links)
		}
		for _, l := range links {
			id, text := l[1], strings.TrimSpace(l[2])
			at := strings.Index(page, `id="`+id+`"`)
			if at < 0 {
				t.Errorf("%s: #%s leads nowhere", user, id)
				continue
			}
			// The section's title: its aria-label or its first heading.
			sec := page[at:min(len(page), at+1500)]
			title := ""
			if m := regexp.MustCompile(`^id="[a-z]+"[^>]*aria-label="([^"]+)"`).FindStringSubmatch(sec); m != nil {
				title = m[1]
			} else if m := regexp.MustCompile(`<h2>(?:<[^>]+></span> )?([^<]+)`).FindStringSubmatch(sec); m != nil {
				title = m[1]
			}
			if !strings.Contains(title, text) {
				t.Errorf("%s: the link %q leads to #%s titled %q", user, text, id, title)
			}
		}
	}
}
