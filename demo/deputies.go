package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/app"
)

// China's official holidays and 调休 workdays (State Council notices) for
// the years the demo's deadlines fall in.
var officialCalendars = map[int]app.CalendarInput{
	2025: {Holidays: []string{"2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03",
		"2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05",
		"2025-05-31", "2025-06-01", "2025-06-02", "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06",
		"2025-10-07", "2025-10-08"},
		Workdays: []string{"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"}},
	2026: {Holidays: []string{"2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
		"2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-04-04", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-02",
		"2026-05-03", "2026-05-04", "2026-05-05", "2026-06-19", "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26", "2026-09-27",
		"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"},
		Workdays: []string{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}},
}

var suggestionTitles = []struct{ title, body, unit string }{
	{"关于增设北川河沿岸步道路灯的建议", "北川河沿岸步道夜间照明不足，群众晚间出行存在安全隐患。", "141100-CGJ"},
	{"关于加快老旧小区供暖管网改造的建议", "部分老旧小区供暖管网老化，冬季室温不达标。", "141102"},
	{"关于规范城区早市摊点管理的建议", "早市占道经营影响通行，建议划定经营区域。", "141100-CGJ"},
	{"关于增加基层医疗机构全科医生配备的建议", "乡镇卫生院全科医生不足，群众看病需往返县城。", "141100-WJW"},
	{"关于文水县农村饮水安全巩固提升的建议", "部分村庄供水不稳定，夏季高峰时段断水。", "141121"},
	{"关于在城区增设公共停车泊位的建议", "城区停车难问题突出，占道停车现象普遍。", "141100-CGJ"},
	{"关于加强县域医共体建设的建议", "县乡村三级医疗资源统筹不够，转诊不畅。", "141100-WJW"},
	{"关于离石区背街小巷硬化改造的建议", "部分背街小巷未硬化，雨天泥泞。", "141102"},
	{"关于文水县农产品冷链物流设施建设的建议", "农产品冷链设施缺乏，损耗率高。", "141121"},
	{"关于推进城市生活垃圾分类的建议", "垃圾分类设施不足，居民分类意识有待提升。", "141100-CGJ"},
	{"关于改善妇幼保健服务的建议", "妇幼保健机构床位紧张，孕产妇建档等候时间长。", "141100-WJW"},
	{"关于加快离石区学校周边交通治理的建议", "上下学高峰学校周边拥堵，存在安全隐患。", "141102"},
}

var proposalTitles = []struct{ title, body, unit string }{
	{"关于支持民营企业参与重大项目建设的提案", "民营资本参与重大项目渠道不畅，建议完善推介机制。", "141100-FGW"},
	{"关于加快推进智慧医院建设的提案", "医院信息化水平不一，检查结果互认推进缓慢。", "141100-WJW"},
	{"关于提升城市绿化管护水平的提案", "部分绿地重建轻管，补植不及时。", "141100-CGJ"},
	{"关于完善重大项目要素保障机制的提案", "项目用地、用能指标保障不及时，影响开工。", "141100-FGW"},
	{"关于文水县乡村旅游提质的提案", "乡村旅游配套设施薄弱，游客停留时间短。", "141121"},
	{"关于推进离石区城中村改造的提案", "城中村基础设施薄弱，改造意愿强烈。", "141102"},
}

// demoUnits are the organisations that answer in the demo and the login
// each answers with (the ones Fill created, and the bureaus made here).
var demoUnits = map[string]string{"141102": "lishi", "141121": "wenshui", "141100-WJW": "weijianwei", "141100-CGJ": "chengguan", "141100-FGW": "fagaiwei"}

// fillSuggestions runs a year of suggestions and proposals on the
// official calendar: assigned in the spring after the session, most
// answered and rated, some sent back, extended, rated unsatisfied and
// answered again, some still overdue today. The services' clock is moved
// to each day something happens and set back at the end.
func fillSuggestions(ctx context.Context, a *app.App, sys qianxiang.Actor, rng *rand.Rand) ([]Login, error) {
	real := a.Now
	defer func() { a.Now = real }()
	today := a.Today()
	at := func(d qianxiang.Date) {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 10, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return t }
	}
	staffUser, err := a.DB.UserByName(ctx, "renda")
	if err != nil {
		return nil, err
	}
	staff := staffUser.Actor()
	for y, c := range officialCalendars {
		if _, err := a.SetYearCalendar(ctx, staff, y, c); err != nil {
			return nil, err
		}
	}
	var logins []Login
	units := map[string]qianxiang.Actor{}
	for code, name := range demoUnits {
		u, err := a.DB.UserByName(ctx, name)
		if err != nil {
			pw := fmt.Sprintf("qx%06d!", rng.IntN(1000000))
			made, _, aerr := a.AddUser(ctx, sys, app.NewUser{Username: name, DisplayName: name, Role: qianxiang.RoleOrgAdmin, OrgCode: code, Password: pw})
			if aerr != nil {
				return nil, aerr
			}
			logins = append(logins, Login{name, pw, string(qianxiang.RoleOrgAdmin), made.Org.Name})
			u = made
		}
		units[code] = u.Actor()
	}
	ds, err := a.Deputies(ctx, staff, demoCongress, "")
	if err != nil {
		return nil, err
	}
	deputy := func(d qianxiang.Deputy) (qianxiang.Actor, error) {
		u, err := a.DB.UserByID(ctx, d.UserID)
		return u.Actor(), err
	}
	// The consultative conference's members: a roster of their own.
	var members []qianxiang.Deputy
	for i := 0; i < 24; i++ {
		members = append(members, qianxiang.Deputy{Seq: i + 1, Name: string(deputySurnames[(i*7)%len(deputySurnames)]) + string(deputyGiven[(i*5)%len(deputyGiven)]) + string(deputyGiven[(i*3+1)%len(deputyGiven)]),
			Delegation: []string{"民建", "民盟", "九三学社", "经济界", "医药卫生界", "无党派人士"}[i%6], Card: fmt.Sprintf("Z-%04d", i+1)})
	}
	mpw := fmt.Sprintf("zx%06d!", rng.IntN(1000000))
	if _, err := a.AddDeputiesSharedPassword(ctx, staff, "lvliang-cppcc-5", members, mpw); err != nil {
		return nil, err
	}
	if members, err = a.Deputies(ctx, staff, "lvliang-cppcc-5", ""); err != nil {
		return nil, err
	}
	start := today.AddDays(-270) // the session, about nine months ago
	n := 0
	run := func(kind qianxiang.SuggestionKind, congress string, roster []qianxiang.Deputy, title, body, unit string, fate int) error {
		n++
		first := roster[(n*11)%len(roster)]
		if n%4 == 1 {
			first = roster[0] // the printed deputy login has suggestions of its own
		}
		cards := []string{}
		if n%3 == 0 {
			cards = append(cards, roster[(n*11+1)%len(roster)].Card)
		}
		submitted := start.AddDays(n % 5)
		at(submitted)
		who, err := deputy(first)
		if err != nil {
			return fmt.Errorf("demo suggestion %q: %w", title, err)
		}
		s, err := a.CreateSuggestion(ctx, who, app.SuggestionInput{Kind: string(kind), Congress: congress, Title: title, Body: body,
			Deputies: cards, SubmittedOn: submitted.String()})
		if err != nil {
			return fmt.Errorf("demo suggestion %q: %w", title, err)
		}
		if fate == 7 {
			return nil // still awaiting assignment
		}
		assigned := start.AddDays(18)
		if fate == 4 {
			assigned = today.AddDays(-100) // a late batch: its three months have run out
		}
		at(assigned)
		co := []string{}
		if n%2 == 0 && unit != "141100-WJW" {
			co = append(co, "141100-WJW")
		}
		if s, err = a.AssignSuggestion(ctx, staff, s.ID, app.AssignInput{LeadOrg: unit, CoOrgs: co, AssignedOn: assigned.String()}); err != nil {
			return fmt.Errorf("demo suggestion %q: %w", title, err)
		}
		lead := units[unit]
		if len(co) > 0 && fate != 5 {
			at(assigned.AddDays(20))
			if _, err := a.ViewSuggestion(ctx, units["141100-WJW"], s.ID, "同意主办单位意见，将在职责范围内配合落实。"); err != nil {
				return fmt.Errorf("demo suggestion %q: %w", title, err)
			}
		}
		switch fate {
		case 4:
			return nil
		case 5: // sent back within 7 working days, reassigned to the city's bureau
			at(assigned.AddDays(3))
			if _, err := a.SendBackSuggestion(ctx, lead, s.ID, "该事项不属本单位职责，建议由市城管局办理。"); err != nil {
				return fmt.Errorf("demo suggestion %q: %w", title, err)
			}
			at(assigned.AddDays(6))
			if s, err = a.AssignSuggestion(ctx, staff, s.ID, app.AssignInput{LeadOrg: "141100-CGJ", AssignedOn: assigned.AddDays(6).String()}); err != nil {
				return fmt.Errorf("demo suggestion %q: %w", title, err)
			}
			lead = units["141100-CGJ"]
		case 6: // extended with an explanation, answered within six months
			at(assigned.AddDays(80))
			if _, err := a.ExtendSuggestion(ctx, lead, s.ID, "涉及跨部门资金安排，需待年中预算调整后答复，已向代表当面说明。"); err != nil {
				return fmt.Errorf("demo suggestion %q: %w", title, err)
			}
		}
		answered := assigned.AddDays(40 + n%40)
		if fate == 6 {
			answered = assigned.AddDays(150)
		}
		if fate == 1 && n%2 == 1 {
			answered = assigned.AddDays(96) // a late answer
		}
		at(answered)
		class := []string{"A", "B", "B", "C", "A", "D"}[n%6]
		if s, err = a.AnswerSuggestion(ctx, lead, s.ID, class, "经研究，"+title[len("关于"):]+"所提问题已列入本年度工作计划，现将办理情况答复如下：已会同有关单位实地调研，制定实施方案并落实资金。"); err != nil {
			return fmt.Errorf("demo suggestion %q: %w", title, err)
		}
		if first.ID == roster[0].ID && fate == 0 {
			return nil // the printed deputy has an answer to rate
		}
		rating := map[int]qianxiang.Rating{0: qianxiang.Satisfied, 1: qianxiang.Basically, 2: qianxiang.Unsatisfied, 3: qianxiang.Unsatisfied,
			5: qianxiang.Satisfied, 6: qianxiang.Basically}[fate]
		rated := answered.AddDays(7)
		for _, g := range s.Signers {
			at(rated)
			if g.DeputyID == first.ID || rating != qianxiang.Unsatisfied {
				d := qianxiang.Deputy{ID: g.DeputyID, UserID: g.UserID}
				who, err := deputy(d)
				if err != nil {
					return fmt.Errorf("demo suggestion %q: %w", title, err)
				}
				if _, err := a.RateSuggestion(ctx, who, s.ID, string(rating)); err != nil {
					return fmt.Errorf("demo suggestion %q: %w", title, err)
				}
			}
			if rating == qianxiang.Unsatisfied {
				break
			}
		}
		if fate == 2 { // answered again within the month, then satisfied
			at(rated.AddDays(20))
			if s, err = a.AnswerSuggestion(ctx, lead, s.ID, "A", "针对代表意见再次研究，已完成整改，现场已核实。"); err != nil {
				return fmt.Errorf("demo suggestion %q: %w", title, err)
			}
			at(rated.AddDays(25))
			for _, g := range s.Signers {
				who, err := deputy(qianxiang.Deputy{UserID: g.UserID})
				if err != nil {
					return fmt.Errorf("demo suggestion %q: %w", title, err)
				}
				if _, err := a.RateSuggestion(ctx, who, s.ID, "satisfied"); err != nil {
					return fmt.Errorf("demo suggestion %q: %w", title, err)
				}
			}
		}
		return nil
	}
	fates := []int{0, 1, 2, 0, 3, 4, 5, 0, 6, 1, 4, 7}
	for round := 0; round < 3; round++ {
		for i, t := range suggestionTitles {
			title := t.title
			if round > 0 {
				title = fmt.Sprintf("%s（%s）", t.title, []string{"", "续", "再"}[round])
			}
			if err := run(qianxiang.KindSuggestion, demoCongress, ds, title, t.body, t.unit, fates[(i+round*5)%len(fates)]); err != nil {
				return nil, err
			}
		}
	}
	for i, t := range proposalTitles {
		if err := run(qianxiang.KindProposal, "lvliang-cppcc-5", members, t.title, t.body, t.unit, fates[(i*2)%len(fates)]); err != nil {
			return nil, err
		}
	}
	a.Now = real
	if err := fillStations(ctx, a, staff, units); err != nil {
		return nil, err
	}
	return append(logins, Login{members[0].Card, mpw, string(qianxiang.RoleDeputy), members[0].Name + " · 政协委员"}), nil
}

// demoStations: liaison stations in the two counties with demo logins.
var demoStations = []struct{ name, county, delegation, address string }{
	{"离石区凤山街道代表联络站", "141102", "离石区代表团", "离石区凤山街道办事处一楼"},
	{"离石区城北街道代表联络站", "141102", "离石区代表团", "离石区城北街道社区服务中心"},
	{"文水县凤城镇代表联络站", "141121", "文水县代表团", "文水县凤城镇人民政府院内"},
	{"文水县开栅镇代表联络站", "141121", "文水县代表团", "文水县开栅镇便民服务中心"},
}

var stationTexts = []struct{ text, unit string }{
	{"小区门口路灯损坏多日无人修理", "141100-CGJ"}, {"村里自来水水压低，高峰时段断水", "%s"}, {"社区卫生服务站缺少常用药品", "141100-WJW"},
	{"背街小巷垃圾清运不及时", "141100-CGJ"}, {"老旧小区暖气不热", "%s"}, {"学校门口上下学时段交通拥堵", "%s"},
	{"农村道路坑洼，雨天积水", "%s"}, {"乡镇卫生院看病预约难", "141100-WJW"}, {"项目施工夜间噪音扰民", "%s"}, {"项目施工车辆撒漏污染道路", "141100-CGJ"},
}

// fillStations runs a year at the stations: the leader visits each month
// (one station skipped last month, so the sweep reminds him), and the
// public's problems go through to their return visits, most solved, some
// still with the unit, two about projects made campaign problems.
func fillStations(ctx context.Context, a *app.App, staff qianxiang.Actor, units map[string]qianxiang.Actor) error {
	real := a.Now
	defer func() { a.Now = real }()
	today := a.Today()
	at := func(d qianxiang.Date) {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 10, 0, 0, 0, a.Loc)
		a.Now = func() time.Time { return t }
	}
	page, err := a.Projects(ctx, qianxiang.SystemActor, app.ProjectQuery{ProjectFilter: qianxiang.ProjectFilter{Year: today.Year}})
	if err != nil {
		return err
	}
	projects := map[string][]qianxiang.Project{}
	for _, p := range page.Items {
		projects[p.Org.Code] = append(projects[p.Org.Code], p)
	}
	start := today.AddDays(-270)
	converted := 0
	for si, ds := range demoStations {
		deps, err := a.Deputies(ctx, staff, demoCongress, ds.delegation)
		if err != nil {
			return err
		}
		cards := []string{}
		for i := si % 2; i < len(deps) && len(cards) < 4; i += 2 {
			cards = append(cards, deps[i].Card)
		}
		if si == 0 {
			cards = append(cards, "4-0001") // the printed deputy login's station
		}
		at(start)
		st, err := a.CreateStation(ctx, staff, app.StationInput{Name: ds.name, Org: ds.county, Address: ds.address, ReceptionDay: 10,
			Deputies: cards, Leaders: []string{"shizhang"}})
		if err != nil {
			return fmt.Errorf("demo station %s: %w", ds.name, err)
		}
		// Monthly visits up to last month; the last station skipped last month.
		for m := start; m.MonthIndex() <= today.MonthIndex(); m = qianxiang.AddMonths(m, 1) {
			if (si == len(demoStations)-1 && m.MonthIndex() == today.MonthIndex()-1) || (m.MonthIndex() == today.MonthIndex() && (today.Day <= 10 || si%2 == 1)) {
				continue // skipped last month at one station; this month's visits are half done
			}
			day := qianxiang.Date{Year: m.Year, Month: m.Month, Day: 10}
			at(day)
			if _, err := a.SaveVisit(ctx, staff, st.ID, app.VisitInput{Leader: "shizhang", VisitedOn: day.String(), People: 8 + (m.Month*7+si*3)%25,
				Note: "接待来访群众，现场交办问题"}); err != nil {
				return fmt.Errorf("demo visit: %w", err)
			}
		}
		// Its reception days of the year (and of this year when the demo's
		// year began in the last): the public's problems are brought on them.
		if today.Year != start.Year {
			at(qianxiang.Date{Year: today.Year, Month: 1, Day: 1})
			if _, err := a.ScheduleReceptions(ctx, staff, st.ID, today.Year); err != nil {
				return fmt.Errorf("demo receptions: %w", err)
			}
		}
		var recs []qianxiang.Reception
		for y := start.Year; y <= today.Year; y++ {
			rs, err := a.Receptions(ctx, staff, st.ID, y)
			if err != nil {
				return err
			}
			for _, r := range rs {
				if !today.Before(r.Scheduled) {
					recs = append(recs, r)
				}
			}
		}
		if len(recs) == 0 {
			return fmt.Errorf("demo station %s: no reception day has come", ds.name)
		}
		for i := 0; i < 30; i++ {
			t := stationTexts[(i+si)%len(stationTexts)]
			unit := t.unit
			if unit == "%s" {
				unit = ds.county
			}
			day := recs[i*len(recs)/30].Scheduled
			if i%4 == 3 {
				day = day.AddDays(6) // brought to a deputy between reception days
			}
			if today.Before(day) {
				day = today
			}
			at(day)
			in := app.StationProblemInput{Visitor: []string{"李大娘", "王师傅", "张先生", "刘女士", "村民代表"}[i%5], Text: t.text,
				Deputy: st.Deputies[i%len(st.Deputies)].Card, RegisteredOn: day.String()}
			if strings.HasPrefix(t.text, "项目") && len(projects[ds.county]) > 0 {
				in.Project = projects[ds.county][(i+si)%len(projects[ds.county])].ID
			}
			p, err := a.RegisterStationProblem(ctx, staff, st.ID, in)
			if err != nil {
				return fmt.Errorf("demo station problem: %w", err)
			}
			at(day.AddDays(1))
			if p, err = a.StepStationProblem(ctx, staff, p.ID, qianxiang.SSForward, app.StationStepInput{Org: unit}); err != nil {
				return err
			}
			if p.Project != nil && converted < 2 {
				converted++
				if _, err := a.StationProblemToCampaign(ctx, staff, p.ID, app.CampaignInput{Category: "other", Due: today.AddDays(20).String()}); err != nil {
					return fmt.Errorf("demo to campaign: %w", err)
				}
			}
			if (day.AddDays(40).MonthIndex() >= today.MonthIndex() && i%3 == 0) || today.Before(day.AddDays(25)) {
				continue // recent: still with the unit
			}
			if i%7 == 3 {
				at(day.AddDays(12))
				if _, err := a.StepStationProblem(ctx, staff, p.ID, qianxiang.SSChase, app.StationStepInput{}); err != nil {
					return err
				}
			}
			at(day.AddDays(15))
			if _, err := a.StepStationProblem(ctx, units[unit], p.ID, qianxiang.SSAnswer, app.StationStepInput{Text: "已现场核实并整改完毕。"}); err != nil {
				return fmt.Errorf("demo station answer by %s: %w", unit, err)
			}
			at(day.AddDays(20))
			solved := i%9 != 4
			if _, err := a.StepStationProblem(ctx, staff, p.ID, qianxiang.SSVisit, app.StationStepInput{Text: map[bool]string{true: "群众表示问题已解决", false: "群众表示仍未彻底解决"}[solved], Solved: solved}); err != nil {
				return err
			}
			if solved {
				at(day.AddDays(25))
				if _, err := a.StepStationProblem(ctx, staff, p.ID, qianxiang.SSArchive, app.StationStepInput{}); err != nil {
					return err
				}
			}
		}
		// Each reception day that came is recorded, with two deputies on
		// duty; the last station's latest is not yet, so it shows unrecorded.
		for k, r := range recs {
			if si == len(demoStations)-1 && k == len(recs)-1 {
				continue
			}
			at(r.Scheduled)
			duty := []string{st.Deputies[k%len(st.Deputies)].Card, st.Deputies[(k+1)%len(st.Deputies)].Card}
			if _, err := a.RecordReception(ctx, staff, r.ID, app.ReceptionInput{HeldOn: r.Scheduled.String(), People: 10 + (k*7+si*5)%21,
				OnDuty: duty, Note: "代表接待来访群众"}); err != nil {
				return fmt.Errorf("demo reception: %w", err)
			}
		}
	}
	return nil
}
