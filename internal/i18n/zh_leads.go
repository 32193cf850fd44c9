package i18n

func init() {
	register(zhLeads, false)
	register(zhLeadTerms, true)
}

// zhLeadTerms: fields of leads and news, stages and sources, which appear
// as arguments of messages and as words on pages.
var zhLeadTerms = map[string]string{
	"investor": "投资方", "origin_region": "来源地", "industry": "产业", "intended_investment": "意向投资额",
	"lead.target": "目标", "team": "专班", "group": "分组", "contract_amount": "签约金额", "contract_date": "签约日期",
	"project_name": "项目名称", "project_year": "计划年度", "investment": "总投资", "stall_days": "停滞天数",
	"news.title": "标题", "news.body": "正文", "news.date": "日期",
	// Stages (洽谈 → 签约 → 落地 → 投资 → 服务).
	"Negotiating": "洽谈", "Signed": "签约", "Landed": "落地", "Investing": "投资", "Serving": "服务",
	// Sources.
	"Investment fair": "招商会", "Promotion meeting": "推介会", "Introduced by an investor": "以商招商",
	"Door-to-door visit": "上门招商", "Online": "网络招商", "Other source": "其他",
	// Funnel groupings.
	"by county": "按县（市、区）", "by industry": "按产业", "by source": "按来源",
}

var zhLeads = map[string]string{
	"contains a mobile phone number; the public portal does not publish personal numbers: give an office landline": "含有手机号码；公众门户不公开个人号码，请改用办公固定电话",
	"An investment lead you lead has stalled": "你包联的招商线索已停滞",
	// Messages.
	"%s is not a county": "%s 不是县（市、区）",
	"%q is not a stage (talking, signed, landed, investing, serving)":                  "%q 不是有效阶段（talking 洽谈、signed 签约、landed 落地、investing 投资、serving 服务）",
	"%q is not a source (fair, promotion, business, visit, online, other)":             "%q 不是有效来源（fair 招商会、promotion 推介会、business 以商招商、visit 上门招商、online 网络招商、other 其他）",
	"must be between 1 and 3650 days":                                                  "须在 1 到 3650 天之间",
	"is required: one city leader responsible":                                         "必填：一名包联市领导",
	"%q is not a city leader's user name":                                              "%q 不是市领导的用户名",
	"must be between 1 and 100":                                                        "须在 1 到 100 之间",
	"is required: the investment the investor intends, in 10k yuan":                    "必填：投资方的意向投资额（万元）",
	"is required: one target, what the lead must achieve":                              "必填：一个目标，即该线索要达成什么",
	"is required: name the team (专班) that follows the lead, one person at least":       "必填：列出跟进该线索的专班成员，至少一人",
	"the lead is already at %s":                                                        "该线索已处于“%s”阶段",
	"is required to move a lead back from %s to %s":                                    "从“%s”退回到“%s”须说明原因",
	"a lead moves forward one stage at a time: from %s the next stage is %s":           "线索只能逐阶段推进：“%s”的下一阶段是“%s”",
	"is required to sign: the contract amount in 10k yuan":                             "签约须填写签约金额（万元）",
	"is required to sign (YYYY-MM-DD)":                                                 "签约须填写签约日期（YYYY-MM-DD）",
	"%s is in the future (today is %s)":                                                "%s 晚于今天（今天是 %s）",
	"%q is not a month (YYYY-MM)":                                                      "%q 不是月份（YYYY-MM）",
	"%q is not a grouping (county, industry, source)":                                  "%q 不是有效分组（county、industry、source）",
	"contains %q, which looks like HTML or script; news is plain text: remove the tag": "含有 %q，看起来是 HTML 标签或脚本；新闻只能是纯文本，请删除该标签",
	"that project already came from another lead":                                      "该项目已由另一条招商线索落地",
	"the lead was changed by someone else; reload it and try again":                    "该线索已被他人修改，请刷新后重试",
	"the news item was changed by someone else; reload it and try again":               "该新闻已被他人修改，请刷新后重试",
	"the lead has landed as a project of %s; its county stays":                         "该线索已在%s落地为项目，县（市、区）不能更改",
	"the project came from investment lead %d and cannot be deleted":                   "该项目由招商线索 %d 落地而来，不能删除",

	// Pages.
	"Investment attraction": "招大引强", "Attract investment": "招大引强", "Leads": "招商线索", "New lead": "新增线索", "Edit lead": "编辑线索", "Investment lead": "招商线索", "My investment leads": "我包联的招商线索", "Lead stage change": "线索阶段变更",
	"Stalled": "停滞", "%d leads": "%d 条线索", "No leads match.": "没有符合条件的线索。",
	"Investor": "投资方", "Origin region": "来源地", "Industry": "产业", "Intended investment": "意向投资",
	"Days at this stage": "本阶段天数", "Contract amount": "签约金额", "Contract date": "签约日期", "Contract": "合同",
	"Conversion funnel": "转化漏斗", "Group by": "分组", "Landed / leads": "落地率（落地/线索）",
	"A lead is stalled when its stage has not changed for %d days or more (服务 never stalls).":                                                                         "线索阶段 %d 天及以上未变化即标为停滞（“服务”阶段不计）。",
	"Bars: leads that reached each stage (or went beyond it); beside each stage, the conversion from the stage before. A lead moved back counts where it stands now.": "条形为到达各阶段（含已越过）的线索数；阶段名下为上一阶段到本阶段的转化率。退回的线索按当前阶段计。",
	"Days without a change of stage before a lead is flagged as stalled":                                                                                              "线索阶段多少天未变化标为停滞",
	"One project, one target, one leader, one team: each lead is followed from 洽谈 to 签约, 落地 (it becomes a project in the registry), 投资 and 服务.":                       "一个项目、一个目标、一个领导、一个专班：每条线索从洽谈到签约、落地（进入项目库）、投资、服务全程跟进。",
	"One target, one leader, one team": "一个目标、一个领导、一个专班", "Target": "目标", "Team": "专班",
	"Team (专班): name and role": "专班成员：姓名和职责", "Team member": "专班成员", "Duty": "职责", "Record the lead": "登记线索",
	"the company or group": "企业或集团名称", "e.g. 浙江省杭州市": "如：浙江省杭州市", "e.g. 新材料": "如：新材料",
	"what the lead must achieve, e.g. 年内签约落地": "该线索要达成的目标，如：年内签约落地",
	"%d days": "%d 天", "At this stage": "本阶段已", "By": "操作人", "From": "原阶段", "To": "新阶段", "back": "退回",
	"Change the stage": "变更阶段", "New stage": "新阶段", "Move": "确认变更",
	"Forward one stage at a time; going back needs a reason.": "只能逐阶段推进；退回须说明原因。",
	"Reason (required to go back)":                            "原因（退回时必填）",
	"Signing (签约)":                                            "签约", "Landing (落地): the project it becomes": "落地：进入项目库的项目",
	"Already linked to a project; landing again keeps it.": "已关联项目；再次落地沿用该项目。",
	"none yet: landing (落地) creates it in the registry":    "暂无：落地时自动在项目库中建立",
	"the contract amount":          "默认为签约金额",
	"The lead was recorded at 洽谈.": "线索已登记，当前阶段：洽谈。",
	"The lead moved to %s.":        "线索已进入“%s”阶段。",

	// News.
	"News": "新闻", "for the public portal": "发布到公众门户", "Open the public portal": "打开公众门户",
	"News is plain text: write paragraphs on separate lines. Anything that looks like HTML or script (<tag>, javascript:) is refused. Only published items appear on the portal, newest first.": "新闻为纯文本，分段请换行。含 HTML 标签或脚本（<标签>、javascript:）的内容会被拒绝。只有已发布的新闻出现在门户上，最新的在前。",
	"Edit news item": "编辑新闻", "Write a news item": "撰写新闻", "Text": "正文", "Published on the portal": "在门户上发布",
	"Published": "已发布", "Draft": "草稿", "No news yet.": "暂无新闻。", "The news item was saved.": "新闻已保存。",
}
