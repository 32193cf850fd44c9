package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// dspWorld is a small city in March of a plan year: three projects in 离石区
// and two in 文水县, with January and February reported, and a user per
// role. The year lies ahead of the real one: the clock is fixed on 10 March
// so the month is open, and a clock in the past would give the browser a
// session cookie that has already expired.
type dspWorld struct {
	year   int
	a      *app.App
	srv    *httptest.Server
	tokens map[string]string
	lishi  []int64 // 离石区's projects
	wen    []int64 // 文水县's projects
}

var dspNames = map[string][]string{
	"141102": {"离石区滨河路改造", "离石区物流园", "离石区新医院"},
	"141121": {"文水县工业园", "文水县污水厂"},
}

func newDspWorld(t *testing.T) *dspWorld {
	t.Helper()
	a := testenv.Open(t, "sqlite")
	y := time.Now().Year() + 2
	a.Now = func() time.Time { return time.Date(y, 3, 10, 10, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	ctx := context.Background()
	w := &dspWorld{year: y, a: a}
	for _, code := range []string{"141102", "141121"} {
		for i, name := range dspNames[code] {
			p := qianxiang.Project{Year: y, Name: name, Org: qianxiang.OrgRef{Code: code}, Kind: qianxiang.KindContinuing,
				TotalInvestment: 100000_00, AnnualPlan: qianxiang.Money(1200_00 * (i + 1))}
			if i == 2 {
				// A new project due to start in February that has not: red.
				p.Kind, p.PlannedStart = qianxiang.KindNew, qianxiang.Date{Year: y, Month: 2}
			}
			made, err := a.CreateProject(ctx, qianxiang.SystemActor, p)
			if err != nil {
				t.Fatal(err)
			}
			if code == "141102" {
				w.lishi = append(w.lishi, made.ID)
			} else {
				w.wen = append(w.wen, made.ID)
			}
			for m := 1; m <= 2 && i < 2; m++ {
				amt := qianxiang.Money(100_00 * (i + 1))
				if _, err := a.SubmitReport(ctx, qianxiang.SystemActor, made.ID, y, m, &app.ReportInput{Completed: &amt}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	w.tokens = withTokens(t, a, []userSpec{{"zhb", qianxiang.RoleCommand, "141100"}, {"lishi", qianxiang.RoleOrgAdmin, "141102"},
		{"lishi-xm", qianxiang.RoleReporter, "141102"}, {"wenshui", qianxiang.RoleOrgAdmin, "141121"}})
	w.srv, _ = serve(t, a)
	return w
}

func (w *dspWorld) req(t *testing.T, user, method, path string, body io.Reader, ctype string) (int, string, http.Header) {
	t.Helper()
	return bearer(t, w.srv.URL, w.tokens[user], method, path, body, ctype)
}

func (w *dspWorld) get(t *testing.T, user, path string) string {
	t.Helper()
	code, body, _ := w.req(t, user, "GET", path, nil, "")
	if code != 200 {
		t.Fatalf("GET %s as %s: %d\n%s", path, user, code, body)
	}
	return body
}

var dataK = regexp.MustCompile(`data-k="([a-z_.]+)"[^>]*>([^<]*)<`)

// figures reads the numbers a page marks with data-k (the first of each).
func figures(body string) map[string]string {
	out := map[string]string{}
	for _, m := range dataK.FindAllStringSubmatch(body, -1) {
		if _, ok := out[m[1]]; !ok {
			out[m[1]] = strings.TrimSpace(m[2])
		}
	}
	return out
}

// money and pct format as the pages do: 1,234.50 and 25.00%.
func money(m qianxiang.Money) string { return m.Grouped() }

func pct(f qianxiang.Fraction) string { return strconv.FormatFloat(float64(f)*100, 'f', 2, 64) + "%" }

func dspItoa(n int) string { return strconv.Itoa(n) }

func wantFigures(t *testing.T, page string, got map[string]string, d *qianxiang.Dispatch) {
	t.Helper()
	want := map[string]string{
		"total.projects":        dspItoa(d.Total.Projects),
		"total.completed_ytd":   money(d.Total.CompletedYTD),
		"total.completion_rate": pct(d.Total.CompletionRate),
		"time_progress":         pct(d.TimeProgress),
		"total.red":             dspItoa(d.Total.Lights.Red),
		"total.green":           dspItoa(d.Total.Lights.Green),
		"total.reports_missing": dspItoa(d.Total.ReportsMissing),
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s = %q, want %q (App.Dispatch)", page, k, got[k], v)
		}
	}
}

func TestDispatchPageShowsTheDispatchFigures(t *testing.T) {
	w := newDspWorld(t)
	d, err := w.a.Dispatch(context.Background(), qianxiang.SystemActor, w.year, 2)
	if err != nil {
		t.Fatal(err)
	}
	body := w.get(t, "zhb", w.at("/dispatch?year=%[1]d&month=2"))
	wantFigures(t, "dispatch", figures(body), d)
	if d.Total.Lights.Red != 1 || d.Total.Projects != 5 {
		t.Fatalf("the world is not what the test expects: %+v", d.Total)
	}
	// Each county row links its numbers to the projects behind them.
	testenv.Contains(t, body, `data-org="141102"`, w.at(`/projects?light=red&amp;month=2&amp;org=141102&amp;year=%[1]d`),
		w.at(`/reports?month=%[1]d-02&amp;org=141102&amp;status=missing`), "离石区新医院", "应开未开",
		w.at(`/dispatch?month=2&amp;print=1&amp;year=%[1]d`), w.at(`/dispatch.xlsx?month=2&amp;year=%[1]d`))
}

func TestDispatchCountyUserSeesOnlyTheirCounty(t *testing.T) {
	w := newDspWorld(t)
	body := w.get(t, "lishi", w.at("/dispatch?year=%[1]d&month=2"))
	if got := figures(body)["total.projects"]; got != "3" {
		t.Errorf("离石区 sees %s projects, want its 3", got)
	}
	for _, name := range dspNames["141121"] {
		if strings.Contains(body, name) {
			t.Errorf("离石区's dispatch shows 文水县's project %s", name)
		}
	}
	// 文水县 appears only as a line of the city's ranking, without links.
	if strings.Contains(body, "org=141121") {
		t.Error("离石区's dispatch links to 文水县's projects")
	}
	grid := w.get(t, "lishi-xm", w.at("/reports?month=%[1]d-03"))
	testenv.Contains(t, grid, dspNames["141102"]...)
	for _, name := range dspNames["141121"] {
		if strings.Contains(grid, name) {
			t.Errorf("离石区's grid shows 文水县's project %s", name)
		}
	}
}

func TestReportGridRowsAndLock(t *testing.T) {
	w := newDspWorld(t)
	body := w.get(t, "lishi-xm", w.at("/reports?month=%[1]d-03"))
	// Three rows to fill, none disabled, a start date for the new project.
	if n := strings.Count(body, `class="c-completed"`); n != 3 {
		t.Fatalf("%d amount fields, want 3", n)
	}
	if strings.Contains(body, `value="" aria-label="本月完成（万元）" disabled`) {
		t.Error("an open month's field is disabled")
	}
	testenv.Contains(t, body, `class="c-started" type="date"`, `data-count="empty">3<`, w.at("%[1]d-03-25"), `data-ytd-before="200.00"`)
	if strings.Contains(body, "已锁定") {
		t.Error("the month shows as locked before its deadline")
	}
	// After the 25th the reporter's fields lock; the county's stay open.
	w.a.Now = func() time.Time { return time.Date(w.year, 3, 26, 9, 0, 0, 0, w.a.Loc) }
	body = w.get(t, "lishi-xm", w.at("/reports?month=%[1]d-03"))
	testenv.Contains(t, body, "已锁定")
	if n := strings.Count(body, `aria-label="本月完成（万元）" disabled`); n != 3 {
		t.Errorf("%d locked amount fields for the reporter, want 3", n)
	}
	body = w.get(t, "lishi", w.at("/reports?month=%[1]d-03"))
	if n := strings.Count(body, `aria-label="本月完成（万元）" disabled`); n != 0 {
		t.Errorf("%d locked amount fields for the county, want 0 (it may report late)", n)
	}
	// A bad filter is refused with the field named.
	if code, _, _ := w.req(t, "lishi", "GET", w.at("/reports?month=%[1]d-03&status=lost"), nil, ""); code != 422 {
		t.Errorf("status=lost: %d, want 422", code)
	}
}

func TestCockpitNumbersEqualTheDispatch(t *testing.T) {
	w := newDspWorld(t)
	ctx := context.Background()
	month := w.a.DefaultDispatchMonth(ctx, w.year)
	d, err := w.a.Dispatch(ctx, qianxiang.SystemActor, w.year, month)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/cockpit", "/cockpit?screen=1"} {
		body := w.get(t, "zhb", path)
		figs := figures(body)
		if strings.Contains(path, "screen=1") {
			// The big screen gives amounts in 亿元 with one decimal.
			for k, m := range map[string]qianxiang.Money{"total.annual_plan": d.Total.AnnualPlan, "total.completed_ytd": d.Total.CompletedYTD} {
				if figs[k] != m.YiString() {
					t.Errorf("%s: %s = %q, want %q 亿元", path, k, figs[k], m.YiString())
				}
				figs[k] = money(m)
			}
		}
		wantFigures(t, path, figs, d)
		testenv.Contains(t, body, `<svg class="chart progress"`, `<svg class="chart bars"`, `<svg class="chart lights"`,
			w.at(`/projects?light=red&amp;month=2&amp;org=141102&amp;year=%[1]d`))
	}
	// Reminders: March is being reported and nobody has yet.
	body := w.get(t, "zhb", "/cockpit")
	if got := figures(body)["remind.missing"]; got != "5" {
		t.Errorf("reminders count %s missing for March, want 5", got)
	}
	testenv.Contains(t, body, w.at(`/reports?month=%[1]d-03&amp;org=141102&amp;status=missing`))
	screen := w.get(t, "zhb", "/cockpit?screen=1")
	testenv.Contains(t, screen, `class="print screen"`, "/static/cockpit.js")
	if strings.Contains(screen, `<header class="top">`) {
		t.Error("the big screen shows the navigation")
	}
}

func TestHomeOfACountyIsItsMonthsWork(t *testing.T) {
	w := newDspWorld(t)
	body := w.get(t, "lishi", "/")
	f := figures(body)
	if f["home.rows"] != "3" || f["home.empty"] != "3" {
		t.Errorf("home counts %v, want 3 projects, 3 not filled", f)
	}
	testenv.Contains(t, body, w.at(`href="/reports?month=%[1]d-03"`), "离石区新医院")
	if strings.Contains(body, "文水县") {
		t.Error("离石区's home names 文水县")
	}
}

// at fills the world's year into a path or text: %[1]d is the year.
func (w *dspWorld) at(format string) string { return fmt.Sprintf(format, w.year) }
