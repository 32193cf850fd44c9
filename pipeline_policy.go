package qianxiang

import "strings"

// Channel is a national funding channel a reserve project may apply to.
type Channel string

const (
	ChannelCentralBudget  Channel = "central_budget"   // 中央预算内投资
	ChannelSpecialBonds   Channel = "special_bonds"    // 地方政府专项债券
	ChannelPolicyFinance  Channel = "policy_finance"   // 政策性开发性金融工具
	ChannelUltraLongBonds Channel = "ultra_long_bonds" // 超长期特别国债
)

// Channels in the order the offices list them.
var Channels = []Channel{ChannelCentralBudget, ChannelSpecialBonds, ChannelPolicyFinance, ChannelUltraLongBonds}

var channelChinese = map[Channel]string{
	ChannelCentralBudget: "中央预算内投资", ChannelSpecialBonds: "地方政府专项债券",
	ChannelPolicyFinance: "政策性开发性金融工具", ChannelUltraLongBonds: "超长期特别国债",
}

// Valid reports a known channel.
func (c Channel) Valid() bool { _, ok := channelChinese[c]; return ok }

// Chinese is the channel's name as the national documents write it.
func (c Channel) Chinese() string { return channelChinese[c] }

// Label is the English name, the catalog's key for the Chinese one.
func (c Channel) Label() string {
	return map[Channel]string{ChannelCentralBudget: "Central budget investment", ChannelSpecialBonds: "Local government special bonds",
		ChannelPolicyFinance: "Policy-based financial instruments", ChannelUltraLongBonds: "Ultra-long special treasury bonds"}[c]
}

// ChannelRule is one transparent matching rule: a project fits the channel
// when its sector or name mentions one of Words, its total investment is at
// least MinTotal and (when Kinds is given) its kind is one of them. The
// rules are a first screen for the office, not an eligibility decision: the
// office marks a project fit or unfit by hand where it knows better.
type ChannelRule struct {
	Channel  Channel
	Words    []string
	MinTotal Money
	Kinds    []Kind
}

// ChannelRules, one per channel (README "Reserve pool" explains them):
//   - 中央预算内投资 goes to public-welfare and infrastructure projects that
//     are to be built (new or preparatory), not to competitive industry;
//   - 专项债券 to public projects with some income of their own, from
//     1,000 万元;
//   - 政策性开发性金融工具 adds capital to major infrastructure, from 1 亿元;
//   - 超长期特别国债 to the national major strategies and security capacity
//     ("两重": water, transport, energy, food, pipe networks …), from 5 亿元.
var ChannelRules = []ChannelRule{
	{ChannelCentralBudget, []string{"基础设施", "民生", "社会事业", "水利", "水库", "交通", "公路", "教育", "学校", "中学", "卫生", "医院", "医疗", "养老", "生态", "环保", "污水", "农业", "农村", "保障性"},
		0, []Kind{KindNew, KindPreparatory}},
	{ChannelSpecialBonds, []string{"基础设施", "交通", "公路", "能源", "供热", "燃气", "水利", "水库", "生态", "环保", "污水", "社会事业", "民生", "医院", "学校", "保障性", "冷链", "物流", "园区", "管廊", "新区", "市政", "5G", "数据中心"},
		1000 * 100, nil},
	{ChannelPolicyFinance, []string{"基础设施", "交通", "公路", "能源", "水利", "水库", "管网", "管廊", "5G", "数据中心", "物流", "园区", "新区", "市政"},
		Yi, nil},
	{ChannelUltraLongBonds, []string{"水利", "水库", "交通", "公路", "铁路", "能源", "粮食", "农田", "管网", "管廊", "生态", "教育", "医院"},
		5 * Yi, nil},
}

// Manual marks of a channel.
const (
	MarkFit   = "fit"
	MarkUnfit = "unfit"
)

// ChannelMatch is whether a project fits a channel and why: by the rule
// (the word it matched) or by the office's mark.
type ChannelMatch struct {
	Channel  Channel `json:"channel"`
	Name     string  `json:"name"`
	Fits     bool    `json:"fits"`
	ByRule   bool    `json:"by_rule"`
	Word     string  `json:"word,omitempty"`      // the sector or name word the rule matched
	MinTotal Money   `json:"min_total,omitempty"` // the rule's threshold
	Mark     string  `json:"mark,omitempty"`      // fit or unfit, set by hand; decides over the rule
}

// MatchChannels applies the rules to a project and then the manual marks.
func MatchChannels(p Project, marks map[Channel]string) []ChannelMatch {
	out := make([]ChannelMatch, 0, len(ChannelRules))
	for _, r := range ChannelRules {
		m := ChannelMatch{Channel: r.Channel, Name: r.Channel.Chinese(), MinTotal: r.MinTotal}
		m.Word, m.ByRule = r.match(p)
		m.Fits = m.ByRule
		switch marks[r.Channel] {
		case MarkFit:
			m.Fits, m.Mark = true, MarkFit
		case MarkUnfit:
			m.Fits, m.Mark = false, MarkUnfit
		}
		out = append(out, m)
	}
	return out
}

func (r ChannelRule) match(p Project) (string, bool) {
	if p.TotalInvestment < r.MinTotal {
		return "", false
	}
	if len(r.Kinds) > 0 {
		ok := false
		for _, k := range r.Kinds {
			ok = ok || p.Kind == k
		}
		if !ok {
			return "", false
		}
	}
	for _, w := range r.Words {
		if strings.Contains(p.Sector, w) || strings.Contains(p.Name, w) {
			return w, true
		}
	}
	return "", false
}

// CheckChannelMarks validates manual marks: known channels, fit or unfit
// (an empty mark removes it).
func CheckChannelMarks(marks map[Channel]string) error {
	for c, m := range marks {
		if !c.Valid() {
			return FieldError("channels", "%q is not a channel (central_budget, special_bonds, policy_finance, ultra_long_bonds)", string(c))
		}
		if m != MarkFit && m != MarkUnfit && m != "" {
			return FieldError("channels."+string(c), "must be fit, unfit or empty")
		}
	}
	return nil
}
