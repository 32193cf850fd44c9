package i18n

func init() {
	register(zhEntry, false)
	register(zhEntryTerms, true)
	for k, v := range enEntryTerms {
		enTerms[k] = v
	}
}

// zhEntryTerms: the statistics entry's fields and words that appear as
// arguments of messages.
var zhEntryTerms = map[string]string{
	"statistics": "统计局", "findings": "核查情况", "photos": "照片",
	"vouchers.approval": "审批/核准/备案文件", "vouchers.contract": "施工合同或现场照片", "vouchers.licence": "营业执照或统一社会信用代码",
	"returned_by:review": "主管部门审核", "returned_by:acceptance": "统计部门验收",
	"enter_stats": "验收入库", "entry_submit": "报送入库", "entry_review": "入库审核通过", "entry_accept": "入库验收", "entry_return": "入库退回",
	"entry_reviewed": "入库申报待验收", "entry_returned": "入库申报被退回", "entry_accepted": "项目已验收入库",
	// Vouchers.
	"Approval, authorisation or filing document":                    "审批/核准/备案文件",
	"Construction contract or dated site photos":                    "施工合同或带日期的现场照片",
	"Owner's business licence or unified social credit code":        "建设单位营业执照或统一社会信用代码",
	"Progress confirmation signed by owner, builder and supervisor": "形象进度确认单（建设、施工、监理三方签字）",
	"Payment records": "付款凭证",
	// Statuses and steps.
	"Not submitted": "未报送", "Submitted, awaiting review": "已报送，待主管部门审核", "Reviewed, awaiting acceptance": "已审核，待统计部门验收",
	"Accepted: in the statistics": "已验收入库", "Returned for correction": "已退回",
	"Submit for entry": "报送入库", "Pass the review": "审核通过", "Accept into the statistics": "验收入库", "Return": "退回",
	// Gap reasons.
	"Vouchers missing": "佐证材料不全", "Not submitted by the unit": "建设单位未报送", "Awaiting the department's review": "待主管部门审核",
	"Awaiting the statistics bureau's acceptance": "待统计部门验收",
}

// enEntryTerms: words read on English pages for keys that are not English.
var enEntryTerms = map[string]string{
	"returned_by:review": "the department's review", "returned_by:acceptance": "the statistics bureau's acceptance",
	"statistics":     "Statistics bureau",
	"entry_reviewed": "Statistics entry awaiting acceptance", "entry_returned": "Statistics entry returned", "entry_accepted": "Accepted into the statistics",
}

var zhEntry = map[string]string{
	// A verification's fields by their area (qianxiang.InArea): a station
	// visit's visited_on and people are 接待日期 and 接待人数.
	"verification:visited_on": "核查日期", "verification:people": "核查人员",
	// Messages of the rules and services.
	"the entry is under review: its vouchers can change once it is returned":                               "入库申报正在审核或验收，退回后方可更改佐证材料",
	"the entry was accepted on this voucher: it stays on file":                                             "入库已依据该材料验收，材料须保留",
	"%q is not a reason (missing_vouchers, not_submitted, returned, awaiting_review, awaiting_acceptance)": "%q 不是未入库原因（missing_vouchers 材料不全、not_submitted 未报送、returned 已退回、awaiting_review 待审核、awaiting_acceptance 待验收）",
	"%q is not a role (one of: %s)":                                                                        "%q 不是有效角色（可选：%s）",
	"%q is not an organisation you can see":                                                                "%q 不是您可查看的单位",
	"a verification can have at most %d photos":                                                            "一次核查最多 %d 张照片",
	"is not a complete PDF (its end is missing)":                                                           "不是完整的 PDF 文件（文件末尾缺失）",
	"is not a PDF, JPEG or PNG file":                                                                       "不是 PDF、JPEG 或 PNG 文件",
	"%q is not a voucher kind (approval, contract, licence, progress, payment)":                            "%q 不是佐证材料类别（approval 审批文件、contract 合同或照片、licence 营业执照、progress 形象进度确认单、payment 付款凭证）",
	"a voucher can have at most %d files":                                                                  "每类佐证材料最多 %d 个文件",
	"is empty":                                                                                             "是空文件",
	"is larger than %d MB":                                                                                 "超过 %d MB",
	"is required: name who went":                                                                           "必填：请写明核查人员",
	"is required: say what was found":                                                                      "必填：请写明核查情况",
	"only the project's unit, county or department can submit its entry":                                   "只有项目的建设单位或所属县（市、区）、主管部门可以报送入库",
	"only the statistics bureau can accept or return a reviewed entry":                                     "只有统计部门可以验收或退回已审核的入库申报",
	"only the project's county or department can review or return a submitted entry":                       "只有项目所属县（市、区）或主管部门可以审核或退回已报送的入库申报",
	"the project is already in the statistics":                                                             "该项目已入库",
	"total investment %s 万元 is below %s 万元: the project is not in the fixed-asset statistics":              "总投资 %s 万元低于 %s 万元，不纳入固定资产投资统计",
	"the project has not started: report its actual start first (an entry follows the start)":              "项目尚未开工：请先报送实际开工日期（开工后方可入库）",
	"%d required vouchers are missing: upload them before submitting":                                      "缺少 %d 项必备佐证材料，请上传后再报送",
	"%s is missing": "缺少%s",
	"an entry that is %s cannot be given the step %s":                       "状态为“%s”的入库申报不能执行“%s”",
	"this file is already filed here":                                       "该文件已上传过",
	"the entry was changed by someone else meanwhile; reload and try again": "入库申报已被他人修改，请刷新后重试",
	"is required: attach the file as the multipart field %q":                "必填：请以 multipart 字段 %q 上传文件",
	"are larger than %d MB together":                                        "合计超过 %d MB",
	"send the record as multipart/form-data":                                "请以 multipart/form-data 提交核查记录",
	"The entry was returned with its reason.":                               "已退回，并附退回原因。",

	// The /statistics page.
	"Statistics entry": "项目入库",
	"A project with total investment of at least 5 million yuan (500 万元) belongs in the fixed-asset investment statistics once it has started. The entry gap lists those not yet entered, with the reason and the vouchers each still lacks. Entry moves: the unit submits, its county or department reviews, the statistics bureau accepts.": "计划总投资 500 万元及以上的项目开工后即应纳入固定资产投资统计（先入库，后有数）。下表列出应统未统的项目，以及未入库原因和尚缺的佐证材料。入库流程：建设单位报送 → 主管部门审核 → 统计部门验收。",
	"as of %s":                   "截至 %s",
	"Expected in the statistics": "应统项目",
	"Entered":                    "已入库",
	"Entry rate":                 "入库率",
	"Entry gap":                  "应统未统",
	"Entry rate by organisation": "各单位入库率",
	"Expected":                   "应统",
	"Gap":                        "未入库",
	"Why not entered":            "未入库原因",
	"No project is expected in the statistics yet.":                "暂无应统项目。",
	"Reason for returning":                                         "退回原因",
	"Returned at %s:":                                              "%s退回：",
	"Vouchers and submission":                                      "材料与报送",
	"No gap: every project expected in the statistics is entered.": "应统尽统：应统项目均已入库。",

	// The project page's section.
	"Total investment of at least 500 万元 and started: the project belongs in the fixed-asset investment statistics.": "总投资 500 万元及以上且已开工：应纳入固定资产投资统计。",
	"Not expected in the statistics now (under 500 万元, or not started).":                                             "目前不属应统项目（总投资不足 500 万元或尚未开工）。",
	"Vouchers":                          "佐证材料",
	"Voucher":                           "材料",
	"Files":                             "文件",
	"Upload (PDF, JPEG or PNG)":         "上传（PDF、JPEG 或 PNG）",
	"Upload":                            "上传",
	"required for entry":                "入库必备",
	"for later checks":                  "核查用",
	"none yet":                          "尚未上传",
	"Workflow history":                  "办理记录",
	"Time":                              "时间",
	"Step":                              "环节",
	"Nothing submitted yet.":            "尚未报送。",
	"On-site verifications":             "实地核查",
	"recorded by %s":                    "%s 录入",
	"No on-site verification recorded.": "暂无实地核查记录。",
	"Date of the visit":                 "核查日期",
	"People":                            "核查人员",
	"who went":                          "参加核查的人员",
	"Findings":                          "核查情况",
	"Vouchers still missing":            "尚缺佐证材料",
	"Record the verification":           "登记核查",
	"%d of %d expected projects in the statistics": "已入库 %d 个 / 应统 %d 个",
}
