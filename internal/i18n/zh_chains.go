package i18n

func init() {
	register(zhChains, false)
	register(zhChainTerms, true)
}

// zhChainTerms: fields of classification lists and batch starts, which
// appear as arguments of messages.
var zhChainTerms = map[string]string{
	"place": "地点", "headers": "表头", "entries": "条目",
	"classes.chain": "重点产业链", "classes.town": "特色专业镇",
}

var zhChains = map[string]string{
	// Classifications (产业链, 特色专业镇).
	"only the campaign office defines the classification lists":                               "只有指挥部办公室可以设置分类目录",
	"%q is already the name of list %s":                                                       "%q 已是分类目录 %s 的名称",
	"%q is not a classification list (known: %s)":                                             "%q 不是分类目录（现有：%s）",
	"%q is not an entry of %s (entries: %s)":                                                  "%q 不在“%s”中（可选：%s）",
	"must be lower-case letters, digits or _ starting with a letter (at most 32), e.g. chain": "须以小写字母开头，只含小写字母、数字或 _（最多 32 个），如 chain",
	"has %d entries; at most 300 are allowed":                                                 "有 %d 个条目，最多 300 个",
	"names no entry": "条目名称为空",
	"%q contains a separator (、 , ; /): a workbook cell could not name it": "%q 含有分隔符（、 , ; /），表格单元格无法填写",
	"%q is also entry %d":            "%q 与第 %d 个条目重复",
	"entry %d is not an entry of %s": "条目 %d 不属于 %s",
	"projects still carry %s: take it off them before removing it from %s": "仍有项目属于 %s：请先从项目中取消，再从 %s 中删除",
	"Classifications":       "分类目录",
	"Code":                  "代码",
	"Create":                "创建",
	"Entries, one per line": "条目（每行一个）",
	"New list":              "新建分类目录",
	"No entries yet.":       "暂无条目。",
	"No list defined yet.":  "尚未设置分类目录。",
	"Workbook headers":      "表格列名",
	"workbook headers":      "表格列名",
	"Chain or town":         "产业链 / 专业镇",
	"Chains and towns":      "产业链和专业镇",
	"By %s":                 "按%s分类",
	"None of the list":      "未归类",
	"a project with several entries counts in each": "一个项目属于多个分类时分别计入",
	"Lists the campaign office keeps beside the sector: the key industry chains, the specialised towns, any other. A project carries zero or more entries of each; a project list may give them in a column headed by the list's name or one of its headers.": "指挥部办公室在行业之外设置的分类：重点产业链、特色专业镇等。每个项目可属于每个目录中的零个或多个条目；项目清单中可用以目录名称或其列名为表头的一列填写。",

	// Batch starts (集中开工).
	"Batch starts":    "集中开工",
	"Batch start":     "集中开工活动",
	"Events":          "活动场次",
	"Place":           "地点",
	"Leader present":  "出席领导",
	"Start date":      "开工日期",
	"Remove":          "移出",
	"New batch start": "新建集中开工活动",
	"Projects are added on the event's page.": "项目在活动页面中添加。",
	"Projects that start together at one ceremony (集中开工). A project without a reported start takes the event's date as its start; a start date a report gives stays the project's own.": "同一开工仪式上一起开工的项目（集中开工）。尚未报告开工的项目以活动日期为开工日期；月报报告的开工日期以报告为准。",
	"e.g. 2023 first batch of projects starting together":                    "如：2023年第一批重大项目集中开工",
	"No batch start recorded for this year yet.":                             "本年度尚无集中开工活动。",
	"A new date moves the start of the projects that took the event's date.": "改期后，以活动日期为开工日期的项目随之改期。",
	"Add projects":     "添加项目",
	"Add to the event": "加入本次活动",
	"All batch starts": "全部集中开工活动",
	"Edit the event":   "修改活动",
	"New and preparatory projects of the event's county and year that are in no other event.": "本县（市、区）本年度尚未参加其他活动的新开工和前期项目。",
	"No project in this event yet.": "本次活动尚无项目。",
	"No project of the county can join: every new or preparatory project is already in an event.": "没有可加入的项目：新开工和前期项目均已参加活动。",
	"Printable list":        "打印项目清单",
	"Projects of the event": "开工项目",
	"as reported":           "月报报告",
	"started":               "已开工",
	"the event's date":      "活动日期",
	"%d projects start together, with a total investment of %s 10k yuan and %s 10k yuan planned this year.": "本次集中开工项目 %d 个，总投资 %s 万元，年度计划投资 %s 万元。",
	"Back to the event":  "返回活动",
	"printed":            "打印于",
	"Batch starts in %d": "%d年集中开工",
	"%d projects, total investment %s 10k yuan": "项目 %d 个，总投资 %s 万元",
	"is required, as a day (YYYY-MM-DD)":        "必填，须为具体日期（YYYY-MM-DD）",
	"must lie between 2000 and 2100":            "须在 2000 年至 2100 年之间",
	"the event was changed by someone else since you opened it (version %d, now %d); reload and edit again": "打开后活动已被他人修改（版本 %d，现为 %d），请刷新后重新修改",
	"the event was changed by someone else since you opened it; reload and edit again":                      "打开后活动已被他人修改，请刷新后重新修改",
	"the event's projects are in the %d plan: it cannot move to %d":                                         "活动的项目属于 %d 年计划，不能改到 %d 年",
	"names no project":                                                                           "未指定项目",
	"you may not change %s":                                                                      "您无权修改 %s",
	"%s is already in the batch start %q":                                                        "%s 已参加集中开工活动 %q",
	"%d of the projects cannot join the event; none was added":                                   "有 %d 个项目不能加入本次活动，均未添加",
	"%s is not a county (or the city): a batch start is held in a county's name":                 "%s 不是县（市、区）或市：集中开工活动须以县（市、区）名义举办",
	"a county holds batch starts only in its own name: you may not hold one in the name of %s":   "县（市、区）只能以本地名义举办集中开工活动，不能以 %s 的名义举办",
	"%s is in the %d plan; the event is in %d":                                                   "%s 属于 %d 年计划，活动在 %d 年",
	"%s is a continuing project (续建): it started before this year and cannot join a batch start": "%s 是续建项目，已在以前年度开工，不能参加集中开工",
	"%s lies in %s, not in %s, in whose name the event is held":                                  "%s 位于 %s，不在举办活动的 %s",
}
