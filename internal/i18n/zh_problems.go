package i18n

func init() {
	register(zhProblems, false)
	register(zhProblemTerms, true)
	for k, v := range enProblemTerms {
		enTerms[k] = v
	}
}

// zhProblemTerms: fields, statuses, categories and steps of problems, which
// appear as arguments of messages.
var zhProblemTerms = map[string]string{
	"description": "问题描述", "category": "问题类别", "due": "完成时限", "owner_org": "责任单位", "co_orgs": "配合单位",
	"resolution": "办理结果", "text": "内容", "url": "地址", "secret": "密钥", "status": "状态", "limit": "条数", "action": "操作",
	"problem": "问题", "instruction": "批示", "leader_user": "市领导",
	// Categories (code → the offices' words) and their English labels.
	"Land": "用地", "Funds": "资金", "Approvals": "审批", "Land acquisition and demolition": "征地拆迁",
	"Water, power, gas, heating": "水电气暖", "Environment and energy": "环评能耗", "Other": "其他",
	// Statuses.
	"Unsolved": "未解决", "In progress": "办理中", "Resolved, awaiting confirmation": "已解决待确认", "Closed": "已办结",
	// Steps.
	"Take it up": "开始办理", "Mark resolved": "标记已解决", "Confirm and close": "确认办结", "Reopen": "重新打开",
	"Reassign": "改派", "Extend": "延期", "Write an instruction": "批示", "Acknowledge": "签收",
}

// enProblemTerms: history actions read as words on English pages.
var enProblemTerms = map[string]string{
	"history:create": "Raised", "history:start": "Taken up", "history:resolve": "Resolved", "history:close": "Closed",
	"history:reopen": "Reopened", "history:extend": "Extended", "history:reassign": "Reassigned",
	"history:escalate": "Escalated to the leader", "history:instruct": "Instruction written", "history:ack": "Instruction acknowledged",
}

var zhProblems = map[string]string{
	"history:create": "提出问题", "history:start": "开始办理", "history:resolve": "办理完成", "history:close": "确认办结",
	"history:reopen": "重新打开", "history:extend": "延期", "history:reassign": "改派",
	"history:escalate": "逾期提级至包联市领导", "history:instruct": "领导批示", "history:ack": "签收批示",
	"raised by hand": "手工提出",

	// Notifications.
	"Assigned to you": "交办给你", "Due within 3 days": "3天内到期", "Overdue": "已逾期", "Escalated to you": "提级至你",
	"Instruction received": "收到批示", "Supervision order issued": "收到督办单", "Supervision order answered": "督办单已回复",

	// Messages.
	"the desk belongs to a city leader; choose a leader":                                      "领导桌面属于市领导，请选择一位领导",
	"only a city leader may write an instruction (批示)":                                        "只有市领导可以作出批示",
	"only the owner organisation acknowledges an instruction":                                 "只有责任单位可以签收批示",
	"this instruction was already acknowledged by %s":                                         "该批示已由 %s 签收",
	"%q is not a status (open, in_progress, resolved, closed)":                                "%q 不是有效状态（open、in_progress、resolved、closed）",
	"%q is not a category (land, funds, approval, demolition, utilities, environment, other)": "%q 不是问题类别（用地、资金、审批、征地拆迁、水电气暖、环评能耗、其他）",
	"is required (an organisation code)":                                                      "必填（单位代码）",
	"%q is not a step (start, resolve, close, reopen)":                                        "%q 不是有效操作（start、resolve、close、reopen）",
	"%q is not a date (YYYY-MM-DD)":                                                           "%q 不是日期（YYYY-MM-DD）",
	"%q is not an http(s) address":                                                            "%q 不是 http(s) 地址",
	"must be at least %d characters":                                                          "至少 %d 个字符",
	"only a resolved problem can be closed; this one is %s":                                   "只有已解决的问题才能办结；该问题当前为“%s”",
	"a problem that is %s cannot be given the step %s":                                        "“%s”的问题不能执行“%s”",
	"is required: say what blocks the project":                                                "必填：说明项目遇到的问题",
	"is longer than %d characters":                                                            "超过 %d 个字",
	"is required (YYYY-MM-DD)":                                                                "必填（YYYY-MM-DD）",
	"must be a day (YYYY-MM-DD)":                                                              "须具体到日（YYYY-MM-DD）",
	"%s is in the past (today is %s)":                                                         "%s 已经过去（今天是 %s）",
	"is required: say what was done":                                                          "必填：说明办理情况",
	"is required to reopen a problem":                                                         "重新打开问题须说明原因",
	"a problem that is %s cannot be extended":                                                 "“%s”的问题不能延期",
	"is required to extend a due date":                                                        "延期须说明原因",
	"%s is not later than the current due date %s":                                            "%s 不晚于现有时限 %s",
	"a problem that is %s cannot be reassigned":                                               "“%s”的问题不能改派",
	"is required to reassign a problem":                                                       "改派须说明原因",
	"%s already owns this problem":                                                            "%s 已是该问题的责任单位",
	"is required: write the instruction":                                                      "必填：请写批示内容",
	"the problem was changed by someone else; reload it and try again":                        "该问题已被他人修改，请刷新后重试",
	"must be between 1 and 500":                                                               "须在 1 到 500 之间",
	"must be \"me\"":                                                                          "只能为 \"me\"",

	// Pages.
	"Problem list": "问题清单", "Escalated to me": "提级至我", "Every instruction has been acknowledged.": "批示均已签收。",
	"Instructions awaiting acknowledgement": "待签收的批示", "Leader's desk": "领导桌面",
	"No project names this leader as its 包联市领导.": "没有项目以该领导为包联市领导。", "Nothing here.": "暂无。",
	"Overdue, escalating at the next sweep": "已逾期，下次巡检时提级", "Pending problems": "未办结问题",
	"Problems escalated to me": "提级至我的问题", "Written": "批示时间", "my instructions": "我的批示", "on my projects": "我包联的项目",
	"past their due date": "已过完成时限", "My desk": "我的桌面", "%d unread": "%d 条未读", "Mark all read": "全部标为已读",
	"No notification yet.": "暂无通知。", "Notifications": "通知", "Acknowledged by %s": "%s 已签收",
	"Awaiting acknowledgement": "待签收", "Details": "基本情况", "Handle": "办理", "Latest reason": "最近一次原因",
	"Leader's instructions": "领导批示", "New due date": "新的完成时限", "New owner": "新的责任单位", "No instruction yet.": "暂无批示。",
	"Send the instruction": "发送批示", "What was done": "办理情况", "Co-organisations": "配合单位",
	"Hold Ctrl to choose several.": "按住 Ctrl 可多选。", "Raise the problem": "提交问题", "%d listed, %d overdue": "共 %d 个，逾期 %d 个",
	"Acknowledged": "已签收", "By category": "按问题类别", "By responsible organisation": "按责任单位", "Clear": "清除",
	"Days open": "已历天数", "Escalated": "已提级", "Escalated to the leader": "已提级至包联市领导", "Export .xlsx": "导出 .xlsx",
	"Instruction": "领导批示", "Leader": "包联市领导", "Median days to solve": "解决天数中位数", "My projects": "我包联的项目",
	"No problem matches.": "没有符合条件的问题。", "Pending": "未办结", "Solve rate": "解决率", "Solved": "已解决",
	"Category": "问题类别", "No problem raised.": "暂无问题。", "Raise a problem": "提出问题",
	"Address (http or https; empty to switch it off)": "地址（http 或 https；留空即关闭）", "Answer": "应答",
	"Delivery log": "推送记录", "Webhook event": "事件", "Secret": "密钥", "Server": "服务器", "Webhook": "消息推送（Webhook）",
	"Every notification is also sent as a signed JSON POST to this address, so the city's messaging system can pass it on. The signature is HMAC-SHA256 of the body with the secret, in the X-Qianxiang-Signature header. Failed deliveries are retried with growing waits.": "每条通知同时以签名的 JSON POST 推送到此地址，供本市消息系统转发。签名为以密钥对请求体计算的 HMAC-SHA256，放在 X-Qianxiang-Signature 头中。推送失败将按递增间隔重试。",
	"Nothing sent yet.": "尚未推送。", "set; leave empty to keep it": "已设置；留空则保持不变",
	"The instruction was sent to the owner organisation.": "批示已送达责任单位。",
	"The problem was raised; its owner has been told.":    "问题已提出，已通知责任单位。",
	"Saved.": "已保存。", "Problem": "问题", "none": "无", "Overdue problems": "逾期问题",
	"Leader's desk and overdue problems": "领导桌面与逾期问题", "%d overdue problems, %d escalated to leaders": "逾期问题 %d 个，其中提级至市领导 %d 个",
	"Open the overdue list": "查看逾期问题", "Overdue problems (%d)": "逾期问题（%d 个）", "No overdue problem.": "没有逾期问题。",
}

func init() {
	register(map[string]string{"6. Overdue problems (%d)": "六、逾期未解决问题（%d 个）"}, false)
}

func init() { register(map[string]string{"Due date": "完成时限"}, false) }

func init() {
	register(map[string]string{"red first": "红灯在前", "all %d in the registry": "在项目库中查看全部 %d 个"}, false)
}
