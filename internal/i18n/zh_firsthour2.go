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
}
