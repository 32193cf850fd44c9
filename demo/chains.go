package demo

import (
	"context"
	"fmt"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// The seed names the city's "985" key industry chains and its "1+7+N"
// specialised towns without listing them; these lists are an
// illustration the office edits on /classes.
var demoLists = []qianxiang.ClassList{
	{Code: "chain", Name: "重点产业链", Headers: []string{"产业链", "所属产业链", "重点产业链"},
		Entries: entries("现代煤化工", "新能源", "氢能", "铝镁新材料", "新型建材", "农产品精深加工", "文化旅游", "数字经济", "现代物流")},
	{Code: "town", Name: "特色专业镇", Headers: []string{"专业镇", "特色专业镇", "所属专业镇"},
		Entries: entries("杏花村汾酒专业镇", "孝义铝镁专业镇", "临县红枣专业镇", "柳林煤层气专业镇")},
}

func entries(names ...string) []qianxiang.ClassEntry {
	out := make([]qianxiang.ClassEntry, len(names))
	for i, n := range names {
		out[i].Name = n
	}
	return out
}

// chainWords: a project whose name holds the word belongs to the chain.
var chainWords = []struct{ word, chain string }{
	{"煤层气", "现代煤化工"}, {"煤矿", "现代煤化工"}, {"光伏", "新能源"}, {"风电", "新能源"}, {"新能源汽车", "新能源"},
	{"氢能", "氢能"}, {"铝镁", "铝镁新材料"}, {"建材", "新型建材"}, {"农产品", "农产品精深加工"}, {"红枣", "农产品精深加工"},
	{"核桃", "农产品精深加工"}, {"汾酒", "文化旅游"}, {"旅游", "文化旅游"}, {"数据中心", "数字经济"}, {"5G", "数字经济"},
	{"物流", "现代物流"},
}

// townWords: a project of the county whose name holds the word lies in
// the town.
var townWords = []struct{ county, word, town string }{
	{"汾阳市", "汾酒", "杏花村汾酒专业镇"}, {"孝义市", "铝镁", "孝义铝镁专业镇"}, {"临县", "红枣", "临县红枣专业镇"},
	{"柳林县", "煤层气", "柳林煤层气专业镇"},
}

// fillChains defines the lists and classifies the year's projects by the
// words of their names.
func fillChains(ctx context.Context, a *app.App, sys qianxiang.Actor, year int) error {
	for _, l := range demoLists {
		if _, err := a.PutClassList(ctx, sys, l); err != nil {
			return err
		}
	}
	ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: year, Sort: "id"})
	if err != nil {
		return err
	}
	set := map[int64]qianxiang.Classes{}
	for _, p := range ps {
		c := qianxiang.Classes{}
		for _, w := range chainWords {
			if strings.Contains(p.Name, w.word) && !contains(c["chain"], w.chain) {
				c["chain"] = append(c["chain"], w.chain)
			}
		}
		for _, w := range townWords {
			if p.Org.Name == w.county && strings.Contains(p.Name, w.word) {
				c["town"] = append(c["town"], w.town)
			}
		}
		if len(c) > 0 {
			set[p.ID] = c
		}
	}
	return a.ClassifyProjects(ctx, sys, set)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// fillBatchStarts holds the year's batch starts (集中开工): a county's in
// March, the city's in April with projects of four counties, another
// county's in June; one project of the city's event is confidential, so
// the public portal shows the event without it.
func fillBatchStarts(ctx context.Context, a *app.App, sys qianxiang.Actor, year int) error {
	ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: year, Kind: string(qianxiang.KindNew), Sort: "id"})
	if err != nil {
		return err
	}
	byCounty := map[string][]int64{}
	for _, p := range ps {
		byCounty[p.Org.Code] = append(byCounty[p.Org.Code], p.ID)
	}
	take := func(code string, n int) []int64 {
		ids := byCounty[code]
		n = min(n, len(ids))
		byCounty[code] = ids[n:]
		return ids[:n]
	}
	day := func(m, d int) qianxiang.Date { return qianxiang.Date{Year: year, Month: m, Day: d} }
	events := []struct {
		b   qianxiang.BatchStart
		ids []int64
	}{
		{qianxiang.BatchStart{Title: fmt.Sprintf("孝义市%d年第一批重大项目集中开工", year), Date: day(3, 16), Place: "孝义经济开发区梧桐园区",
			Org: qianxiang.OrgRef{Code: "141181"}, Leader: "张广勇"}, take("141181", 6)},
		{qianxiang.BatchStart{Title: fmt.Sprintf("吕梁市%d年第二季度重大项目集中开工", year), Date: day(4, 26), Place: "吕梁经济技术开发区（主会场）",
			Org: qianxiang.OrgRef{Code: "141100"}, Leader: "张广勇、任忠"},
			append(append(append(take("141102", 3), take("141182", 3)...), take("141125", 2)...), take("141123", 2)...)},
		{qianxiang.BatchStart{Title: fmt.Sprintf("汾阳市%d年重大项目集中开工", year), Date: day(6, 18), Place: "杏花村经济技术开发区",
			Org: qianxiang.OrgRef{Code: "141182"}, Leader: "任磊"}, take("141182", 4)},
	}
	for i, e := range events {
		if _, err := a.CreateBatchStartWith(ctx, sys, e.b, e.ids); err != nil {
			return err
		}
		if i == 1 && len(e.ids) > 0 {
			if _, err := a.PatchProject(ctx, sys, e.ids[len(e.ids)-1], app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
				return err
			}
		}
	}
	return nil
}
