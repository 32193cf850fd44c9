package i18n

func init() {
	register(zhProposals, false)
	for k, v := range enProposalTerms {
		enTerms[k] = v
	}
}

// enProposalTerms: a proposal's history actions read as words on English pages.
var enProposalTerms = map[string]string{
	"history:proposal:submit": "Proposed", "history:proposal:assign": "Filed and assigned", "history:proposal:send_back": "Sent back",
	"history:proposal:co_view": "Joint unit's view", "history:proposal:answer": "Handling reply", "history:proposal:rate": "Proposer's view",
	"history:proposal:decline": "Not filed", "history:proposal:merge": "Merged", "history:proposal:extend": "Reply extended",
}

// zhProposals: the consultative conference's own words for a proposal
// handled by the suggestions' engine (立案 / 不立案 / 并案, 主办 / 会办, 办理复文).
var zhProposals = map[string]string{
	"Awaiting filing": "待立案审查", "Sent back by the main unit": "主办单位已退回", "Reply sent, awaiting the proposers' view": "已复文待反馈",
	"Merged with another proposal": "已并案", "Filed and assigned": "立案交办", "Filed and assigned on": "立案交办日期", "Reply due": "复文期限",
	"Handling reply sent": "已复文", "Send the handling reply": "发送办理复文", "Your view of the handling reply": "你对办理复文的意见",
	"Proposers' views": "提案人意见", "No handling reply yet.": "尚未复文。", "My proposals": "我的提案",
	"Explanation to the proposers (reply within 6 months)":                         "向提案人说明的理由（6个月内复文）",
	"The proposal was submitted; the proposals committee will review and file it.": "提案已提交，政协提案委员会将审查立案。",
	"As co-unit": "协办件数", "Assigned as lead": "交办件数（主办）", "Filed and assigned as main unit": "立案交办件数（主办）", "As joint unit": "会办件数", "By class of answer": "答复类别", "By class of reply": "复文类别",
	"Your proposal received its handling reply": "你的提案已办理复文", "The reply to your proposal was extended": "你的提案复文期限已延长",
	"a proposal that is %s cannot be filed and assigned":                              "“%s”的提案不能立案交办",
	"%s is before the proposal was submitted (%s)":                                    "%s 早于提案提出日期（%s）",
	"only a newly filed proposal can be sent back":                                    "只有刚立案交办的提案可以退回",
	"only a proposal in its first handling can have its reply extended":               "只有首次办理的提案可以延期复文",
	"a proposal that is %s takes no joint units' views":                               "“%s”的提案不再接收会办意见",
	"a proposal that is %s cannot be given a handling reply":                          "“%s”的提案不能办理复文",
	"only a proposal with a handling reply takes the proposers' view; this one is %s": "只有已办理复文的提案可以反馈意见；该提案当前为“%s”",
	"only the proposers give their view of the handling reply":                        "只有提案人可以对办理复文反馈意见",
	"a proposal that is %s cannot be marked not filed":                                "“%s”的提案不能作不立案处理",
	"a proposal that is %s cannot be merged":                                          "“%s”的提案不能并案",
	"a proposal cannot be merged into itself":                                         "提案不能并入自身",
	"a proposal is merged only with another proposal":                                 "提案只能与提案并案",
	"at least one member puts a proposal forward":                                     "提案至少由一名委员提出",
	"only the main unit the proposal is assigned to sends its handling reply":         "只有该提案的主办单位可以办理复文",
	"only a unit the proposal is assigned to may do this":                             "只有承办该提案的单位可以进行此操作",
	"the main unit sends the handling reply; views come from the joint units":         "主办单位负责办理复文，会办意见由会办单位提出",
	"only the main unit explains an extended reply":                                   "只有主办单位可以说明延期复文",
	"history:proposal:submit":                                                         "提出提案", "history:proposal:assign": "立案交办", "history:proposal:send_back": "退回",
	"history:proposal:co_view": "会办意见", "history:proposal:answer": "办理复文", "history:proposal:rate": "提案人反馈意见",
	"history:proposal:decline": "不立案", "history:proposal:merge": "并案", "history:proposal:extend": "延期复文",
}

func init() {
	register(map[string]string{
		"Deputies' suggestions and members' proposals":                    "代表建议和政协提案办理",
		"%d submitted this year (classified ones not shown), %d answered": "本年度提出 %d 件（涉密件不公开），已答复 %d 件",
	}, false)
}
