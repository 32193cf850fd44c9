package web

import (
	"net/url"
	"strconv"

	"qianxiang"
)

// dispatchListPer is how many red projects or missing reports the
// dispatch page shows at a time: a province has tens of thousands, which
// would be megabytes of HTML. The circular (print=1) and the workbook keep
// the lists whole.
const dispatchListPer = 50

// listPager is one paginated list of the dispatch page.
type listPager struct {
	Page, Last int
	From, To   int // 1-based positions shown
	Pages      []pageLink
	Prev, Next string
}

// pagerOf pages a list of n items by the query parameter param; the links
// jump back to the list's section (#anchor). A page beyond the last shows
// the last.
func pagerOf(u *url.URL, param, anchor string, n int) listPager {
	last := max((n+dispatchListPer-1)/dispatchListPer, 1)
	cur, _ := strconv.Atoi(u.Query().Get(param))
	cur = min(max(cur, 1), last)
	p := listPager{Page: cur, Last: last, From: min((cur-1)*dispatchListPer+1, n), To: min(cur*dispatchListPer, n)}
	link := func(k int) string { return withQuery(u, param, strconv.Itoa(k)) + "#" + anchor }
	prev := 0
	for k := 1; k <= last; k++ {
		if k != 1 && k != last && (k < cur-2 || k > cur+2) {
			continue
		}
		if prev != 0 && k > prev+1 {
			p.Pages = append(p.Pages, pageLink{Gap: true})
		}
		p.Pages = append(p.Pages, pageLink{N: k, URL: link(k), Current: k == cur})
		prev = k
	}
	if cur > 1 {
		p.Prev = link(cur - 1)
	}
	if cur < last {
		p.Next = link(cur + 1)
	}
	return p
}

// dispatchLists is the page's share of the two long lists.
type dispatchLists struct {
	Red         []qianxiang.RedProject
	RedPager    listPager
	Missing     []qianxiang.MissingReport
	MissingPage listPager
}

func pageDispatchLists(u *url.URL, d *qianxiang.Dispatch) dispatchLists {
	l := dispatchLists{RedPager: pagerOf(u, "red_page", "red", len(d.RedProjects)),
		MissingPage: pagerOf(u, "missing_page", "missing", len(d.Missing))}
	if len(d.RedProjects) > 0 {
		l.Red = d.RedProjects[l.RedPager.From-1 : l.RedPager.To]
	}
	if len(d.Missing) > 0 {
		l.Missing = d.Missing[l.MissingPage.From-1 : l.MissingPage.To]
	}
	return l
}
