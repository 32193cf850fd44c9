package i18n

func init() { register(zhHardening, false) }

// zhHardening: refusals of a project delete (qianxiang.ProjectTies) and
// the settings form's required fields.
var zhHardening = map[string]string{
	"the project has %d monthly reports sent to the office, which dispatches have counted: it cannot be deleted; correct its details instead": "该项目已有 %d 份月报报送，已计入调度，不能删除；如信息有误请修改项目信息",
	"%d problems were raised on the project and stay on record: it cannot be deleted":                                                         "该项目已提出 %d 个问题并留档，不能删除",
	"%d deputies' suggestions name the project: it cannot be deleted":                                                                         "有 %d 件代表建议涉及该项目，不能删除",
	"%d liaison-station problems name the project: it cannot be deleted":                                                                      "有 %d 个联络站问题涉及该项目，不能删除",
	"list at least one sector, one a line":                                                                                                    "请至少填写一个行业，每行一个",
}
