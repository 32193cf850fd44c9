package web_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang/internal/testenv"
)

// A proposal is shown in the consultative conference's words wherever it
// appears: its list, its page, its history, the report and the workbook;
// a suggestion keeps the congress's.
func TestProposalsSpeakTheirOwnWords(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	suggestionCity(t, a)
	srv, _ := serve(t, a)
	staff := loginAs(t, srv.URL, "rdb", testenv.Password)
	cgj := loginAs(t, srv.URL, "cgj", testenv.Password)
	a.Now = func() time.Time { return time.Date(2023, 3, 28, 10, 0, 0, 0, a.Loc) }
	call := func(c *client, method, path, body string) (int, string) {
		t.Helper()
		return c.send(method, path, body)
	}
	id := func(out string) string { return regexp.MustCompile(`"id":(\d+)`).FindStringSubmatch(out)[1] }
	code, out := call(staff, "POST", "/api/v1/suggestions", `{"kind":"proposal","congress":"lvliang-4","title":"关于加强背街小巷管理的提案","body":"案由","deputies":["S-0001"],"submitted_on":"2023-03-01"}`)
	if code != 201 {
		t.Fatalf("proposal: %d %s", code, out)
	}
	p := id(out)
	_, out = call(staff, "POST", "/api/v1/suggestions", `{"kind":"proposal","congress":"lvliang-4","title":"待审查的提案","body":"案由","deputies":["S-0002"],"submitted_on":"2023-03-02"}`)
	waiting := id(out)
	_, out = call(staff, "POST", "/api/v1/suggestions", `{"title":"关于增设路灯的建议","body":"内容","deputies":["S-0001"],"submitted_on":"2023-03-01"}`)
	sug := id(out)
	_, page := staff.get("/suggestions/" + waiting)
	for _, w := range []string{"待立案审查", "立案交办", "主办单位", "会办单位", "不立案", "并案", "提案人"} {
		if !strings.Contains(page, w) {
			t.Errorf("the proposal awaiting filing does not say %s", w)
		}
	}
	if code, out = call(staff, "POST", "/api/v1/suggestions/"+p+"/assign", `{"lead_org":"141100-CGJ","co_orgs":["141100-WJW"],"assigned_on":"2023-03-28"}`); code != 200 {
		t.Fatalf("assign: %d %s", code, out)
	}
	// A refusal speaks of the proposal in its words too.
	wjw := loginAs(t, srv.URL, "wjw", testenv.Password)
	req, _ := newJSON("POST", wjw.base+"/api/v1/suggestions/"+p+"/answer", `{"class":"A","text":"x"}`)
	req.Header.Set("X-CSRF-Token", wjw.csrf)
	req.Header.Set("Accept-Language", "zh")
	if code, out, _ = wjw.do(req); code != 403 || !strings.Contains(out, "只有该提案的主办单位可以办理复文") {
		t.Errorf("a joint unit's handling reply: %d %s", code, out)
	}
	if code, out = call(cgj, "POST", "/api/v1/suggestions/"+p+"/answer", `{"class":"A","text":"已完成整治"}`); code != 200 {
		t.Fatalf("answer: %d %s", code, out)
	}
	// The proposer is told in the conference's words.
	dep := loginAs(t, srv.URL, "S-0001", testenv.Password)
	if _, notes := dep.get("/notifications"); !strings.Contains(notes, "你的提案已办理复文") {
		t.Error("the proposer's notice does not speak of the handling reply")
	}
	_, page = staff.get("/suggestions/" + p)
	for _, w := range []string{"已复文待反馈", "办理复文", "立案交办", "复文期限", "提出提案", "会办单位"} {
		if !strings.Contains(page, w) {
			t.Errorf("the answered proposal's page does not say %s", w)
		}
	}
	for _, w := range []string{"协办单位", "已答复待测评", "提出代表"} {
		if strings.Contains(page, w) {
			t.Errorf("the proposal's page uses the suggestion's word %s", w)
		}
	}
	_, page = staff.get("/suggestions/" + sug)
	if !strings.Contains(page, "待交办") || !strings.Contains(page, "协办单位") || strings.Contains(page, "立案交办") {
		t.Error("a suggestion keeps the congress's words")
	}
	_, page = staff.get("/suggestions?kind=proposal")
	if !strings.Contains(page, "待立案审查") || !strings.Contains(page, "已复文待反馈") || !strings.Contains(page, "复文期限") {
		t.Error("the proposals' list speaks of filing and replies")
	}
	_, page = staff.get("/suggestions/report?year=2023&kind=proposal&print=1")
	for _, w := range []string{"吕梁市政协2023年提案办理情况统计表", "会办件数", "已复文", "复文类别", "统计截至 2023-03-28"} {
		if !strings.Contains(page, w) {
			t.Errorf("the printable proposals' report does not say %s", w)
		}
	}
	code, book := staff.get("/suggestions/report.xlsx?year=2023&kind=proposal")
	f, err := excelize.OpenReader(bytes.NewReader([]byte(book)))
	if code != 200 || err != nil {
		t.Fatalf("xlsx: %d %v", code, err)
	}
	if v, _ := f.GetCellValue("办理情况统计表", "A1"); v != "吕梁市政协2023年提案办理情况统计表" {
		t.Errorf("the workbook's title: %q", v)
	}
	statuses, _ := f.GetCols("办理明细")
	if got := strings.Join(statuses[9][1:], "/"); !strings.Contains(got, "待立案审查") || !strings.Contains(got, "已复文待反馈") {
		t.Errorf("the workbook's statuses in the proposal's words: %q", got)
	}
}
