package web_test

import (
	"context"
	"fmt"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

var counties = []string{"离石区", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县", "中阳县", "交口县", "孝义市", "汾阳市"}

// hall is a congress for a web test: a staff token and n deputies with
// their logins (password testenv.Password), the first presidium of them
// on the presidium.
type hall struct {
	code     string
	staff    qianxiang.Actor
	staffTok string
	deputies []qianxiang.Deputy
}

func newHall(t testing.TB, a *app.App, n, presidium int) *hall {
	t.Helper()
	ctx := context.Background()
	testenv.Lvliang(t, a)
	h := &hall{code: "lvliang-4", staff: testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")}
	ds := make([]qianxiang.Deputy, n)
	for i := range ds {
		ds[i] = qianxiang.Deputy{Seq: i + 1, Name: fmt.Sprintf("代表%04d", i+1), Delegation: counties[i%len(counties)] + "代表团",
			Card: fmt.Sprintf("4-%04d", i+1), Seat: fmt.Sprintf("%d排%d号", i/30+1, i%30+1), Presidium: i < presidium}
	}
	if _, err := a.AddDeputiesSharedPassword(ctx, h.staff, h.code, ds, testenv.Password); err != nil {
		t.Fatal(err)
	}
	k, _ := a.DB.CongressByCode(ctx, h.code)
	h.deputies, _ = a.DB.Deputies(ctx, k.ID, "")
	tok, err := a.CreateToken(ctx, h.staff, "rdb", "desk")
	if err != nil {
		t.Fatal(err)
	}
	h.staffTok = tok
	return h
}

// token gives deputy i an API token of their own.
func (h *hall) token(t testing.TB, a *app.App, i int) string {
	t.Helper()
	u, err := a.DB.UserByID(context.Background(), h.deputies[i].UserID)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := a.CreateToken(context.Background(), u.Actor(), u.Username, "tablet")
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
