package i18n

func init() { register(zhAuditWords, false) }

// zhAuditWords: the audit trail's actions and changed fields, and the
// names of the records it keeps, as the people who read it know them (a
// raw action or column name is a developer's word; issue 15.9).
var zhAuditWords = map[string]string{
	// actions
	"accept": "接收", "ack": "确认收到", "add_project": "加入项目", "adopted": "采纳",
	"answer": "答复", "archive": "归档", "assess": "考核", "assign": "交办",
	"ballot": "投票", "chase": "催办", "check_in": "签到", "classify": "分类",
	"close": "办结", "co_view": "会办意见", "decide": "决定", "escalate": "提级",
	"extend": "延期", "forward": "转办", "instruct": "批示", "issue": "签发",
	"milestone": "节点", "move": "流转", "promise_missed": "承诺逾期",
	"put_to_vote": "提请表决", "rate": "评价", "reject": "不予受理", "resolve": "解决",
	"return_visit": "回访", "send_back": "退回", "sign": "签收", "visit": "接待来访",
	"schedule": "排期", "reception": "记录接待", "undo_check_in": "撤销签到",
	// changed fields
	"abstain_count": "弃权票", "accepted_at": "接收时间", "acked_at": "确认时间",
	"acked_by": "确认人", "against_count": "反对票", "answer_due": "答复期限",
	"answered_on": "答复日期", "chases": "催办次数", "closed_at": "关闭时间",
	"closed_on": "办结日期", "co_view_due": "会办期限", "confidential": "涉密",
	"content_ok": "内容合规", "escalated_at": "提级时间", "escalated_to": "提级至",
	"extension": "延期", "first_replied_on": "首次回复日期", "for_count": "赞成票",
	"in_stats": "已入库", "last_chased": "最近催办", "lead_org_id": "主办单位",
	"not_voted": "未投票", "opened_at": "开始时间", "org_id": "单位",
	"present": "出席人数", "problem_id": "问题", "project_id": "项目",
	"replied_by": "回复人", "replied_on": "回复日期", "reply": "回复",
	"report_id": "报告", "resolved_at": "解决时间", "return_by": "退回期限",
	"return_reason": "退回原因", "returned_by": "退回人", "reviewed_at": "审核时间",
	"round": "轮次", "signers_ok": "附议人数合规", "solved": "已解决",
	"stage_since": "阶段起始", "threshold": "通过票数", "timing_ok": "提交时限合规",
	"vote_id": "表决", "stage": "项目阶段",
	// the records (web/ui_plainwords.go names each table in English)
	"Assessment weights": "考核权重", "Audit trail": "审计链",
	"Audit keys": "审计密钥", "Bank matches": "银企对接", "Batch start projects": "集中开工项目",
	"Batch starts": "集中开工", "Station reception days": "联络站接待日", "Class entries": "分类条目", "Class lists": "分类目录",
	"Congress attendance": "会议出席", "Congress body members": "代表团成员", "Congress deputies": "人大代表",
	"Congress follow-ups": "议案跟踪", "Congress meetings": "会议", "Congress motion reports": "议案审议报告",
	"Congress motions": "议案", "Congress resolutions": "决议", "Congress votes": "表决",
	"Congresses": "人代会", "Funding needs": "资金需求", "Land needs": "用地需求",
	"Lead moves": "线索流转", "Investment leads": "招商线索", "News items": "新闻动态",
	"Supervision orders": "督办单", "Project locations": "项目位置", "Pipeline checks": "储备核查",
	"Reserve projects": "储备项目", "Problem instructions": "问题批示", "Project classes": "项目分类",
	"Promotion interests": "推介意向", "Promotions": "项目推介", "Statistics entries": "入库记录",
	"Statistics entry steps": "入库流程", "Statistics files": "入库材料", "Statistics checks": "入库核验",
	"Station problems": "联络站问题", "Station visits": "联络站接待", "Liaison stations": "代表联络站",
	"Suggestions": "代表建议", "Targets": "目标任务", "Task lists": "任务清单",
	"Task progress": "任务进展", "Key tasks": "重点任务", "Work calendars": "工作日历",
	"Login sessions": "登录会话", "Access tokens": "访问令牌", "Webhook settings": "消息推送设置", "City maps": "地图",
	"Deputy suggestions": "代表建议",
}
