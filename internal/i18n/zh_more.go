package i18n

func init() {
	register(zhMoreTerms, true)
	register(zhMore, false)
}

// zhMoreTerms: field names of refusals not named in zhTerms.
var zhMoreTerms = map[string]string{
	"file": "文件", "page": "页码", "status": "状态", "id": "编号",
}

// zhMore: the services', the store's and the command line's messages that
// had no Chinese yet.
var zhMore = map[string]string{
	// Services and forms.
	"%q is not one of city, county, department, unit":          "%q 不是有效的单位类型（city、county、department、unit）",
	"is longer than 2000 characters":                           "超过 2000 个字符",
	"not a date":                                               "不是有效日期",
	"the report was created by someone else meanwhile; reload": "该月报已被他人创建，请刷新",

	// Backup and restore.
	"the target database is not empty; restore only into a new database": "目标数据库不是空的，只能恢复到新建的数据库",
	"not a Qianxiang backup (not gzip)":                                  "不是千项备份文件（不是 gzip 格式）",
	"not a Qianxiang backup":                                             "不是千项备份文件",
	"backup format version %d is newer than this program understands":    "备份格式版本 %d 高于本程序支持的版本",
	"the backup is damaged: %s":                                          "备份文件已损坏：%s",
	"the backup names an unknown table":                                  "备份文件中有未知的数据表",
	"the backup is damaged in table %s":                                  "备份文件中数据表 %s 已损坏",

	// The database connection.
	"database DSN is empty":            "未指定数据库连接串",
	"malformed PostgreSQL DSN %q":      "PostgreSQL 连接串 %q 格式错误",
	"sqlite DSN names no file":         "SQLite 连接串未指定数据库文件",
	"cannot reach the database %s: %s": "无法连接数据库 %s：%s",
	"unknown database DSN scheme in %q (use a file path, sqlite:PATH or postgres://…)": "无法识别连接串 %q 的数据库类型（请使用文件路径、sqlite:路径 或 postgres://…）",

	// The command line.
	"cannot open %s":  "无法打开 %s",
	"cannot write %s": "无法写入 %s",
	"is required: nothing was read from standard input": "必填：未从标准输入读到内容",
	"audit broken: %d findings in %d entries":           "审计链已损坏：%d 处问题，共 %d 条记录",
}
