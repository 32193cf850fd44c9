package i18n

func init() {
	register(zhReceptions, false)
	register(zhReceptionTerms, true)
}

// zhReceptionTerms: fields of a reception day's record.
var zhReceptionTerms = map[string]string{
	"received_on": "接待日期", "on_duty": "值班代表", "from": "起算日期",
}

// zhReceptions: stations' reception days and the lists the counts lead to.
var zhReceptions = map[string]string{
	"%d listed, %d solved (the visitor confirmed it at the return visit)": "共 %d 件，已解决 %d 件（回访时群众确认）",
	"The public's problem": "群众反映问题", "at the reception day": "于接待日受理", "Unit's answer": "承办单位答复", "Campaign problem": "项目问题",
	"%d problems received": "受理群众问题 %d 件", ", ": "，", "%d solved": "已解决 %d 件",
	"Reception days %d": "%d年接待日", "%d people received": "接待群众 %d 人", "scheduled %s": "计划 %s", "the public's problem %d": "群众反映问题 %d", "As of %s": "统计截至 %s", "Held on": "接待日期", "Deputies on duty": "值班代表", "Problems registered": "受理问题",
	"Record": "记录", "not recorded": "未记录", "No reception day is scheduled this year.": "本年度尚未安排接待日。",
	"Schedule the year's reception days on the calendar": "按工作日历安排本年度接待日",
	"history:schedule": "安排接待日", "history:reception": "接待记录",
	"%s is not in %s, the month of this reception (scheduled %s)":        "%s 不在本次接待日所属的 %s 月（计划 %s）",
	"name at least one of the station's deputies on duty":                "至少填写一名本站值班代表",
	"the reception was changed by someone else; reload it and try again": "该接待日记录已被他人修改，请刷新后重试",
}

// The calendar's deadline table.
var zhDeadlines = map[string]string{
	"Deadlines on this calendar": "按本日历计算的办理期限", "Assigned (or rated unsatisfied) on": "交办（或测评不满意）日期",
	"Count the deadlines": "计算期限", "Send back by (7 working days)": "退回期限（7个工作日）", "Co-units' views (1 month)": "协办意见期限（1个月）",
	"Answer due (3 months)": "答复期限（3个月）", "Extended answer due (6 months)": "延期答复期限（6个月）",
	"Answer again after an unsatisfied rating (1 month)":                                                                      "不满意重新答复期限（1个月）",
	"Working days count from the day after; a month is the same day months later, or that month's last day when it has none.": "工作日从次日起算；按月计算的，到期月的对应日为截止日，没有对应日的为该月最后一日。",
}

func init() { register(zhDeadlines, false) }
