package i18n

func init() {
	register(zhExcelTerms, true)
	register(zhExcel, false)
}

// zhExcelTerms: the words excel's messages take as arguments (what is
// empty, which organisation is unknown).
var zhExcelTerms = map[string]string{
	"total investment": "总投资", "annual plan": "年度计划投资",
	"planned start": "计划开工时间", "planned end": "计划竣工时间",
	"lead organisation": "责任单位", "the file": "该文件",
}

// zhExcel: the importer's refusals, row errors and warnings, shown when an
// office uploads its project list or monthly 调度表.
var zhExcel = map[string]string{
	// The file as a whole.
	"no file was given": "未选择文件",
	"the file is empty": "文件为空",
	"%s is an old-style .xls workbook or a password-protected one: save it as .xlsx (Excel Workbook) without a password and import that": "%s 是旧版 .xls 工作簿或设有密码的工作簿：请在 Excel 中另存为不设密码的 .xlsx（Excel 工作簿）后再导入",
	"%s is not a spreadsheet: import an .xlsx workbook or a .csv file":                                                                   "%s 不是电子表格：请导入 .xlsx 工作簿或 .csv 文件",
	"%s is not a readable CSV file":                                      "%s 不是可读取的 CSV 文件",
	"%s has more than %d rows":                                           "%s 超过 %d 行",
	"the workbook could not be read":                                     "无法读取该工作簿",
	"the workbook could not be read: it is damaged or not an .xlsx file": "无法读取该工作簿：文件已损坏或不是 .xlsx 文件",
	"the workbook has no sheets":                                         "该工作簿没有工作表",
	"sheet %q could not be read":                                         "无法读取工作表 %q",
	"sheet %q has more than %d rows":                                     "工作表 %q 超过 %d 行",

	// The header.
	"no header row found in the first %d rows of sheet %q: the header row must hold %s and at least two other known column headers such as %s": "前 %d 行中未找到工作表 %q 的表头行：表头行须包含“%s”，以及至少两个其他可识别的列名，如 %s",
	"column %s (%s) is in %s: amounts must be in 万元 or 亿元":                                                                                     "%s 列（%s）的单位是%s：金额单位须为万元或亿元",
	"required column %s is missing":                                            "缺少必需的“%s”列",
	"required column missing from the header row (row %d): %s":                 "表头行（第 %d 行）缺少必需的列：%s",
	"the plan year is not known: give it (--year) or name it in the title row": "无法确定计划年度：请指定年度（--year），或在标题行中写明年份",
	"the kind of the projects is not given: add a 项目类型 column (新开工, 续建 or 前期) or section rows such as 一、新开工项目 above them": "未给出项目类型：请增加“项目类型”列（新开工、续建或前期），或在项目上方加“一、新开工项目”这样的分类行",
	"the title names the year %d but the import is for the %d plan":                                                       "标题写的是 %d 年，但本次导入的是 %d 年度计划",
	"the column is for %d but the import is for the %d plan":                                                              "该列是 %d 年的数据，但本次导入的是 %d 年度计划",
	"column %s (%s) is used for %s; this one is kept as an extra attribute":                                               "%s 列（%s）已作为“%s”读取，本列作为附加信息保留",
	"the month of the reports is not known: give it (--month) or name it in the title, as in 2023年3月调度表":                  "无法确定月报所属月份：请指定月份（--month），或在标题中写明，如“2023年3月调度表”",
	"the title names month %d but the reports are imported for month %d":                                                  "标题写的是 %d 月，但本次导入的是 %d 月的月报",
	"the title names the year %d but the reports are imported for %d":                                                     "标题写的是 %d 年，但本次导入的是 %d 年的月报",
	"the cumulative column is for months 1-%d but the reports are for month %d":                                           "累计完成投资列是 1-%d 月的，但本次导入的是 %d 月的月报",

	// A project row.
	"the project name is empty":                                                       "项目名称为空",
	"the county (县（市、区）) is empty":                                                    "县（市、区）为空",
	"%s %q is not a known organisation":                                               "%s %q 不是已登记的单位",
	"%s %q is not a known organisation; did you mean %s?":                             "%s %q 不是已登记的单位，是否是指 %s？",
	"%s %q matches more than one organisation: %s":                                    "%s %q 对应多个单位：%s",
	"project code %s is also on row %d":                                               "项目代码 %s 与第 %d 行重复",
	"%s in %s is also on row %d, and a project code does not tell them apart":         "%s（%s）与第 %d 行重复，且没有项目代码可以区分",
	"kind %q is not one of 新开工 (新建), 续建 (在建), 前期":                                     "项目类型 %q 无效，应为新开工（新建）、续建（在建）或前期",
	"the kind is empty and no section heading such as 一、新开工项目 above the row gives it": "项目类型为空，且该行上方没有“一、新开工项目”这样的分类标题可以确定类型",
	"the %s is empty":                     "%s为空",
	"%q is not a number":                  "%q 不是数字",
	"%q is too large for an amount in %s": "%q 超出金额（%s）的允许范围",
	"the %s %s is negative":               "%s %s 为负数",
	"the annual plan %s is greater than the total investment %s": "年度计划投资 %s 大于总投资 %s",
	"%q is neither 是 nor 否; read as 否":                           "%q 既不是“是”也不是“否”，按“否”处理",
	"%q is not a span of years such as 2023-2025":                "%q 不是有效的起止年限（如 2023-2025）",
	"%q gives no month: write the %s as 2023年3月 or 2023-03-15":   "%q 缺少月份：%s请写成 2023年3月 或 2023-03-15",
	"%q is not a date: write the %s as 2023年3月 or 2023-03-15":    "%q 不是有效日期：%s请写成 2023年3月 或 2023-03-15",
	"a new project (新开工) needs its planned start month":          "新开工项目须填写计划开工时间（至少到月）",
	"a new project of the %d plan is planned to start in %s":     "该项目是 %d 年度计划的新开工项目，但计划开工时间为 %s",
	"the planned end %s is before the planned start %s":          "计划竣工时间 %s 早于计划开工时间 %s",
	"%s states %d projects but %d rows follow it":                "“%s”注明 %d 个项目，但其下有 %d 行",
	"%s states %s but its %d rows add up to %s":                  "“%s”所列金额为 %s，但其下 %d 行合计为 %s",

	// A report row.
	"no project of the %d plan has the code %s":                                  "%d 年度计划中没有项目代码为 %s 的项目",
	"the row names no project: 项目代码 and 项目名称 are empty":                          "该行未指明项目：项目代码和项目名称均为空",
	"no single project named %s in %s is in the %d plan":                         "名为 %s 的项目在 %s 的 %d 年度计划中不存在或不唯一",
	"no single project named %s is in the %d plan: give its county or code":      "名为 %s 的项目在 %d 年度计划中不存在或不唯一：请填写其县（市、区）或项目代码",
	"%s is already reported on row %d":                                           "%s 已在第 %d 行填报",
	"the amount completed this month %s is negative":                             "本月完成投资 %s 为负数",
	"the cumulative %s is not months 1-%d as reported (%s) plus this month (%s)": "累计完成投资 %s 不等于 1-%d 月已报数（%s）加本月完成投资（%s）",
	"%q is neither 是 nor 否":                                                      "%q 既不是“是”也不是“否”",
	"%q is not a date: write the start as 2023-03-15 or 2023年3月":                 "%q 不是有效日期：开工时间请写成 2023-03-15 或 2023年3月",
	"a start date is given but 是否开工 says %s":                                     "填写了开工时间，但“是否开工”为“%s”",
	"the start %s is after the month reported (%d-%02d)":                         "开工时间 %s 晚于填报月份（%d年%d月）",
}
