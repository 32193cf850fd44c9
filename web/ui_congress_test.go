package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func TestCongressPagesAndAccess(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		h := newHall(t, a, 9, 3)
		srv, _ := serve(t, a)
		m := h.apiMeeting(t, srv.URL, "plenary", 6)
		vid := h.apiVote(t, srv.URL, m, "aggregate")
		bearer(t, srv.URL, h.token(t, a, 0), "POST", fmt.Sprintf("/api/v1/votes/%d/ballot", vid), strings.NewReader(`{"choice":"for"}`), "application/json")
		bearer(t, srv.URL, h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", vid), nil, "")
		testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		staff := loginAs(t, srv.URL, "rdb", testenv.Password)
		for path, want := range map[string][]string{
			"/congress":                                     {"lvliang-4", "离石区代表团", "导入代表名册", "创建会议"},
			fmt.Sprintf("/congress/meetings/%d", m):         {"应出席9人，实出席6人，符合法定人数", "报到签到台", "关于政府工作报告的决议", "重新表决"},
			fmt.Sprintf("/congress/meetings/%d/minutes", m): {"会议记录", "赞成", "未通过", "代表0007"},
			fmt.Sprintf("/congress/meetings/%d/screen", m):  {"hall.js", "应出席9人，实出席6人"},
		} {
			code, body := staff.get(path)
			if code != 200 {
				t.Fatalf("%s: %d", path, code)
			}
			testenv.Contains(t, body, want...)
		}
		// The session is named in the reader's language (the choice is
		// kept in a cookie, so Chinese is asked for again after).
		for _, c := range []struct{ lang, want string }{{"zh", "第一次会议"}, {"en", "Session 1"}, {"zh", "第一次会议"}} {
			_, body := staff.get(fmt.Sprintf("/congress/meetings/%d?lang=%s", m, c.lang))
			if !strings.Contains(body, c.want) || c.lang == "en" && strings.Contains(body, "次会议") {
				t.Errorf("in %s the meeting page does not name the session %s", c.lang, c.want)
			}
		}
		dep := loginAs(t, srv.URL, h.deputies[0].Card, testenv.Password)
		code, body := dep.get("/vote")
		if code != 200 {
			t.Fatalf("/vote: %d", code)
		}
		testenv.Contains(t, body, "代表0001", "tablet.js")
		if code, _ := staff.get("/vote"); code != 403 {
			t.Fatalf("staff on /vote: %d", code)
		}
		county := loginAs(t, srv.URL, "lishi", testenv.Password)
		if code, _ := county.get("/congress"); code != 404 {
			t.Fatalf("a county on /congress: %d", code)
		}
		// The API's access: outside the congress 404, wrong role 403.
		ltok, _ := a.CreateToken(t.Context(), qianxiang.SystemActor, "lishi", "t")
		dtok := h.token(t, a, 1)
		cases := []struct {
			tok, method, path, body string
			code                    int
		}{
			{ltok, "GET", "/api/v1/deputies", "", 404},
			{ltok, "GET", fmt.Sprintf("/api/v1/votes/%d", vid), "", 404},
			{dtok, "GET", "/api/v1/deputies?congress=lvliang-4", "", 200},
			{dtok, "POST", "/api/v1/meetings", `{"congress":"lvliang-4","body":"plenary","title":"x","date":"2023-02-26"}`, 403},
			{dtok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m), `{"card":"4-0009"}`, 403},
			{dtok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", vid), ``, 403},
			{h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/ballot", vid), `{"choice":"for"}`, 403},
			{h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m), `{"card":"4-9999"}`, 422},
			{h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m), `{"card":"4-0001"}`, 200},
			{dtok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m), `{"cards":["4-0007"]}`, 403},
			{h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m), `{"cards":["4-0007","4-9999"]}`, 422},
			{h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m), `{"cards":[]}`, 422},
			{h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/checkins", m), `{"cards":["4-0007","4-0001"]}`, 200},
			{h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/reopen", vid), `{}`, 422},
			{dtok, "POST", fmt.Sprintf("/api/v1/votes/%d/ballot", vid), `{"choice":"for"}`, 422},
			{"", "GET", "/api/v1/meetings", "", 401},
		}
		for _, c := range cases {
			var body *strings.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			} else {
				body = strings.NewReader("")
			}
			got, resp, _ := bearer(t, srv.URL, c.tok, c.method, c.path, body, "application/json")
			if got != c.code {
				t.Errorf("%s %s: %d, want %d: %s", c.method, c.path, got, c.code, resp)
			}
		}
		// A roster through the API: a duplicate card is refused with its row.
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", "roster.csv")
		fw.Write([]byte("姓名,代表团,代表证号\n甲,离石区代表团,5-1\n乙,离石区代表团,5-1\n"))
		mw.Close()
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/imports/deputies?congress=lvliang-5", &buf)
		req.Header.Set("Authorization", "Bearer "+h.staffTok)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 422 {
			t.Fatalf("duplicate card through the API: %d", res.StatusCode)
		}
	})
}
