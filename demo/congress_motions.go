package demo

import (
	"context"
	"fmt"

	"qianxiang"
	"qianxiang/app"
)

// demoPlanYear is the year of the demo's plan (fillPlan): this year, or
// last year in January.
func demoPlanYear(a *app.App) int {
	t := a.Today()
	if t.Month == 1 {
		return t.Year - 1
	}
	return t.Year
}

// fillBodies names the session's executive chairs (eleven of the
// presidium) and the motions review committee (thirteen deputies).
func fillBodies(ctx context.Context, a *app.App, staff qianxiang.Actor, presidium, ds []qianxiang.Deputy) error {
	var chairs []app.BodyMemberIn
	for i, d := range presidium[:11] {
		role := "member"
		if i == 0 {
			role = "chair"
		}
		chairs = append(chairs, app.BodyMemberIn{Card: d.Card, Role: role})
	}
	if _, err := a.SetBody(ctx, staff, demoCongress, qianxiang.ExecutiveChairs, chairs); err != nil {
		return err
	}
	var committee []app.BodyMemberIn
	for i, d := range ds[100:113] {
		role := "member"
		switch {
		case i == 0:
			role = "chair"
		case i < 3:
			role = "vice_chair"
		}
		committee = append(committee, app.BodyMemberIn{Card: d.Card, Role: role})
	}
	_, err := a.SetBody(ctx, staff, demoCongress, qianxiang.MotionsCommittee, committee)
	return err
}

// fillMotions puts five motions forward: the government's draft
// regulation and Lin County delegation's motion go on the agenda, a joint
// motion about district heating is government work and is handled as a
// suggestion, a paper motion comes in after the deadline (late() moves the
// clock past it) and is handled as a suggestion too, and one is still
// gathering signatures. It returns the review committee's report, ready
// for the presidium.
func fillMotions(ctx context.Context, a *app.App, staff qianxiang.Actor, ds []qianxiang.Deputy, deadline string, late func()) (int64, error) {
	if _, err := a.SetMotionDeadline(ctx, staff, demoCongress, deadline); err != nil {
		return 0, err
	}
	users := func(from, n int) []qianxiang.Actor {
		var out []qianxiang.Actor
		for _, x := range ds[from : from+n] {
			u, err := a.DB.UserByID(ctx, x.UserID)
			if err == nil {
				out = append(out, u.Actor())
			}
		}
		return out
	}
	committee := users(100, 1)[0]
	review := func(id int64, content bool, recommend, why string) error {
		_, err := a.ReviewMotion(ctx, committee, id, app.MotionReview{ContentOK: content, Recommend: recommend, Review: why})
		return err
	}
	// The government's motion.
	gov, err := a.CreateMotion(ctx, staff, app.NewMotion{Congress: demoCongress, Proposer: "government",
		Title:    "关于提请审议《吕梁市物业管理条例（草案）》的议案",
		Reason:   "全市住宅小区物业服务纠纷逐年增多，业主大会成立难、维修资金使用难等问题突出。",
		Basis:    "《中华人民共和国民法典》《物业管理条例》《山西省物业管理条例》。",
		Solution: "提请大会审议《吕梁市物业管理条例（草案）》，规范物业服务活动，维护业主合法权益。"})
	if err != nil {
		return 0, err
	}
	if err := review(gov.ID, true, qianxiang.RecommendListed, "属于本级人大立法权限，内容符合一案一事要求，建议列入大会议程。"); err != nil {
		return 0, err
	}
	// Lin County's delegation (55 deputies, the first 55 of the roster): 30 sign.
	lin := users(0, 30)
	dm, err := a.CreateMotion(ctx, lin[0], app.NewMotion{Congress: demoCongress, Proposer: "delegation",
		Title:    "关于制定《吕梁市红枣产业发展促进条例》的议案",
		Reason:   "红枣是我市山区群众增收的主导产业，近年来面临品种老化、裂果严重、精深加工不足等问题。",
		Basis:    "《中华人民共和国乡村振兴促进法》《中华人民共和国农业法》。",
		Solution: "制定地方性法规，在品种改良、标准化种植、品牌建设、加工扶持等方面作出规定。"})
	if err != nil {
		return 0, err
	}
	for _, u := range lin[1:] {
		if _, err := a.SignMotion(ctx, u, dm.ID, ""); err != nil {
			return 0, err
		}
	}
	if _, err := a.SubmitMotion(ctx, lin[0], dm.ID); err != nil {
		return 0, err
	}
	if err := review(dm.ID, true, qianxiang.RecommendListed, "代表团过半数代表联名，属于本级人大立法权限，建议列入大会议程。"); err != nil {
		return 0, err
	}
	// Twelve deputies of Xiaoyi jointly, two of them at the desk.
	xy := users(55, 12)
	heat, err := a.CreateMotion(ctx, xy[0], app.NewMotion{Congress: demoCongress,
		Title:    "关于加快城区集中供热老旧管网改造的议案",
		Reason:   "城区部分供热管网运行超过二十年，漏损率高，冬季居民室温不达标投诉集中。",
		Basis:    "《城镇供热管理条例》及市政府年度民生实事安排。",
		Solution: "三年内完成城区老旧供热管网改造，建立供热质量投诉快速处理机制。"})
	if err != nil {
		return 0, err
	}
	for _, u := range xy[1:10] {
		if _, err := a.SignMotion(ctx, u, heat.ID, ""); err != nil {
			return 0, err
		}
	}
	for _, x := range ds[65:67] {
		if _, err := a.SignMotion(ctx, staff, heat.ID, x.Card); err != nil {
			return 0, err
		}
	}
	if _, err := a.SubmitMotion(ctx, xy[0], heat.ID); err != nil {
		return 0, err
	}
	if err := review(heat.ID, false, qianxiang.RecommendConverted, "所提事项属于市人民政府职权范围内的具体工作，建议作为代表建议交市人民政府办理。"); err != nil {
		return 0, err
	}
	// Still gathering signatures: six of ten.
	fy := users(300, 6)
	open, err := a.CreateMotion(ctx, fy[0], app.NewMotion{Congress: demoCongress,
		Title:    "关于支持吕梁山护工培训提质扩面的议案",
		Reason:   "吕梁山护工品牌影响扩大，培训规模和质量需同步提升。",
		Basis:    "《国务院关于推行终身职业技能培训制度的意见》。",
		Solution: "设立专项资金，扩大培训基地，建立就业跟踪服务。"})
	if err != nil {
		return 0, err
	}
	for _, u := range fy[1:] {
		if _, err := a.SignMotion(ctx, u, open.ID, ""); err != nil {
			return 0, err
		}
	}
	// A paper motion of ten, entered at the desk after the deadline.
	late()
	var cards []string
	for _, x := range ds[120:130] {
		cards = append(cards, x.Card)
	}
	paper, err := a.CreateMotion(ctx, staff, app.NewMotion{Congress: demoCongress, Proposer: "deputies", Signers: cards,
		Title:    "关于加强农村饮水安全保障的议案",
		Reason:   "部分山区村庄季节性缺水，水质检测覆盖不全。",
		Basis:    "《中华人民共和国水法》。",
		Solution: "实施农村供水保障工程，建立水质定期检测和公开制度。"})
	if err != nil {
		return 0, err
	}
	if err := review(paper.ID, true, qianxiang.RecommendConverted, "逾期提出，所提事项已纳入市政府年度工作安排，建议作为代表建议办理。"); err != nil {
		return 0, err
	}
	rep, err := a.CreateMotionReport(ctx, staff, demoCongress, "大会议案审查委员会关于代表提出议案处理意见的报告")
	if err != nil {
		return 0, err
	}
	return rep.ID, nil
}

// fillFollowUps gives the six resolutions their report-backs: the bodies
// the titles name report at mid-year (added when each passed) and at the
// year's end; the standing committee's report is carried out by all four;
// the mid-year reports are in.
func fillFollowUps(ctx context.Context, a *app.App, staff qianxiang.Actor, year int) error {
	rs, err := a.Resolutions(ctx, staff, demoCongress)
	if err != nil {
		return err
	}
	today := a.Today()
	for _, r := range rs {
		if len(r.FollowUps) == 0 {
			for _, e := range qianxiang.Executors {
				if _, err := a.AddFollowUp(ctx, staff, r.ID, app.NewFollowUp{Body: e, Due: fmt.Sprintf("%d-12-31", year)}); err != nil {
					return err
				}
			}
		} else if r.Kind != qianxiang.ResolutionWorkReport {
			if _, err := a.AddFollowUp(ctx, staff, r.ID, app.NewFollowUp{Body: r.FollowUps[0].Body, Due: fmt.Sprintf("%d-12-31", year)}); err != nil {
				return err
			}
		}
		v, err := a.ResolutionOne(ctx, staff, r.ID)
		if err != nil {
			return err
		}
		for i, f := range v.FollowUps {
			if !f.Due.Before(today) || r.Kind == qianxiang.ResolutionWorkReport && i > 0 {
				continue
			}
			text := fmt.Sprintf("%s关于贯彻落实《%s》情况的报告", execName[f.Body], r.Title)
			if _, err := a.StepFollowUp(ctx, staff, f.ID, "report", app.FollowUpStep{Text: text, ReportedOn: f.Due.AddDays(-5).String()}); err != nil {
				return err
			}
			if f.Body != qianxiang.ExecProcuratorate {
				if _, err := a.StepFollowUp(ctx, staff, f.ID, "assess", app.FollowUpStep{Accept: true, Note: "经市人大常委会会议审议通过"}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

var execName = map[qianxiang.Executor]string{qianxiang.ExecGovernment: "市人民政府", qianxiang.ExecSupervision: "市监察委员会",
	qianxiang.ExecCourt: "市中级人民法院", qianxiang.ExecProcuratorate: "市人民检察院"}
