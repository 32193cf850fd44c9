package web

import (
	"net/http"

	"qianxiang"
)

// publicView is the /public page: the campaign's progress for anyone,
// on a phone first.
type publicView struct {
	P qianxiang.PublicProgress
	// Promotions are the projects open to private capital (推介).
	Promotions []qianxiang.PublicPromotion
	News       []qianxiang.NewsItem // published, newest first
}

// PlanBar is the plan's share of the target, capped for the bar's width.
func (v publicView) PlanBar() int { return min(int(float64(v.P.PlanOfTarget)*100+0.5), 100) }

// publicAmount is a headline figure and its unit.
type publicAmount struct{ V, Unit string }

// Amount writes a headline figure as citizens read it: from 1 亿元 up in
// 亿元 with 2 decimals (the campaign's own unit; a city's total in 万元 is
// ten digits, wider than a phone's tile), below that in 万元.
func (publicView) Amount(m qianxiang.Money) publicAmount {
	if m >= qianxiang.Yi {
		return publicAmount{yi2(m), "100m yuan"}
	}
	return publicAmount{fmtMoney(m), "10k yuan"}
}

// publicNewsItems is how many news items the portal shows.
const publicNewsItems = 10

func (s *Server) publicPage(w http.ResponseWriter, r *http.Request) error {
	y, err := queryInt(r, "year", 0)
	if err != nil {
		return err
	}
	p, err := s.App.PublicProgress(r.Context(), y)
	if err != nil {
		return err
	}
	proms, err := s.App.PublicPromotions(r.Context())
	if err != nil {
		return err
	}
	news, err := s.App.PublicNews(r.Context(), publicNewsItems)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "public", s.page(r, "Campaign progress", "", publicView{P: p, Promotions: proms, News: news}))
}
