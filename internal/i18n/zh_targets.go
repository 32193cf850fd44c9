package i18n

func init() {
	register(zhTargets, false)
	register(zhTargetTerms, true)
	for k, v := range enTargetTerms {
		enTerms[k] = v
	}
}

// zhTargetTerms: fields of the targets and the quarter slogans, which
// appear as arguments of messages and as terms on pages.
var zhTargetTerms = map[string]string{
	"campaign.projects": "大会战目标项目数", "campaign.annual_plan": "大会战目标年度投资",
	"strong_start": "开门红", "every_quarter": "季季红", "whole_year": "全年红",
	"new_starts": "新开工目标",
}

// enTargetTerms: the quarter slogans read as words on English pages.
var enTargetTerms = map[string]string{
	"strong_start": "a strong first quarter (开门红)", "every_quarter": "every quarter on track (季季红)", "whole_year": "the whole year on track (全年红)",
}

var zhTargets = map[string]string{
	"%s has no header row with an organisation column (单位) and an investment column (年度投资)": "%s 没有表头行：需要“单位”列和“年度投资”列",
	"The workbook was not imported; nothing was changed:":                                   "工作簿未导入，未作任何修改：",
	"Import the targets workbook (单位, 项目数, 年度投资, 新开工; a 合计 row for the campaign)":           "导入目标任务表（单位、项目数、年度投资、新开工；“合计”行为大会战目标）",
	"%q is not a whole number":                       "%q 不是整数",
	"%q is not an amount":                            "%q 不是金额",
	"%q is negative: a target is a count to reach":   "%q 为负数：目标任务是要完成的数量",
	"%q is negative: a target is an amount to reach": "%q 为负数：目标任务是要完成的金额",
	"Targets":                         "目标任务",
	"Campaign target":                 "大会战目标",
	"Assigned targets":                "分解下达目标",
	"Assigned target":                 "下达目标",
	"Annual investment":               "年度投资",
	"New starts":                      "新开工",
	"Target rate":                     "目标完成率",
	"target":                          "目标",
	"Whole city":                      "全市",
	"Organisation":                    "单位",
	"Sum of its projects' plans":      "所列项目年度计划合计",
	"Against the assigned targets":    "目标任务完成情况",
	"Reached time progress":           "达到时序进度",
	"A row left blank has no target.": "留空的行不下达目标。",
	"Only the campaign office can change the targets.":                                        "只有指挥部办公室可以修改目标任务。",
	"reached time progress this quarter":                                                      "本季度完成率达到时序进度",
	"behind time progress this quarter":                                                       "本季度完成率未达到时序进度",
	"write a whole number":                                                                    "请填写整数",
	"write an amount in 10k yuan, e.g. 800000":                                                "请填写金额（万元），如 800000",
	"The targets were not saved: correct the fields marked below.":                            "目标任务未保存：请改正下面标出的栏目。",
	"Targets saved. The dispatch shows each organisation against its own target from now on.": "目标任务已保存。调度通报将对照各单位的下达目标通报完成情况。",
	"The plan has %d projects and %s 10k yuan of annual investment; in months 1-%d, %s completed (target rate %s).":                                                                                                                                                        "年度计划共 %d 个项目、年度计划投资 %s 万元；1-%d 月完成投资 %s 万元（目标完成率 %s）。",
	"The campaign office divides the year's campaign target among counties and departments. An assigned target may differ from the sum of the organisation's projects: it is what the city asked of it. The dispatch shows completed investment against it (target rate).": "指挥部办公室将年度大会战目标分解下达到各县（市、区）和市直部门。下达目标可以与该单位所列项目合计不同：它是市里对该单位的要求。调度通报据此通报完成投资占下达目标的比例（目标完成率）。",
	"%d faults in the targets":                     "目标任务有 %d 处错误",
	"must not be below zero":                       "不能小于零",
	"is too large":                                 "数值过大",
	"names no organisation":                        "未填写单位",
	"%q is not a county or department of the city": "%q 不是本市的县（市、区）或市直部门",
	"%q is given twice":                            "%q 重复填写",
	"Counties together":                            "县（市、区）合计",
	"Departments together":                         "市直部门合计",
	"%d with a target":                             "已下达 %d 个",
	"%s of the campaign target":                    "占大会战目标 %s",
	"; %s 10k yuan undivided":                      "，尚未分解 %s 万元",
	"; %s 10k yuan more than the campaign target":  "，超出大会战目标 %s 万元",
	"New starts started / target":                  "新开工（已开工 / 目标）",
	"%s in all":                                    "%s合计",
	"; all of it divided":                          "，已全部分解",
	"no projects listed":                           "本年度尚无项目",
}
