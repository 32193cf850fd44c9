package i18n

func init() {
	register(zhSpeed, false)
}

// zhSpeed: the parameters the speed work added (issue 14).
var zhSpeed = map[string]string{
	"must be 0 or 1": "须为 0 或 1",
	// The province generator's bulk report insert (issue 13).
	"a report of these months is already there": "这些月份的月报已存在",
}
