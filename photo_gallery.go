package qianxiang

// MonthPhoto is a progress photo (形象进度) with the month of the report
// it was attached to.
type MonthPhoto struct {
	Photo
	Month int `json:"month"`
}

// GalleryMonth is one month's photos on the project page.
type GalleryMonth struct {
	Month  int          `json:"month"`
	Photos []MonthPhoto `json:"photos"`
}

// Gallery is a project's progress photos month by month, with the pair
// that shows the change: the first photo of the earliest month (before)
// and the last photo of the latest month (after). The pair is there only
// when the photos span two months or more: one month shows no change.
type Gallery struct {
	Months []GalleryMonth `json:"months"`
	Before *MonthPhoto    `json:"before,omitempty"`
	After  *MonthPhoto    `json:"after,omitempty"`
}

// GalleryOf arranges photos (in any order) by month, newest month first
// (what a leader opens the page for), each month's photos in the order
// they were attached.
func GalleryOf(photos []MonthPhoto) Gallery {
	by := map[int][]MonthPhoto{}
	for _, p := range photos {
		by[p.Month] = append(by[p.Month], p)
	}
	g := Gallery{Months: []GalleryMonth{}}
	for m := 12; m >= 1; m-- {
		ps := by[m]
		if len(ps) == 0 {
			continue
		}
		sortPhotos(ps)
		g.Months = append(g.Months, GalleryMonth{Month: m, Photos: ps})
	}
	if len(g.Months) >= 2 {
		first := g.Months[len(g.Months)-1].Photos[0]
		latest := g.Months[0].Photos
		last := latest[len(latest)-1]
		g.Before, g.After = &first, &last
	}
	return g
}

// sortPhotos orders one month's photos by when they were attached (then
// id), a small insertion sort: a report holds a handful.
func sortPhotos(ps []MonthPhoto) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && photoBefore(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func photoBefore(a, b MonthPhoto) bool {
	if !a.CreatedAt.Equal(b.CreatedAt) {
		return a.CreatedAt.Before(b.CreatedAt)
	}
	return a.ID < b.ID
}
