package web_test

import (
	"net/url"
	"strings"
	"testing"

	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Issue 15.5: an empty project form shows every missing field at once, and
// so does a form with a bad number besides them.
func TestEmptyProjectFormShowsEveryMissingField(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		w := newRegWorld(t, a)
		c := w.login(t, "zhb")
		for _, form := range []url.Values{
			{"year": {"2023"}},
			{"year": {"2023"}, "total_investment": {"abc"}},
		} {
			code, body, _ := c.post("/projects/new", form)
			if code != 422 {
				t.Fatalf("empty form: %d, want 422", code)
			}
			for _, f := range []string{"name", "org", "kind"} {
				if !strings.Contains(body, `class="field-err" id="e-`+f+`"`) {
					t.Errorf("form %v: field %s is not marked", form, f)
				}
			}
			if form.Get("total_investment") != "" && !strings.Contains(body, `id="e-total_investment"`) {
				t.Error("the bad number is not marked")
			}
		}
	})
}
