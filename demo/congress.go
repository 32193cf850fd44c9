package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"qianxiang"
	"qianxiang/app"
)

// The seed's session: 吕梁市第四届人民代表大会第三次会议. 369 deputies in 13
// delegations, a presidium of 55 whose third meeting had 52 present, and
// the closing plenary with 342 present passing six resolutions.
const demoCongress = "lvliang-4"

// demoSession is the session's number: the seed's was the third (三次会议).
const demoSession = 3

// delegations by county with their sizes (369 in all), largest first.
var delegations = []struct {
	county string
	n      int
}{
	{"临县", 55}, {"孝义市", 49}, {"离石区", 46}, {"汾阳市", 40}, {"文水县", 37}, {"柳林县", 31}, {"兴县", 28},
	{"交城县", 22}, {"岚县", 15}, {"中阳县", 15}, {"方山县", 12}, {"石楼县", 10}, {"交口县", 9},
}

// resolutionsOf names the six resolutions of a session held in year y.
func resolutionsOf(y int) []string {
	return []string{
		"关于吕梁市人民政府工作报告的决议",
		fmt.Sprintf("关于吕梁市%d年国民经济和社会发展计划执行情况与%d年国民经济和社会发展计划的决议", y-1, y),
		fmt.Sprintf("关于吕梁市%d年全市和市本级预算执行情况与%d年全市和市本级预算的决议", y-1, y),
		"关于吕梁市人民代表大会常务委员会工作报告的决议",
		"关于吕梁市中级人民法院工作报告的决议",
		"关于吕梁市人民检察院工作报告的决议",
	}
}

var (
	deputySurnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
	deputyGiven    = []rune("建国华明军红伟芳丽强磊洋勇艳杰娟涛超秀霞平刚桂英玉兰文辉志鹏飞宇晓东海峰亮俊斌雪梅林静敏燕云春波宁鑫浩")
	titles         = []string{"党委书记", "人民政府县长", "人大常委会主任", "乡镇党委书记", "村党支部书记", "企业董事长", "学校校长", "医院院长", "农民", "社区党委书记", "工会主席", "律师事务所主任"}
)

// fillCongress creates the congress office's login, the roster with one
// deputy login per card (all with the demo password), and the two
// meetings of 2023-02-26 with their votes.
func fillCongress(ctx context.Context, a *app.App, sys qianxiang.Actor, rng *rand.Rand) ([]Login, error) {
	pw := fmt.Sprintf("rd%06d!", rng.IntN(1000000))
	staffUser, _, err := a.AddUser(ctx, sys, app.NewUser{Username: "renda", DisplayName: "市人大常委会办公室", Role: qianxiang.RoleCongressStaff, OrgCode: "141100", Password: pw})
	if err != nil {
		return nil, err
	}
	staff := staffUser.Actor()
	var ds []qianxiang.Deputy
	for _, g := range delegations {
		for i := 0; i < g.n; i++ {
			n := len(ds) + 1
			name := string(deputySurnames[rng.IntN(len(deputySurnames))]) + string(deputyGiven[rng.IntN(len(deputyGiven))])
			if rng.IntN(3) > 0 {
				name += string(deputyGiven[rng.IntN(len(deputyGiven))])
			}
			title := g.county + titles[rng.IntN(len(titles))]
			gender := "男"
			if rng.IntN(4) == 0 {
				gender = "女"
			}
			ds = append(ds, qianxiang.Deputy{Seq: n, Name: name, Delegation: g.county + "代表团", Gender: gender, Ethnicity: "汉族",
				Title: title, Seat: fmt.Sprintf("%d排%d号", (n-1)/30+1, (n-1)%30+1), Card: fmt.Sprintf("4-%04d", n)})
		}
	}
	for _, i := range rng.Perm(len(ds))[:55] {
		ds[i].Presidium = true
	}
	dpw := fmt.Sprintf("db%06d!", rng.IntN(1000000))
	if _, err := a.AddDeputiesSharedPassword(ctx, staff, demoCongress, ds, dpw); err != nil {
		return nil, err
	}
	if ds, err = a.Deputies(ctx, staff, demoCongress, ""); err != nil {
		return nil, err
	}
	var presidium []qianxiang.Deputy
	for _, d := range ds {
		if d.Presidium {
			presidium = append(presidium, d)
		}
	}
	// The session meets on 26 February of the plan's year (the seed's was
	// 2023; the demo's plan is this year's, so the plan resolution can be
	// measured against it).
	year := demoPlanYear(a)
	day := fmt.Sprintf("%d-02-26", year)
	if t := a.Today(); t.String() < day {
		day = t.String()
	}
	if err := fillBodies(ctx, a, staff, presidium, ds); err != nil {
		return nil, err
	}
	// The session's records carry its days: motions come in two days
	// before the closing meeting, one of them late; the meetings are on
	// the day. The clock goes back to now for the follow-up.
	realNow := a.Now
	defer func() { a.Now = realNow }()
	at := func(day string, days int) {
		d, err := time.ParseInLocation("2006-01-02 15:04", day+" 09:00", a.Loc)
		if err != nil {
			return
		}
		if d = d.AddDate(0, 0, days); d.Before(realNow()) {
			start := time.Now()
			a.Now = func() time.Time { return d.Add(time.Since(start)) }
		}
	}
	at(day, -2)
	sd, _ := qianxiang.ParseDate(day)
	report, err := fillMotions(ctx, a, staff, ds, sd.AddDays(-1).String(), func() { at(day, 0) })
	if err != nil {
		return nil, err
	}
	// The presidium's third meeting: 52 of 55, three on leave; it passes
	// the draft resolutions to the plenary and adopts the review
	// committee's report.
	pm, users, err := demoMeeting(ctx, a, staff, qianxiang.BodyPresidium, "主席团第三次会议", day, presidium, 52)
	if err != nil {
		return nil, err
	}
	v, err := a.CreateVote(ctx, staff, pm.ID, app.NewVote{Title: "各项决议（草案）提请全体会议表决", Anonymity: qianxiang.Aggregate})
	if err != nil {
		return nil, err
	}
	if err := demoVote(ctx, a, staff, v.ID, presidium[:52], users, rng); err != nil {
		return nil, err
	}
	rep, err := a.PutReportToVote(ctx, staff, report, pm.ID)
	if err != nil {
		return nil, err
	}
	if err := demoVote(ctx, a, staff, rep.VoteID, presidium[:52], users, rng); err != nil {
		return nil, err
	}
	// The closing plenary: 342 of 369. Card 4-0001 is present, so the
	// printed deputy login finds a meeting on the tablet page.
	plenary, users, err := demoMeeting(ctx, a, staff, qianxiang.BodyPlenary, "第三次全体会议（闭幕会）", day, ds, 342)
	if err != nil {
		return nil, err
	}
	for _, title := range resolutionsOf(year) {
		v, err := a.CreateVote(ctx, staff, plenary.ID, app.NewVote{Title: title, Anonymity: qianxiang.Aggregate, Resolution: true})
		if err != nil {
			return nil, err
		}
		if err := demoVote(ctx, a, staff, v.ID, ds[:342], users, rng); err != nil {
			return nil, err
		}
	}
	a.Now = realNow
	if err := fillFollowUps(ctx, a, staff, year); err != nil {
		return nil, err
	}
	return []Login{{"renda", pw, string(qianxiang.RoleCongressStaff), staffUser.Org.Name},
		{ds[0].Card, dpw, string(qianxiang.RoleDeputy), ds[0].Name + " · " + ds[0].Delegation}}, nil
}

// demoMeeting holds a meeting: the first present members check in and a
// few of the rest ask for leave. It returns the logins of those present.
func demoMeeting(ctx context.Context, a *app.App, staff qianxiang.Actor, body qianxiang.Body, title, day string,
	members []qianxiang.Deputy, present int) (app.MeetingView, map[int64]qianxiang.Actor, error) {
	m, err := a.CreateMeeting(ctx, staff, app.NewMeeting{Congress: demoCongress, Session: demoSession, Body: body, Title: title, Date: day,
		Agenda: "1. 听取报告；2. 表决决议"})
	if err != nil {
		return m, nil, err
	}
	for i, d := range members {
		switch {
		case i < present:
			if _, err := a.DeskCheckIn(ctx, staff, m.ID, d.Card, ""); err != nil {
				return m, nil, err
			}
		case i%2 == 0:
			if _, err := a.RecordLeave(ctx, staff, m.ID, d.Card, "因公请假"); err != nil {
				return m, nil, err
			}
		}
	}
	users := map[int64]qianxiang.Actor{}
	for _, d := range members[:present] {
		u, err := a.DB.UserByID(ctx, d.UserID)
		if err != nil {
			return m, nil, err
		}
		users[d.ID] = u.Actor()
	}
	return m, users, nil
}

// demoVote runs a vote (aggregate) to its close: nearly all present press
// for, a few against or abstain, a few do not press.
func demoVote(ctx context.Context, a *app.App, staff qianxiang.Actor, voteID int64, present []qianxiang.Deputy,
	users map[int64]qianxiang.Actor, rng *rand.Rand) error {
	if _, err := a.OpenVote(ctx, staff, voteID); err != nil {
		return err
	}
	n := len(present)
	against, abstain, silent := rng.IntN(4), rng.IntN(6), rng.IntN(3)
	for i, d := range present {
		c := qianxiang.ChoiceFor
		switch {
		case i >= n-silent:
			continue
		case i >= n-silent-against:
			c = qianxiang.ChoiceAgainst
		case i >= n-silent-against-abstain:
			c = qianxiang.ChoiceAbstain
		}
		if _, err := a.CastBallot(ctx, users[d.ID], voteID, c); err != nil {
			return err
		}
	}
	_, err := a.CloseVote(ctx, staff, voteID)
	return err
}
