package web_test

import (
	"context"
	"fmt"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

func TestProjectProblemsOnThePageAndAPI(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	_, err := w.a.CreateProblem(context.Background(), qianxiang.SystemActor, app.ProblemInput{Project: w.lishi.ID,
		Category: "other", Description: "用地指标未落实", OwnerOrg: w.lishi.LeadOrg.Code, Due: "2099-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	c := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	status, page := c.get(fmt.Sprintf("/projects/%d", w.lishi.ID))
	if status != 200 {
		t.Fatalf("project page: %d", status)
	}
	testenv.Contains(t, page, "存在问题", "用地指标未落实", "未解决")
	path := fmt.Sprintf("/api/v1/projects/%d/problems", w.lishi.ID)
	if status, body, _ := w.do(t, scenario{user: "lishi", method: "GET", path: path}); status != 200 {
		t.Fatalf("API: %d %s", status, body)
	}
	if status, _, _ := w.do(t, scenario{user: "wenshui", method: "GET", path: path}); status != 404 {
		t.Fatalf("another county: %d", status)
	}
}
