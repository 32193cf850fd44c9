package i18n

func init() { register(zhMoney, false) }

// zhMoney: amounts out of bounds and text no field accepts.
var zhMoney = map[string]string{
	"%q is too large for an amount in %s: no project is above 10,000 亿元": "%q 作为以%s计的金额过大：任何项目都不超过1万亿元",
	"%q has more than two decimals of 万元; write it to the hundredth":     "%q 的万元金额超过两位小数，请精确到0.01万元",
	"is empty; write an amount in 万元":                                    "为空，请填写以万元计的金额",
	"%s is not a number":                                                 "%s 不是数字",
	"%s is more than 10,000 亿元, beyond any project":                      "%s 超过1万亿元，超出任何项目的规模",
	"%s 万元 is more than 10,000 亿元, beyond any project":                   "%s 万元超过1万亿元，超出任何项目的规模",
	"%s has more than two decimals; amounts are in 万元 to the hundredth":  "%s 超过两位小数：金额以万元计，精确到0.01",
	"is not an amount":                       "不是金额",
	"must be a number of 万元 such as 1234.56": "须为以万元计的数字，如 1234.56",
	"%s 万元 in one month is more than the project's total investment of %s 万元":            "单月完成 %s 万元，超过项目总投资 %s 万元",
	"the year to date would be %s 万元, more than the project's total investment of %s 万元": "年度累计将达 %s 万元，超过项目总投资 %s 万元",
	"is not valid UTF-8 text": "不是有效的 UTF-8 文本",
	"contains the control character U+%04X at character %d; remove it": "含有控制字符 U+%04X（第%d个字符），请删除",
	"is %d characters long; at most %d are allowed":                    "长度为%d个字符，最多允许%d个",
	"These projects hold an amount outside the plausible bounds (above 10,000 亿元 or negative), written outside the application; it is left out of the sums. Correct the project or its report:": "以下项目存有超出合理范围的金额（超过1万亿元或为负数），系绕过本系统写入，已不计入合计。请更正项目或其月报：",
	"%d projects hold an implausible amount, left out of the sums":       "%d个项目存有不合理金额，未计入合计",
	"holds bytes that are not UTF-8 text, which PostgreSQL cannot store": "含有非 UTF-8 文本的字节，PostgreSQL 无法存储",
	"holds a NUL character (U+0000), which PostgreSQL cannot store":      "含有空字符（U+0000），PostgreSQL 无法存储",
	"holds the amount %s, outside 0 to 10,000 亿元":                        "金额为 %s，超出0至1万亿元的范围",
	"the backup holds %d values this database cannot take, the first in %s; nothing was restored. Correct these records in the source database and back it up again": "备份中有%d个值无法写入本数据库，第一个位于 %s；未恢复任何数据。请在源数据库中更正这些记录后重新备份",
	"the form could not be read": "无法读取表单",
}
