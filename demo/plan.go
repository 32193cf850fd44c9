package demo

import (
	"fmt"
	"math/rand/v2"

	"qianxiang"
)

type county struct {
	code, name string
	weight     int // share of the plan's projects
}

var counties = []county{
	{"141102", "离石区", 95}, {"141121", "文水县", 70}, {"141122", "交城县", 68}, {"141123", "兴县", 80},
	{"141124", "临县", 78}, {"141125", "柳林县", 85}, {"141126", "石楼县", 55}, {"141127", "岚县", 60},
	{"141128", "方山县", 58}, {"141129", "中阳县", 66}, {"141130", "交口县", 55}, {"141181", "孝义市", 100},
	{"141182", "汾阳市", 90},
}

type sector struct {
	name     string
	subjects []string
	lead     string // a city department that leads some of its projects
}

var sectors = []sector{
	{"产业项目", []string{"煤层气综合开发利用", "铝镁新材料精深加工", "新能源汽车零部件生产线", "氢能综合利用示范", "光伏发电", "风电场", "煤矿智能化改造", "绿色建材产业园", "特色农产品加工园", "红枣精深加工", "核桃深加工", "汾酒文化产业园", "数据中心", "现代物流园"}, "141100-FGW"},
	{"基础设施项目", []string{"城区道路改造", "集中供热管网改造", "燃气管网改造", "污水处理厂提标改造", "高速公路连接线", "黄河一号旅游公路", "水库除险加固", "5G基站建设"}, "141100-CGJ"},
	{"民生项目", []string{"人民医院综合楼", "妇幼保健院迁建", "中学新建教学楼", "职业技术学院实训基地", "养老服务中心", "保障性租赁住房", "老旧小区改造", "文化馆图书馆", "体育中心", "公共卫生应急中心"}, "141100-WJW"},
	{"新区建设项目", []string{"新区综合管廊", "新区安置小区", "新区学校", "新区公园"}, "141100-XQJG"},
}

var leaders = []string{"张广勇", "任忠", "任磊", "油晓峰"}

var ownerKinds = []string{"有限公司", "集团有限公司", "股份有限公司", "建设投资有限公司"}
var ownerWords = []string{"晋", "汾", "吕", "梁", "华", "兴", "泰", "鑫", "源", "通", "达", "丰", "恒", "瑞"}
var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "郭", "任", "高", "武", "薛"}
var given = []string{"建国", "志强", "海燕", "丽娟", "晓东", "文斌", "红梅", "振华", "国庆", "瑞", "杰", "敏"}

type planned struct {
	Project qianxiang.Project
	// monthly pace relative to plan/12, and the month a new project starts
	pace     float64
	startsIn int // 0: never this year
}

// generate makes about a thousand projects whose annual plans add up to
// about 1,000 亿元, the seed's campaign.
func generate(rng *rand.Rand, year int, orgs map[string]qianxiang.Org) []planned {
	var out []planned
	seen := map[string]bool{}
	seq := 0
	for _, c := range counties {
		co := orgs[c.code]
		for i := 0; i < c.weight*11/10; i++ {
			seq++
			sec := sectors[rng.IntN(len(sectors))]
			subject := sec.subjects[rng.IntN(len(sec.subjects))]
			name := c.name + subject + "项目"
			for n := 2; seen[name]; n++ {
				name = fmt.Sprintf("%s%s（%s期）项目", c.name, subject, []string{"", "", "二", "三", "四", "五", "六", "七", "八", "九"}[min(n, 9)])
				if n > 9 {
					name = fmt.Sprintf("%s%s%d号项目", c.name, subject, n)
				}
			}
			seen[name] = true
			out = append(out, project(rng, year, seq, name, co, orgs, sec))
		}
	}
	return out
}

func project(rng *rand.Rand, year, seq int, name string, co qianxiang.Org, orgs map[string]qianxiang.Org, sec sector) planned {
	kindRoll := rng.IntN(100)
	kind := qianxiang.KindContinuing
	switch {
	case kindRoll < 40:
		kind = qianxiang.KindNew
	case kindRoll < 85:
		kind = qianxiang.KindContinuing
	default:
		kind = qianxiang.KindPreparatory
	}
	// Annual plans of about 1 亿 on average, a long tail of big ones.
	annual := int64(2500+rng.IntN(11000)) * 100 // 万元 → hundredths
	if rng.IntN(10) == 0 {
		annual *= int64(3 + rng.IntN(5))
	}
	if kind == qianxiang.KindPreparatory {
		annual /= 10
	}
	total := annual * int64(2+rng.IntN(4))
	annual += int64(rng.IntN(100)) // cents of 万元, so sums are not round
	lead := co
	if rng.IntN(100) < 15 {
		lead = orgs[sec.lead]
	}
	p := qianxiang.Project{
		Year: year, Name: name, Owner: owner(rng, co.Name), Org: co.Ref(), LeadOrg: lead.Ref(), OrgPath: co.Path, LeadOrgPath: lead.Path,
		Kind: kind, Stage: kind.DefaultStage(), Sector: sec.name,
		Scope:           fmt.Sprintf("建设%s主体工程及配套设施，总建筑面积约%d平方米。", name[len(co.Name):], 5000+rng.IntN(95000)),
		TotalInvestment: qianxiang.Money(total), AnnualPlan: qianxiang.Money(annual),
		Leader: leaders[rng.IntN(len(leaders))], InStats: kind == qianxiang.KindContinuing || rng.IntN(3) == 0,
		Team: []qianxiang.TeamMember{
			{Name: person(rng), Role: "专班组长", Phone: phone(rng)},
			{Name: person(rng), Role: "联络员", Phone: phone(rng)},
		},
		Extra: map[string]string{},
	}
	p.Contact, p.Phone = p.Team[1].Name, p.Team[1].Phone
	// Most projects keep pace with the year; one in eight lags behind.
	pl := planned{pace: 1.0 + rng.Float64()*0.3}
	if rng.IntN(8) == 0 {
		pl.pace = 0.45 + rng.Float64()*0.35
	}
	if rng.IntN(10) < 7 {
		p.Code = fmt.Sprintf("%d-%s-%02d-%02d-%06d", year-rng.IntN(3), co.Code, 1+rng.IntN(60), 1+rng.IntN(4), seq*37%1000000)
	}
	switch kind {
	case qianxiang.KindNew:
		m := 2 + rng.IntN(8)
		p.PlannedStart = qianxiang.Date{Year: year, Month: m}
		p.PlannedEnd = qianxiang.Date{Year: year + 1 + rng.IntN(2), Month: 1 + rng.IntN(12)}
		p.Target = qianxiang.Target{StartBy: p.PlannedStart.String(), InvestAtLeast: p.AnnualPlan, Text: fmt.Sprintf("%d月底前开工，完成年度投资", m)}
		pl.startsIn = m + rng.IntN(2) - rng.IntN(2)
		if rng.IntN(12) == 0 {
			pl.startsIn = 0 // 应开未开
		}
	case qianxiang.KindContinuing:
		p.PlannedEnd = qianxiang.Date{Year: year + rng.IntN(2), Month: 6 + rng.IntN(7)}
		p.Target = qianxiang.Target{CompleteBy: p.PlannedEnd.String(), InvestAtLeast: p.AnnualPlan, Text: "完成年度投资计划"}
	default:
		p.Target = qianxiang.Target{Text: "完成前期手续办理"}
	}
	return planned{Project: p, pace: pl.pace, startsIn: pl.startsIn}
}

func owner(rng *rand.Rand, county string) string {
	return ownerWords[rng.IntN(len(ownerWords))] + ownerWords[rng.IntN(len(ownerWords))] + ownerKinds[rng.IntN(len(ownerKinds))]
}

func person(rng *rand.Rand) string {
	return surnames[rng.IntN(len(surnames))] + given[rng.IntN(len(given))]
}

func phone(rng *rand.Rand) string { return fmt.Sprintf("13%d%08d", 3+rng.IntN(7), rng.IntN(100000000)) }
