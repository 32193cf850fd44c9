package i18n

func init() {
	register(zhFirstHour, false)
}

// zhFirstHour: what a new user meets in the first hour (issue 15): a
// county's view of the city, one light per month, registry columns.
var zhFirstHour = map[string]string{
	"%s ranks %d of %d in the city by completion rate: %s, against %s for the whole city and time progress of %s.": "%s全市排名第%d位（共%d个），投资完成率%s（全市%s，时序进度%s）。",
	"%s, as of month %d":       "%s（截至%d月）",
	"Month %d":                 "%d月完成",
	"Monthly report":           "月报",
	"Kind of record":           "记录类别",
	"Department":               "市直部门",
	"5. Overdue problems (%d)": "五、逾期未解决问题（%d个）",
	"%q needs a year":          "%q 须指定年度",
	"City-wide ranking":        "全市排名",
	"you":                      "本单位",
	"The figures are %s's own projects; the ranking is the city's, as the city publishes it.": "以下数字为%s本级项目；排名为全市排名，与市指挥部办公室通报一致。",
	"%s “Thousand Projects” projects: progress and city-wide standing (%s)":                   "%s“千项千亿”项目调度情况（%s）",
	"From the dispatch data of %s": "据%s调度数据",
	"By the end of month %d, %s has %d projects in the campaign with an annual plan of %s (10k yuan); %s completed %s, a completion rate of %s against time progress of %s, %s.": "截至%d月底，%s“千项千亿”项目共%d个，年度计划投资%s万元；%s累计完成投资%s万元，投资完成率%s，时序进度%s，%s。",
	"It ranks %d of %d in the city (the city's completion rate: %s).": "全市排名第%d位（共%d个），全市投资完成率%s。",
	"2. City-wide ranking":                                       "二、全市排名",
	"3. Red-light projects of %s (%d)":                           "三、%s红灯项目（%d个）",
	"4. Projects of %s that have not reported for month %d (%d)": "四、%s%d月未报送项目（%d个）",
}
