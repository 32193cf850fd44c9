package i18n

func init() { register(zhPublic, false) }

// zhPublic: the public side (issue 10) and the confidential flag.
var zhPublic = map[string]string{
	"Campaign progress": "大会战进展",
	"Public projects, months 1-%d; confidential projects are not shown.": "公开项目，1-%d月；涉密项目不予公开。",
	"%s of the 1,000 亿元 target":                                          "占1000亿元目标的%s",
	"%d projects":                                                        "%d个项目",
	"only the campaign office may mark a project confidential":           "只有指挥部办公室可以将项目标为涉密",
	"no public projects in the %d plan":                                  "%d年计划中没有公开项目",
	"Confidential":                                                       "涉密",
	"Confidential (not published)":                                       "涉密（不公开）",
	"No projects yet.":                                                   "暂无项目。",
}
