package demo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/demo"
	"qianxiang/internal/testenv"
)

// A city at scale, small here: every project and report is written, the
// months asked for are there (and the open month is not), the logins
// work, the audit chain is intact, and a second fill is refused.
func TestFillScaleWritesACityInBulk(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, a.Loc) }
		logins, st, err := demo.FillScale(ctx, a, demo.Scale{Projects: 130, Months: 12, Year: 2025, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if st.Projects != 130 || st.Months != 12 || st.Reports < 130*12-130/10 || st.Reports > 130*12 || st.Problems != 6 {
			t.Fatalf("stats %+v", st)
		}
		page, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: 2025})
		if err != nil || len(page) != 130 {
			t.Fatalf("projects: %d, %v", len(page), err)
		}
		if _, _, _, err := a.Login(ctx, logins[3].Username, logins[3].Password, "127.0.0.1"); err != nil {
			t.Fatalf("printed login %s: %v", logins[3].Username, err)
		}
		n, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor)
		if err != nil || len(broken) > 0 || n < int64(st.AuditRows) {
			t.Fatalf("audit: %d entries, broken %v, %v", n, broken, err)
		}
		// The current year stops before the open month.
		b := testenv.Open(t, "sqlite")
		b.Now = a.Now
		_, st2, err := demo.FillScale(ctx, b, demo.Scale{Projects: 20, Months: 12})
		if err != nil || st2.Months != 10 {
			t.Fatalf("current year: %+v, %v", st2, err)
		}
		if _, _, err := demo.FillScale(ctx, a, demo.Scale{Projects: 5}); !errors.Is(err, demo.ErrNotEmpty) {
			t.Fatalf("second fill: %v", err)
		}
	})
}
