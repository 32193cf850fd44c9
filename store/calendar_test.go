package store_test

import (
	"context"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The kept calendar reads back the same on both databases, and deadlines
// counted on it span the years kept.
func TestWorkCalendarRoundTripOnBothDatabases(t *testing.T) {
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.OpenWith(ctx, testenv.DSN(t, kind), store.Options{AuditKeyFile: testenv.KeyFile(t)})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			day := func(s string) qianxiang.Date { d, _ := qianxiang.ParseDate(s); return d }
			y := qianxiang.YearCalendar{Year: 2023, Holidays: []qianxiang.Date{day("2023-04-05"), day("2023-10-02")}, Workdays: []qianxiang.Date{day("2023-04-23")}}
			for i := 0; i < 2; i++ { // insert, then replace
				if err := db.Tx(ctx, func(tx *store.Tx) error { _, err := tx.PutYearCalendar(ctx, y); return err }); err != nil {
					t.Fatal(err)
				}
			}
			got, err := db.YearCalendar(ctx, 2023)
			if err != nil || got.Version != 2 || len(got.Holidays) != 2 || got.Workdays[0] != day("2023-04-23") {
				t.Fatalf("%+v %v", got, err)
			}
			if none, err := db.YearCalendar(ctx, 2024); err != nil || none.Version != 0 || len(none.Holidays) != 0 {
				t.Fatalf("a year not kept: %+v %v", none, err)
			}
			cal, err := db.Calendar(ctx)
			if err != nil || cal.AddWorkdays(day("2023-03-28"), 7) != day("2023-04-07") || !cal.Workday(day("2023-04-23")) || !cal.Kept(2023) {
				t.Fatalf("calendar: %v", err)
			}
		})
	}
}
