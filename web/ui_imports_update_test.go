package web_test

import (
	"net/url"
	"regexp"
	"testing"

	"qianxiang/app"
	"qianxiang/internal/testenv"
)

var updateInsteadRE = regexp.MustCompile(`action="(/imports/[0-9a-f]+/update)"`)

// A list whose projects are already in the plan is refused in the preview,
// each row named, with an offer to update them instead; taking it shows a
// preview of updates that, confirmed, leaves the plan at its size.
func TestImportPreviewOffersUpdateInstead(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newRegWorld(t, a)
		c := w.login(t, "zhb")
		list := []byte("序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资,计划开工时间\n" +
			"1,离石区第一污水处理厂,离石区,新开工,100,40,2023-03\n" +
			"2,文水县农贸市场,文水县,新开工,50,20,2023-05\n")
		code, body := c.upload("/imports", "list.csv", list, map[string]string{"year": "2023"})
		m := confirmRE.FindStringSubmatch(body)
		if code != 200 || m == nil {
			t.Fatalf("first preview: status %d:\n%s", code, body)
		}
		if code, body, _ = c.post(m[1], url.Values{}); code != 200 {
			t.Fatalf("first confirm: status %d:\n%s", code, body)
		}
		before := listCount(t, c, 2023)

		// The API refuses it too, naming the rows.
		code, body = c.upload("/api/v1/imports/projects?year=2023", "list.csv", list, nil)
		if code != 422 {
			t.Errorf("API import of the same list: status %d, want 422:\n%s", code, body)
		}
		testenv.Contains(t, body, `"row":2`, `"row":3`, "already in the 2023 plan")

		code, body = c.upload("/imports", "list.csv", list, map[string]string{"year": "2023"})
		if code != 422 && code != 400 {
			t.Errorf("second preview: status %d, want a refusal", code)
		}
		testenv.Contains(t, body, `id="row-2"`, `id="row-3"`, "离石区第一污水处理厂（离石区）已在 2023 年计划中", "此文件中有 2 个项目已在 2023 年计划中", `id="update-instead"`, "已在计划中</span>")
		if confirmRE.MatchString(body) {
			t.Errorf("the refused preview offers to confirm")
		}
		u := updateInsteadRE.FindStringSubmatch(body)
		if u == nil {
			t.Fatalf("no update-instead form:\n%s", body)
		}
		code, body, _ = c.post(u[1], url.Values{})
		m = confirmRE.FindStringSubmatch(body)
		if code != 200 || m == nil {
			t.Fatalf("preview as update: status %d:\n%s", code, body)
		}
		testenv.Contains(t, body, `class="badge upd"`, `id="preview-count">2<`)
		if code, body, _ = c.post(m[1], url.Values{}); code != 200 {
			t.Fatalf("confirm the update: status %d:\n%s", code, body)
		}
		testenv.Contains(t, body, "新增 0 个，更新 2 个。")
		if n := listCount(t, c, 2023); n != before {
			t.Errorf("after the update: %s projects, want %s", n, before)
		}
	})
}
