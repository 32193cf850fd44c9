package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"qianxiang"
)

// The lists page sent empty (no sector typed) is refused and re-rendered
// with the field named; the saved list is kept. It used to save an empty
// list with 200, after which no project could name a sector.
func TestProjectListsEmptyFormIsRefused(t *testing.T) {
	w := newDspWorld(t)
	ctx := context.Background()
	if err := w.a.SetProjectLists(ctx, qianxiang.SystemActor, qianxiang.ProjectLists{Sectors: []string{"能源", "交通"}}); err != nil {
		t.Fatal(err)
	}
	for name, form := range map[string]url.Values{
		"nothing":     {},
		"blank lines": {"sectors": {"\r\n  \r\n"}, "allow_other_leader": {"1"}},
	} {
		code, body := w.form(t, "zhb", "/settings/projects", form)
		if code != 422 || !strings.Contains(body, "设置未保存") || !strings.Contains(body, `class="field-err"`) || !strings.Contains(body, "请至少填写一个行业") {
			t.Errorf("%s: got %d, want 422 naming the sectors field: %.400s", name, code, body)
		}
	}
	if l, err := w.a.ProjectLists(ctx); err != nil || len(l.Sectors) != 2 {
		t.Errorf("the saved list after refused forms: %v %v", l.Sectors, err)
	}
}
