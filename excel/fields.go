package excel

// field names a column's meaning; it is also the Field of error details,
// so the names follow the API's JSON.
type field string

const (
	fSeq       field = "seq"
	fName      field = "name"
	fCode      field = "code"
	fOwner     field = "owner"
	fCounty    field = "county"
	fLeadOrg   field = "lead_org"
	fKind      field = "kind"
	fSector    field = "sector"
	fScope     field = "scope"
	fTotal     field = "total_investment"
	fAnnual    field = "annual_plan"
	fStart     field = "planned_start"
	fEnd       field = "planned_end"
	fSpan      field = "span"
	fLeader    field = "leader"
	fContact   field = "contact"
	fPhone     field = "phone"
	fInStats   field = "in_stats"
	fNotes     field = "notes"
	fCompleted field = "completed"
	fYTD       field = "completed_ytd"
	fProgress  field = "progress"
	fStarted   field = "started"
	fStartedOn field = "started_on"
	fProblem   field = "problem"
)

// columnSpec is a field with the header texts that name it, after
// normalisation (see headerKey); the first is the canonical header, and
// earlier aliases win when two columns name the same field.
type columnSpec struct {
	field   field
	aliases []string
	amount  bool // read in the sheet's unit
}

// The project list's columns, as import-format.md lists them. "年度计划投资"
// also stands for "2023年计划投资": headerKey rewrites a leading year.
var projectColumns = []columnSpec{
	{fSeq, []string{"序号"}, false},
	{fName, []string{"项目名称"}, false},
	{fCode, []string{"项目代码", "统一项目代码", "项目编码", "赋码"}, false},
	{fOwner, []string{"建设单位", "项目单位", "业主单位", "实施主体", "项目法人"}, false},
	{fCounty, []string{"县(市区)", "县市区", "所在县(市区)", "所在地", "属地", "建设地点"}, false},
	{fLeadOrg, []string{"责任单位", "牵头单位", "市直责任单位", "主管部门"}, false},
	{fKind, []string{"项目类型", "建设性质", "项目性质", "类别"}, false},
	{fSector, []string{"行业类别", "行业", "所属领域", "产业类别", "项目类别"}, false},
	{fScope, []string{"建设内容及规模", "建设规模及内容", "主要建设内容", "建设内容"}, false},
	{fTotal, []string{"总投资", "计划总投资", "项目总投资"}, true},
	{fAnnual, []string{"年度计划投资", "本年计划投资", "年度投资计划", "年计划投资"}, true},
	{fStart, []string{"计划开工时间", "开工时间", "预计开工时间"}, false},
	{fEnd, []string{"计划竣工时间", "竣工时间", "预计竣工时间"}, false},
	{fSpan, []string{"建设起止年限", "建设年限", "起止年限"}, false},
	{fLeader, []string{"包联市领导", "包联领导", "市级包联领导", "责任领导"}, false},
	{fContact, []string{"联系人", "项目联系人"}, false},
	{fPhone, []string{"联系电话", "电话"}, false},
	{fInStats, []string{"是否入库", "是否入统", "入库情况"}, false},
	{fNotes, []string{"备注"}, false},
}

// The monthly report's columns. "累计完成投资" also stands for
// "1-3月累计完成投资": headerKey drops a month range.
var reportColumns = []columnSpec{
	{fSeq, []string{"序号"}, false},
	{fName, []string{"项目名称"}, false},
	{fCode, []string{"项目代码", "统一项目代码", "项目编码", "赋码"}, false},
	{fCounty, []string{"县(市区)", "县市区", "所在县(市区)", "所在地", "属地", "建设地点"}, false},
	{fCompleted, []string{"本月完成投资", "当月完成投资", "本月完成", "当月完成", "本月完成额"}, true},
	{fYTD, []string{"累计完成投资", "年度累计完成投资", "本年累计完成投资", "年累计完成投资", "累计完成"}, true},
	{fProgress, []string{"形象进度", "本月形象进度", "工程形象进度", "项目进展情况", "进展情况"}, false},
	{fStarted, []string{"是否开工"}, false},
	{fStartedOn, []string{"开工时间", "实际开工时间"}, false},
	{fProblem, []string{"存在问题", "存在的问题", "存在问题及建议", "问题及建议", "需协调解决的问题"}, false},
}

// classAliases are headers that name the office's usual classification
// lists whatever the office called them (a list is also named by its own
// name and headers, ImportOptions.Classes): by list code.
var classAliases = map[string][]string{
	"chain": {"产业链", "所属产业链", "重点产业链", "产业链条"},
	"town":  {"专业镇", "特色专业镇", "所属专业镇", "特色小镇"},
}

// canonical gives the header a column is known by, for messages.
func canonical(specs []columnSpec, f field) string {
	for _, s := range specs {
		if s.field == f {
			if f == fCounty {
				return "县（市、区）"
			}
			return s.aliases[0]
		}
	}
	return string(f)
}
