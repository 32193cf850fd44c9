package qianxiang

import (
	"testing"
	"time"
)

func TestGalleryOf(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	ph := func(id int64, month, day int) MonthPhoto {
		return MonthPhoto{Photo: Photo{ID: id, CreatedAt: at(day)}, Month: month}
	}
	for _, c := range []struct {
		name          string
		in            []MonthPhoto
		months        []int
		before, after int64 // 0: no pair
	}{
		{"none", nil, nil, 0, 0},
		{"one month shows no change", []MonthPhoto{ph(1, 3, 1), ph(2, 3, 2)}, []int{3}, 0, 0},
		{"first of the earliest, last of the latest", []MonthPhoto{ph(5, 9, 3), ph(1, 2, 9), ph(2, 2, 1), ph(6, 9, 8), ph(3, 5, 1)}, []int{9, 5, 2}, 2, 6},
		{"same time: by id", []MonthPhoto{ph(8, 4, 1), ph(7, 4, 1), ph(9, 6, 1)}, []int{6, 4}, 7, 9},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := GalleryOf(c.in)
			var months []int
			for _, m := range g.Months {
				months = append(months, m.Month)
			}
			if len(months) != len(c.months) {
				t.Fatalf("months %v, want %v", months, c.months)
			}
			for i := range months {
				if months[i] != c.months[i] {
					t.Fatalf("months %v, want %v", months, c.months)
				}
			}
			if c.before == 0 {
				if g.Before != nil || g.After != nil {
					t.Fatalf("a before/after pair for %v", months)
				}
				return
			}
			if g.Before == nil || g.After == nil || g.Before.ID != c.before || g.After.ID != c.after {
				t.Fatalf("before/after = %v/%v, want %d/%d", g.Before, g.After, c.before, c.after)
			}
		})
	}
}
