package i18n

func init() {
	register(zhDeputies, false)
	register(zhDeputyTerms, true)
	for k, v := range enDeputyTerms {
		enTerms[k] = v
	}
}

// zhDeputyTerms: fields of suggestions and the calendar, which appear as
// arguments of messages.
var zhDeputyTerms = map[string]string{
	"title": "标题", "deputies": "代表", "submitted_on": "提出日期",
	"assigned_on": "交办日期", "rating": "测评意见", "class": "答复类别",
	"holidays": "节假日", "workdays": "调休上班日", "from_motion": "议案", "into": "并入编号",
	"suggestion": "建议", "Monday": "星期一", "Tuesday": "星期二", "Wednesday": "星期三", "Thursday": "星期四", "Friday": "星期五",
	"visitor": "来访群众", "registered_on": "登记日期", "reception_day": "接待日", "people": "接待人数", "visited_on": "接待日期",
	"scheduled_on": "计划日期", "leaders": "接待领导", "step": "操作", "note": "备注", "address": "地址",
	"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意",
}

// enDeputyTerms: history actions read as words on English pages.
var enDeputyTerms = map[string]string{
	"history:submit": "Submitted", "history:assign": "Assigned", "history:send_back": "Sent back", "history:co_view": "Co-unit's view",
	"history:answer": "Answered", "history:rate": "Rated", "history:decline": "Not accepted", "history:merge": "Merged",
}

var zhDeputies = map[string]string{
	// History of a suggestion ("history:create" and "history:extend" are the problems').
	"history:submit": "提出", "history:assign": "交办", "history:send_back": "退回", "history:co_view": "协办意见",
	"history:answer": "答复", "history:rate": "测评", "history:decline": "不予立案", "history:merge": "并案",
	"history:update": "修改",

	// Vocabulary: suggestions and, for proposals, the consultative conference's words.
	"Suggestion": "建议", "Suggestions": "代表建议", "Assign": "交办", "Lead unit": "主办单位", "Co-units": "协办单位",
	"Answer to the deputies": "答复", "Signing deputies": "提出代表", "Decline": "不予交办", "Merge": "并案", "New suggestion": "提出建议",
	"Co-unit views": "协办单位意见",
	"Proposal":      "提案", "Proposals": "政协提案", "File and assign": "立案交办", "Main handling unit": "主办单位",
	"Joint handling units": "会办单位", "Handling reply": "办理复文", "Proposers": "提案人", "Not filed": "不立案",
	"Merge with another": "并案", "New proposal": "提交提案", "Joint units' views": "会办单位意见",

	// Statuses, classes, ratings.
	"Awaiting assignment": "待交办", "Being handled": "办理中", "Sent back by the unit": "承办单位已退回",
	"Answered, awaiting rating": "已答复待测评", "Not accepted": "不予立案", "Merged": "已并案",
	"A: solved or adopted": "A类：已解决或采纳", "B: being solved": "B类：正在解决", "C: to be solved as conditions allow": "C类：列入计划逐步解决",
	"D: kept for reference": "D类：留作参考", "Satisfied": "满意", "Basically satisfied": "基本满意", "Unsatisfied": "不满意",

	// Notifications.
	"Your suggestion was answered": "你的建议已答复", "The answer to your suggestion was extended": "你的建议答复期限已延长",
	"A month passed without your station visit": "本月未到联络站接待",

	// Pages.
	"Deputies' suggestions": "代表建议", "Members' proposals": "政协提案", "Handling report": "办理统计",
	"Working-day calendar": "工作日历", "My suggestions": "我的建议", "Title": "标题", "Assigned": "交办", "Answer due": "答复期限", "Rating": "测评", "Classified": "涉密",
	"Nothing here.": "暂无。", "What you propose and why": "建议内容及理由",
	"Co-signing deputies (card numbers, separated by commas)": "联名代表（代表证号，用逗号分隔）",
	"Deputies (card numbers, separated by commas)":            "提出代表（代表证号，用逗号分隔）",
	"Submitted on": "提出日期", "The proposal: the situation, the reasons and what is proposed": "提案内容（案由、理由及办法）",
	"Co-signing members (card numbers, separated by commas)": "联名委员（委员证号，用逗号分隔）", "Members (card numbers, separated by commas)": "提案委员（委员证号，用逗号分隔）", "Converted from motion (id, optional: title, text and signers come from it)": "由议案转来（议案编号，可不填：标题、内容和联名代表取自议案）", "Classified (not published)": "涉密（不公开）", "Submit": "提交",
	"The suggestion was submitted; the congress office will assign it.": "建议已提交，人大常委会办公室将予以交办。",
	"Handled again (round %d)": "重新办理（第 %d 轮）", "converted from motion %d": "由第 %d 号议案转为建议",
	"Send back by": "退回期限", "extended": "已延期", "Explanation for the extension": "延期说明", "Merged into": "并入",
	"Text": "正文", "round %d": "第 %d 轮", "on time": "按期", "late (due %s)": "逾期（应于 %s 前）", "Not answered yet.": "尚未答复。",
	"given late": "逾期提出", "Assigned on": "交办日期", "Class": "答复类别", "Send the answer": "发送答复",
	"Your rating of the answer": "你对答复的测评", "Rate": "提交测评", "Your view for the lead unit": "给主办单位的意见",
	"due %s": "期限 %s", "Send the view": "发送意见", "Explanation to the deputies (answer within 6 months)": "向代表说明的理由（6个月内答复）",
	"Why the unit is not responsible": "不属本单位职责的理由", "by %s": "%s 前", "Send it back": "退回",
	"Into number (id)": "并入（编号）", "Ratings": "测评记录", "Round": "轮次",
	"Deadlines count working days: Monday to Friday, minus the holidays, plus the adjusted workdays (调休) below.": "期限按工作日计算：周一至周五，扣除法定节假日，加上下列调休上班日。",
	"This year's calendar is not kept yet: deadlines count Monday to Friday only.":                               "本年度日历尚未维护：期限仅按周一至周五计算。",
	"Holidays": "法定节假日", "Adjusted workdays (调休)": "调休上班日", "Keep the calendar": "维护日历",
	"Holidays (one day a line, YYYY-MM-DD)": "节假日（每行一天，YYYY-MM-DD）", "Adjusted workdays on a weekend (one day a line)": "周末调休上班日（每行一天）",
	"%d: handling of %s": "%d年%s办理情况", "Printable": "打印版", "Answered": "已答复", "On time": "按期答复", "Rated": "已测评",
	"Satisfied or basically": "满意和基本满意", "Handling rate": "办复率", "On-time rate": "按期办复率", "Satisfaction rate": "满意率",
	"Total": "合计",
	"Handling rate = answered / assigned; on-time rate = first answer by its due date / answered; satisfaction rate = satisfied or basically satisfied / rated. As of %s.": "办复率 = 已答复 / 交办；按期办复率 = 首次答复按期 / 已答复；满意率 = 满意和基本满意 / 已测评。统计截至 %s。",
	"This page is for deputies.": "本页供人大代表使用。", "Answers to rate": "待测评的答复", "All my suggestions": "我的全部建议",
	"answer due %s": "%s 前答复", "You have not submitted a suggestion yet.": "你还没有提出建议。",
	"Thank you: your rating was recorded.": "谢谢，你的测评已记录。",

	// Messages.
	"%s is not in %d":    "%s 不在 %d 年内",
	"%s is listed twice": "%s 重复列出", "%s is both a holiday and a workday": "%s 不能既是节假日又是调休上班日",
	"%s is a %s, already a working day; an adjusted workday falls on a Saturday or Sunday": "%s 是%s，本来就是工作日；调休上班日应在周六或周日",
	"%q is not a day (YYYY-MM-DD)":                      "%q 不是日期（YYYY-MM-DD）",
	"must be suggestion or proposal":                    "必须是 suggestion（建议）或 proposal（提案）",
	"is required":                                       "必填",
	"is required: what the deputies propose and why":    "必填：建议的内容及理由",
	"at least one deputy signs a suggestion":            "建议至少由一名代表提出",
	"%s is in the future (today is %s)":                 "%s 晚于今天（今天是 %s）",
	"%s signs only once":                                "%s 只能联名一次",
	"a suggestion that is %s cannot be assigned":        "“%s”的建议不能交办",
	"%s is before the suggestion was submitted (%s)":    "%s 早于建议提出日期（%s）",
	"%s is already the lead unit":                       "%s 已是主办单位",
	"only a newly assigned suggestion can be sent back": "只有刚交办的建议可以退回",
	"is required: say why the unit is not responsible":  "必填：说明不属本单位职责的理由",
	"the time to send it back ended on %s (7 working days after assignment on %s); the unit must handle it": "退回期限已于 %s 届满（%s 交办后7个工作日），承办单位应当办理",
	"is required: the explanation given to the deputies for needing more time":                              "必填：向代表说明需要延期的理由",
	"only a suggestion in its first handling can be extended":                                               "只有首次办理的建议可以延期",
	"the answer is already due %s, 6 months after assignment: the most the rules allow":                     "答复期限已延至 %s（交办后6个月），不能再延长",
	"the explanation must come before the answer falls due (%s)":                                            "延期说明应在答复期限（%s）届满前作出",
	"a suggestion that is %s takes no co-unit views":                                                        "“%s”的建议不再接收协办意见",
	"is required: the co-unit's view for the lead unit":                                                     "必填：协办单位给主办单位的意见",
	"a suggestion that is %s cannot be answered":                                                            "“%s”的建议不能答复",
	"%q is not an answer class (A, B, C, D)":                                                                "%q 不是答复类别（A、B、C、D）",
	"is required: the answer to the deputies":                                                               "必填：给代表的答复",
	"%q is not a rating (satisfied, basically, unsatisfied)":                                                "%q 不是测评意见（satisfied 满意、basically 基本满意、unsatisfied 不满意）",
	"only an answered suggestion is rated; this one is %s":                                                  "只有已答复的建议可以测评；该建议当前为“%s”",
	"only the deputies who signed the suggestion rate its answer":                                           "只有提出该建议的代表可以测评答复",
	"you have already rated this answer (%s)":                                                               "你已测评过该答复（%s）",
	"you have already rated this answer":                                                                    "你已测评过该答复",
	"a suggestion that is %s cannot be declined":                                                            "“%s”的建议不能作不予立案处理",
	"is required: say why it is not taken up":                                                               "必填：说明不予立案的理由",
	"a suggestion that is %s cannot be merged":                                                              "“%s”的建议不能并案",
	"a suggestion cannot be merged into itself":                                                             "建议不能并入自身",
	"a suggestion is merged only with one of its kind":                                                      "只能与同类建议（提案）并案",
	"number %d is %s":       "第 %d 号为“%s”",
	"congress %q not found": "代表大会 %q 不存在",
	"no congress has a roster yet: import the deputies first": "尚无代表名册：请先导入代表",
	"motion %d not found": "议案 %d 不存在",
	"motion %d was not decided to be handled as a suggestion (it is %s)":                      "议案 %d 未决定作为建议处理（当前为 %s）",
	"motion %d has no deputies' signatures to carry over":                                     "议案 %d 没有可转入的代表联名",
	"you are not a deputy of this congress":                                                   "你不是本次代表大会的代表",
	"no deputy with card %q in this congress":                                                 "本次代表大会没有代表证号为 %q 的代表",
	"%q is not a kind (suggestion, proposal)":                                                 "%q 不是类别（suggestion 建议、proposal 提案）",
	"%q is not a status (submitted, handling, sent_back, answered, closed, declined, merged)": "%q 不是状态（submitted、handling、sent_back、answered、closed、declined、merged）",
	"motion %d has already been converted to a suggestion":                                    "议案 %d 已转为建议",
	"the suggestion was changed by someone else; reload it and try again":                     "该建议已被他人修改，请刷新后重试",
	"only a unit the suggestion is assigned to may do this":                                   "只有承办该建议的单位可以进行此操作",
	"only the lead unit explains an extension":                                                "只有主办单位可以说明延期",
	"the lead unit answers; views come from the co-units":                                     "主办单位负责答复，协办意见由协办单位提出",
	"only the lead unit the suggestion is assigned to answers it":                             "只有该建议的主办单位可以答复",
	"suggestion %d not found":                                                                 "建议 %d 不存在",
	// Liaison stations.
	"About project (id, optional)": "涉及项目（编号，可不填）", "Archive": "归档", "Chase": "催办", "Forward": "转交",
	"Leaders' monthly visits": "领导每月接待", "Make it a campaign problem": "转为项目问题", "People received": "接待人数",
	"Received by (deputy's card)": "接待代表（代表证号）", "Register": "登记", "Register a visitor's problem": "登记群众反映问题",
	"Registered on": "登记日期", "Return visit": "回访", "Save the visit": "保存接待记录", "Scheduled": "计划日期",
	"The public's problems": "群众反映问题", "The station's deputies and the congress office register problems.": "由本站代表或人大常委会办公室登记问题。",
	"Visited": "接待日期", "Visitor": "来访群众", "What the unit did": "承办单位办理情况", "What the visitor said": "群众回访意见",
	"campaign problem %d": "项目问题 %d", "chased %d times": "已催办 %d 次", "%d problems received, %d solved": "受理群众问题 %d 件，已解决 %d 件",
	"Address": "地址", "Deputy": "代表", "Leaders who visit monthly (usernames)": "每月接待的市领导（用户名）",
	"Leaders' visits this month (%s)": "本月领导接待（%s）", "Liaison stations": "代表联络站", "Liaison station": "代表联络站",
	"New station": "新建联络站", "Station name": "联络站名称", "Station deputies (card numbers, separated by commas)": "进站代表（代表证号，用逗号分隔）", "My liaison station": "我的联络站", "next: %s": "下次：%s", "Deputies' suggestions and the public's problems": "代表建议和群众反映问题", "Reception day": "接待日", "Serves": "所在县（市、区）", "Solved by deputy": "按代表统计",
	"Solved by unit": "按承办单位统计", "Station": "联络站", "Unit": "承办单位", "not yet": "未接待",
	"the %dth of each month": "每月%d日", "visited": "已接待", "Solved": "已解决",
	"Registered": "已登记", "Forwarded to the unit": "已转交承办单位", "Answered by the unit": "承办单位已答复",
	"Return visit made": "已回访", "Archived": "已归档", "liaison station": "代表联络站",
	"history:visit": "接待记录", "history:forward": "转交", "history:chase": "催办", "history:return_visit": "回访",
	"history:archive": "归档", "history:to_campaign": "转为项目问题",
	"must be a day of the month from 1 to 28":                                  "必须是1至28之间的日期",
	"a station named %q already exists":                                        "已有名为 %q 的联络站",
	"must be 0 or more":                                                        "不能小于0",
	"is required: the visitor's problem":                                       "必填：群众反映的问题",
	"a station problem that is %s cannot be given the step %s":                 "“%s”的问题不能执行“%s”",
	"is required: the responsible unit":                                        "必填：承办单位",
	"is required: what the unit did":                                           "必填：承办单位办理情况",
	"is required: what the visitor said at the return visit":                   "必填：回访时群众的意见",
	"%q is not a step (forward, chase, answer, return-visit, archive)":         "%q 不是有效操作（forward、chase、answer、return-visit、archive）",
	"%q is not a city leader's username":                                       "%q 不是市领导的用户名",
	"%q is not a leader who visits this station":                               "%q 不是本站接待的领导",
	"no deputy with card %q at this station":                                   "本站没有代表证号为 %q 的代表",
	"this station problem is already campaign problem %d":                      "该问题已转为项目问题 %d",
	"forward the problem to its responsible unit first":                        "请先将问题转交承办单位",
	"a station problem that is %s is not raised on the project any more":       "“%s”的问题不再转为项目问题",
	"is required: the project the problem is about":                            "必填：问题涉及的项目",
	"the station problem was changed by someone else; reload it and try again": "该问题已被他人修改，请刷新后重试",
}
