package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/store"
)

// demoLead is a lead of the demo city with its past: the stages it went
// through and how many days ago each move happened.
type demoLead struct {
	investor, region, industry, source, county, leader, target string
	intended                                                   int64 // 万元
	team                                                       []qianxiang.TeamMember
	moves                                                      []demoMove
}

type demoMove struct {
	to      qianxiang.LeadStage
	daysAgo int
	reason  string
}

// team of a county's 专班: a deputy head leads it, the investment bureau
// and the development zone follow the investor.
func leadTeam(county string) []qianxiang.TeamMember {
	return []qianxiang.TeamMember{{Name: county + "副县长", Role: "专班组长"}, {Name: "招商服务中心", Role: "日常对接"}, {Name: "开发区管委会", Role: "用地与要素保障"}}
}

// Leads recorded with their past, some stalled (no move for over 60 days)
// and one taken back with its reason. The fictitious investors come from
// the regions the city courts.
var demoLeads = []demoLead{
	{"深圳市鹏城储能科技有限公司", "广东省深圳市", "新能源储能", "promotion", "141182", "shizhang", "年内开工建设2GWh储能电池产线", 80000, nil,
		[]demoMove{{qianxiang.LeadTalking, 140, ""}, {qianxiang.LeadSigned, 72, ""}}},
	{"山东鲁晋煤化工集团", "山东省济南市", "现代煤化工", "business", "141125", "renzhong", "完成项目可研并签约", 120000, nil,
		[]demoMove{{qianxiang.LeadTalking, 95, ""}}},
	{"陕西秦晋绿色食品有限公司", "陕西省西安市", "特色农产品加工", "fair", "141182", "renzhong", "签约落地杂粮深加工项目", 8000, nil,
		[]demoMove{{qianxiang.LeadTalking, 78, ""}}},
	{"北京京晋文旅发展有限公司", "北京市", "文旅康养", "visit", "141122", "shizhang", "签约庞泉沟康养度假区项目", 30000, nil,
		[]demoMove{{qianxiang.LeadTalking, 12, ""}}},
	{"江苏苏晋装备制造有限公司", "江苏省苏州市", "装备制造", "fair", "141121", "renzhong", "年内落地并开工", 45000, nil,
		[]demoMove{{qianxiang.LeadTalking, 50, ""}, {qianxiang.LeadSigned, 21, ""}}},
	{"上海申吕数字科技有限公司", "上海市", "数字经济", "online", "141102", "shizhang", "建成吕梁数据中心一期", 15000, nil,
		[]demoMove{{qianxiang.LeadTalking, 6, ""}}},
	{"河北冀晋物流集团", "河北省石家庄市", "现代物流", "fair", "141129", "renzhong", "签约建设公铁联运物流园", 26000, nil,
		[]demoMove{{qianxiang.LeadTalking, 70, ""}, {qianxiang.LeadSigned, 40, ""}, {qianxiang.LeadTalking, 9, "投资方调整投资计划，重新洽谈用地规模"}}},
}

// fillLeads adds a second city leader, the leads above, and two investors'
// leads taken through the services to 落地 (each becoming a project of the
// registry, linked), one of them on to 投资.
func fillLeads(ctx context.Context, a *app.App, sys qianxiang.Actor) ([]Login, error) {
	rng := rand.New(rand.NewPCG(2023, 10))
	pw := fmt.Sprintf("qx%06d!", rng.IntN(1000000))
	if _, _, err := a.AddUser(ctx, sys, app.NewUser{Username: "renzhong", DisplayName: "任忠", Role: qianxiang.RoleLeader, OrgCode: "141100", Password: pw}); err != nil {
		return nil, err
	}
	logins := []Login{{"renzhong", pw, string(qianxiang.RoleLeader), "吕梁市"}}
	now := a.Now()
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, d := range demoLeads {
			county, err := tx.OrgByCode(ctx, d.county)
			if err != nil {
				return err
			}
			leader, err := tx.UserByName(ctx, d.leader)
			if err != nil {
				return err
			}
			last := d.moves[len(d.moves)-1]
			l := qianxiang.Lead{Investor: d.investor, OriginRegion: d.region, Industry: d.industry, Intended: qianxiang.Money(d.intended * 100),
				Source: d.source, County: county.Ref(), Target: d.target, Leader: qianxiang.LeaderRef{ID: leader.ID},
				Team: leadTeam(county.Name), Stage: last.to, CreatedBy: sys.Username, StageSince: now.AddDate(0, 0, -last.daysAgo)}
			for _, m := range d.moves {
				if m.to == qianxiang.LeadSigned {
					l.ContractAmount = qianxiang.Money(d.intended * 100 * 9 / 10)
					l.ContractDate = qianxiang.DateOf(now.AddDate(0, 0, -m.daysAgo).In(a.Loc))
				}
			}
			if err := l.Validate(); err != nil {
				return err
			}
			if err := tx.InsertLead(ctx, &l); err != nil {
				return err
			}
			if err := tx.Audit(ctx, sys.Username, "create", "leads", l.ID, l.Investor, ""); err != nil {
				return err
			}
			from := qianxiang.LeadStage("")
			for _, m := range d.moves {
				mv := qianxiang.LeadMove{LeadID: l.ID, From: from, To: m.to, Reason: m.reason, By: sys.Username, At: now.AddDate(0, 0, -m.daysAgo)}
				if err := tx.InsertLeadMove(ctx, &mv); err != nil {
					return err
				}
				if err := tx.Audit(ctx, sys.Username, "create", "lead_moves", mv.ID, string(mv.To), ""); err != nil {
					return err
				}
				from = m.to
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Two leads go the whole way through the services, as the office
	// would take them: recorded, signed, landed as registry projects.
	today := a.Today()
	for i, in := range []struct {
		lead          app.LeadInput
		amount        int64
		project       string
		alsoInvesting bool
	}{
		{app.LeadInput{Investor: "浙江华晟新材料有限公司", OriginRegion: "浙江省杭州市", Industry: "新材料", Intended: 52000 * 100, Source: "fair",
			County: "141181", Target: "年内签约落地，次年投产", Leader: "shizhang", Team: leadTeam("孝义市")}, 48000, "华晟高性能碳纤维复合材料项目", true},
		{app.LeadInput{Investor: "内蒙古蒙晋氢能科技有限公司", OriginRegion: "内蒙古自治区鄂尔多斯市", Industry: "氢能", Intended: 60000 * 100, Source: "business",
			County: "141181", Target: "建成焦炉煤气制氢及加氢站一体化项目", Leader: "renzhong", Team: leadTeam("孝义市")}, 55000, "蒙晋焦炉煤气制氢一体化项目", false},
	} {
		v, err := a.CreateLead(ctx, sys, in.lead)
		if err != nil {
			return nil, err
		}
		amount := qianxiang.Money(in.amount * 100)
		signed := today.AddDays(-3 - i)
		if _, err := a.MoveLead(ctx, sys, v.ID, qianxiang.LeadMoveInput{Stage: string(qianxiang.LeadSigned), ContractAmount: &amount, ContractDate: signed.String()}); err != nil {
			return nil, err
		}
		if _, err := a.MoveLead(ctx, sys, v.ID, qianxiang.LeadMoveInput{Stage: string(qianxiang.LeadLanded), ProjectName: in.project}); err != nil {
			return nil, err
		}
		if in.alsoInvesting {
			if _, err := a.MoveLead(ctx, sys, v.ID, qianxiang.LeadMoveInput{Stage: string(qianxiang.LeadInvesting)}); err != nil {
				return nil, err
			}
		}
	}
	return logins, nil
}

// demoNews is what the office publishes on the portal (the seed's own
// report, shortened), one draft not yet published.
var demoNews = []struct {
	daysAgo   int
	title     string
	body      string
	published bool
}{
	{20, "全市“千项千亿”项目建设大会战推进会召开",
		"市“两会”刚刚闭幕，我市召开“千项千亿”项目建设大会战推进会。\n会议要求，全年实施项目1000个以上，年度计划投资力争达到1000亿元，以“开局就是决战、起步就是冲刺”的精神状态，全力打好项目建设大会战。", true},
	{12, "“五大专项行动”全面启动",
		"谋划储备、招大引强、要素保障、项目建设、项目入库五大专项行动全面启动。\n招大引强专项行动实施“一个项目、一个目标、一个领导、一个专班”招商模式，完善“招商、落地、投资、服务”工作机制。", true},
	{4, "孝义市新材料项目签约落地",
		"浙江华晟新材料有限公司高性能碳纤维复合材料项目在孝义市签约落地，已列入年度项目库，专班全程跟进服务。", true},
	{1, "二季度集中开工活动筹备情况（草稿）", "待核实开工项目名单后发布。", false},
}

func fillNews(ctx context.Context, a *app.App, sys qianxiang.Actor) error {
	today := a.Today()
	for _, n := range demoNews {
		if _, err := a.CreateNews(ctx, sys, app.NewsInput{Title: n.title, Body: n.body, Date: today.AddDays(-n.daysAgo).String(), Published: n.published}); err != nil {
			return err
		}
	}
	return nil
}
