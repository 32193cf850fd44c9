package web_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// Every count of the public's problems on the stations' pages is a link to
// the list it counts, and that list holds exactly that many, each to its
// own page; a reception day is recorded from the station's page.
func TestStationCountsTraceToEachProblem(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	suggestionCity(t, a)
	srv, _ := serve(t, a)
	staff := loginAs(t, srv.URL, "rdb", testenv.Password)
	cgj := loginAs(t, srv.URL, "cgj", testenv.Password)
	wjw := loginAs(t, srv.URL, "wjw", testenv.Password)
	dep := loginAs(t, srv.URL, "S-0001", testenv.Password)
	a.Now = func() time.Time { return time.Date(2023, 3, 10, 10, 0, 0, 0, a.Loc) }
	call := func(c *client, method, path, body string) (int, string) {
		t.Helper()
		return c.send(method, path, body)
	}
	code, out := call(staff, "POST", "/api/v1/stations", `{"name":"凤山街道代表联络站","org":"141102","reception_day":10,"deputies":["S-0001","S-0002"]}`)
	if code != 201 {
		t.Fatalf("station: %d %s", code, out)
	}
	sid := regexp.MustCompile(`"id":(\d+)`).FindStringSubmatch(out)[1]
	// Its reception days are on the calendar from this month.
	code, out = call(dep, "GET", "/api/v1/stations/"+sid+"/receptions?year=2023", "")
	if code != 200 || !strings.Contains(out, `"total":10`) || !strings.Contains(out, `"scheduled_on":"2023-03-10"`) {
		t.Fatalf("receptions: %d %s", code, out)
	}
	rid := regexp.MustCompile(`"id":(\d+)`).FindStringSubmatch(out)[1]
	// Five problems brought on the reception day: three to the urban
	// management bureau (two solved), two to the health commission (one solved).
	for i, unit := range []string{"141100-CGJ", "141100-CGJ", "141100-CGJ", "141100-WJW", "141100-WJW"} {
		who, card := dep, ""
		if i%2 == 1 {
			who, card = staff, "S-0002"
		}
		code, out = call(who, "POST", "/api/v1/stations/"+sid+"/problems", fmt.Sprintf(`{"text":"问题%d","deputy":%q}`, i+1, card))
		if code != 201 || !strings.Contains(out, `"reception":`+rid) {
			t.Fatalf("register %d: %d %s", i, code, out)
		}
		pid := regexp.MustCompile(`"id":(\d+)`).FindStringSubmatch(out)[1]
		p := "/api/v1/station-problems/" + pid + "/"
		if code, out = call(staff, "POST", p+"forward", `{"org":"`+unit+`"}`); code != 200 {
			t.Fatalf("forward: %d %s", code, out)
		}
		if i == 2 {
			continue // still with the unit
		}
		u := cgj
		if unit == "141100-WJW" {
			u = wjw
		}
		if code, out = call(u, "POST", p+"answer", `{"text":"已处理"}`); code != 200 {
			t.Fatalf("answer: %d %s", code, out)
		}
		if code, out = call(dep, "POST", p+"return-visit", fmt.Sprintf(`{"text":"回访","solved":%v}`, i != 4)); code != 200 {
			t.Fatalf("return visit: %d %s", code, out)
		}
	}
	// The deputy records the reception day from the station's page.
	if code, body, _ := dep.post("/receptions/"+rid+"/record", url.Values{"station": {sid}, "received_on": {"2023-03-10"}, "people": {"12"}}); code != 303 {
		t.Fatalf("record the reception: %d %s", code, body)
	}
	if code, body := dep.get("/stations/" + sid); code != 200 || !strings.Contains(body, "2023年接待日") || !strings.Contains(body, `href="/station-problems?reception=`+rid+`">5</a>`) {
		t.Fatalf("the station page's reception days: %d", code)
	}
	// Every count on /stations links to a list of exactly that many.
	_, body := staff.get("/stations")
	link := regexp.MustCompile(`<a href="(/station-problems[^"]*)"[^>]*>(?:受理群众问题 |已解决 )?(\d+)(?: 件)?</a>`)
	rows := regexp.MustCompile(`<tr data-id="\d+">`)
	links := link.FindAllStringSubmatch(body, -1)
	if len(links) < 10 {
		t.Fatalf("the counts on /stations link to their lists: %d links", len(links))
	}
	seen := map[string]bool{}
	for _, m := range links {
		href := strings.ReplaceAll(m[1], "&amp;", "&")
		n, _ := strconv.Atoi(m[2])
		seen[href] = true
		code, list := staff.get(href)
		if code != 200 {
			t.Fatalf("%s: %d", href, code)
		}
		if got := len(rows.FindAllString(list, -1)); got != n {
			t.Errorf("%s: the count says %d, the list holds %d", href, n, got)
		}
	}
	for _, want := range []string{"/station-problems?solved=1", "/station-problems?org=141100-CGJ&solved=1", "/station-problems?deputy=S-0002&solved=1",
		"/station-problems?station=" + sid + "&solved=1"} {
		if !seen[want] {
			t.Errorf("no count links to %s", want)
		}
	}
	// The solved list's first row opens the problem with its history; the
	// other unit cannot open it.
	_, list := staff.get("/station-problems?org=141100-CGJ&solved=1")
	first := regexp.MustCompile(`<a href="/station-problems/(\d+)">`).FindStringSubmatch(list)
	if first == nil {
		t.Fatal("the list names no problem")
	}
	if code, page := cgj.get("/station-problems/" + first[1]); code != 200 || !strings.Contains(page, "已解决") || !strings.Contains(page, "回访") {
		t.Fatalf("the problem's page: %d", code)
	}
	if code, _ := wjw.get("/station-problems/" + first[1]); code != 404 {
		t.Fatalf("another unit opens it: %d", code)
	}
	if code, out = call(cgj, "GET", "/api/v1/station-problems?solved=1", ""); code != 200 || !strings.Contains(out, `"total":2`) {
		t.Fatalf("the unit's solved list: %d %s", code, out)
	}
	// The API's deadline table on the calendar.
	if code, out = call(cgj, "GET", "/api/v1/calendar/deadlines?from=2023-11-30", ""); code != 200 || !strings.Contains(out, `"answer_due":"2024-02-29"`) {
		t.Fatalf("deadlines: %d %s", code, out)
	}
	if code, out = call(cgj, "GET", "/api/v1/calendar/deadlines?from=2023-13-01", ""); code != 422 || !strings.Contains(out, `"field":"from"`) {
		t.Fatalf("a bad day: %d %s", code, out)
	}
	// On the calendar page: Monday to Friday until the office keeps the
	// year, then its holidays count.
	if code, page := cgj.get("/calendar?year=2023&from=2023-03-28"); code != 200 || !strings.Contains(page, `<td data-k="return_by">2023-04-06</td>`) {
		t.Fatalf("calendar page before the year is kept: %d", code)
	}
	if code, out = call(staff, "PUT", "/api/v1/calendar/2023", `{"holidays":["2023-04-05"]}`); code != 200 {
		t.Fatalf("calendar: %d %s", code, out)
	}
	if code, page := cgj.get("/calendar?year=2023&from=2023-03-28"); code != 200 || !strings.Contains(page, `<td data-k="return_by">2023-04-07</td>`) ||
		!strings.Contains(page, "<td>2023-11-30</td><td>2023-12-11</td><td>2023-12-30</td><td>2024-02-29</td>") {
		t.Fatalf("calendar page: %d", code)
	}
	_ = qianxiang.StArchived
}
