package i18n

func init() { register(zhScale, false) }

// zhScale: what the server says while its database cannot serve.
var zhScale = map[string]string{
	"the database's disk is full: nothing was saved; the operator must free space, then try again":           "数据库所在磁盘已满：本次未保存任何内容；请运维人员清理空间后重试",
	"the database is read-only: nothing was saved; the operator must make it writable again, then try again": "数据库当前为只读：本次未保存任何内容；请运维人员恢复可写后重试",
	"the database cannot be reached just now (it may be restarting): try again in a moment":                  "暂时无法连接数据库（可能正在重启）：请稍后重试",
	"--db-read needs a PostgreSQL primary and a PostgreSQL replica":                                          "--db-read 需要 PostgreSQL 主库和 PostgreSQL 只读副本",
	"cannot reach the read replica %s: %s":                                                                   "无法连接只读副本 %s：%s",
	"the read replica %s does not hold this database's tables (schema %s): is it a standby of the primary?":  "只读副本 %s 中没有本数据库的表（模式 %s）：它是主库的备库吗？",
}
