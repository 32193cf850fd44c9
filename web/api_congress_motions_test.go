package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Motions through the API: bodies set by staff, a joint motion signed by
// each deputy with their own token, refused at nine signatures, reviewed,
// its committee's report voted by the presidium; converted motions
// offered to the suggestions module; refusals in the error shape with
// nothing changed.
func TestAPIMotionsReviewAndResolutions(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		h := newHall(t, a, 15, 12)
		srv, _ := serve(t, a)
		toks := make([]string, 15)
		for i := range toks {
			toks[i] = h.token(t, a, i)
		}
		call := func(tok, method, path, body string, want int) string {
			t.Helper()
			var r *strings.Reader
			if body != "" {
				r = strings.NewReader(body)
			} else {
				r = strings.NewReader("")
			}
			code, resp, _ := bearer(t, srv.URL, tok, method, path, r, "application/json")
			if code != want {
				t.Fatalf("%s %s: %d, want %d: %s", method, path, code, want, resp)
			}
			return resp
		}
		id := func(resp string) int64 {
			var x struct{ ID int64 }
			json.Unmarshal([]byte(resp), &x)
			return x.ID
		}
		// Bodies.
		call(toks[0], "PUT", "/api/v1/congresses/lvliang-4/bodies/motions_committee", `{"members":[{"card":"4-0013"}]}`, 403)
		resp := call(h.staffTok, "PUT", "/api/v1/congresses/lvliang-4/bodies/executive_chairs", `{"members":[{"card":"4-0001","role":"chair"},{"card":"4-0014"},{"card":"4-9999"}]}`, 422)
		testenv.Contains(t, resp, `"field":"members[1].card"`, `"field":"members[2].card"`)
		call(h.staffTok, "PUT", "/api/v1/congresses/lvliang-4/bodies/executive_chairs", `{"members":[{"card":"4-0001","role":"chair"},{"card":"4-0002"}]}`, 200)
		call(h.staffTok, "PUT", "/api/v1/congresses/lvliang-4/bodies/motions_committee", `{"members":[{"card":"4-0013","role":"chair"},{"card":"4-0014"}]}`, 200)
		resp = call(toks[5], "GET", "/api/v1/congresses/lvliang-4/bodies", "", 200)
		testenv.Contains(t, resp, `"executive_chairs":[{"body":"executive_chairs","card":"4-0001"`, `"motions_committee":[{"body":"motions_committee","card":"4-0013"`)

		// A joint motion: the text rules refuse a control character.
		motion := `{"congress":"lvliang-4","title":"关于加快城区集中供热管网改造的议案","reason":"管网老化","basis":"《城镇供热管理条例》","solution":"三年内完成改造"}`
		call(toks[0], "POST", "/api/v1/motions", strings.Replace(motion, "管网老化", `管网\u0007老化`, 1), 422)
		mid := id(call(toks[0], "POST", "/api/v1/motions", motion, 201))
		for i := 1; i < 9; i++ {
			call(toks[i], "POST", fmt.Sprintf("/api/v1/motions/%d/sign", mid), "", 200)
		}
		call(toks[3], "POST", fmt.Sprintf("/api/v1/motions/%d/sign", mid), "", 409)
		resp = call(toks[0], "POST", fmt.Sprintf("/api/v1/motions/%d/submit", mid), "", 422)
		testenv.Contains(t, resp, `"code":"validation_failed"`, "it has 9")
		resp = call(toks[0], "GET", fmt.Sprintf("/api/v1/motions/%d", mid), "", 200)
		testenv.Contains(t, resp, `"status":"signing"`, `"needed":10`)
		// The tenth signs on paper at the desk.
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/motions/%d/sign", mid), `{"card":"4-0010"}`, 200)
		call(toks[0], "POST", fmt.Sprintf("/api/v1/motions/%d/submit", mid), "", 200)
		// A paper motion of nine: refused whole.
		paper := `{"congress":"lvliang-4","proposer":"deputies","title":"关于加强农村饮水安全保障的议案","reason":"r","basis":"b","solution":"s","signers":["4-0001","4-0002","4-0003","4-0004","4-0005","4-0006","4-0007","4-0008","4-0009"]}`
		call(h.staffTok, "POST", "/api/v1/motions", paper, 422)
		resp = call(h.staffTok, "GET", "/api/v1/motions?congress=lvliang-4", "", 200)
		testenv.Contains(t, resp, `"total":1`)
		gid := id(call(h.staffTok, "POST", "/api/v1/motions", `{"congress":"lvliang-4","proposer":"government","title":"关于提请审议物业管理条例（草案）的议案","reason":"r","basis":"b","solution":"s"}`, 201))

		// The review committee: a deputy off it may not; its chair may.
		call(toks[5], "POST", fmt.Sprintf("/api/v1/motions/%d/review", mid), `{"content_ok":true,"recommend":"listed","review":"x"}`, 403)
		call(toks[12], "POST", fmt.Sprintf("/api/v1/motions/%d/review", mid), `{"content_ok":false,"recommend":"listed","review":"x"}`, 422)
		call(toks[12], "POST", fmt.Sprintf("/api/v1/motions/%d/review", mid), `{"content_ok":false,"recommend":"converted","review":"属于政府具体工作"}`, 200)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/motions/%d/review", gid), `{"content_ok":true,"recommend":"listed","review":"建议列入议程"}`, 200)
		rid := id(call(h.staffTok, "POST", "/api/v1/motion-reports", `{"congress":"lvliang-4"}`, 201))
		plen := h.apiMeeting(t, srv.URL, "plenary", 12)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/motion-reports/%d/vote", rid), fmt.Sprintf(`{"meeting":%d}`, plen), 422)
		pres := h.apiMeeting(t, srv.URL, "presidium", 10)
		resp = call(h.staffTok, "POST", fmt.Sprintf("/api/v1/motion-reports/%d/vote", rid), fmt.Sprintf(`{"meeting":%d}`, pres), 200)
		var rep struct {
			VoteID int64 `json:"vote_id"`
		}
		json.Unmarshal([]byte(resp), &rep)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/open", rep.VoteID), "", 200)
		for i := 0; i < 7; i++ {
			call(toks[i], "POST", fmt.Sprintf("/api/v1/votes/%d/ballot", rep.VoteID), `{"choice":"for"}`, 200)
		}
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", rep.VoteID), "", 200)
		resp = call(toks[3], "GET", fmt.Sprintf("/api/v1/motion-reports/%d", rid), "", 200)
		testenv.Contains(t, resp, `"status":"adopted"`)
		resp = call(toks[3], "GET", "/api/v1/motions?congress=lvliang-4&status=converted", "", 200)
		testenv.Contains(t, resp, `"total":1`, `"status":"converted"`)
		resp = call(h.staffTok, "GET", "/api/v1/motions/converted?congress=lvliang-4", "", 200)
		testenv.Contains(t, resp, `"total":1`, `"deputies":["4-0001"`)
		call(toks[0], "POST", fmt.Sprintf("/api/v1/motions/%d/take-over", mid), `{"suggestion":"S-2023-001"}`, 403)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/motions/%d/take-over", mid), `{"suggestion":"S-2023-001"}`, 200)

		// A resolution passed in plenary is followed up.
		resp = call(h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/votes", plen), `{"title":"关于吕梁市人民检察院工作报告的决议","resolution":true}`, 201)
		vid := id(resp)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/open", vid), "", 200)
		for i := 0; i < 8; i++ {
			call(toks[i], "POST", fmt.Sprintf("/api/v1/votes/%d/ballot", vid), `{"choice":"for"}`, 200)
		}
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/votes/%d/close", vid), "", 200)
		resp = call(toks[9], "GET", "/api/v1/resolutions?congress=lvliang-4", "", 200)
		testenv.Contains(t, resp, `"total":1`, `"body":"procuratorate"`, `"due":"2023-08-26"`, `"status":"pending"`)
		var list struct {
			Items []app.ResolutionView `json:"items"`
		}
		json.Unmarshal([]byte(resp), &list)
		res := list.Items[0]
		call(toks[0], "POST", fmt.Sprintf("/api/v1/resolutions/%d/followups", res.ID), `{"body":"court","due":"2023-12-31"}`, 403)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/resolutions/%d/followups", res.ID), `{"body":"mayor","due":"2023-12-31"}`, 422)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/resolutions/%d/followups", res.ID), `{"body":"procuratorate","due":"2023-12-31"}`, 201)
		fid := res.FollowUps[0].ID
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/followups/%d/report", fid), `{"text":"","reported_on":"2023-08-20"}`, 422)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/followups/%d/report", fid), `{"text":"上半年落实情况报告","reported_on":"2023-08-20"}`, 200)
		resp = call(h.staffTok, "POST", fmt.Sprintf("/api/v1/followups/%d/assess", fid), `{"accept":true,"note":"审议通过"}`, 200)
		testenv.Contains(t, resp, `"status":"accepted"`, `"accepted":1`)
		call(h.staffTok, "POST", "/api/v1/resolutions", fmt.Sprintf(`{"vote":%d}`, vid), 409)

		// Outside the congress: a county's user sees none of it.
		testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		ltok, _ := a.CreateToken(t.Context(), qianxiang.SystemActor, "lishi", "t")
		call(ltok, "GET", "/api/v1/resolutions", "", 404)
		call(ltok, "GET", fmt.Sprintf("/api/v1/motions/%d", mid), "", 404)
		// Leave reasons and vote titles go through the text rules too.
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/leave", plen), `{"card":"4-0015","reason":"因病\u0000请假"}`, 422)
		call(h.staffTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/votes", plen), `{"title":"`+strings.Repeat("长", 501)+`"}`, 422)
	})
}
