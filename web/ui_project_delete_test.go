package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
)

// A project whose reports reached the office is not deleted from its
// page: the page comes back with the reason, in Chinese, and the project
// stays.
func TestProjectPageRefusesDeletingAReportedProject(t *testing.T) {
	w := newDspWorld(t)
	ctx := context.Background()
	id := w.lishi[0]
	m := qianxiang.Money(100)
	if _, err := w.a.SubmitReport(ctx, qianxiang.SystemActor, id, w.year, 3, &app.ReportInput{Completed: &m}); err != nil {
		t.Fatal(err)
	}
	p, err := w.a.Project(ctx, qianxiang.SystemActor, id)
	if err != nil {
		t.Fatal(err)
	}
	code, body := w.form(t, "lishi", fmt.Sprintf("/projects/%d/delete", id), url.Values{"version": {fmt.Sprint(p.Version)}})
	if code != 409 || !strings.Contains(body, "已计入调度，不能删除") {
		t.Errorf("deleting a reported project from its page: %d %.300s", code, body)
	}
	if _, err := w.a.Project(ctx, qianxiang.SystemActor, id); err != nil {
		t.Errorf("the project is gone: %v", err)
	}
}
