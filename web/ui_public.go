package web

import (
	"net/http"
	"sort"

	"qianxiang"
	"qianxiang/app"
)

// publicView is the /public page: the campaign's progress for anyone,
// on a phone first.
type publicView struct {
	P qianxiang.PublicProgress
	// Promotions are the projects open to private capital (推介).
	Promotions []qianxiang.PublicPromotion
	News       []qianxiang.NewsItem // published, newest first
	// Suggestions and proposals are public unless classified: the year's
	// answered ones, newest first, and how many were answered.
	Suggestions []app.PublicSuggestion
	Submitted   int
	Answered    int
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

// publicSuggestionItems is how many answered suggestions the portal shows.
const publicSuggestionItems = 10

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
	v := publicView{P: p, Promotions: proms, News: news}
	sy := p.Year
	if sy == 0 {
		sy = s.App.Today().Year
	}
	ss, err := s.App.PublicSuggestions(r.Context(), sy)
	if err != nil {
		return err
	}
	v.Submitted = len(ss)
	for _, x := range ss {
		if len(x.Answers) > 0 {
			v.Answered++
			v.Suggestions = append(v.Suggestions, x)
		}
	}
	sort.SliceStable(v.Suggestions, func(i, j int) bool {
		a, b := v.Suggestions[i].Answers, v.Suggestions[j].Answers
		return b[len(b)-1].On.Before(a[len(a)-1].On)
	})
	if len(v.Suggestions) > publicSuggestionItems {
		v.Suggestions = v.Suggestions[:publicSuggestionItems]
	}
	return s.render(w, r, 200, "public", s.page(r, "Campaign progress", "", v))
}
