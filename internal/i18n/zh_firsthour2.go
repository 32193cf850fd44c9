package i18n

func init() {
	register(zhFirstHour2, false)
}

// zhFirstHour2: the rest of issue 15 — the registry on one screen, lists
// for sector and city leader, the grid's read-only month and confirmations,
// the all-projects sheet, the circular's 文号 and distribution, bulk users.
var zhFirstHour2 = map[string]string{
	"Read-only": "只读",
	"%s has not begun: its reports can be filled in from %s. Nothing here can be saved yet.": "%s尚未到来：自%s起方可填报本月月报，现在不能保存。",
	"Approve the monthly reports of %d projects?":                                            "确认通过 %d 个项目的月报？",
	// The circular's issue, 文号 and 版记 (issue 15.8).
	"Report:":                  "报：",
	"Send:":                    "送：",
	"Issue to:":                "发：",
	"Printed and issued on %s": "%s印发",
	"Issue No.":                "期号",
	"Issued on":                "印发日期",
	"Keep this number":         "确定期号",
	"Proposed: the year's next number. Keep it when the circular is issued.": "建议期号为本年度下一期，印发时请确定。",
	"Issuer, 文号 and distribution":                                            "发文机关、文号与分送范围",
	"The printed circular":                                                   "调度通报版式",
	"How the dispatch circular is headed and closed, as the office's own circulars are. The issue number (第N期) is kept on the circular's print view; it counts the year's circulars.": "调度通报的版头与版记，与办公室正式印发的通报一致。期号（第N期）在通报打印页确定，按年度连续编号。",
	"Issuing body (full name)":                     "发文机关全称",
	"Document number (文号) pattern":                 "文号格式",
	"{year} is the year and {n} the issue number.": "{year} 为年度，{n} 为期号。",
	"Issue 1 this year: %s":                        "本年第1期：%s",
	"Report: (报)":                                  "报",
	"Send: (送)":                                    "送",
	"Issue to: (发)":                                "发",
	"Printed by (印发机关; empty: the issuing body)":   "印发机关（空白则为发文机关）",
	"Circular settings saved. The next printed circular uses them.": "通报版式已保存，下次打印通报时生效。",
	"circular.issuer":        "发文机关全称",
	"circular.number_format": "文号格式",
	"circular.report":        "报",
	"circular.send":          "送",
	"circular.distribute":    "发",
	"circular.printed_by":    "印发机关",
	"issue_no":               "期号",
	"issued_on":              "印发日期",
	"is required: the issuing body's full name":                   "必填：发文机关全称",
	"must contain {n}, the issue number (and may contain {year})": "须包含 {n}（期号），可包含 {year}（年度）",
	"must be a whole number from 1 to 999":                        "须为 1 至 999 的整数",
	"must be a date in %d or early %d":                            "须为%d年或%d年初的日期",
	"No. %d of %d is already the circular of month %d":            "第%d期（%d年）已用于%d月的通报",
	"must be a date such as 2026-12-03":                           "须为日期，如 2026-12-03",
	"the path must be /api/v1/dispatch/issues/YEAR/MONTH":         "路径须为 /api/v1/dispatch/issues/年/月",
}
