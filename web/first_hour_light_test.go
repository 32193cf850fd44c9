package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qianxiang/internal/testenv"
)

// Issue 15.2: on 10 April the last reports are February's. The registry
// shows February's lights; the project page must show the same light for
// the same month (before, it took March: yellow against the list's green).
func TestOneProjectOneLightForOneMonth(t *testing.T) {
	w := newDspWorld(t)
	w.a.Now = func() time.Time { return time.Date(w.year, 4, 10, 10, 0, 0, 0, w.a.Loc) }
	if m := w.a.DefaultDispatchMonth(context.Background(), w.year); m != 2 {
		t.Fatalf("default month %d, want 2", m)
	}
	id := w.lishi[0] // 200 of 1,200 by February: green at month 2, yellow at month 3
	list := w.get(t, "zhb", w.at("/projects?year=%[1]d"))
	testenv.Contains(t, list, `title="绿灯（截至2月）"`, "/projects/"+dspItoa(int(id))+"?month=2")
	page := w.get(t, "zhb", "/projects/"+dspItoa(int(id)))
	testenv.Contains(t, page, `<span class="light green" title="绿灯（截至2月）">`)
	if strings.Contains(page, "light yellow") {
		t.Error("the project page shows another light than the registry")
	}
	// Asked for March, the page says March and its light.
	march := w.get(t, "zhb", "/projects/"+dspItoa(int(id))+"?month=3")
	testenv.Contains(t, march, `title="黄灯（截至3月）"`)
	if code, _, _ := w.req(t, "zhb", "GET", "/projects/"+dspItoa(int(id))+"?month=13", nil, ""); code != 422 && code != 400 {
		t.Errorf("month=13: %d, want a refusal", code)
	}
}
