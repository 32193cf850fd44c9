package i18n

func init() { register(zhTerms, true) }

// zhTerms: field names, statuses, kinds, roles.
var zhTerms = map[string]string{
	"name": "项目名称", "code": "项目代码", "owner": "建设单位", "org": "县（市、区）", "lead_org": "责任单位",
	"kind": "项目类型", "stage": "项目阶段", "sector": "行业", "scope": "建设内容及规模",
	"total_investment": "总投资", "annual_plan": "年度计划投资", "planned_start": "计划开工时间",
	"planned_end": "计划竣工时间", "started_on": "实际开工时间", "leader": "包联市领导", "year": "年度",
	"month": "月份", "completed": "本月完成投资", "progress": "形象进度", "reason": "原因",
	"password": "密码", "old_password": "原密码", "username": "用户名", "role": "角色", "parent": "上级单位",
	"per_page": "每页条数", "sort": "排序", "light": "亮灯",
	"yellow_band": "黄灯区间", "deadline_day": "报送截止日", "reporting_kinds": "需报送的项目类型",
	"submitted": "已报送", "approved": "已审核", "returned": "已退回", "draft": "草稿",
	"new": "新开工", "continuing": "续建", "preparatory": "前期",
	"idea": "谋划", "reserve": "储备", "preparing": "前期", "construction": "在建", "completed_stage": "竣工", "operating": "投产",
	"admin": "系统管理员", "command": "指挥部办公室", "leader_role": "市领导", "org_admin": "县区/部门管理员",
	"reporter": "项目单位填报员", "supervisor": "督查", "viewer": "只读",
	"green": "绿灯", "yellow": "黄灯", "red": "红灯",
	"overdue_start": "应开未开", "behind_schedule": "进度滞后",
	"city": "市", "county": "县（市、区）", "department": "市直部门", "unit": "项目单位",
	"project": "项目", "report": "月报", "user": "用户", "token": "令牌", "organisation": "单位",
}

// enTerms are the English labels of identifiers shown as words (a kind, a
// stage, a role); field names stay as they are, scripts match on them.
var enTerms = map[string]string{
	"new": "New", "continuing": "Continuing", "preparatory": "Preparatory",
	"idea": "Idea", "reserve": "Reserve", "preparing": "Preparing", "construction": "Under construction",
	"completed_stage": "Completed", "operating": "Operating",
	"admin": "Administrator", "command": "Campaign office", "leader_role": "City leader", "org_admin": "County/department admin",
	"reporter": "Project unit", "supervisor": "Supervisor", "viewer": "Viewer",
	"submitted": "Submitted", "approved": "Approved", "returned": "Returned", "draft": "Draft",
	"green": "Green", "yellow": "Yellow", "red": "Red",
	"overdue_start": "Start overdue", "behind_schedule": "Behind schedule",
	"city": "City", "county": "County", "department": "Department", "unit": "Project unit",
}
