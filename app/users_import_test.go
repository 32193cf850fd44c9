package app_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// Issue 15.14: counties' and units' users from a workbook, all or nothing,
// every faulty row named, generated first-login passwords, phones for
// administrators only.
func TestImportUsersWorkbook(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		testenv.Lvliang(t, a)
		admin := testenv.User(t, a, "root", qianxiang.RoleAdmin, "141100")
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		testenv.User(t, a, "141102-1", qianxiang.RoleReporter, "141102") // a name the generator must skip
		count := func() int {
			us, err := a.Users(ctx, admin)
			if err != nil {
				t.Fatal(err)
			}
			return len(us)
		}
		before := count()

		bad := "吕梁市用户名单\n姓名,单位,角色,手机,用户名\n" +
			"张三,141102,项目单位填报员,13800000001,\n" +
			"李四,不存在县,县区管理员,13800000002,\n" +
			"王五,文水县,超级管理员,12345,\n" +
			",141121,只读,,\n" +
			"赵六,市发改委,部门管理员,,zhb\n"
		_, err := a.ImportUsers(ctx, admin, "users.csv", strings.NewReader(bad))
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation {
			t.Fatalf("bad workbook: %v, want a validation error", err)
		}
		want := map[string]bool{"4B": true, "5C": true, "5D": true, "6A": true, "7E": true}
		for _, d := range e.Details {
			key := fmt.Sprint(d.Row) + d.Column
			if !want[key] {
				t.Errorf("unexpected fault %s: %s", key, d)
			}
			delete(want, key)
		}
		if len(want) > 0 {
			t.Errorf("faults not named: %v (got %v)", want, e.Details)
		}
		if n := count(); n != before {
			t.Fatalf("a refused workbook wrote %d users", n-before)
		}

		if _, err := a.ImportUsers(ctx, office, "users.csv", strings.NewReader(bad)); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Errorf("the campaign office imported users: %v", err)
		}

		good := "姓名,单位,角色,手机\n张三,141102,项目单位填报员,138 0000 0001\n李四,离石区,县区管理员,\n刘七,141100-FGW,市领导,+8613900000003\n"
		res, err := a.ImportUsers(ctx, admin, "users.csv", strings.NewReader(good))
		if err != nil {
			t.Fatal(err)
		}
		if res.Imported != 3 || len(res.Slips) != 3 {
			t.Fatalf("imported %+v", res)
		}
		wantNames := []string{"141102-2", "141102-3", "141100-fgw-1"}
		for i, s := range res.Slips {
			if s.Username != wantNames[i] || s.Password == "" {
				t.Errorf("slip %d: %+v, want username %s and a password", i, s, wantNames[i])
			}
			u, err := a.DB.UserByName(ctx, s.Username)
			if err != nil {
				t.Fatal(err)
			}
			if !u.MustChange || !app.CheckPassword(u.PasswordHash, s.Password) {
				t.Errorf("%s: must change %v, password works %v", s.Username, u.MustChange, app.CheckPassword(u.PasswordHash, s.Password))
			}
		}
		if res.Slips[2].Role != qianxiang.RoleLeader || res.Slips[0].Org != "离石区" {
			t.Errorf("slips %+v", res.Slips)
		}
		phones, err := a.UserPhones(ctx, admin)
		if err != nil {
			t.Fatal(err)
		}
		u, _ := a.DB.UserByName(ctx, "141102-2")
		if phones[u.ID] != "13800000001" {
			t.Errorf("phone %q, want 13800000001 cleaned", phones[u.ID])
		}
		if _, err := a.UserPhones(ctx, office); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Errorf("phones shown to the campaign office: %v", err)
		}
	})
}
