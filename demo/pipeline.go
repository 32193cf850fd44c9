package demo

import (
	"context"
	"fmt"

	"qianxiang"
	"qianxiang/app"
)

// reserveSeed is one demo reserve project: where, what, how far its
// packaging has come (the checklist items done) and whether it is offered
// to private capital.
type reserveSeed struct {
	org, name, sector string
	stage             qianxiang.Stage
	kind              qianxiang.Kind
	total             qianxiang.Money
	agency            string
	done              []string
	promo             *qianxiang.Cooperation
	returnModel       string
	secret            bool
}

func coop(c qianxiang.Cooperation) *qianxiang.Cooperation { return &c }

var reserveSeeds = []reserveSeed{
	{"141102", "离石区北川河生态治理二期工程", "基础设施项目", qianxiang.StageReserve, qianxiang.KindNew, 68000 * 100, "山西省工程咨询院",
		[]string{"feasibility", "site", "land", "environment", "funding"}, coop(qianxiang.CoopPPP), "使用者付费＋可行性缺口补助", false},
	{"141102", "离石区城市地下管网更新改造项目", "基础设施项目", qianxiang.StageReserve, qianxiang.KindNew, 52000 * 100, "中国市政工程华北设计研究总院",
		[]string{"feasibility", "site", "land", "funding"}, nil, "", false},
	{"141102", "离石区智慧停车场建设项目", "基础设施项目", qianxiang.StageIdea, qianxiang.KindPreparatory, 9800 * 100, "吕梁市工程咨询中心",
		[]string{"site"}, coop(qianxiang.CoopConcession), "停车收费，特许经营期25年", false},
	{"141121", "文水县现代农业产业园冷链物流中心", "产业项目", qianxiang.StageReserve, qianxiang.KindNew, 36000 * 100, "山西省工程咨询院",
		[]string{"feasibility", "land", "funding", "approvals"}, coop(qianxiang.CoopEquity), "仓储租赁与冷链服务收入，股权分红", false},
	{"141121", "文水县中医院迁建项目", "民生项目", qianxiang.StageReserve, qianxiang.KindNew, 45000 * 100, "",
		[]string{"feasibility", "site"}, nil, "", false},
	{"141122", "交城县煤化工园区污水处理厂", "基础设施项目", qianxiang.StageIdea, qianxiang.KindPreparatory, 18000 * 100, "",
		nil, nil, "", false},
	{"141123", "兴县黄河一号旅游公路配套服务区", "基础设施项目", qianxiang.StageReserve, qianxiang.KindNew, 12000 * 100, "吕梁市交通规划设计院",
		[]string{"feasibility", "site", "land", "funding", "approvals"}, coop(qianxiang.CoopConcession), "服务区经营收入，特许经营期20年", false},
	{"141124", "临县红枣精深加工产业园", "产业项目", qianxiang.StageIdea, qianxiang.KindPreparatory, 28000 * 100, "",
		[]string{"site"}, nil, "", false},
	{"141125", "柳林县煤层气综合利用示范项目", "产业项目", qianxiang.StageReserve, qianxiang.KindNew, 150000 * 100, "中国煤炭科工集团咨询公司",
		[]string{"feasibility", "site", "land", "environment"}, coop(qianxiang.CoopJoint), "售气收入，合资公司按股比分配", false},
	{"141126", "石楼县水库除险加固及供水工程", "基础设施项目", qianxiang.StageReserve, qianxiang.KindNew, 56000 * 100, "黄河勘测规划设计研究院",
		[]string{"feasibility", "site", "land", "environment", "funding", "approvals"}, nil, "", false},
	{"141127", "岚县马铃薯主食加工园区", "产业项目", qianxiang.StageIdea, qianxiang.KindPreparatory, 8600 * 100, "",
		nil, nil, "", false},
	{"141128", "方山县北武当山康养旅游综合体", "产业项目", qianxiang.StageReserve, qianxiang.KindNew, 42000 * 100, "山西文旅规划设计院",
		[]string{"feasibility", "site", "funding"}, coop(qianxiang.CoopEquity), "门票、康养服务收入，股权合作", false},
	{"141129", "中阳县铝镁新材料循环产业园", "产业项目", qianxiang.StageReserve, qianxiang.KindNew, 98000 * 100, "冶金工业规划研究院",
		[]string{"feasibility", "land", "environment", "funding"}, nil, "", false},
	{"141130", "交口县集中供热热源厂建设项目", "基础设施项目", qianxiang.StageIdea, qianxiang.KindPreparatory, 15000 * 100, "",
		[]string{"feasibility"}, nil, "", false},
	{"141181", "孝义市氢能综合利用示范园区", "产业项目", qianxiang.StageReserve, qianxiang.KindNew, 120000 * 100, "中国国际工程咨询有限公司",
		[]string{"feasibility", "site", "land", "environment", "funding", "approvals"}, coop(qianxiang.CoopPPP), "用氢企业付费＋政府可行性缺口补助", false},
	{"141181", "孝义市职业教育实训基地", "民生项目", qianxiang.StageReserve, qianxiang.KindNew, 23000 * 100, "",
		[]string{"feasibility", "site", "land"}, nil, "", false},
	{"141182", "汾阳市杏花村酒文化产业园二期", "产业项目", qianxiang.StageReserve, qianxiang.KindNew, 86000 * 100, "山西省工程咨询院",
		[]string{"feasibility", "site", "land", "environment", "funding"}, coop(qianxiang.CoopJoint), "园区运营收入，合资合作", false},
	// A confidential one: the office sees it in the pool; the public never does.
	{"141182", "汾阳市某应急物资储备库项目", "基础设施项目", qianxiang.StageReserve, qianxiang.KindNew, 30000 * 100, "",
		[]string{"feasibility", "land"}, nil, "", true},
}

// fillPipeline adds the reserve pool: projects at the idea and reserve
// stages with their checklist marks and agencies, some offered to private
// capital with investors' expressions of interest, and one confidential.
func fillPipeline(ctx context.Context, a *app.App, sys qianxiang.Actor, year int) error {
	day := a.Today().AddDays(-30).String()
	for i, s := range reserveSeeds {
		p, err := a.CreateProject(ctx, sys, qianxiang.Project{Year: year, Name: s.name, Org: qianxiang.OrgRef{Code: s.org}, Kind: s.kind,
			Stage: s.stage, Sector: s.sector, TotalInvestment: s.total, Owner: "吕梁市" + s.name[:9] + "建设投资有限公司",
			PlannedStart: qianxiang.Date{Year: year + 1, Month: 3 + i%6}, Confidential: s.secret,
			Scope: fmt.Sprintf("%s：完成前期研究和项目包装，争取纳入%d年度计划。", s.name, year+1)})
		if err != nil {
			return fmt.Errorf("reserve project %s: %w", s.name, err)
		}
		var marks []app.CheckInput
		for _, k := range s.done {
			marks = append(marks, app.CheckInput{Key: k, Done: true, DoneOn: day})
		}
		if len(marks) > 0 {
			if err := a.SetChecks(ctx, sys, p.ID, marks); err != nil {
				return err
			}
		}
		if s.agency != "" {
			if err := a.SetReserve(ctx, sys, p.ID, app.ReserveInput{Agency: s.agency}); err != nil {
				return err
			}
		}
		if s.promo == nil {
			continue
		}
		_, err = a.SetPromotion(ctx, sys, p.ID, app.PromotionInput{Published: true, Investment: s.total * 6 / 10, ReturnModel: s.returnModel,
			Cooperation: *s.promo, Contact: "吕梁市投资促进中心项目推介科", OfficePhone: "0358-8225" + fmt.Sprintf("%03d", 100+i),
			Summary: "项目前期工作扎实，欢迎社会资本参与投资建设。"})
		if err != nil {
			return fmt.Errorf("promotion %s: %w", s.name, err)
		}
		if i%2 == 0 {
			if _, err := a.SubmitInterest(ctx, p.ID, app.InterestInput{Company: "山西某能源投资集团有限公司", Person: "赵经理", Phone: "13834561234",
				Intent: "有意参与投资，请安排现场考察。"}, fmt.Sprintf("198.51.100.%d", i)); err != nil {
				return err
			}
		}
		if _, err := a.RecordInterest(ctx, sys, p.ID, app.InterestInput{Company: "晋商银行吕梁分行", Person: "王行长", Phone: "0358-8881000",
			Intent: "可提供项目贷款和银团融资方案。"}); err != nil {
			return err
		}
	}
	return nil
}
