package web_test

import (
	"context"
	"fmt"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

func TestProjectProblemsOnThePageAndAPI(t *testing.T) {
	w := newAPIWorld(t, "sqlite")
	err := w.a.DB.Tx(context.Background(), func(tx *store.Tx) error {
		p := qianxiang.Problem{Project: qianxiang.ProjectRef{ID: w.lishi.ID}, Category: qianxiang.CatOther, Description: "用地指标未落实",
			Source: "调度表 2023-02", OwnerOrg: w.lishi.LeadOrg}
		if err := tx.InsertProblem(context.Background(), &p); err != nil {
			return err
		}
		return tx.Audit(context.Background(), "test", "create", "problems", p.ID, "用地指标未落实", "")
	})
	if err != nil {
		t.Fatal(err)
	}
	c := loginAs(t, w.srv.URL, "lishi", testenv.Password)
	status, page := c.get(fmt.Sprintf("/projects/%d", w.lishi.ID))
	if status != 200 {
		t.Fatalf("project page: %d", status)
	}
	testenv.Contains(t, page, "存在问题", "用地指标未落实", "调度表 2023-02", "未解决")
	path := fmt.Sprintf("/api/v1/projects/%d/problems", w.lishi.ID)
	if status, body, _ := w.do(t, scenario{user: "lishi", method: "GET", path: path}); status != 200 {
		t.Fatalf("API: %d %s", status, body)
	}
	if status, _, _ := w.do(t, scenario{user: "wenshui", method: "GET", path: path}); status != 404 {
		t.Fatalf("another county: %d", status)
	}
}
