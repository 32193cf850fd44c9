package i18n

func init() { register(zhAdmin, false) }

// zhAdmin: settings, users, tokens and the audit pages.
var zhAdmin = map[string]string{
	"At least 8 characters, mixing letters with digits or symbols.": "至少 8 个字符，须包含字母与数字或符号。",
	"Add users, reset passwords, issue and revoke API tokens.":      "新增用户、重置密码、签发和吊销 API 令牌。",
	"Your own password.":                                "修改本人密码。",
	"Verify the tamper-evident audit trail.":            "校验防篡改审计链。",
	"Dispatch settings":                                 "调度设置",
	"Yellow band, report deadline, which kinds report.": "黄灯区间、报送截止日、需报送的项目类型。",
	"API token":              "API 令牌",
	"Token":                  "令牌",
	"Verify the whole chain": "校验整条审计链",
	"Re-walks every entry and compares every governed record with its last entry.":    "逐条复核审计记录，并将每条受控数据与其最后一次审计内容比对。",
	"The audit trail shows %d problems.":                                              "审计链发现 %d 处问题。",
	"Intact: %d audit entries checked, every governed record matches its last entry.": "完好：已校验 %d 条审计记录，所有受控数据与审计内容一致。",
	"Table":                     "数据表",
	"Record":                    "记录",
	"Finding":                   "发现",
	"Recent changes":            "最近变更",
	"All":                       "全部",
	"Filter":                    "筛选",
	"No entries.":               "暂无记录。",
	"Reset the password of %s?": "确定重置 %s 的密码？",
	"Deactivate %s? Their sessions end at once.":        "确定停用 %s？其登录将立即失效。",
	"Revoke this token? Scripts using it stop working.": "确定吊销该令牌？使用它的脚本将无法访问。",
}

func init() {
	register(map[string]string{
		"change your generated password first (the account page, or PUT /api/v1/me/password)": "请先修改系统生成的密码（“修改密码”页面，或 PUT /api/v1/me/password）",
	}, false)
}

func init() {
	register(map[string]string{
		"Your password was generated or reset by an administrator: choose your own before you go on.": "您的密码由系统生成或被管理员重置，请先设置自己的密码再继续。",
	}, false)
}
