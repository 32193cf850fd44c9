package app_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The grid's photo counts came from an exported service that took no
// actor and counted every report of the month in the city; the page was
// trusted to show only its own rows' numbers. The counts now come with the
// grid's rows, which are the actor's scope.
func TestSecurityGridPhotoCountsComeWithTheRowsInScope(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		lishi := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		wenshui := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		pl, err := a.CreateProject(ctx, qianxiang.SystemActor, secProject("离石区项目", "141102", ""))
		if err != nil {
			t.Fatal(err)
		}
		pw, err := a.CreateProject(ctx, qianxiang.SystemActor, secProject("文水县项目", "141121", ""))
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range []struct {
			who qianxiang.Actor
			id  int64
		}{{lishi, pl.ID}, {lishi, pl.ID}, {wenshui, pw.ID}} {
			var b bytes.Buffer
			png.Encode(&b, image.NewGray(image.Rect(0, 0, 2+i, 2)))
			if _, err := a.AttachPhoto(ctx, c.who, c.id, 2023, 3, "site.png", b.Bytes()); err != nil {
				t.Fatal(err)
			}
		}
		g, err := a.ReportGrid(ctx, wenshui, 2023, 3, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Rows) != 1 || g.Rows[0].Project.ID != pw.ID || g.Rows[0].Photos != 1 {
			t.Fatalf("文水县's grid: %+v, want its one row with 1 photo", g.Rows)
		}
		g, _ = a.ReportGrid(ctx, lishi, 2023, 3, "")
		if len(g.Rows) != 1 || g.Rows[0].Photos != 2 {
			t.Fatalf("离石区's grid: %+v, want its one row with 2 photos", g.Rows)
		}
	})
}
